// Quần chúng ưu tú: recording a candidate, and moving them stage by stage to admission, which
// creates the member (first placement in the candidate's cell from the ceremony day).
import type { CandidateSource, EducationLevel, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { type AgeException, type Stage, validateStep } from '../rules/stages.ts';
import { calendarFromEnv } from '../rules/working-days.ts';
import { type IntroducerInput, introducerFacts, memberFromCandidate, stepFacts } from './candidate-steps.ts';
import { activeCell, candidateById } from './lookup.ts';
import { cellVoteBase } from './vote-base.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

const calendar = calendarFromEnv();

export interface RecordCandidateInput {
  cellCode: string;
  fullName: string;
  birthDate: string;
  gender?: Gender | null;
  personalHistory?: string | null;
  /** The report's attributes (personal data), copied onto the member at the ceremony; blank as none. */
  ethnicity?: string | null;
  religion?: string | null;
  education?: EducationLevel | null;
  isYouthUnionMember?: boolean | null;
  isTradeUnionMember?: boolean | null;
  workplaceHasTradeUnion?: boolean | null;
  source: CandidateSource;
  sourcedOn: string;
  actingBody: string;
}

export function recordCandidate(options: WriteOptions<RecordCandidateInput>) {
  return write((tx) => recordCandidateIn(tx, options));
}

/** recordCandidate inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function recordCandidateIn(tx: Tx, { actor, input }: WriteOptions<RecordCandidateInput>) {
  const cell = await activeCell(tx, input.cellCode, input.sourcedOn, 'cellCode');
  if (!input.fullName.trim()) refuse('REQUIRED', 'fullName', { input: 'fullName' });
  if (input.birthDate >= input.sourcedOn) refuse('BIRTH_DATE_AFTER', 'birthDate');
  const { sourcedOn, actingBody, cellCode: _, ...rest } = input;
  const candidate = await tx.candidate.create({
    data: {
      ...rest,
      fullName: input.fullName.trim(),
      ethnicity: input.ethnicity?.trim() || null,
      religion: input.religion?.trim() || null,
      ...memberships(input, false),
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
}

/** The candidate's union memberships (judged at INTRODUCED, Charter Art. 4): those given, `missing` for the rest. */
type Memberships = Pick<RecordCandidateInput, 'isYouthUnionMember' | 'isTradeUnionMember' | 'workplaceHasTradeUnion'>;
function memberships<T>(input: Memberships, missing: T) {
  return {
    isYouthUnionMember: input.isYouthUnionMember ?? missing,
    isTradeUnionMember: input.isTradeUnionMember ?? missing,
    workplaceHasTradeUnion: input.workplaceHasTradeUnion ?? missing,
  };
}

export interface AdvanceCandidateInput extends Memberships {
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

export function advanceCandidate(options: WriteOptions<AdvanceCandidateInput>) {
  return write((tx) => advanceCandidateIn(tx, options));
}

/** advanceCandidate inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function advanceCandidateIn(tx: Tx, { actor, input }: WriteOptions<AdvanceCandidateInput>) {
  const before = await candidateById(tx, input.candidateId);
  const certificateOn = (input.stage === 'TRAINED' ? input.certificateOn : before.certificateOn) ?? null;
  const introducers = await introducerFacts(tx, input.introducers ?? []);
  // The cell's vote counts against its roster on the day (the committee's against the number given).
  const votesEligible =
    input.stage === 'CELL_VOTED' && before.stage === 'INTRODUCED'
      ? await cellVoteBase(tx, before.cellId, input.on, input)
      : (input.votesEligible ?? null);
  const step = { ...input, introducers, votesEligible };
  // Memberships given with a step are the candidate's as of that day: recorded, and judged with it.
  const updated = Object.fromEntries(Object.entries(memberships(input, null)).filter(([, v]) => v !== null));
  ensure(validateStep({ ...(await stepFacts(tx, before, certificateOn)), ...updated }, step, calendar));
  const exception = input.ageException
    ? { ageException: input.ageException.decision.trim(), ageExceptionBy: input.ageException.by.trim() }
    : {};
  const candidate = await tx.candidate.update({
    where: { id: before.id },
    data: { stage: input.stage, stageOn: input.on, certificateOn, ...exception, ...updated },
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
        youthUnion: i.youthUnion?.trim() || null,
        tradeUnion: i.tradeUnion?.trim() || null,
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
}

/** Kết nạp: the ceremony, the last step; it creates the member. */
export function admitCandidate({ actor, input }: WriteOptions<Omit<AdvanceCandidateInput, 'stage'>>) {
  return advanceCandidate({ actor, input: { ...input, stage: 'ADMITTED' } });
}
