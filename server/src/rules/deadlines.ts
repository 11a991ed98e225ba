// Deadlines of the admission path, in working days (DESIGN.md, "Candidates"): the admission
// decision within 60 working days of the cell's resolution, or 60 + 30 when the competent committee
// extended it (gia hạn) before the 60 ran out; the ceremony within 30 of the decision. Pure.
import { type AdmissionPolicy, policyOn } from './policy.ts';
import { type Violation, violation } from './violations.ts';
import { addWorkingDays, type WorkingCalendar } from './working-days.ts';

/** Working days the competent committee has for its decision after the cell's resolution. */
export function decisionWorkingDays(policy: AdmissionPolicy, isExtended: boolean): number {
  return policy.decisionWorkingDays + (isExtended ? policy.decisionExtensionWorkingDays : 0);
}

/** A step on `on` later than `days` working days after `from` breaks the deadline `code`. */
export function deadline(
  code: 'DECISION_LATE' | 'CEREMONY_LATE' | 'EXTENSION_LATE',
  from: string | null,
  days: number,
  on: string,
  calendar: WorkingCalendar,
): Violation[] {
  const due = from ? addWorkingDays(calendar, from, days) : null;
  return due && on > due ? [violation(code, 'on', { days, due })] : [];
}

export interface AwaitingDecision {
  stage: string;
  cellVotedOn: string | null;
  decisionExtendedOn: string | null;
}

/**
 * Extending the decision's deadline on `on`: only while the candidate waits for the decision
 * (after the cell's vote), once, and before the 60 working days have run out.
 */
export function validateExtension(c: AwaitingDecision, on: string, calendar: WorkingCalendar): Violation[] {
  if (!['CELL_VOTED', 'COMMITTEE_VOTED'].includes(c.stage) || !c.cellVotedOn)
    return [violation('NOT_AWAITING_DECISION', 'candidateId', { stage: c.stage })];
  if (c.decisionExtendedOn)
    return [violation('DECISION_ALREADY_EXTENDED', 'candidateId', { on: c.decisionExtendedOn })];
  if (on < c.cellVotedOn) return [violation('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: c.cellVotedOn })];
  return deadline('EXTENSION_LATE', c.cellVotedOn, policyOn(on).decisionWorkingDays, on, calendar);
}
