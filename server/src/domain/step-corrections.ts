// Corrections of a candidate's path (DESIGN.md, "Corrections"): a step's day, body or figures
// entered wrongly, or the last step recorded by error and voided (the candidate's stage goes back
// to the step before). The stage rules are judged again on the corrected path (rules/path.ts); a
// cell vote's base is counted again from the roster of the cell that voted; a corrected ceremony
// day corrects the member's admission (correctMember); a voided ceremony removes the member it
// made, unless facts were recorded about them since (a transfer, a vote, a leaving, an
// introduction, where they live). The candidate keeps its history
// (Candidate.changes): who, when, before, after, why.
import type { Candidate, CandidateEvent } from '@ketnap/prisma/generated/sqlite/client.ts';
import { touchMembers } from '../derived/track.ts';
import type { IntroducerFacts } from '../rules/introducers.ts';
import { validatePathFrom } from '../rules/path.ts';
import type { Stage } from '../rules/stages.ts';
import { calendarFromEnv } from '../rules/working-days.ts';
import { correctMemberIn } from './corrections.ts';
import { candidateById, ensureAlive } from './lookup.ts';
import { movesOf } from './placement-history.ts';
import { cellVoteBase } from './vote-base.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

const calendar = calendarFromEnv();

interface Which {
  candidateId: number;
  /** The step, named by its stage (a path passes each stage once). */
  stage: Stage;
  reason: string;
}

export interface CorrectStepInput extends Which {
  on?: string | null;
  actingBody?: string | null;
  votesFor?: number | null;
  votesEligible?: number | null;
  /** CELL_VOTED: the excused absentees (members' ids), when the base is counted again. */
  absentExcused?: number[] | null;
  /** TRAINED: the day of the course certificate. */
  certificateOn?: string | null;
  note?: string | null;
}

async function path(tx: Tx, input: Which) {
  if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
  const candidate = await candidateById(tx, input.candidateId);
  const steps = await tx.candidateEvent.findMany({ where: { candidateId: candidate.id }, orderBy: { id: 'asc' } });
  const index = steps.findIndex((s) => s.stage === input.stage);
  if (index < 0) refuse('NOT_FOUND', 'stage', { thing: 'step' });
  return { candidate, steps, index, step: steps[index]! };
}

/**
 * The candidate as it stood just before `stage` was taken, as advanceCandidate recorded it in the
 * audit trail (the cell it was in, its certificate, memberships, age exception); null for a step
 * loaded with a dataset.
 */
async function beforeStep(tx: Tx, candidate: Candidate, stage: Stage): Promise<Candidate | null> {
  const events = await tx.auditEvent.findMany({
    where: { entityType: 'Candidate', entityId: String(candidate.id), action: 'advanceCandidate' },
    orderBy: { id: 'desc' },
  });
  for (const event of events) {
    if (event.before && event.after && JSON.parse(event.after).stage === stage) return JSON.parse(event.before);
  }
  return null;
}

const VOTES: Stage[] = ['CELL_VOTED', 'COMMITTEE_VOTED'];

/** Refuses a figure given for a step that has none. */
function ensureBelongs(input: CorrectStepInput) {
  const stage = { stage: input.stage };
  if (input.certificateOn != null && input.stage !== 'TRAINED') refuse('NOT_FOR_THIS_STEP', 'certificateOn', stage);
  for (const field of ['votesFor', 'votesEligible'] as const)
    if (input[field] != null && !VOTES.includes(input.stage)) refuse('NOT_FOR_THIS_STEP', field, stage);
  if (input.absentExcused != null && input.stage !== 'CELL_VOTED') refuse('NOT_FOR_THIS_STEP', 'absentExcused', stage);
}

/** The introducers recorded with the INTRODUCED step, as the rule judges them. */
async function introducersOf(tx: Tx, candidateId: number): Promise<IntroducerFacts[]> {
  const rows = await tx.introduction.findMany({ where: { candidateId }, include: { member: true } });
  return rows.map((i) =>
    i.member
      ? { member: { ...i.member, knownSince: i.knownSince } }
      : i.youthUnion
        ? { youthUnion: i.youthUnion }
        : { tradeUnion: i.tradeUnion ?? '' },
  );
}

