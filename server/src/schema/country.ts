// Cả nước: the whole country, for a national front page. The provinces are the roots of the tree
// (DESIGN.md, the tree's shape), so the country's figures are the sums of theirs: kept in the
// derived tables under COUNTRY_ID, as cheap to read as one commune's.

import { prisma } from '../db.ts';
import { COUNTRY_ID } from '../derived/sql.ts';
import { admissionsByMonth, memberCounts } from '../read/figures.ts';
import { atRiskCellIdsEverywhere } from '../read/risk.ts';
import { grassrootsOn } from '../read/tree.ts';
import { monthsOf, todayInVietnam } from '../rules/dates.ts';
import { MonthCountRef } from './admission.ts';
import { builder } from './builder.ts';
import { GrassrootsCountRef, OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, monthsSpanned, PERIOD_DESCRIPTION, TO_DESCRIPTION } from './ranges.ts';
import { assessed, PAGE_ARGS, page, RiskAssessmentRef } from './risk.ts';

async function admissions(from: string, to: string): Promise<Map<string, number>> {
  return (await admissionsByMonth([COUNTRY_ID], from, to)).get(COUNTRY_ID) ?? new Map();
}

const Country = {};
export const CountryRef = builder.objectRef<typeof Country>('Country');

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
      resolve: async (_c, args) =>
        (await memberCounts([COUNTRY_ID], args.asOf ?? todayInVietnam())).get(COUNTRY_ID) ?? 0,
    }),
    admissionCount: t.int({
      description: 'Admissions (kết nạp) in the whole country over [from, to], both days included.',
      args: {
        from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
        to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
        period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
      },
      resolve: async (_c, args) => {
        const { from, to } = dateRange(args);
        return [...(await admissions(from, to)).values()].reduce((a, b) => a + b, 0);
      },
    }),
    admissionsByMonth: t.field({
      type: [MonthCountRef],
      description:
        'Admissions in the whole country in each month of [from, to] (zeros included). One complexity point per month.',
      complexity: (args) => monthsSpanned(args),
      args: {
        from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
        to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
        period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
      },
      resolve: async (_c, args) => {
        const { from, to } = dateRange(args);
        const months = await admissions(from, to);
        return monthsOf(from, to).map((month) => ({ month, count: months.get(month) ?? 0 }));
      },
    }),
    grassrootsCount: t.field({
      type: GrassrootsCountRef,
      description: 'Grassroots committees and cells of the whole country on the day, by sector.',
      args: { asOf: t.arg({ type: 'Date', required: false, description: AS_OF }) },
      resolve: async (_c, args) =>
        (await grassrootsOn([COUNTRY_ID], args.asOf ?? todayInVietnam())).get(COUNTRY_ID) ?? [],
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
