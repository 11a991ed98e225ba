// Nguy cơ không còn chi bộ: cells at risk of disappearing, the figures behind each verdict, and
// the cells that recovered by admitting again.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import { batched } from '../read/batch.ts';
import { admissionsByCell } from '../read/figures.ts';
import { atRiskCellIds, type CellRow, cellFigures } from '../read/risk.ts';
import {
  activeRiskPolicy,
  assessRisk,
  type RiskAssessment,
  type RiskCriterion,
  type RiskPolicy,
} from '../rules/risk.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, PERIOD_DESCRIPTION, TO_DESCRIPTION } from './ranges.ts';

const policy = activeRiskPolicy();

type Assessment = RiskAssessment & { cell: Organisation };

const RiskPolicyRef = builder.objectRef<RiskPolicy>('RiskPolicy').implement({
  description: 'The thresholds used (deployment configuration; defaults from the 2017 article).',
  fields: (t) => ({
    minMembers: t.exposeInt('minMembers', { description: 'Fewer members than this meets criterion FEW_MEMBERS.' }),
    elderlyAge: t.exposeInt('elderlyAge', { description: 'Members of this age or more are elderly.' }),
    minElderly: t.exposeInt('minElderly', { description: 'At least this many elderly members meets ELDERLY_MEMBERS.' }),
    yearsWithoutAdmission: t.exposeInt('yearsWithoutAdmission', {
      description: 'No admission for more than this many years meets NO_RECENT_ADMISSION.',
    }),
  }),
});

const RiskCriterionRef = builder.objectRef<RiskCriterion>('RiskCriterion').implement({
  description: 'One of the three criteria of the at-risk verdict, with the cell’s figure and the policy’s threshold.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'FEW_MEMBERS, ELDERLY_MEMBERS or NO_RECENT_ADMISSION.' }),
    holds: t.exposeBoolean('holds', { description: 'Whether the criterion is met on the day.' }),
    value: t.exposeInt('value', {
      description: 'The cell’s figure: members, elderly members, or full years without admission.',
    }),
    threshold: t.exposeInt('threshold', {
      description:
        'The policy’s number: FEW_MEMBERS holds when value < threshold, ELDERLY_MEMBERS when value ≥ threshold, NO_RECENT_ADMISSION after more than threshold years.',
    }),
  }),
});

export const RiskAssessmentRef = builder.objectRef<Assessment>('RiskAssessment').implement({
  description: 'Whether a cell is at risk on a day, with the figures behind each criterion.',
  fields: (t) => ({
    cell: t.field({ type: OrganisationRef, description: 'The cell assessed.', resolve: (a) => a.cell }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The day assessed.' }),
    isAtRisk: t.exposeBoolean('isAtRisk', {
      description: 'Nguy cơ không còn chi bộ: all three criteria hold on the day.',
    }),
    memberCount: t.exposeInt('memberCount', { description: 'Members (probationary and full) of the cell on the day.' }),
    elderlyCount: t.exposeInt('elderlyCount', {
      description: 'Members of the cell on the day aged `policy.elderlyAge` (60 by default) or more, in full years.',
    }),
    lastAdmissionOn: t.expose('lastAdmissionOn', {
      type: 'Date',
      nullable: true,
      description: 'The day of the cell’s last admission on or before the day; null if it never admitted anyone.',
    }),
    yearsWithoutAdmission: t.exposeInt('yearsWithoutAdmission', {
      description: 'Full years since the last admission, or since establishment if none.',
    }),
    criteria: t.field({
      type: [RiskCriterionRef],
      description: 'The three criteria, always in this order: FEW_MEMBERS, ELDERLY_MEMBERS, NO_RECENT_ADMISSION.',
      resolve: (a) => a.criteria,
    }),
    policy: t.field({
      type: RiskPolicyRef,
      description: 'The thresholds this assessment used.',
      resolve: (a) => a.policy,
    }),
  }),
});

const assess = (row: CellRow, day: string): Assessment => ({ ...assessRisk(row, day, policy), cell: row.cell });

/** Every cell of each subtree, assessed on `day`: one statement for the whole request. */
function cellsOf(ctx: Context, id: number, day: string, selfOnly: boolean) {
  return batched(
    ctx,
    `cells:${day}:${selfOnly}`,
    (ids: readonly number[]) => cellFigures(ids, day, policy, selfOnly),
    [] as CellRow[],
  ).load(id);
}

/** The ids of the cells of the subtree at risk on `day`, by code (from the derived spans). */
function atRiskIds(ctx: Context, id: number, day: string) {
  return batched(ctx, `atRisk:${day}`, (ids: readonly number[]) => atRiskCellIds(ids, day), [] as number[]).load(id);
}

/** The assessments of the given cells (a page of them), in the order given. */
export async function assessed(ctx: Context, cellIds: readonly number[], day: string): Promise<Assessment[]> {
  const figures = await Promise.all(cellIds.map((cellId) => cellsOf(ctx, cellId, day, true)));
  return figures.flatMap((rows) => rows.map((row) => assess(row, day)));
}

/** The cells at risk on `from` that admitted in [from, to], with how many, by code. */
async function recovered(ctx: Context, id: number, from: string, to: string): Promise<[number, number][]> {
  const atRisk = await atRiskIds(ctx, id, from);
  const loader = batched(
    ctx,
    `cellAdmissions:${from}:${to}`,
    (ids: readonly number[]) => admissionsByCell(ids, from, to),
    0,
  );
  const admitted = await loader.loadMany(atRisk);
  return atRisk.map((cellId, i) => [cellId, Number(admitted[i] ?? 0)] as [number, number]).filter(([, n]) => n > 0);
}

/** Page sizes of the lists of cells: a whole country's list never goes out in one answer. */
export const PAGE = { default: 50, max: 500 } as const;

/** What the paging arguments of a list of cells mean (one wording for every such list). */
export const PAGE_ARGS = {
  first: `How many cells to return (default ${PAGE.default}, at most ${PAGE.max}).`,
  offset: 'How many cells to skip first, in the order by code (default 0).',
} as const;

/** `first` and `offset` checked (naming the argument), as a slice of a list. */
export function page(args: { first?: number | null; offset?: number | null }) {
  const first = args.first ?? PAGE.default;
  const offset = args.offset ?? 0;
  if (first < 0 || first > PAGE.max)
    throw new GraphQLError(`Argument "first" (${first}) must be between 0 and ${PAGE.max}`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  if (offset < 0)
    throw new GraphQLError(`Argument "offset" (${offset}) must not be negative`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'offset' },
    });
  return <T>(items: readonly T[]) => items.slice(offset, offset + first);
}

