// Xét công nhận đảng viên chính thức: the cell's votes on a probationary member after the 12 months
// of probation, each recorded, passed or failed. Two thirds make a full member from the vote's day;
// the policy's last failed vote (the third) removes the member — leaving recorded with reason
// REMOVED_AFTER_PROBATION and the placement closed — in the same transaction.

import { touchMembers } from '../derived/track.ts';
import { recognitionOutcome, validateLeaving, validateRecognitionVote } from '../rules/membership.ts';
import { memberById } from './lookup.ts';
import { closePlacement, facts } from './members.ts';
import { audit, ensure, type WriteOptions, write } from './write.ts';

export interface RecognitionVoteInput {
  memberId: number;
  on: string;
  votesFor: number;
  votesEligible: number;
}

type Action = 'recordRecognitionVote' | 'recogniseMember';

function vote({ actor, input }: WriteOptions<RecognitionVoteInput>, action: Action) {
  return write(async (tx) => {
    const before = await memberById(tx, input.memberId);
    const previous = await tx.recognitionVote.findMany({ where: { memberId: before.id }, orderBy: { on: 'asc' } });
    const { on, votesFor, votesEligible } = input;
    ensure(validateRecognitionVote(facts(before), previous, input, action === 'recogniseMember'));
    const { passed, removes } = recognitionOutcome(input, previous);
    if (removes) ensure(validateLeaving(facts(before), on));
    const recorded = await tx.recognitionVote.create({
      data: { memberId: before.id, on, votesFor, votesEligible, passed },
    });
    if (removes) await touchMembers(tx, [before.id]);
    if (removes) await closePlacement(tx, before, on);
    const member = await tx.member.update({
      where: { id: before.id },
      data: passed ? { officialOn: on } : removes ? { leftOn: on, leftReason: 'REMOVED_AFTER_PROBATION' } : {},
    });
    const { placements: _, ...plain } = before;
    await audit(tx, actor, {
      action,
      entityType: 'Member',
      entityId: before.id,
      before: plain,
      after: { ...member, vote: recorded },
    });
    return member;
  });
}

/** Records the cell's recognition vote, passed or failed, and what it decides. */
export function recordRecognitionVote(options: WriteOptions<RecognitionVoteInput>) {
  return vote(options, 'recordRecognitionVote');
}

/** Công nhận đảng viên chính thức: a passing vote only (a failed one is refused and writes nothing). */
export function recogniseMember(options: WriteOptions<RecognitionVoteInput>) {
  return vote(options, 'recogniseMember');
}
