// Kết nạp: admissions of a subtree over a period, in total and month by month.
import { batched } from '../read/batch.ts';
import { admissionsByMonth } from '../read/figures.ts';
import { monthsOf } from '../rules/dates.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, monthsSpanned, PERIOD_DESCRIPTION, TO_DESCRIPTION } from './ranges.ts';

interface MonthCount {
  month: string;
  count: number;
}

export const MonthCountRef = builder.objectRef<MonthCount>('MonthCount').implement({
  description: 'Admissions (kết nạp) of a subtree in one month of the period asked.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'The month, YYYY-MM.' }),
    count: t.exposeInt('count', {
      description: 'Members admitted in the month, within [from, to]: the first and last months may be partial.',
    }),
  }),
});

/** Admissions per month of one subtree: one statement for every organisation of the request. */
export function monthlyAdmissions(ctx: Parameters<typeof batched>[0], id: number, from: string, to: string) {
  return batched(
    ctx,
    `admissions:${from}:${to}`,
    (ids: readonly number[]) => admissionsByMonth(ids, from, to),
    new Map<string, number>(),
  ).load(id);
}

builder.objectFields(OrganisationRef, (t) => ({
  admissionCount: t.int({
    description:
      'Admissions (kết nạp) by the cells of the subtree over [from, to], both days included; each counts under the tree as it stood on its day.',
    args: {
      from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
      to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: async (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const months = await monthlyAdmissions(ctx, org.id, from, to);
      return [...months.values()].reduce((a, b) => a + b, 0);
    },
  }),
  admissionsByMonth: t.field({
    type: [MonthCountRef],
    description:
      'Admissions in each month of [from, to] (every month listed, zeros included). Costs one complexity point per month.',
    complexity: (args) => monthsSpanned(args),
    args: {
      from: t.arg({ type: 'Date', required: false, description: FROM_DESCRIPTION }),
      to: t.arg({ type: 'Date', required: false, description: TO_DESCRIPTION }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: async (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const months = await monthlyAdmissions(ctx, org.id, from, to);
      return monthsOf(from, to).map((month) => ({ month, count: months.get(month) ?? 0 }));
    },
  }),
}));