interface Recovery {
  cell: Organisation;
  admitted: number;
}

const RecoveryRef = builder.objectRef<Recovery>('Recovery').implement({
  description: 'A cell at risk on `from` that admitted members in [from, to].',
  fields: (t) => ({
    cell: t.field({ type: OrganisationRef, description: 'The cell that recovered.', resolve: (r) => r.cell }),
    admitted: t.exposeInt('admitted', { description: 'Members the cell itself admitted in [from, to] (at least 1).' }),
  }),
});

builder.objectFields(OrganisationRef, (t) => {
  const pageArgs = {
    first: t.arg.int({ required: false, description: PAGE_ARGS.first }),
    offset: t.arg.int({ required: false, description: PAGE_ARGS.offset }),
  };
  const periodArgs = {
    from: t.arg({ type: 'Date', required: false, description: `${FROM_DESCRIPTION} The cells at risk on this day.` }),
    to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
    period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
  };
  const asOf = t.arg({ type: 'Date', required: true, description: 'The day assessed.' });
  return {
    risk: t.field({
      type: RiskAssessmentRef,
      nullable: true,
      description: 'The assessment of this cell on the day; null for committees and cells not alive that day.',
      args: { asOf },
      resolve: async (org, args, ctx) => {
        const [row] = await cellsOf(ctx, org.id, args.asOf, true);
        return row ? assess(row, args.asOf) : null;
      },
    }),
    atRiskCells: t.field({
      type: [RiskAssessmentRef],
      description:
        'The cells of the subtree (itself included, if a cell) at risk on the day, by code, a page at a time; `atRiskCount` is how many in all.',
      args: { asOf, ...pageArgs },
      resolve: async (org, args, ctx) => {
        const slice = page(args);
        return assessed(ctx, slice(await atRiskIds(ctx, org.id, args.asOf)), args.asOf);
      },
    }),
    atRiskCount: t.int({
      description: 'How many cells of the subtree (itself included, if a cell) are at risk on the day.',
      args: { asOf },
      resolve: async (org, args, ctx) => (await atRiskIds(ctx, org.id, args.asOf)).length,
    }),
    recoveredCells: t.field({
      type: [RecoveryRef],
      description:
        'Cells at risk on `from` that admitted at least one member in [from, to], by code, a page at a time; `recoveredCount` is how many in all.',
      args: { ...periodArgs, ...pageArgs },
      resolve: async (org, args, ctx) => {
        const slice = page(args);
        const { from, to } = dateRange(args);
        const shown = slice(await recovered(ctx, org.id, from, to));
        const cells = await assessed(
          ctx,
          shown.map(([cellId]) => cellId),
          from,
        );
        return cells.map((a, i) => ({ cell: a.cell, admitted: shown[i]?.[1] ?? 0 }));
      },
    }),
    recoveredCount: t.int({
      description: 'How many cells at risk on `from` admitted at least one member in [from, to].',
      args: periodArgs,
      resolve: async (org, args, ctx) => {
        const { from, to } = dateRange(args);
        return (await recovered(ctx, org.id, from, to)).length;
      },
    }),
  };
});
