// Quần chúng ưu tú, read by authorised callers: the Candidate type (personal fields only inside
// the token's subtree) and the `candidates` connection of a subtree, paged at the root.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { CandidateSource, CandidateStage } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { candidateCellIn } from '../auth/targets.ts';
import { prisma } from '../db.ts';
import { builder } from './builder.ts';
import { EducationLevelEnum, GenderEnum, MemberRef, personalOfSubtree } from './member.ts';
import { OrganisationRef } from './organisation.ts';

const AgeExceptionRef = builder.objectRef<{ by: string | null; decision: string }>('AgeException').implement({
  description: 'An exception to the age limit at the cell vote: the committee that approved it and its decision.',
  fields: (t) => ({
    by: t.exposeString('by', {
      nullable: true,
      description: 'The approving committee (null for records made before it was asked).',
    }),
    decision: t.exposeString('decision', { description: 'The decision: number and date, as written.' }),
  }),
});

export const CandidateSourceEnum = builder.enumType('CandidateSource', {
  description: 'Nguồn: the mass organisation that found and proposed the candidate.',
  values: {
    YOUTH_UNION: { description: 'Đoàn TN: the Ho Chi Minh Communist Youth Union.' },
    WOMENS_UNION: { description: 'Hội Phụ nữ: the Women’s Union.' },
    FARMERS_UNION: { description: 'Hội Nông dân: the Farmers’ Union.' },
    VETERANS_ASSOCIATION: { description: 'Hội CCB: the Veterans’ Association.' },
    TRADE_UNION: { description: 'Công đoàn: the trade union.' },
    OTHER: { description: 'Another body.' },
  } satisfies Record<CandidateSource, { description: string }>,
});
export const CandidateStageEnum = builder.enumType('CandidateStage', {
  description: 'A step of the path to admission, in order from SOURCED to ADMITTED; WITHDRAWN and REJECTED leave it.',
  values: {
    SOURCED: { description: 'Proposed by a mass organisation (quần chúng ưu tú).' },
    TRAINED: { description: 'Attended the course on the Party; its certificate is valid 5 years.' },
    APPLIED: { description: 'Handed in the application and personal history (lý lịch).' },
    VERIFIED: { description: 'Background verified (thẩm tra lý lịch).' },
    INTRODUCED: {
      description:
        'Introduced by two full members; of youth age (up to 30), by the grassroots Youth Union committee and one full member; ' +
        'above it, where the workplace has a trade union, by its grassroots committee and one full member.',
    },
    CELL_VOTED: {
      description:
        'The cell voted for admission (nghị quyết chi bộ): at least two thirds of the members entitled to vote.',
    },
    COMMITTEE_VOTED: {
      description:
        'The grassroots committee voted for admission, at least two thirds. Not for a grassroots cell (chi bộ cơ sở), which has no grassroots committee above it.',
    },
    DECIDED: {
      description:
        'The competent committee decided the admission, within 60 working days of the cell’s vote (90 if extended).',
    },
    ADMITTED: {
      description: 'Kết nạp: the ceremony, within 30 working days of the decision; the candidate is now a member.',
    },
    WITHDRAWN: { description: 'The candidate withdrew; the path ends.' },
    REJECTED: { description: 'The candidate was rejected; the path ends.' },
  } satisfies Record<CandidateStage, { description: string }>,
});

const personal = (c: { cellId: number }) => ({ readsPersonalDataOf: c.cellId });

builder.prismaObject('CandidateEvent', {
  description: 'One step of a candidate’s path: its date, the body that acted, the votes.',
  fields: (t) => ({
    stage: t.expose('stage', { type: CandidateStageEnum, description: 'The stage this step reached.' }),
    on: t.expose('on', { type: 'Date', description: 'The day of the step.' }),
    actingBody: t.exposeString('actingBody', {
      description: 'The body that acted, as written, e.g. "Chi bộ xóm 3" or "Đoàn xã Thanh Hòa".',
    }),
    votesFor: t.exposeInt('votesFor', {
      nullable: true,
      description: 'Members who voted for; null when no vote was recorded with the step.',
    }),
    votesEligible: t.exposeInt('votesEligible', {
      nullable: true,
      description: 'Members entitled to vote; null when no vote was recorded with the step.',
    }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Free text, which may be personal: only for tokens reaching the candidate’s cell.',
      authScopes: async (e, _args, ctx) => ({ readsPersonalDataOf: await candidateCellIn(ctx, e.candidateId) }),
    }),
  }),
});

