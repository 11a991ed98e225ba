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
  /** Members voting for removal. */
  votesAgainst: number;
  votesEligible: number;
}

/** What a cell's recognition vote proposes: two thirds for recognition, or for removal, or neither. */
export type Proposal = 'RECOGNISE' | 'REMOVE' | 'NONE';

export function recognitionProposal(vote: RecognitionVoteFacts): Proposal {
  const policy = policyOn(vote.on);
  if (voteCarries(policy, vote.votesFor, vote.votesEligible)) return 'RECOGNISE';
  if (voteCarries(policy, vote.votesAgainst, vote.votesEligible)) return 'REMOVE';
  return 'NONE';
}

/** After this many votes reaching two thirds neither way, the superior committee decides. */
export function isReferred(previous: { proposal: Proposal; on: string }[]): boolean {
  const last = previous.at(-1);
  if (!last) return false;
  return previous.filter((v) => v.proposal === 'NONE').length >= policyOn(last.on).inconclusiveVotesForReferral;
}

/** A probationary member not yet decided on: not recognised, not left, no decision recorded. */
function undecided(m: MemberFacts, decided: boolean): Violation[] {
  if (m.officialOn) return [violation('ALREADY_FULL_MEMBER', 'memberId', { on: m.officialOn })];
  if (m.leftOn) return [violation('MEMBER_LEFT', 'memberId', { on: m.leftOn })];
  if (decided) return [violation('RECOGNITION_DECIDED', 'memberId')];
  return [];
}

/**
 * A cell's recognition vote (a proposal): on a probationary member not decided on, after the 12
 * months of probation, after the previous vote, unless the case went to the superior committee.
 * `mustPass` (recogniseMember) also requires two thirds for recognition.
 */
/** May a recognition vote be held on `on`? (Its order and the member's state: no figures needed.) */
export function validateRecognitionVoteDay(
  m: MemberFacts,
  previous: { on: string; proposal: Proposal }[],
  on: string,
  decided = false,
): Violation[] {
  const policy = policyOn(on);
  const open = undecided(m, decided);
  if (open.length) return open;
  const end = addMonths(m.admittedOn, policy.probationMonths);
  if (on < end) return [violation('PROBATION_NOT_OVER', 'on', { months: policy.probationMonths, end })];
  const last = previous.at(-1)?.on;
  if (last && on <= last) return [violation('VOTE_NOT_AFTER_PREVIOUS', 'on', { on, previous: last })];
  if (isReferred(previous)) return [violation('RECOGNITION_REFERRED', 'memberId')];
  return [];
}

/** A recognition vote: its day (validateRecognitionVoteDay), then its figures against its base. */
export function validateRecognitionVote(
  m: MemberFacts,
  previous: { on: string; proposal: Proposal }[],
  vote: RecognitionVoteFacts,
  mustPass = false,
  decided = false,
): Violation[] {
  const day = validateRecognitionVoteDay(m, previous, vote.on, decided);
  if (day.length) return day;
  const figures = mustPass
    ? validateVote(vote.on, vote.votesFor, vote.votesEligible)
    : validateVoteFigures(vote.votesFor, vote.votesEligible);
  if (figures.length) return figures;
  if (vote.votesAgainst < 0 || vote.votesFor + vote.votesAgainst > vote.votesEligible)
    return [violation('VOTES_INVALID', 'votesAgainst')];
  return [];
}

/**
 * The committee's decision on `on`: after a vote that proposed an outcome (the competent committee
 * decides on it), or after the votes that went to the superior committee. Returns whether referred.
 */
export function validateRecognitionDecision(
  m: MemberFacts,
  votes: { on: string; proposal: Proposal }[],
  on: string,
  decided: boolean,
): Violation[] {
  const open = undecided(m, decided);
  if (open.length) return open;
  const last = votes.at(-1);
  if (!last || (last.proposal === 'NONE' && !isReferred(votes)))
    return [violation('RECOGNITION_NOT_PROPOSED', 'memberId')];
  if (on < last.on) return [violation('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: last.on })];
  return [];
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
