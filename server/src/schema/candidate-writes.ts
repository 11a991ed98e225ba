// Writing a candidate's path: record them with their source, advance them stage by stage (or
// withdraw, reject), admit them — which creates the member. Editors write inside their subtree.
import { candidateCellOf, organisationIdOf } from '../auth/targets.ts';
import { moveCandidate } from '../domain/candidate-move.ts';
import { admitCandidate, advanceCandidate, recordCandidate } from '../domain/candidates.ts';
import { extendDecisionDeadline } from '../domain/decision-extension.ts';
import { builder } from './builder.ts';
import { CandidateRef, CandidateSourceEnum, CandidateStageEnum } from './candidate.ts';
import { idOf, writeErrors, writesInAll } from './errors.ts';
import { EducationLevelEnum, GenderEnum } from './member.ts';

type Fields = Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0];

/** The memberships that decide who introduces the candidate (Charter, Art. 4). */
const membershipFields = (t: Fields) => ({
  isYouthUnionMember: t.boolean({
    description:
      'Đoàn viên: a Youth Union member. A candidate of youth age (up to 30 years and 0 months on the day of ' +
      'introduction) must be one, introduced by the grassroots Youth Union committee and one full member.',
  }),
  isTradeUnionMember: t.boolean({
    description:
      'Đoàn viên công đoàn: a member of the trade union of their workplace. Above youth age, where the workplace ' +
      'has a trade union, the candidate must be one, introduced by its grassroots committee and one full member.',
  }),
  workplaceHasTradeUnion: t.boolean({
    description: 'The candidate’s workplace has a trade union (a trade union member’s always has).',
  }),
});

const RecordCandidateInput = builder.inputType('RecordCandidateInput', {
  fields: (t) => ({
    cellCode: t.string({
      required: true,
      description: 'The code of the cell that works with the candidate; it must exist on sourcedOn.',
    }),
    fullName: t.string({ required: true, description: 'Họ và tên: not blank, at most 200 characters.' }),
    birthDate: t.field({ type: 'Date', required: true, description: 'Ngày sinh: before sourcedOn.' }),
    gender: t.field({ type: GenderEnum, description: 'Giới tính, if known.' }),
    personalHistory: t.string({ description: 'Lý lịch: free text, at most 2,000 characters.' }),
    ethnicity: t.string({ description: 'Dân tộc, if known: the ethnic group as written ("Kinh", "Thái"…).' }),
    religion: t.string({ description: 'Tôn giáo, if any: the religion followed as written ("Công giáo"…).' }),
    education: t.field({ type: EducationLevelEnum, description: 'Trình độ, if known: the highest level completed.' }),
    ...membershipFields(t),
    source: t.field({
      type: CandidateSourceEnum,
      required: true,
      description: 'Nguồn: the mass organisation that proposed the candidate.',
    }),
    sourcedOn: t.field({ type: 'Date', required: true, description: 'The day it proposed them: the SOURCED step.' }),
    actingBody: t.string({
      required: true,
      description: 'The mass organisation that proposed the candidate, e.g. "Đoàn xã Thanh Hòa".',
    }),
  }),
});

builder.mutationField('recordCandidate', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('RecordCandidate'),
    description: 'Records a candidate proposed by a mass organisation: the first step of the path (SOURCED).',
    args: { input: t.arg({ type: RecordCandidateInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.cellCode) }),
    resolve: (_root, args, ctx) => recordCandidate({ actor: ctx.actor!, input: args.input }),
  }),
);

const IntroducerInput = builder.inputType('IntroducerInput', {
  description:
    'Exactly one of: a full member (memberId, knownSince), the grassroots Youth Union committee (youthUnion), ' +
    'or the grassroots trade union committee of the candidate’s workplace (tradeUnion).',
  fields: (t) => ({
    memberId: t.id({ description: 'The Member’s global ID.' }),
    knownSince: t.field({ type: 'Date', description: 'Since when the member has worked or lived with the candidate.' }),
    youthUnion: t.string({ description: 'The name of the Youth Union committee introducing (youth age).' }),
    tradeUnion: t.string({ description: 'The name of the trade union committee introducing (above youth age).' }),
  }),
});

const AgeExceptionInput = builder.inputType('AgeExceptionInput', {
  description: 'An exception to the age limit (over 60 at the cell vote): the approving committee and its decision.',
  fields: (t) => ({
    by: t.string({ required: true, description: 'The committee that approved the exception.' }),
    decision: t.string({ required: true, description: 'Its decision: number and date, as written.' }),
  }),
});

