// Nguy cơ không còn chi bộ: cells at risk of disappearing, the figures behind each verdict, and
// the cells that recovered by admitting again.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Context } from '../context.ts';
import { batched } from '../read/batch.ts';
import { admissionsByCell } from '../read/figures.ts';
import { type CellRow, cellFigures } from '../read/risk.ts';
import {
  assessRisk,
  type RiskAssessment,
  type RiskCriterion,
  type RiskPolicy,
  riskPolicyFromEnv,
} from '../rules/risk.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange } from './ranges.ts';

const policy = riskPolicyFromEnv();

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
  fields: (t) => ({
    name: t.exposeString('name', { description: 'FEW_MEMBERS, ELDERLY_MEMBERS or NO_RECENT_ADMISSION.' }),
    holds: t.exposeBoolean('holds'),
    value: t.exposeInt('value'),
    threshold: t.exposeInt('threshold'),
  }),
});

export const RiskAssessmentRef = builder.objectRef<Assessment>('RiskAssessment').implement({
  description: 'Whether a cell is at risk on a day, with the figures behind each criterion.',
  fields: (t) => ({
    cell: t.field({ type: OrganisationRef, resolve: (a) => a.cell }),
    asOf: t.expose('asOf', { type: 'Date' }),
    isAtRisk: t.exposeBoolean('isAtRisk'),
    memberCount: t.exposeInt('memberCount'),
    elderlyCount: t.exposeInt('elderlyCount'),
    lastAdmissionOn: t.expose('lastAdmissionOn', { type: 'Date', nullable: true }),
    yearsWithoutAdmission: t.exposeInt('yearsWithoutAdmission', {
      description: 'Full years since the last admission, or since establishment if none.',
    }),
    criteria: t.field({ type: [RiskCriterionRef], resolve: (a) => a.criteria }),
    policy: t.field({ type: RiskPolicyRef, resolve: (a) => a.policy }),
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

export async function atRiskCells(ctx: Context, id: number, day: string): Promise<Assessment[]> {
  const rows = await cellsOf(ctx, id, day, false);
  return rows.map((row) => assess(row, day)).filter((a) => a.isAtRisk);
}

interface Recovery {
  cell: Organisation;
  admitted: number;
}

const RecoveryRef = builder.objectRef<Recovery>('Recovery').implement({
  description: 'A cell at risk on `from` that admitted members in [from, to].',
  fields: (t) => ({
    cell: t.field({ type: OrganisationRef, resolve: (r) => r.cell }),
    admitted: t.exposeInt('admitted'),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  risk: t.field({
    type: RiskAssessmentRef,
    nullable: true,
    description: 'The assessment of this cell on the day; null for committees and cells not alive that day.',
    args: { asOf: t.arg({ type: 'Date', required: true }) },
    resolve: async (org, args, ctx) => {
      const [row] = await cellsOf(ctx, org.id, args.asOf, true);
      return row ? assess(row, args.asOf) : null;
    },
  }),
  atRiskCells: t.field({
    type: [RiskAssessmentRef],
    description: 'Every cell of the subtree at risk on the day.',
    args: { asOf: t.arg({ type: 'Date', required: true }) },
    resolve: (org, args, ctx) => atRiskCells(ctx, org.id, args.asOf),
  }),
  recoveredCells: t.field({
    type: [RecoveryRef],
    description: 'Cells at risk on `from` that admitted at least one member in [from, to].',
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: async (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const atRisk = await atRiskCells(ctx, org.id, from);
      const loader = batched(
        ctx,
        `cellAdmissions:${from}:${to}`,
        (ids: readonly number[]) => admissionsByCell(ids, from, to),
        0,
      );
      const admitted = await loader.loadMany(atRisk.map((a) => a.cell.id));
      return atRisk.map((a, i) => ({ cell: a.cell, admitted: Number(admitted[i] ?? 0) })).filter((r) => r.admitted > 0);
    },
  }),
}));