export const CandidateRef = builder.prismaNode('Candidate', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  // Nothing about one person outside the token's reach, not even dates; anonymous callers reach no one.
  authScopes: async (candidate, ctx) => ({ readsPersonalDataOf: await candidateCellIn(ctx, candidate.id) }),
  description:
    'Quần chúng ưu tú. fullName, birthDate, gender, personalHistory, ethnicity, religion and education are personal data.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', {
      nullable: true,
      description: 'Họ và tên (personal data).',
      authScopes: personal,
    }),
    birthDate: t.expose('birthDate', {
      type: 'Date',
      nullable: true,
      description: 'Ngày sinh (personal data).',
      authScopes: personal,
    }),
    gender: t.expose('gender', {
      type: GenderEnum,
      nullable: true,
      description: 'Giới tính (personal data); null when not recorded.',
      authScopes: personal,
    }),
    personalHistory: t.exposeString('personalHistory', {
      nullable: true,
      description: 'Lý lịch: the personal history, free text (personal data); null when not recorded.',
      authScopes: personal,
    }),
    ethnicity: t.exposeString('ethnicity', {
      nullable: true,
      description: 'Dân tộc: the ethnic group, as recorded (personal data); null when not recorded.',
      authScopes: personal,
    }),
    religion: t.exposeString('religion', {
      nullable: true,
      description: 'Tôn giáo: the religion followed, as recorded (personal data); null for none.',
      authScopes: personal,
    }),
    education: t.expose('education', {
      type: EducationLevelEnum,
      nullable: true,
      description: 'Trình độ: the highest level of education completed (personal data); null when not recorded.',
      authScopes: personal,
    }),
    isYouthUnionMember: t.exposeBoolean('isYouthUnionMember', {
      description: 'Đoàn viên: a Youth Union member; of youth age (up to 30), introduced by the Youth Union.',
    }),
    isTradeUnionMember: t.exposeBoolean('isTradeUnionMember', {
      description: 'Đoàn viên công đoàn: a member of the trade union of their workplace.',
    }),
    workplaceHasTradeUnion: t.exposeBoolean('workplaceHasTradeUnion', {
      description:
        'The workplace has a trade union: above youth age, it introduces the candidate with one full member.',
    }),
    cell: t.relation('cell', {
      type: OrganisationRef,
      description: 'The cell that works with the candidate and would admit them.',
    }),
    source: t.expose('source', {
      type: CandidateSourceEnum,
      description: 'Nguồn: the mass organisation that proposed them.',
    }),
    stage: t.expose('stage', { type: CandidateStageEnum, description: 'The stage reached: that of the latest step.' }),
    stageOn: t.expose('stageOn', { type: 'Date', description: 'The date of the current stage.' }),
    certificateOn: t.expose('certificateOn', {
      type: 'Date',
      nullable: true,
      description:
        'The day of the course certificate, valid until the day before its fifth anniversary; null before TRAINED.',
    }),
    decisionExtendedOn: t.expose('decisionExtendedOn', {
      type: 'Date',
      nullable: true,
      description:
        'The day the decision’s deadline was extended (90 working days after the cell’s vote, not 60); null if not.',
    }),
    ageException: t.field({
      type: AgeExceptionRef,
      nullable: true,
      description: 'For a candidate over 60 at the cell vote: the approved exception (personal data); null otherwise.',
      authScopes: personal,
      resolve: (c) => (c.ageException ? { by: c.ageExceptionBy, decision: c.ageException } : null),
    }),
    events: t.relation('events', {
      description: 'Every step so far, oldest first, SOURCED included.',
      query: { orderBy: [{ on: 'asc' }, { id: 'asc' }] },
    }),
    member: t.relation('member', {
      type: MemberRef,
      nullable: true,
      description: 'The member made by the admission; null until ADMITTED.',
    }),
  }),
});

export function candidateWhere(args: {
  code: string;
  cell?: string | null;
  stage?: CandidateStage | null;
  source?: CandidateSource | null;
  stageFrom?: string | null;
  stageTo?: string | null;
}): Prisma.CandidateWhereInput {
  return {
    AND: [
      { cell: { ancestries: { some: { ancestor: { code: args.code } } } } },
      args.cell ? { cell: { code: args.cell } } : {},
      args.stage ? { stage: args.stage } : {},
      args.source ? { source: args.source } : {},
      args.stageFrom ? { stageOn: { gte: args.stageFrom } } : {},
      args.stageTo ? { stageOn: { lte: args.stageTo } } : {},
    ],
  };
}

builder.queryField('candidates', (t) =>
  t.prismaConnection({
    type: 'Candidate',
    cursor: 'id',
    description:
      'Candidates of the cells of a subtree, filtered by cell, current stage, source and the date of that stage. An unknown code answers an empty connection.',
    args: {
      code: t.arg.string({ required: true, description: 'The code of the organisation whose subtree is read.' }),
      cell: t.arg.string({ description: 'Only the candidates of this cell (its code).' }),
      stage: t.arg({ type: CandidateStageEnum, description: 'Only candidates whose current stage is this one.' }),
      source: t.arg({ type: CandidateSourceEnum, description: 'Only candidates proposed by this mass organisation.' }),
      stageFrom: t.arg({
        type: 'Date',
        description: 'Only candidates whose current stage was reached on or after this day.',
      }),
      stageTo: t.arg({
        type: 'Date',
        description: 'Only candidates whose current stage was reached on or before this day.',
      }),
    },
    authScopes: personalOfSubtree,
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    totalCount: (_root, args) => prisma().candidate.count({ where: candidateWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().candidate.findMany({ ...query, where: candidateWhere(args), orderBy: { id: 'asc' } }),
  }),
);
