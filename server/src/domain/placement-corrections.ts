// Corrections of where a member belonged (DESIGN.md, "Corrections"): a transfer's day or cell
// entered wrongly, or a transfer recorded by error and voided. The member's history is written
// again from the corrected facts (placement-history.ts) with the checks of a first entry, the
// derived figures follow in the same transaction, and the member's record keeps the change with
// its reason (Member.changes). The admission itself (the first placement) is correctMember's.
import { correctMemberIn } from './corrections.ts';
import { activeCell, memberById } from './lookup.ts';
import { type Move, movesOf, rewritePlacements } from './placement-history.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

interface Which {
  memberId: number;
  /** The placement to correct, named by the day it starts (a member is in one cell a day). */
  placementStartOn: string;
  /** Why: kept in the record's history. */
  reason: string;
}

export interface CorrectPlacementInput extends Which {
  /** The day it really started (the transfer's day); the previous placement ends on it. */
  startOn?: string | null;
  /** The cell it really was in. */
  cellCode?: string | null;
}

type Loaded = Awaited<ReturnType<typeof memberById>>;

/** The member, their facts, and which of them starts on `placementStartOn`. */
async function find(tx: Tx, input: Which) {
  if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
  const member = await memberById(tx, input.memberId);
  const moves = await movesOf(tx, member.placements);
  const index = moves.findIndex((m) => m.startOn === input.placementStartOn);
  if (index < 0) refuse('NOT_FOUND', 'placementStartOn', { thing: 'placement' });
  return { member, moves, index };
}

async function record(tx: Tx, actor: WriteOptions<unknown>['actor'], action: string, before: Loaded, why: string) {
  const after = await memberById(tx, before.id);
  await audit(tx, actor, {
    action,
    entityType: 'Member',
    entityId: before.id,
    before: { placements: before.placements },
    after: { placements: after.placements },
    reason: why.trim(),
  });
  return after;
}

export function correctPlacement({ actor, input }: WriteOptions<CorrectPlacementInput>) {
  return write(async (tx) => {
    const { member, moves, index } = await find(tx, input);
    const move = moves[index]!;
    const startOn = input.startOn ?? move.startOn;
    // The first placement is the admission: its day and cell are the member's own facts.
    if (index === 0) {
      if (startOn !== member.admittedOn) refuse('ADMISSION_PLACEMENT', 'startOn');
      await correctMemberIn(tx, {
        actor,
        input: { memberId: member.id, reason: input.reason, admittedInCellCode: input.cellCode ?? null },
      });
      return tx.member.findUniqueOrThrow({ where: { id: member.id } });
    }
    const cell = input.cellCode ? await activeCell(tx, input.cellCode, startOn, 'cellCode') : { id: move.cellId };
    const corrected: Move[] = moves.map((m, i) => (i === index ? { cellId: cell.id, startOn } : m));
    // Out of order after the change: the day is at fault (it passed a neighbour).
    await rewritePlacements(tx, member, corrected, input.startOn ? 'startOn' : 'cellCode');
    await record(tx, actor, 'correctPlacement', member, input.reason);
    return tx.member.findUniqueOrThrow({ where: { id: member.id } });
  });
}

/**
 * Voids a transfer recorded by error: the member stayed where they were, the previous placement
 * running on until the next transfer (or the leaving). A transfer back to that same cell then
 * moves nothing and goes too, as it would never have been entered.
 */
export function voidTransfer({ actor, input }: WriteOptions<Which>) {
  return write(async (tx) => {
    const { member, moves, index } = await find(tx, input);
    if (index === 0) refuse('ADMISSION_PLACEMENT', 'placementStartOn');
    const kept = moves.filter((_, i) => i !== index);
    const collapsed = kept.filter((m, i) => i === 0 || kept[i - 1]!.cellId !== m.cellId);
    await rewritePlacements(tx, member, collapsed, 'placementStartOn');
    await record(tx, actor, 'voidTransfer', member, input.reason);
    return tx.member.findUniqueOrThrow({ where: { id: member.id } });
  });
}
