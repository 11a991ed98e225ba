// The candidate's path to admission (DESIGN.md, "Candidates"): which stage may follow which, and
// what each step must satisfy. Pure: the caller gathers the facts, these functions judge them.

import { CANDIDATE_PATH } from '@ketnap/prisma/candidate-path.ts';
import { ageOn, yearsBefore } from './dates.ts';
import { deadline, decisionWorkingDays } from './deadlines.ts';
import { type IntroducerFacts, validateIntroducers } from './introducers.ts';
import { fullMonthsBetween, policyOn } from './policy.ts';
import { type Violation, violation } from './violations.ts';
import { validateVote } from './votes.ts';
import type { WorkingCalendar } from './working-days.ts';

export const PATH = CANDIDATE_PATH;
export type Stage = (typeof PATH)[number] | 'WITHDRAWN' | 'REJECTED';
export const CLOSED: Stage[] = ['ADMITTED', 'WITHDRAWN', 'REJECTED'];

/**
 * The path of a candidate of a grassroots cell (chi bộ cơ sở), or of a cell under a grassroots
 * committee: a grassroots cell has no grassroots committee above it, so no committee vote; its
 * resolution goes straight to the competent committee's decision.
 */
export function pathOf(inGrassrootsCell: boolean): readonly Stage[] {
  return inGrassrootsCell ? PATH.filter((s) => s !== 'COMMITTEE_VOTED') : PATH;
}

/** The stages that may follow `stage`: the next on the path, or leaving it (withdrawn, rejected). */
export function nextStages(stage: Stage, inGrassrootsCell = false): Stage[] {
  if (CLOSED.includes(stage)) return [];
  const path = pathOf(inGrassrootsCell);
  // A candidate who reached a stage that is not on this path (moved in from another cell) goes on from the next one.
  const next = PATH.slice(PATH.indexOf(stage as (typeof PATH)[number]) + 1).find((s) => path.includes(s));
  return [...(next ? [next] : []), 'WITHDRAWN', 'REJECTED'];
}

export interface CandidateFacts {
  stage: Stage;
  stageOn: string;
  birthDate: string;
  isYouthUnionMember: boolean;
  isTradeUnionMember: boolean;
  workplaceHasTradeUnion: boolean;
  /** The candidate's cell is a grassroots cell (chi bộ cơ sở): no committee vote on its path. */
  inGrassrootsCell: boolean;
  certificateOn: string | null;
  /** Over 60 at the cell vote: the decision allowing it and the committee that approved it. */
  ageException: string | null;
  ageExceptionBy: string | null;
  /** Dates of the cell's vote and of the decision, when they happened. */
  cellVotedOn: string | null;
  decidedOn: string | null;
  /** The day the decision's deadline was extended, when it was. */
  decisionExtendedOn: string | null;
}

/** An exception to the age limit: the approving committee and its decision. */
export interface AgeException {
  by: string;
  decision: string;
}

export interface Step {
  stage: Stage;
  on: string;
  votesFor?: number | null;
  votesEligible?: number | null;
  certificateOn?: string | null;
  ageException?: AgeException | null;
  introducers?: IntroducerFacts[];
  /** DECIDED: the caller asserts an extension, which must be on record (extendDecisionDeadline). */
  isExtended?: boolean | null;
}

function cellVote(c: CandidateFacts, step: Step): Violation[] {
  const policy = policyOn(step.on);
  // Whole months: 60 years and 0 months is within, 60 years and 1 month is over (DESIGN.md).
  const months = fullMonthsBetween(c.birthDate, step.on);
  const exception =
    step.ageException ?? (c.ageException ? { by: c.ageExceptionBy ?? '', decision: c.ageException } : null);
  if (exception && (!exception.by.trim() || !exception.decision.trim()))
    return [violation('AGE_EXCEPTION_INCOMPLETE', 'ageException')];
  const limits = { age: ageOn(c.birthDate, step.on), months: months % 12, min: policy.minAge, max: policy.maxAge };
  if (months < policy.minAge * 12 || (months > policy.maxAge * 12 && !exception))
    return [violation('AGE_OUT_OF_RANGE', 'birthDate', limits)];
  if (!c.certificateOn || c.certificateOn <= yearsBefore(step.on, policy.certificateValidityYears))
    return [violation('CERTIFICATE_EXPIRED', 'certificateOn', { years: policy.certificateValidityYears })];
  return validateVote(step.on, step.votesFor, step.votesEligible);
}

/** Everything wrong with taking `step` from the candidate's current state; empty when allowed. */
export function validateStep(c: CandidateFacts, step: Step, calendar: WorkingCalendar): Violation[] {
  const allowed = nextStages(c.stage, c.inGrassrootsCell);
  if (step.stage === 'COMMITTEE_VOTED' && c.inGrassrootsCell)
    return [violation('NO_GRASSROOTS_COMMITTEE', 'stage', { allowed: allowed.join(', ') })];
  if (!allowed.includes(step.stage))
    return [violation('STAGE_ORDER', 'stage', { from: c.stage, to: step.stage, allowed: allowed.join(', ') })];
  if (step.on < c.stageOn) return [violation('DATE_BEFORE_PREVIOUS_STEP', 'on', { on: step.on, previous: c.stageOn })];
  const policy = policyOn(step.on);
  switch (step.stage) {
    case 'TRAINED':
      return !step.certificateOn || step.certificateOn > step.on
        ? [violation('CERTIFICATE_MISSING', 'certificateOn')]
        : [];
    case 'INTRODUCED':
      return validateIntroducers(c, step.on, step.introducers ?? []);
    case 'CELL_VOTED':
      return cellVote(c, step);
    case 'COMMITTEE_VOTED':
      return validateVote(step.on, step.votesFor, step.votesEligible);
    case 'DECIDED': {
      if (step.isExtended && !c.decisionExtendedOn) return [violation('EXTENSION_NOT_RECORDED', 'isExtended')];
      const days = decisionWorkingDays(policy, c.decisionExtendedOn !== null);
      return deadline('DECISION_LATE', c.cellVotedOn, days, step.on, calendar);
    }
    case 'ADMITTED':
      return deadline('CEREMONY_LATE', c.decidedOn, policy.ceremonyWorkingDays, step.on, calendar);
    default:
      return [];
  }
}

/** Moving a candidate to another cell from `on`: on the path still, not back in time, elsewhere. */
export function validateCandidateMove(
  c: { stage: Stage; stageOn: string },
  on: string,
  sameCell: boolean,
): Violation[] {
  if (CLOSED.includes(c.stage)) return [violation('CANDIDATE_PATH_ENDED', 'candidateId', { stage: c.stage })];
  if (sameCell) return [violation('CANDIDATE_SAME_CELL', 'toCellCode')];
  if (on < c.stageOn) return [violation('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: c.stageOn })];
  return [];
}
