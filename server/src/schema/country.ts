// Cả nước: the whole country, for a national front page. The provinces are the roots of the tree
// (DESIGN.md, the tree's shape), so the country's figures are the sums of theirs, read from the
// same derived tables: as cheap as one province's.

import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import { admissionsByMonth, memberCounts } from '../read/figures.ts';
import { atRiskCellIdsEverywhere } from '../read/risk.ts';
import { num, query, sql } from '../read/sql.ts';
import { bySectorOrder, grassrootsOn, type SectorCount } from '../read/tree.ts';
import { monthsOf, todayInVietnam } from '../rules/dates.ts';
import { MonthCountRef } from './admission.ts';
import { builder } from './builder.ts';
import { GrassrootsCountRef, OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, monthsSpanned, TO_DESCRIPTION } from './ranges.ts';
import { assessed, PAGE_ARGS, page, RiskAssessmentRef } from './risk.ts';

/** Every province that ever existed (a province's figures are empty outside its life). */
function provinces(ctx: Context): Promise<number[]> {
  return batched(
    ctx,
    'provinces',
    async () => {
      const rows = await query<{ id: unknown }>(sql`SELECT "id" FROM "Organisation" WHERE "kind" = 'PROVINCIAL'`);
      return new Map([[0, rows.map((r) => num(r.id))]]);
    },
    [] as number[],
  ).load(0);
}

async function admissions(ctx: Context, from: string, to: string): Promise<Map<string, number>> {
  const total = new Map<string, number>();
  for (const months of (await admissionsByMonth(await provinces(ctx), from, to)).values())
    for (const [month, n] of months) total.set(month, (total.get(month) ?? 0) + n);
  return total;
}

const Country = {};
const CountryRef = builder.objectRef<typeof Country>('Country');

const AS_OF = 'The day asked about; today (in Vietnam) when left out.';

CountryRef.implement({
  description: 'Cả nước: the whole country, every province together.',
  fields: (t) => ({
    provinces: t.field({
      type: [OrganisationRef],
      description: 'The provinces (the roots of the tree) that exist on the day, by code.',
      args: { asOf: t.arg({ type: 'Date', required: false, description: AS_OF }) },
      resolve: async (_c, args) => {
        const day = args.asOf ?? todayInVietnam();
        return prisma().organisation.findMany({
          where: {
            kind: 'PROVINCIAL',
            establishedOn: { lte: day },
            OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: day } }],
          },
          orderBy: { code: 'asc' },
        });
      },
    }),
    memberCount: t.int({
      description: 'Members (probationary and full) in the whole country on the day.',
      args: { asOf: t.arg({ type: 'Date', required: false, description: AS_OF }) },
      resolve: async (_c, args, ctx) => {
        const counts = await memberCounts(await provinces(ctx), args.asOf ?? todayInVietnam());
        return [...counts.values()].reduce((a, b) => a + b, 0);
      },
    }),
    admissionCount: t.int({
      description: 'Admissions (kết nạp) in the whole country over [from, to], both days included.',
      args: {
        from: t.arg({ type: 'Date', required: true, description: FROM_DESCRIPTION }),
        to: t.arg({ type: 'Date', required: true, description: TO_DESCRIPTION }),
      },
      resolve: async (_c, args, ctx) => {
        const { from, to } = dateRange(args);
        return [...(await admissions(ctx, from, to)).values()].reduce((a, b) => a + b, 0);
      },
    }),
    admissionsByMonth: t.field({
      type: [MonthCountRef],
      description:
        'Admissions in the whole country in each month of [from, to] (zeros included). One complexity point per month.',
      complexity: (args) => monthsSpanned(args),
      args: {
        from: t.arg({ type: 'Date', required: true, description: FROM_DESCRIPTION }),
        to: t.arg({ type: 'Date', required: true, description: TO_DESCRIPTION }),
      },
      resolve: async (_c, args, ctx) => {
        const { from, to } = dateRange(args);
        const months = await admissions(ctx, from, to);
        return monthsOf(from, to).map((month) => ({ month, count: months.get(month) ?? 0 }));
      },
    }),
    grassrootsCount: t.field({
      type: GrassrootsCountRef,
      description: 'Grassroots committees and cells of the whole country on the day, by sector.',
      args: { asOf: t.arg({ type: 'Date', required: false, description: AS_OF }) },
      resolve: async (_c, args, ctx) => {
        const bySector = new Map<string | null, SectorCount>();
        const found = await grassrootsOn(await provinces(ctx), args.asOf ?? todayInVietnam());
        for (const list of found.values())
          for (const s of list) {
            const entry = bySector.get(s.sector) ?? { sector: s.sector, committees: 0, cells: 0 };
            entry.committees += s.committees;
            entry.cells += s.cells;
            bySector.set(s.sector, entry);
          }
        return bySectorOrder([...bySector.values()]);
      },
    }),
    atRiskCount: t.int({
      description: 'How many cells of the whole country are at risk on the day.',
      args: { asOf: t.arg({ type: 'Date', required: true, description: 'The day assessed.' }) },
      resolve: async (_c, args) => (await atRiskCellIdsEverywhere(args.asOf)).length,
    }),
    atRiskCells: t.field({
      type: [RiskAssessmentRef],
      description: 'The cells of the whole country at risk on the day, by code, a page at a time.',
      args: {
        asOf: t.arg({ type: 'Date', required: true, description: 'The day assessed.' }),
        first: t.arg.int({ required: false, description: PAGE_ARGS.first }),
        offset: t.arg.int({ required: false, description: PAGE_ARGS.offset }),
      },
      resolve: async (_c, args, ctx) => {
        const slice = page(args);
        return assessed(ctx, slice(await atRiskCellIdsEverywhere(args.asOf)), args.asOf);
      },
    }),
  }),
});

builder.queryField('country', (t) =>
  t.field({
    type: CountryRef,
    description: 'The whole country: the sums of every province (the roots of the tree).',
    resolve: () => Country,
  }),
);
