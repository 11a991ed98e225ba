// The candidate's path to admission (DESIGN.md, "Candidates"): which stage may follow which, and
// what each step must satisfy. Pure: the caller gathers the facts, these functions judge them.

import { CANDIDATE_PATH } from '@ketnap/prisma/candidate-path.ts';
import { ageOn, yearsBefore } from './dates.ts';
import { deadline, decisionWorkingDays } from './deadlines.ts';
import { addMonths, fullMonthsBetween, policyOn } from './policy.ts';
import { type Violation, violation } from './violations.ts';
import { validateVote } from './votes.ts';
import type { WorkingCalendar } from './working-days.ts';

export const PATH = CANDIDATE_PATH;
export type Stage = (typeof PATH)[number] | 'WITHDRAWN' | 'REJECTED';
export const CLOSED: Stage[] = ['ADMITTED', 'WITHDRAWN', 'REJECTED'];

/** The stages that may follow `stage`: the next on the path, or leaving it (withdrawn, rejected). */
export function nextStages(stage: Stage): Stage[] {
  if (CLOSED.includes(stage)) return [];
  const next = PATH[PATH.indexOf(stage as (typeof PATH)[number]) + 1];
  return [...(next ? [next] : []), 'WITHDRAWN', 'REJECTED'];
}

export interface CandidateFacts {
  stage: Stage;
  stageOn: string;
  birthDate: string;
  isYouthUnionMember: boolean;
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

export interface IntroducerFacts {
  /** A member introducing: who, full member since, left on, and since when they know the candidate. */
  member?: { id: number; officialOn: string | null; leftOn: string | null; knownSince: string | null };
  /** Or the grassroots Youth Union committee (its name). */
  youthUnion?: string;
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

function introducers(c: CandidateFacts, step: Step): Violation[] {
  const policy = policyOn(step.on);
  const list = step.introducers ?? [];
  const youth = list.filter((i) => i.youthUnion);
  const members = list.filter((i) => i.member);
  if (youth.length > 0 && !(c.isYouthUnionMember && ageOn(c.birthDate, step.on) < policy.youthUnionUnderAge))
    return [violation('YOUTH_UNION_ROUTE_NOT_ALLOWED', 'introducers', { age: policy.youthUnionUnderAge })];
  const needed = youth.length > 0 ? policy.introducers - 1 : policy.introducers;
  if (youth.length > 1 || members.length !== needed || list.length !== policy.introducers)
    return [violation('INTRODUCERS_COUNT', 'introducers')];
  // Two introducers are two people: the same member cannot be named twice.
  if (new Set(members.map((i) => i.member?.id)).size !== members.length)
    return [violation('INTRODUCERS_NOT_DISTINCT', 'introducers')];
  const knownBy = addMonths(step.on, -policy.introducerKnownMonths);
  for (const { member } of members) {
    if (!member?.officialOn || member.officialOn > step.on || (member.leftOn && member.leftOn <= step.on))
      return [violation('INTRODUCER_NOT_FULL_MEMBER', 'introducers')];
    if (!member.knownSince || member.knownSince > knownBy)
      return [violation('INTRODUCER_KNOWN_TOO_SHORT', 'introducers', { months: policy.introducerKnownMonths })];
  }
  return [];
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
  const allowed = nextStages(c.stage);
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
      return introducers(c, step);
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
