// Đảng viên: transfers between cells (chuyển sinh hoạt) and leaving. Recording a member with their
// history is in member-history.ts; the recognition votes after probation are in recognition.ts.
import type { LeavingReason } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { touchMembers } from '../derived/track.ts';
import { type MemberFacts, validateLeaving, validateTransfer } from '../rules/membership.ts';
import { activeCell, memberById } from './lookup.ts';
import { placementSpans } from './placements.ts';
import { audit, ensure, type Tx, type WriteOptions, write } from './write.ts';

type Loaded = Awaited<ReturnType<typeof memberById>>;

export const facts = (m: Loaded): MemberFacts => ({
  ...m,
  currentPlacementOn: m.placements.find((p) => p.endOn === null)?.startOn ?? null,
});

/** Ends the open placement on `on` (the day it changed), so placements never overlap. */
export async function closePlacement(tx: Tx, m: Loaded, on: string) {
  const open = m.placements.find((p) => p.endOn === null);
  if (open) await tx.placement.update({ where: { id: open.id }, data: { endOn: on } });
  return open;
}

export function transferMember({ actor, input }: WriteOptions<{ memberId: number; toCellCode: string; on: string }>) {
  return write(async (tx) => {
    const before = await memberById(tx, input.memberId);
    await touchMembers(tx, [before.id]);
    const to = await activeCell(tx, input.toCellCode, input.on, 'toCellCode');
    // The placement the transfer cuts: the one covering its day. A transfer dated inside the
    // member's history (before a later transfer, or before a recorded leaving) splits that
    // placement, and the new one ends where it ended: placements never overlap and never run
    // past the leaving.
    const covering =
      before.placements.find((p) => p.startOn <= input.on && (p.endOn === null || p.endOn > input.on)) ??
      before.placements.find((p) => p.endOn === null);
    const cut = { ...facts(before), currentPlacementOn: covering?.startOn ?? null };
    ensure(validateTransfer(cut, input.on, covering?.cellId === to.id));
    const spans = await placementSpans(tx, to, input.on, covering?.endOn ?? null, 'toCellCode');
    if (covering) await tx.placement.update({ where: { id: covering.id }, data: { endOn: input.on } });
    await tx.placement.createMany({ data: spans.map((span) => ({ memberId: before.id, ...span })) });
    const placement = spans[0];
    const current = covering;
    await audit(tx, actor, {
      action: 'transferMember',
      entityType: 'Member',
      entityId: before.id,
      before: current,
      after: placement,
    });
    return tx.member.findUniqueOrThrow({ where: { id: before.id } });
  });
}

export function recordLeaving({ actor, input }: WriteOptions<{ memberId: number; on: string; reason: LeavingReason }>) {
  return write(async (tx) => {
    const before = await memberById(tx, input.memberId);
    await touchMembers(tx, [before.id]);
    ensure(validateLeaving(facts(before), input.on));
    await closePlacement(tx, before, input.on);
    const member = await tx.member.update({
      where: { id: before.id },
      data: { leftOn: input.on, leftReason: input.reason },
    });
    const { placements: _, ...plain } = before;
    await audit(tx, actor, {
      action: 'recordLeaving',
      entityType: 'Member',
      entityId: before.id,
      before: plain,
      after: member,
    });
    return member;
  });
}
