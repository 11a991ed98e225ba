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
import { dateRange, MAX_RANGE_YEARS, PERIOD_DESCRIPTION } from './ranges.ts';

const LeaderRef = builder.prismaNode('Leader', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'A leader of the party committee who supervises zones and attends cell meetings.',
  fields: (t) => ({
    fullName: t.exposeString('fullName', { description: 'Họ và tên: public, as an office holder’s name.' }),
    title: t.exposeString('title', {
      description: 'Chức vụ: the office held, e.g. "Phó Bí thư Thường trực Huyện ủy".',
    }),
  }),
});

const AssignmentRef = builder.prismaObject('Assignment', {
  description: 'Phụ trách vùng, điểm: a leader assigned to supervise an organisation over [startOn, endOn).',
  fields: (t) => ({
    leader: t.relation('leader', { type: LeaderRef, description: 'The leader assigned.' }),
    organisation: t.relation('organisation', { type: OrganisationRef, description: 'The organisation supervised.' }),
    startOn: t.expose('startOn', { type: 'Date', description: 'The first day of the assignment.' }),
    endOn: t.expose('endOn', {
      type: 'Date',
      nullable: true,
      description: 'The day it ended (excluded); null when open-ended.',
    }),
    zone: t.exposeString('zone', {
      nullable: true,
      description: 'The zone (vùng, điểm) as the committee names it; null when not given.',
    }),
  }),
});

const MeetingVisitRef = builder.prismaObject('MeetingVisit', {
  description: 'Dự sinh hoạt chi bộ: a leader attended a cell’s meeting.',
  fields: (t) => ({
    leader: t.relation('leader', { type: LeaderRef, description: 'The leader who attended.' }),
    cell: t.relation('cell', { type: OrganisationRef, description: 'The cell whose meeting it was.' }),
    visitedOn: t.expose('visitedOn', { type: 'Date', description: 'The day of the meeting.' }),
    note: t.exposeString('note', { nullable: true, description: 'Free text about the visit; null when none.' }),
  }),
});

const AssignLeaderInput = builder.inputType('AssignLeaderInput', {
  description: 'Either leaderId, or leaderName and leaderTitle for a leader not yet recorded.',
  fields: (t) => ({
    leaderId: t.id({ description: 'The global ID of a leader already recorded.' }),
    leaderName: t.string({ description: 'Without leaderId: the new leader’s full name, at most 200 characters.' }),
    leaderTitle: t.string({ description: 'Without leaderId: the new leader’s office, at most 200 characters.' }),
    organisationCode: t.string({
      required: true,
      description: 'The code of the organisation supervised; it must exist on startOn.',
    }),
    startOn: t.field({ type: 'Date', required: true, description: 'The first day of the assignment.' }),
    endOn: t.field({
      type: 'Date',
      description: 'The day the assignment ended (excluded), after startOn; omit when open-ended.',
    }),
    zone: t.string({ description: 'The zone (vùng, điểm) as the committee names it.' }),
  }),
});

builder.mutationField('assignLeader', (t) =>
  t.field({
    type: AssignmentRef,
    errors: writeErrors('AssignLeader'),
    description:
      'Phụ trách vùng, điểm: assigns a leader (recorded now if new) to supervise an organisation for a period.',
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
    leaderId: t.id({ required: true, description: 'The Leader’s global ID.' }),
    cellCode: t.string({ required: true, description: 'The code of the cell visited; it must exist on `on`.' }),
    on: t.field({ type: 'Date', required: true, description: 'The day of the meeting.' }),
    note: t.string({ description: 'Free text about the visit, at most 2,000 characters.' }),
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
  description: 'One leader’s visits to cell meetings of the subtree in one quarter.',
  fields: (t) => ({
    leader: t.field({
      type: LeaderRef,
      description: 'The leader who visited.',
      resolve: (row, _args, ctx) => leaderById(ctx, row.leaderId),
    }),
    quarter: t.exposeString('quarter', { description: 'YYYY-Qn, e.g. 2017-Q1.' }),
    visits: t.exposeInt('visits', { description: 'Meetings attended in the quarter, within [from, to].' }),
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
      from: t.arg({
        type: 'Date',
        required: false,
        description: 'The first day counted (included); not after `to`. Give `from` and `to`, or `period`.',
      }),
      to: t.arg({
        type: 'Date',
        required: false,
        description: `The last day counted (included); at most ${MAX_RANGE_YEARS} years after \`from\`.`,
      }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const load = (ids: readonly number[]) => visitsByQuarter(ids, from, to);
      return batched(ctx, `visits:${from}:${to}`, load, [] as LeaderQuarter[]).load(org.id);
    },
  }),
}));
