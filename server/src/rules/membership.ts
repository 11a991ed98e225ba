// Rules for a member's life after admission: placements (chuyển sinh hoạt), the cell's votes on
// recognition as a full member after probation, leaving. Pure.
import { addMonths, policyOn, voteCarries } from './policy.ts';
import { type Violation, violation } from './violations.ts';
import { validateVote, validateVoteFigures } from './votes.ts';

export interface MemberFacts {
  admittedOn: string;
  officialOn: string | null;
  leftOn: string | null;
  /** Start of the placement that is open (the member's current cell), if any. */
  currentPlacementOn: string | null;
}

const hasLeft = (m: MemberFacts, on: string): Violation[] =>
  m.leftOn && m.leftOn <= on ? [violation('MEMBER_LEFT', 'memberId', { on: m.leftOn })] : [];

/** A new placement (or an end) on `on` must come after the start of the current one. */
const after = (on: string, start: string | null, field: string): Violation[] =>
  start && on <= start ? [violation('PLACEMENT_OVERLAP', field, { on, start })] : [];

/** A transfer on `on` ends the current placement and starts the next: the two never overlap. */
export function validateTransfer(m: MemberFacts, on: string, sameCell: boolean): Violation[] {
  if (sameCell) return [violation('SAME_CELL', 'toCellCode')];
  return [...hasLeft(m, on), ...after(on, m.currentPlacementOn ?? m.admittedOn, 'on')].slice(0, 1);
}

export interface RecognitionVoteFacts {
  on: string;
  votesFor: number;
  votesEligible: number;
}

/**
 * A recognition vote: on a probationary member who has not left, after the 12 months of
 * probation, after the previous vote. `mustPass` (recogniseMember) also requires two thirds.
 */
export function validateRecognitionVote(
  m: MemberFacts,
  previous: { on: string }[],
  vote: RecognitionVoteFacts,
  mustPass = false,
): Violation[] {
  const policy = policyOn(vote.on);
  if (m.officialOn) return [violation('ALREADY_FULL_MEMBER', 'memberId', { on: m.officialOn })];
  if (m.leftOn) return [violation('MEMBER_LEFT', 'memberId', { on: m.leftOn })];
  const end = addMonths(m.admittedOn, policy.probationMonths);
  if (vote.on < end) return [violation('PROBATION_NOT_OVER', 'on', { months: policy.probationMonths, end })];
  const last = previous.at(-1)?.on;
  if (last && vote.on <= last) return [violation('VOTE_NOT_AFTER_PREVIOUS', 'on', { on: vote.on, previous: last })];
  return mustPass
    ? validateVote(vote.on, vote.votesFor, vote.votesEligible)
    : validateVoteFigures(vote.votesFor, vote.votesEligible);
}

/** What a valid vote does: two thirds make a full member; the policy's last failed vote removes. */
export function recognitionOutcome(vote: RecognitionVoteFacts, previous: { passed: boolean }[]) {
  const policy = policyOn(vote.on);
  const passed = voteCarries(policy, vote.votesFor, vote.votesEligible);
  const failed = previous.filter((v) => !v.passed).length + (passed ? 0 : 1);
  return { passed, removes: !passed && failed >= policy.failedRecognitionVotesForRemoval };
}

export function validateLeaving(m: MemberFacts, on: string): Violation[] {
  if (m.leftOn) return [violation('MEMBER_LEFT', 'memberId', { on: m.leftOn })];
  return after(on, m.currentPlacementOn ?? m.admittedOn, 'on');
}

/** The day the probation of a member admitted on `admittedOn` ends, under the policy of that day. */
export function probationEndsOn(admittedOn: string): string {
  return addMonths(admittedOn, policyOn(admittedOn).probationMonths);
}

/** A member's history: placements start in order, the first on the admission day. */
export function validateHistory(admittedOn: string, officialOn: string | null, starts: string[]): Violation[] {
  if (starts[0] !== admittedOn) return [violation('FIRST_PLACEMENT_NOT_ADMISSION', 'placements')];
  for (let i = 1; i < starts.length; i++) {
    const broken = after(starts[i]!, starts[i - 1]!, 'placements');
    if (broken.length) return broken;
  }
  const end = probationEndsOn(admittedOn);
  if (officialOn && officialOn < end)
    return [violation('PROBATION_NOT_OVER', 'officialOn', { months: policyOn(admittedOn).probationMonths, end })];
  return [];
}
