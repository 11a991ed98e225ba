// Xét công nhận đảng viên chính thức (DESIGN.md, "Candidates"): after the 12 months of probation
// the cell votes, against its roster; a vote is a proposal (two thirds for recognition, or for
// removal, or neither). The competent committee's decision is recorded (decideRecognition): a
// recognised member is a full member from the day the probation ended; a removed one leaves on
// the decision's day (REMOVED_AFTER_PROBATION), the placement closed, in the same transaction.
// After three votes reaching two thirds neither way, the superior committee decides.

import { touchMembers } from '../derived/track.ts';
import {
  isReferred,
  type Proposal,
  probationEndsOn,
  recognitionProposal,
  validateLeaving,
  validateRecognitionDecision,
  validateRecognitionVote,
  validateRecognitionVoteDay,
} from '../rules/membership.ts';
import { memberById } from './lookup.ts';
import { closePlacement, facts } from './members.ts';
import { cellVoteBase } from './vote-base.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

export interface RecognitionVoteInput {
  memberId: number;
  on: string;
  votesFor: number;
  /** Members voting for removal (default 0). */
  votesAgainst?: number | null;
  /** Checked against the roster when given. */
  votesEligible?: number | null;
  absentExcused?: number[] | null;
}

type Loaded = Awaited<ReturnType<typeof memberById>>;

/** The member's votes so far, each with what it proposed, and whether a decision is recorded. */
async function history(tx: Tx, memberId: number) {
  const votes = await tx.recognitionVote.findMany({ where: { memberId }, orderBy: { on: 'asc' } });
  const decided = (await tx.recognitionDecision.count({ where: { memberId } })) > 0;
  return { votes: votes.map((v) => ({ ...v, proposal: recognitionProposal(v) as Proposal })), decided };
}

/** The member's cell on `on`: the placement covering the day. */
function cellOn(member: Loaded, on: string): number {
  const placement = member.placements.find((p) => p.startOn <= on && (p.endOn === null || p.endOn > on));
  if (!placement) refuse('MEMBER_LEFT', 'memberId', { on: member.leftOn ?? on });
  return placement.cellId;
}

function vote(
  { actor, input }: WriteOptions<RecognitionVoteInput>,
  action: 'recordRecognitionVote' | 'recogniseMember',
) {
  return write(async (tx) => {
    const before = await memberById(tx, input.memberId);
    const { votes, decided } = await history(tx, before.id);
    const figures = { on: input.on, votesFor: input.votesFor, votesAgainst: input.votesAgainst ?? 0, votesEligible: 0 };
    // Order and state first (they need no roster), then the vote against the cell's roster that day.
    ensure(validateRecognitionVoteDay(facts(before), votes, input.on, decided));
    figures.votesEligible = await cellVoteBase(tx, cellOn(before, input.on), input.on, input);
    ensure(validateRecognitionVote(facts(before), votes, figures, action === 'recogniseMember', decided));
    const proposal = recognitionProposal(figures);
    const recorded = await tx.recognitionVote.create({
      data: { memberId: before.id, ...figures, passed: proposal === 'RECOGNISE' },
    });
    const { placements: _, ...plain } = before;
    await audit(tx, actor, {
      action,
      entityType: 'Member',
      entityId: before.id,
      before: plain,
      after: { ...plain, vote: recorded, proposal, referred: isReferred([...votes, { ...recorded, proposal }]) },
    });
    return tx.member.findUniqueOrThrow({ where: { id: before.id } });
  });
}

/** Records the cell's recognition vote, whatever it proposes. */
export function recordRecognitionVote(options: WriteOptions<RecognitionVoteInput>) {
  return vote(options, 'recordRecognitionVote');
}

/** A vote that must propose recognition (a vote short of two thirds is refused and writes nothing). */
export function recogniseMember(options: WriteOptions<RecognitionVoteInput>) {
  return vote(options, 'recogniseMember');
}

export interface RecognitionDecisionInput {
  memberId: number;
  on: string;
  recognised: boolean;
  /** The committee deciding, and its decision as written. */
  by: string;
  decision: string;
}

/** The committee's decision: full member from the end of probation, or removed from its day. */
export function decideRecognition({ actor, input }: WriteOptions<RecognitionDecisionInput>) {
  return write(async (tx) => {
    const before = await memberById(tx, input.memberId);
    if (!input.by.trim()) refuse('REQUIRED', 'by', { input: 'by' });
    if (!input.decision.trim()) refuse('REQUIRED', 'decision', { input: 'decision' });
    const { votes, decided } = await history(tx, before.id);
    ensure(validateRecognitionDecision(facts(before), votes, input.on, decided));
    if (!input.recognised) ensure(validateLeaving(facts(before), input.on));
    const recorded = await tx.recognitionDecision.create({
      data: {
        memberId: before.id,
        on: input.on,
        recognised: input.recognised,
        by: input.by.trim(),
        decision: input.decision.trim(),
        referred: isReferred(votes),
      },
    });
    if (!input.recognised) {
      await touchMembers(tx, [before.id]);
      await closePlacement(tx, before, input.on);
    }
    const member = await tx.member.update({
      where: { id: before.id },
      data: input.recognised
        ? { officialOn: probationEndsOn(before.admittedOn) }
        : { leftOn: input.on, leftReason: 'REMOVED_AFTER_PROBATION' },
    });
    const { placements: _, ...plain } = before;
    await audit(tx, actor, {
      action: 'decideRecognition',
      entityType: 'Member',
      entityId: before.id,
      before: plain,
      after: { ...member, decision: recorded },
    });
    return member;
  });
}