export function correctCandidateStep({ actor, input }: WriteOptions<CorrectStepInput>) {
  return write(async (tx) => {
    ensureBelongs(input);
    const { candidate, steps, index, step } = await path(tx, input);
    const on = input.on ?? step.on;
    const actingBody = input.actingBody == null ? step.actingBody : input.actingBody.trim();
    if (!actingBody) refuse('REQUIRED', 'actingBody', { input: 'actingBody' });
    const certificateOn = input.certificateOn ?? candidate.certificateOn;
    // The cell the candidate was in when the step was taken (they may have moved since).
    const cellId = (await beforeStep(tx, candidate, input.stage))?.cellId ?? candidate.cellId;
    if (input.stage === 'SOURCED' && candidate.birthDate >= on) refuse('BIRTH_DATE_AFTER', 'on');
    if (input.stage === 'SOURCED' || input.stage === 'CELL_VOTED')
      ensureAlive(await tx.organisation.findUniqueOrThrow({ where: { id: cellId } }), on, 'on');
    // The cell's vote counts against its roster on the (corrected) day, never a number typed in.
    const recount =
      input.stage === 'CELL_VOTED' && (on !== step.on || input.votesEligible != null || input.absentExcused != null);
    const votesEligible = recount
      ? await cellVoteBase(tx, cellId, on, input)
      : (input.votesEligible ?? step.votesEligible);
    const corrected: CandidateEvent = {
      ...step,
      on,
      actingBody,
      votesFor: input.votesFor ?? step.votesFor,
      votesEligible,
      note: input.note === undefined ? step.note : input.note,
    };
    // A corrected introduction is judged again with its introducers on its (corrected) day.
    const introducers = input.stage === 'INTRODUCED' ? await introducersOf(tx, candidate.id) : undefined;
    const recorded = steps.map((s, i) =>
      i === index ? { ...corrected, stage: input.stage, introducers } : { ...s, stage: s.stage as Stage },
    );
    ensure(validatePathFrom({ ...candidate, certificateOn }, recorded, index, calendar));
    const { votesFor, note } = corrected;
    await tx.candidateEvent.update({ where: { id: step.id }, data: { on, actingBody, votesFor, votesEligible, note } });
    const after = await tx.candidate.update({
      where: { id: candidate.id },
      data: { certificateOn, stageOn: index === steps.length - 1 ? on : candidate.stageOn },
    });
    // The ceremony's day is the member's admission: corrected there too, with its own checks.
    if (input.stage === 'ADMITTED' && on !== step.on) {
      const member = await tx.member.findUniqueOrThrow({ where: { candidateId: candidate.id } });
      await correctMemberIn(tx, { actor, input: { memberId: member.id, reason: input.reason, admittedOn: on } });
    }
    await audit(tx, actor, {
      action: 'correctCandidateStep',
      entityType: 'Candidate',
      entityId: candidate.id,
      before: { ...candidate, step },
      after: { ...after, step: corrected },
      reason: input.reason.trim(),
    });
    return after;
  });
}

/** The member a voided ceremony made: removed, unless anything was recorded about them since. */
async function unmakeMember(tx: Tx, candidateId: number) {
  const member = await tx.member.findUnique({
    where: { candidateId },
    include: {
      placements: { orderBy: { startOn: 'asc' } },
      introductions: true,
      recognitionVotes: true,
      recognitionDecision: true,
      residences: true,
    },
  });
  if (!member) return;
  const moves = await movesOf(tx, member.placements);
  const since =
    moves.length > 1 ||
    member.leftOn !== null ||
    member.officialOn !== null ||
    member.introductions.length > 0 ||
    member.recognitionVotes.length > 0 ||
    member.recognitionDecision !== null ||
    member.residences.length > 0;
  if (since) refuse('LATER_FACTS_DEPEND', 'stage', { what: 'memberHistory' });
  await touchMembers(tx, [member.id]);
  await tx.placement.deleteMany({ where: { memberId: member.id } });
  await tx.member.delete({ where: { id: member.id } });
}

export function voidCandidateStep({ actor, input }: WriteOptions<Which>) {
  return write(async (tx) => {
    const { candidate, steps, index, step } = await path(tx, input);
    const last = steps.at(-1)!;
    if (index !== steps.length - 1) refuse('STEP_NOT_LAST', 'stage', { last: last.stage });
    const previous = steps[index - 1];
    if (!previous) refuse('FIRST_STEP_NOT_VOIDABLE', 'stage');
    if (step.stage === 'CELL_VOTED' && candidate.decisionExtendedOn)
      refuse('LATER_FACTS_DEPEND', 'stage', { what: 'extension' });
    if (step.stage === 'ADMITTED') await unmakeMember(tx, candidate.id);
    if (step.stage === 'INTRODUCED') await tx.introduction.deleteMany({ where: { candidateId: candidate.id } });
    // What the step itself recorded on the candidate goes back to what it was before it.
    const was = await beforeStep(tx, candidate, step.stage as Stage);
    const restored = {
      certificateOn: step.stage === 'TRAINED' ? (was?.certificateOn ?? null) : candidate.certificateOn,
      ageException: step.stage === 'CELL_VOTED' ? (was?.ageException ?? null) : candidate.ageException,
      ageExceptionBy: step.stage === 'CELL_VOTED' ? (was?.ageExceptionBy ?? null) : candidate.ageExceptionBy,
      isYouthUnionMember: was?.isYouthUnionMember ?? candidate.isYouthUnionMember,
      isTradeUnionMember: was?.isTradeUnionMember ?? candidate.isTradeUnionMember,
      workplaceHasTradeUnion: was?.workplaceHasTradeUnion ?? candidate.workplaceHasTradeUnion,
    };
    await tx.candidateEvent.delete({ where: { id: step.id } });
    const after = await tx.candidate.update({
      where: { id: candidate.id },
      data: { stage: previous.stage, stageOn: previous.on, ...restored },
    });
    await audit(tx, actor, {
      action: 'voidCandidateStep',
      entityType: 'Candidate',
      entityId: candidate.id,
      before: { ...candidate, step },
      after,
      reason: input.reason.trim(),
    });
    return after;
  });
}
