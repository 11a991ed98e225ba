// Phụ trách vùng, điểm: leaders (public office holders: name and title are public), their
// assignments, their visits to cell meetings, and the visits per leader and quarter.
import { organisationIdOf } from '../auth/targets.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { assignLeader, recordVisit } from '../domain/supervision.ts';
import { batched } from '../read/batch.ts';
import { type LeaderQuarter, visitsByQuarter } from '../read/visits.ts';
import { builder } from './builder.ts';
import { idOf, writeErrors } from './errors.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange } from './ranges.ts';

const LeaderRef = builder.prismaNode('Leader', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'A leader of the party committee who supervises zones and attends cell meetings.',
  fields: (t) => ({ fullName: t.exposeString('fullName'), title: t.exposeString('title') }),
});

const AssignmentRef = builder.prismaObject('Assignment', {
  fields: (t) => ({
    leader: t.relation('leader', { type: LeaderRef }),
    organisation: t.relation('organisation', { type: OrganisationRef }),
    startOn: t.expose('startOn', { type: 'Date' }),
    endOn: t.expose('endOn', { type: 'Date', nullable: true }),
    zone: t.exposeString('zone', { nullable: true }),
  }),
});

const MeetingVisitRef = builder.prismaObject('MeetingVisit', {
  fields: (t) => ({
    leader: t.relation('leader', { type: LeaderRef }),
    cell: t.relation('cell', { type: OrganisationRef }),
    visitedOn: t.expose('visitedOn', { type: 'Date' }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const AssignLeaderInput = builder.inputType('AssignLeaderInput', {
  description: 'Either leaderId, or leaderName and leaderTitle for a leader not yet recorded.',
  fields: (t) => ({
    leaderId: t.id(),
    leaderName: t.string(),
    leaderTitle: t.string(),
    organisationCode: t.string({ required: true }),
    startOn: t.field({ type: 'Date', required: true }),
    endOn: t.field({ type: 'Date', description: 'The day the assignment ended (excluded).' }),
    zone: t.string({ description: 'The zone (vùng, điểm) as the committee names it.' }),
  }),
});

builder.mutationField('assignLeader', (t) =>
  t.field({
    type: AssignmentRef,
    errors: writeErrors('AssignLeader'),
    args: { input: t.arg({ type: AssignLeaderInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.organisationCode) }),
    resolve: (_root, { input }, ctx) =>
      assignLeader({
        actor: ctx.actor!,
        input: { ...input, leaderId: input.leaderId == null ? null : idOf(input.leaderId, 'Leader') },
      }),
  }),
);

const RecordVisitInput = builder.inputType('RecordVisitInput', {
  fields: (t) => ({
    leaderId: t.id({ required: true }),
    cellCode: t.string({ required: true }),
    on: t.field({ type: 'Date', required: true }),
    note: t.string(),
  }),
});

builder.mutationField('recordVisit', (t) =>
  t.field({
    type: MeetingVisitRef,
    errors: writeErrors('RecordVisit'),
    description: 'Dự sinh hoạt chi bộ: a leader attended a cell’s meeting.',
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    authScopes: async (_root, args) => ({ writesIn: await organisationIdOf(args.input.cellCode) }),
    resolve: (_root, { input }, ctx) =>
      recordVisit({ actor: ctx.actor!, input: { ...input, leaderId: idOf(input.leaderId, 'Leader') } }),
  }),
);

const LeaderQuarterRef = builder.objectRef<LeaderQuarter>('LeaderQuarterVisits').implement({
  fields: (t) => ({
    leader: t.field({ type: LeaderRef, resolve: (row, _args, ctx) => leaderById(ctx, row.leaderId) }),
    quarter: t.exposeString('quarter', { description: 'YYYY-Qn, e.g. 2017-Q1.' }),
    visits: t.exposeInt('visits'),
    cells: t.exposeInt('cells', { description: 'Distinct cells visited.' }),
  }),
});

/** Leaders of a report, one statement for all of them. */
async function leaderById(ctx: Context, id: number) {
  const load = async (ids: readonly number[]) =>
    new Map((await prisma().leader.findMany({ where: { id: { in: [...ids] } } })).map((r) => [r.id, r]));
  return (await batched(ctx, 'leader', load, null).load(id))!;
}

builder.objectFields(OrganisationRef, (t) => ({
  visitsByQuarter: t.field({
    type: [LeaderQuarterRef],
    description:
      'Visits to the cell meetings of the subtree over [from, to], per leader and quarter; each visit counts under the tree of its own day (public).',
    args: {
      from: t.arg({ type: 'Date', required: true, description: 'The first day counted (included).' }),
      to: t.arg({ type: 'Date', required: true, description: 'The last day counted (included).' }),
    },
    resolve: (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const load = (ids: readonly number[]) => visitsByQuarter(ids, from, to);
      return batched(ctx, `visits:${from}:${to}`, load, [] as LeaderQuarter[]).load(org.id);
    },
  }),
}));