const stepFields = (t: Fields) => ({
  candidateId: t.id({ required: true, description: 'The Candidate’s global ID.' }),
  on: t.field({ type: 'Date', required: true, description: 'The day of the step: not before the previous step.' }),
  actingBody: t.string({ required: true, description: 'The body that acted: the cell, the committee, the course…' }),
  votesFor: t.int({ description: 'Cell and committee votes: members voting for.' }),
  votesEligible: t.int({
    description:
      'COMMITTEE_VOTED: the committee members entitled to vote. CELL_VOTED: counted from the roster (the cell’s ' +
      'full members that day, less absentExcused); when given it must agree.',
  }),
  absentExcused: t.idList({
    description:
      'CELL_VOTED: the Members’ global IDs of full members exempt from activity or temporarily transferred out ' +
      'who were absent: they leave the vote’s base.',
  }),
  certificateOn: t.field({ type: 'Date', description: 'TRAINED: the day of the course certificate.' }),
  ageException: t.field({
    type: AgeExceptionInput,
    description: 'CELL_VOTED over 60 years and 0 months: the approved exception (committee and decision).',
  }),
  isExtended: t.boolean({
    description: 'DECIDED: asserts that the deadline was extended; refused unless extendDecisionDeadline recorded it.',
    deprecationReason: 'Record the extension with extendDecisionDeadline; the decision then counts 90 working days.',
  }),
  note: t.string({ description: 'Free text about the step (personal data), at most 2,000 characters.' }),
  introducers: t.field({
    type: [IntroducerInput],
    description:
      'INTRODUCED: the two introducers: two full members; of youth age, the Youth Union committee and one full ' +
      'member; above it, where the workplace has a trade union, the trade union committee and one full member.',
  }),
  // Given with a step, a membership is the candidate's as of that day: recorded, and judged at INTRODUCED.
  ...membershipFields(t),
});

const AdvanceCandidateInput = builder.inputType('AdvanceCandidateInput', {
  fields: (t) => ({
    ...stepFields(t),
    stage: t.field({
      type: CandidateStageEnum,
      required: true,
      description: 'The stage reached: the next one on the path, WITHDRAWN or REJECTED.',
    }),
  }),
});
const AdmitCandidateInput = builder.inputType('AdmitCandidateInput', { fields: (t) => stepFields(t) });

type StepArgs = {
  candidateId: string | number;
  introducers?: { memberId?: string | number | null }[] | null;
  absentExcused?: (string | number)[] | null;
};
const decode = <T extends StepArgs>(input: T) => ({
  ...input,
  candidateId: idOf(input.candidateId, 'Candidate'),
  absentExcused: input.absentExcused?.map((id) => idOf(id, 'Member')),
  introducers: input.introducers?.map((i) => ({
    ...i,
    memberId: i.memberId == null ? null : idOf(i.memberId, 'Member'),
  })),
});
const inCandidateCell = async (_root: unknown, args: { input: StepArgs }) => ({
  writesIn: await candidateCellOf(idOf(args.input.candidateId, 'Candidate')),
});

builder.mutationField('advanceCandidate', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('AdvanceCandidate'),
    description:
      'The next step of the path, on its date, by its body; or WITHDRAWN / REJECTED. ADMITTED creates the member.',
    args: { input: t.arg({ type: AdvanceCandidateInput, required: true }) },
    authScopes: inCandidateCell,
    resolve: (_root, args, ctx) => advanceCandidate({ actor: ctx.actor!, input: decode(args.input) }),
  }),
);

builder.mutationField('admitCandidate', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('AdmitCandidate'),
    description: 'Kết nạp: the ceremony. Creates the member, placed in the candidate’s cell from this day.',
    args: { input: t.arg({ type: AdmitCandidateInput, required: true }) },
    authScopes: inCandidateCell,
    resolve: (_root, args, ctx) => admitCandidate({ actor: ctx.actor!, input: decode(args.input) }),
  }),
);

const ExtendDecisionDeadlineInput = builder.inputType('ExtendDecisionDeadlineInput', {
  fields: (t) => ({
    candidateId: t.id({ required: true, description: 'The Candidate’s global ID.' }),
    on: t.field({ type: 'Date', required: true, description: 'The day the competent committee extended it.' }),
  }),
});

builder.mutationField('extendDecisionDeadline', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('ExtendDecisionDeadline'),
    description:
      'Gia hạn: the admission decision may come 90 working days after the cell’s resolution instead of 60. ' +
      'Once, while the candidate waits for the decision, within the 60 days.',
    args: { input: t.arg({ type: ExtendDecisionDeadlineInput, required: true }) },
    authScopes: inCandidateCell,
    resolve: (_root, args, ctx) => extendDecisionDeadline({ actor: ctx.actor!, input: decode(args.input) }),
  }),
);

const MoveCandidateInput = builder.inputType('MoveCandidateInput', {
  fields: (t) => ({
    candidateId: t.id({ required: true, description: 'The Candidate’s global ID: still on the path.' }),
    toCellCode: t.string({
      required: true,
      description: 'The code of the cell that takes them on; it must exist on `on`.',
    }),
    on: t.field({ type: 'Date', required: true, description: 'The day of the move: not before their last step.' }),
  }),
});

builder.mutationField('moveCandidate', (t) =>
  t.field({
    type: CandidateRef,
    errors: writeErrors('MoveCandidate'),
    description:
      'A candidate still on the path moves to another cell (they moved house or work); the steps taken stay, the next are the new cell’s. Both cells must be in reach.',
    args: { input: t.arg({ type: MoveCandidateInput, required: true }) },
    authScopes: async (_root, args) =>
      writesInAll([
        await candidateCellOf(idOf(args.input.candidateId, 'Candidate')),
        await organisationIdOf(args.input.toCellCode),
      ]),
    resolve: (_root, args, ctx) =>
      moveCandidate({
        actor: ctx.actor!,
        input: { ...args.input, candidateId: idOf(args.input.candidateId, 'Candidate') },
      }),
  }),
);
