// Corrections of a member's leaving (DESIGN.md, "Corrections"): its day or reason entered wrongly,
// or a leaving recorded by error and voided (the member is present again, their last placement
// open once more, following its cell's merges). The placements are written again from the facts
// (placement-history.ts) with the checks of a first entry; what the member did after a corrected,
// earlier leaving (a recognition vote, introducing a candidate) would have been refused, so the
// correction is. A removal after probation is the committee's decision, not corrected here.
import type { LeavingReason } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { memberById } from './lookup.ts';
import { movesOf, rewritePlacements } from './placement-history.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

export interface CorrectLeavingInput {
  memberId: number;
  reason: string;
  /** The day the member really left. */
  leftOn?: string | null;
  /** Why the member really left. */
  leftReason?: LeavingReason | null;
}

const DECIDED: LeavingReason = 'REMOVED_AFTER_PROBATION';

async function leaver(tx: Tx, input: { memberId: number; reason: string }) {
  if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
  const member = await memberById(tx, input.memberId);
  if (!member.leftOn) refuse('NOT_FOUND', 'memberId', { thing: 'leaving' });
  if (member.leftReason === DECIDED) refuse('LEAVING_BY_DECISION', 'memberId');
  return member;
}

/** Refuses a leaving on `on` when the member acted as a member on or after it. */
async function ensureNothingAfter(tx: Tx, memberId: number, on: string) {
  const later =
    (await tx.recognitionVote.count({ where: { memberId, on: { gte: on } } })) +
    (await tx.recognitionDecision.count({ where: { memberId, on: { gte: on } } })) +
    (await tx.introduction.count({
      where: { memberId, candidate: { events: { some: { stage: 'INTRODUCED', on: { gte: on } } } } },
    }));
  if (later > 0) refuse('LATER_FACTS_DEPEND', 'leftOn', { what: 'memberHistory' });
}

export function correctLeaving({ actor, input }: WriteOptions<CorrectLeavingInput>) {
  return write(async (tx) => {
    const before = await leaver(tx, input);
    const leftOn = input.leftOn ?? before.leftOn!;
    const leftReason = input.leftReason ?? before.leftReason;
    if (leftReason === DECIDED) refuse('LEAVING_BY_DECISION', 'leftReason');
    await ensureNothingAfter(tx, before.id, leftOn);
    await rewritePlacements(tx, { ...before, leftOn }, await movesOf(tx, before.placements), 'leftOn');
    const member = await tx.member.update({ where: { id: before.id }, data: { leftOn, leftReason } });
    await audit(tx, actor, {
      action: 'correctLeaving',
      entityType: 'Member',
      entityId: before.id,
      before: { leftOn: before.leftOn, leftReason: before.leftReason, placements: before.placements },
      after: { leftOn, leftReason, placements: (await memberById(tx, before.id)).placements },
      reason: input.reason.trim(),
    });
    return member;
  });
}

/** Voids a leaving recorded by error: the member is present again from the day it said. */
export function voidLeaving({ actor, input }: WriteOptions<{ memberId: number; reason: string }>) {
  return write(async (tx) => {
    const before = await leaver(tx, input);
    await rewritePlacements(tx, { ...before, leftOn: null }, await movesOf(tx, before.placements), 'memberId');
    const member = await tx.member.update({ where: { id: before.id }, data: { leftOn: null, leftReason: null } });
    await audit(tx, actor, {
      action: 'voidLeaving',
      entityType: 'Member',
      entityId: before.id,
      before: { leftOn: before.leftOn, leftReason: before.leftReason, placements: before.placements },
      after: { leftOn: null, leftReason: null, placements: (await memberById(tx, before.id)).placements },
      reason: input.reason.trim(),
    });
    return member;
  });
}
