// Rules for a member's life after admission: placements (chuyển sinh hoạt), recognition as a full
// member after probation, leaving. Pure.
import { addMonths, policyOn } from './policy.ts';
import { validateVote } from './stages.ts';
import { type Violation, violation } from './violations.ts';

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

export function validateRecognition(m: MemberFacts, on: string, votesFor: number, votesEligible: number): Violation[] {
  const policy = policyOn(on);
  if (m.officialOn) return [violation('ALREADY_FULL_MEMBER', 'memberId', { on: m.officialOn })];
  const left = hasLeft(m, on);
  if (left.length) return left;
  const end = addMonths(m.admittedOn, policy.probationMonths);
  if (on < end) return [violation('PROBATION_NOT_OVER', 'on', { months: policy.probationMonths, end })];
  return validateVote(on, votesFor, votesEligible);
}

export function validateLeaving(m: MemberFacts, on: string): Violation[] {
  if (m.leftOn) return [violation('MEMBER_LEFT', 'memberId', { on: m.leftOn })];
  return after(on, m.currentPlacementOn ?? m.admittedOn, 'on');
}

/** A member's history: placements start in order, the first on the admission day. */
export function validateHistory(admittedOn: string, officialOn: string | null, starts: string[]): Violation[] {
  if (starts[0] !== admittedOn) return [violation('FIRST_PLACEMENT_NOT_ADMISSION', 'placements')];
  for (let i = 1; i < starts.length; i++) {
    const broken = after(starts[i]!, starts[i - 1]!, 'placements');
    if (broken.length) return broken;
  }
  const policy = policyOn(admittedOn);
  const end = addMonths(admittedOn, policy.probationMonths);
  if (officialOn && officialOn < end)
    return [violation('PROBATION_NOT_OVER', 'officialOn', { months: policy.probationMonths, end })];
  return [];
}
