// The board's periodic report (báo cáo định kỳ): a subtree's members and admissions over a period
// as boards name it, broken down as their reports are, beside the same period a year before (cùng
// kỳ). Counts only; a public answer shows a breakdown's count below 5 as "fewer than 5". The same
// report for the whole country (Country.report) is its provinces' together (read/report.ts).
import { reaches } from '../auth/reach.ts';
import type { Context } from '../context.ts';
import { COUNTRY_ID } from '../derived/sql.ts';
import { batched } from '../read/batch.ts';
import { admissionBreakdowns, emptyBreakdown, memberBreakdowns } from '../read/report.ts';
import { addDays } from '../rules/dates.ts';
import { type DayRange, sameTimeLastYear } from '../rules/periods.ts';
import { builder } from './builder.ts';
import { CountryRef } from './country.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, PERIOD_DESCRIPTION, TO_DESCRIPTION } from './ranges.ts';
import { ReportFiguresRef } from './report-figures.ts';

/** A report being answered: its organisation and days, and whether counts are shown exactly. */
interface Report extends DayRange {
  orgId: number;
  exact: boolean;
}

const membersOn = (ctx: Context, id: number, day: string) =>
  batched(ctx, `report-members:${day}`, (ids: readonly number[]) => memberBreakdowns(ids, day), emptyBreakdown()).load(
    id,
  );
const admissionsIn = (ctx: Context, id: number, { from, to }: DayRange) =>
  batched(
    ctx,
    `report-admissions:${from}:${to}`,
    (ids: readonly number[]) => admissionBreakdowns(ids, from, to),
    emptyBreakdown(),
  ).load(id);

const PeriodReportRef = builder.objectRef<Report>('PeriodReport');
PeriodReportRef.implement({
  description:
    'Báo cáo định kỳ: the members and admissions of a subtree over a period, as a board reports them up the tree.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'The first day of the period (included).', resolve: (r) => r.from }),
    to: t.field({ type: 'Date', description: 'The last day of the period (included).', resolve: (r) => r.to }),
    membersAtStart: t.field({
      type: ReportFiguresRef,
      description: 'Members of the subtree at the start of the period: on the day before `from`.',
      resolve: async (r, _a, ctx) => ({ ...(await membersOn(ctx, r.orgId, addDays(r.from, -1))), exact: r.exact }),
    }),
    members: t.field({
      type: ReportFiguresRef,
      description: 'Members of the subtree at the end of the period: on `to`.',
      resolve: async (r, _a, ctx) => ({ ...(await membersOn(ctx, r.orgId, r.to)), exact: r.exact }),
    }),
    admissions: t.field({
      type: ReportFiguresRef,
      description: 'Admissions (kết nạp) in the subtree over the period, each under the tree as it stood on its day.',
      resolve: async (r, _a, ctx) => ({ ...(await admissionsIn(ctx, r.orgId, r)), exact: r.exact }),
    }),
    admissionsShareOfMembers: t.float({
      nullable: true,
      description:
        'Admissions over the period as a share of the members at its start (0.05 = 5%); null with no member at the start.',
      resolve: async (r, _a, ctx) => {
        const [start, admitted] = await Promise.all([
          membersOn(ctx, r.orgId, addDays(r.from, -1)),
          admissionsIn(ctx, r.orgId, r),
        ]);
        return start.total ? admitted.total / start.total : null;
      },
    }),
    sameTimeLastYear: t.field({
      type: PeriodReportRef,
      description: 'So với cùng kỳ: the same report for the same period a year before (29 February ends on the 28th).',
      resolve: (r) => ({ ...r, ...sameTimeLastYear(r) }),
    }),
  }),
});

const REPORT =
  'The board’s periodic report of the subtree over a period (a quarter, a half-year, a year, a congress term or any range): members at its start and end, admissions, their breakdowns, and the same period a year before.';

/** The report of `orgId` (COUNTRY_ID: the country) over the days asked; exact for a token reaching it. */
const reportOf = async (orgId: number, args: Parameters<typeof dateRange>[0], ctx: Context): Promise<Report> => ({
  ...dateRange(args),
  orgId,
  exact: await reaches(ctx, orgId),
});

builder.objectFields(OrganisationRef, (t) => ({
  report: t.field({
    type: PeriodReportRef,
    description: REPORT,
    args: {
      from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
      to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: (org, args, ctx) => reportOf(org.id, args, ctx),
  }),
}));

builder.objectFields(CountryRef, (t) => ({
  report: t.field({
    type: PeriodReportRef,
    description:
      'The same periodic report for the whole country, every province together. Counts below 5 are exact only for ' +
      'a token reaching the whole country (an administrator of no organisation).',
    args: {
      from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
      to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: (_c, args, ctx) => reportOf(COUNTRY_ID, args, ctx),
  }),
}));
