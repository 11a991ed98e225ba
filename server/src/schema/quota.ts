// Chỉ tiêu and Đề án: quotas handed down the tree, programmes, and progress against a quota.
import { batched } from '../read/batch.ts';
import { type QuotaWithProgramme, quotasCovering } from '../read/quota.ts';
import { type Pace, quotaPace } from '../rules/pace.ts';
import { monthlyAdmissions } from './admission.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange, FROM_DESCRIPTION, PERIOD_DESCRIPTION, TO_DESCRIPTION } from './ranges.ts';

export const ProgrammeRef = builder.prismaNode('Programme', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'Đề án: a programme such as Đề án 01/ĐA-TU/2016 (2016–2020).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description: 'Its unique code, e.g. "01/DA-TU/2016", by which a quota names it (`programmeCode`).',
    }),
    name: t.exposeString('name', { description: 'Its full title, e.g. "Đề án 01/ĐA-TU/2016 về xây dựng chi bộ, …".' }),
    issuedBy: t.exposeString('issuedBy', { description: 'The committee that issued it, e.g. "Tỉnh ủy Nghệ An".' }),
    startOn: t.expose('startOn', { type: 'Date', description: 'The first day it runs (included).' }),
    endOn: t.expose('endOn', { type: 'Date', description: 'The last day it runs (included).' }),
  }),
});

const PaceStatusEnum = builder.enumType('PaceStatus', {
  description:
    'Whether admissions keep pace with a quota: compared with `expected`, the share of the target due by `to`.',
  values: {
    ON_TRACK: { description: 'Admissions at or above the share of the target the elapsed time calls for.' },
    BEHIND: { description: 'Below that share.' },
    ACHIEVED: { description: 'The whole target is reached.' },
  },
});

type Progress = Pace & { quota: QuotaWithProgramme; admitted: number };

const QuotaProgressRef = builder.objectRef<Progress>('QuotaProgress').implement({
  description: 'Admissions of the subtree against the organisation’s own quota for the period.',
  fields: (t) => ({
    target: t.int({
      description: 'Chỉ tiêu: the number of admissions the quota asks for over its whole period.',
      resolve: (p) => p.quota.target,
    }),
    admitted: t.exposeInt('admitted', { description: 'Admissions from max(from, periodFrom) to `to`.' }),
    ratio: t.exposeFloat('ratio', {
      description:
        'admitted / target, a fraction (1 = the whole target); with a target of 0: 1 if anyone was admitted, else 0.',
    }),
    expected: t.exposeFloat('expected', { description: 'target × elapsedShare: what keeping pace means by `to`.' }),
    elapsedShare: t.exposeFloat('elapsedShare', {
      description: 'The share of the quota’s period elapsed by `to`, from 0 to 1, counted in days (`to` included).',
    }),
    status: t.field({
      type: PaceStatusEnum,
      description: 'ACHIEVED (admitted ≥ target), else ON_TRACK (admitted ≥ expected), else BEHIND.',
      resolve: (p) => p.status,
    }),
    periodFrom: t.field({
      type: 'Date',
      description: 'The first day of the quota’s period (included).',
      resolve: (p) => p.quota.periodFrom,
    }),
    periodTo: t.field({
      type: 'Date',
      description: 'The last day of the quota’s period (included).',
      resolve: (p) => p.quota.periodTo,
    }),
    programme: t.field({
      type: ProgrammeRef,
      nullable: true,
      description: 'The programme (Đề án) the quota belongs to; null for a plain quota.',
      resolve: (p) => p.quota.programme,
    }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  quotaProgress: t.field({
    type: QuotaProgressRef,
    nullable: true,
    description:
      'Progress against the organisation’s quota whose period covers `to` (a plain quota before a programme’s, then the shortest); null without one.',
    args: {
      from: t.arg({
        type: 'Date',
        required: false,
        description: `${FROM_DESCRIPTION} Admissions count from the later of \`from\` and the quota’s first day.`,
      }),
      to: t.arg({
        type: 'Date',
        required: false,
        description: `${TO_DESCRIPTION} The quota is the one whose period covers this day.`,
      }),
      period: t.arg.string({ required: false, description: PERIOD_DESCRIPTION }),
    },
    resolve: async (org, args, ctx) => {
      const { from, to } = dateRange(args);
      const quota = await batched(ctx, `quota:${to}`, (ids: readonly number[]) => quotasCovering(ids, to), null).load(
        org.id,
      );
      if (!quota) return null;
      const start = from > quota.periodFrom ? from : quota.periodFrom;
      const months = await monthlyAdmissions(ctx, org.id, start, to);
      const admitted = [...months.values()].reduce((a, b) => a + b, 0);
      const pace = quotaPace({
        target: quota.target,
        admitted,
        periodFrom: quota.periodFrom,
        periodTo: quota.periodTo,
        asOf: to,
      });
      return { ...pace, quota, admitted };
    },
  }),
}));
