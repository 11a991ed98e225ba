// Quần chúng ưu tú, read by authorised callers: the Candidate type (personal fields only inside
// the token's subtree) and the `candidates` connection of a subtree, paged at the root.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { CandidateSource, CandidateStage } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { candidateCellIn } from '../auth/targets.ts';
import { prisma } from '../db.ts';
import { builder } from './builder.ts';
import { GenderEnum, MemberRef, personalOfSubtree } from './member.ts';
import { OrganisationRef } from './organisation.ts';

export const CandidateSourceEnum = builder.enumType(CandidateSource, { name: 'CandidateSource' });
export const CandidateStageEnum = builder.enumType(CandidateStage, { name: 'CandidateStage' });

const personal = (c: { cellId: number }) => ({ readsPersonalDataOf: c.cellId });

builder.prismaObject('CandidateEvent', {
  description: 'One step of a candidate’s path: its date, the body that acted, the votes.',
  fields: (t) => ({
    stage: t.expose('stage', { type: CandidateStageEnum }),
    on: t.expose('on', { type: 'Date' }),
    actingBody: t.exposeString('actingBody'),
    votesFor: t.exposeInt('votesFor', { nullable: true }),
    votesEligible: t.exposeInt('votesEligible', { nullable: true }),
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
  description: 'Quần chúng ưu tú. fullName, birthDate, gender and personalHistory are personal data.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', { nullable: true, authScopes: personal }),
    birthDate: t.expose('birthDate', { type: 'Date', nullable: true, authScopes: personal }),
    gender: t.expose('gender', { type: GenderEnum, nullable: true, authScopes: personal }),
    personalHistory: t.exposeString('personalHistory', { nullable: true, authScopes: personal }),
    isYouthUnionMember: t.exposeBoolean('isYouthUnionMember'),
    cell: t.relation('cell', { type: OrganisationRef }),
    source: t.expose('source', { type: CandidateSourceEnum }),
    stage: t.expose('stage', { type: CandidateStageEnum }),
    stageOn: t.expose('stageOn', { type: 'Date', description: 'The date of the current stage.' }),
    certificateOn: t.expose('certificateOn', { type: 'Date', nullable: true }),
    decisionExtendedOn: t.expose('decisionExtendedOn', {
      type: 'Date',
      nullable: true,
      description: 'The day the decision’s deadline was extended (90 working days after the cell’s vote, not 60).',
    }),
    ageException: t.exposeString('ageException', { nullable: true, authScopes: personal }),
    events: t.relation('events', { query: { orderBy: [{ on: 'asc' }, { id: 'asc' }] } }),
    member: t.relation('member', { type: MemberRef, nullable: true, description: 'The member made by the admission.' }),
  }),
});

function candidateWhere(args: {
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
      cell: t.arg.string(),
      stage: t.arg({ type: CandidateStageEnum }),
      source: t.arg({ type: CandidateSourceEnum }),
      stageFrom: t.arg({ type: 'Date' }),
      stageTo: t.arg({ type: 'Date' }),
    },
    authScopes: personalOfSubtree,
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    totalCount: (_root, args) => prisma().candidate.count({ where: candidateWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().candidate.findMany({ ...query, where: candidateWhere(args), orderBy: { id: 'asc' } }),
  }),
);
