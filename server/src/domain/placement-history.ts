// A member's placements as the facts staff entered — the admitting cell from the admission day,
// then each transfer's cell from its day — and the rows those facts make. A merge splits a
// placement (its rest runs in the cell merged into: placements.ts); that split is no fact of the
// member's own. So a correction changes the facts and writes the member's rows again from them,
// through the same checks as a first entry: the rows are then exactly those the right facts,
// entered first, would have made.
import type { Placement } from '@ketnap/prisma/generated/sqlite/client.ts';
import { touchMembers } from '../derived/track.ts';
import { validateHistory } from '../rules/membership.ts';
import { ensureAlive } from './lookup.ts';
import { placementSpans, type Span } from './placements.ts';
import { ensure, refuse, type Tx } from './write.ts';

/** One fact of a member's history: from `startOn`, the member belongs to `cellId`. */
export interface Move {
  cellId: number;
  startOn: string;
}

/** The facts behind a member's placement rows (oldest first): the rows a merge continued are left out. */
export async function movesOf(tx: Tx, placements: readonly Placement[]): Promise<Move[]> {
  const cells = new Map(
    (await tx.organisation.findMany({ where: { id: { in: placements.map((p) => p.cellId) } } })).map((c) => [c.id, c]),
  );
  const moves: Move[] = [];
  for (const [i, p] of placements.entries()) {
    const previous = placements[i - 1];
    const cell = previous && cells.get(previous.cellId);
    const continued =
      previous?.endOn === p.startOn && cell?.dissolvedOn === p.startOn && cell.mergedIntoId === p.cellId;
    if (!continued) moves.push({ cellId: p.cellId, startOn: p.startOn });
  }
  return moves;
}

interface MemberDates {
  id: number;
  admittedOn: string;
  leftOn: string | null;
}

/**
 * Checks the member's history as the facts now say (placements in order from the admission, no two
 * in a row in one cell, none starting once the member left, each cell alive on its day and for the
 * placement's span) and writes the member's placement rows again. `field` is the input at fault.
 * The member's derived contributions are noted before anything changes.
 */
export async function rewritePlacements(tx: Tx, member: MemberDates, moves: Move[], field: string): Promise<Span[]> {
  ensure(
    validateHistory(
      member.admittedOn,
      null,
      moves.map((m) => m.startOn),
    ).map((v) => ({ ...v, field })),
  );
  for (const [i, move] of moves.entries())
    if (i > 0 && moves[i - 1]!.cellId === move.cellId) refuse('SAME_CELL', field);
  const last = moves.at(-1);
  if (member.leftOn && last && member.leftOn <= last.startOn)
    refuse('PLACEMENT_OVERLAP', field, { on: member.leftOn, start: last.startOn });
  const cells = new Map(
    (await tx.organisation.findMany({ where: { id: { in: moves.map((m) => m.cellId) } } })).map((c) => [c.id, c]),
  );
  const spans: Span[] = [];
  for (const [i, move] of moves.entries()) {
    const cell = cells.get(move.cellId)!;
    ensureAlive(cell, move.startOn, field);
    spans.push(...(await placementSpans(tx, cell, move.startOn, moves[i + 1]?.startOn ?? member.leftOn, field)));
  }
  await touchMembers(tx, [member.id]);
  await tx.placement.deleteMany({ where: { memberId: member.id } });
  await tx.placement.createMany({ data: spans.map((span) => ({ memberId: member.id, ...span })) });
  return spans;
}
