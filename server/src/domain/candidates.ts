// Quần chúng ưu tú: recording a candidate, and moving them stage by stage to admission, which
// creates the member (first placement in the candidate's cell from the ceremony day).
import type { CandidateSource, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { type AgeException, type Stage, validateStep } from '../rules/stages.ts';
import { calendarFromEnv } from '../rules/working-days.ts';
import { type IntroducerInput, introducerFacts, memberFromCandidate, stepFacts } from './candidate-steps.ts';
import { activeCell, candidateById } from './lookup.ts';
import { cellVoteBase } from './vote-base.ts';
import { audit, ensure, refuse, type WriteOptions, write } from './write.ts';

const calendar = calendarFromEnv();

export interface RecordCandidateInput {
  cellCode: string;
  fullName: string;
  birthDate: string;
  gender?: Gender | null;
  personalHistory?: string | null;
  isYouthUnionMember?: boolean | null;
  source: CandidateSource;
  sourcedOn: string;
  actingBody: string;
}

export function recordCandidate({ actor, input }: WriteOptions<RecordCandidateInput>) {
  return write(async (tx) => {
    const cell = await activeCell(tx, input.cellCode, input.sourcedOn, 'cellCode');
    if (!input.fullName.trim()) refuse('REQUIRED', 'fullName', { input: 'fullName' });
    if (input.birthDate >= input.sourcedOn) refuse('BIRTH_DATE_AFTER', 'birthDate');
    const { sourcedOn, actingBody, cellCode: _, ...rest } = input;
    const candidate = await tx.candidate.create({
      data: {
        ...rest,
        fullName: input.fullName.trim(),
        isYouthUnionMember: input.isYouthUnionMember ?? false,
        cellId: cell.id,
        stage: 'SOURCED',
        stageOn: sourcedOn,
      },
    });
    await tx.candidateEvent.create({
      data: { candidateId: candidate.id, stage: 'SOURCED', on: sourcedOn, actingBody },
    });
    await audit(tx, actor, {
      action: 'recordCandidate',
      entityType: 'Candidate',
      entityId: candidate.id,
      after: candidate,
    });
    return candidate;
  });
}

export interface AdvanceCandidateInput {
  candidateId: number;
  stage: Stage;
  on: string;
  actingBody: string;
  votesFor?: number | null;
  votesEligible?: number | null;
  absentExcused?: number[] | null;
  certificateOn?: string | null;
  ageException?: AgeException | null;
  isExtended?: boolean | null;
  note?: string | null;
  introducers?: IntroducerInput[] | null;
}

export function advanceCandidate({ actor, input }: WriteOptions<AdvanceCandidateInput>) {
  return write(async (tx) => {
    const before = await candidateById(tx, input.candidateId);
    const certificateOn = (input.stage === 'TRAINED' ? input.certificateOn : before.certificateOn) ?? null;
    const introducers = await introducerFacts(tx, input.introducers ?? []);
    // The cell's vote counts against its roster on the day (the committee's against the number given).
    const votesEligible =
      input.stage === 'CELL_VOTED' && before.stage === 'INTRODUCED'
        ? await cellVoteBase(tx, before.cellId, input.on, input)
        : (input.votesEligible ?? null);
    const step = { ...input, introducers, votesEligible };
    ensure(validateStep(await stepFacts(tx, before, certificateOn), step, calendar));
    const exception = input.ageException
      ? { ageException: input.ageException.decision.trim(), ageExceptionBy: input.ageException.by.trim() }
      : {};
    const candidate = await tx.candidate.update({
      where: { id: before.id },
      data: { stage: input.stage, stageOn: input.on, certificateOn, ...exception },
    });
    const { votesFor = null, note = null, actingBody, on, stage } = input;
    await tx.candidateEvent.create({
      data: { candidateId: before.id, stage, on, actingBody, votesFor, votesEligible, note },
    });
    if (stage === 'INTRODUCED') {
      await tx.introduction.createMany({
        data: (input.introducers ?? []).map((i) => ({
          candidateId: before.id,
          memberId: i.memberId ?? null,
          youthUnion: i.youthUnion ?? null,
          knownSince: i.knownSince ?? null,
        })),
      });
    }
    await audit(tx, actor, {
      action: 'advanceCandidate',
      entityType: 'Candidate',
      entityId: before.id,
      before,
      after: candidate,
    });
    if (stage === 'ADMITTED') await memberFromCandidate(tx, actor, before, on);
    return candidate;
  });
}

/** Kết nạp: the ceremony, the last step; it creates the member. */
export function admitCandidate({ actor, input }: WriteOptions<Omit<AdvanceCandidateInput, 'stage'>>) {
  return advanceCandidate({ actor, input: { ...input, stage: 'ADMITTED' } });
}
