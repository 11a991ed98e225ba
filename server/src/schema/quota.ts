// Chỉ tiêu and Đề án: quotas handed down the tree, programmes, and progress against a quota.
import { batched } from '../read/batch.ts';
import { type QuotaWithProgramme, quotasCovering } from '../read/quota.ts';
import { type Pace, quotaPace } from '../rules/pace.ts';
import { monthlyAdmissions } from './admission.ts';
import { builder } from './builder.ts';
import { OrganisationRef } from './organisation.ts';
import { dateRange } from './ranges.ts';

export const ProgrammeRef = builder.prismaNode('Programme', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'Đề án: a programme such as Đề án 01/ĐA-TU/2016 (2016–2020).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    issuedBy: t.exposeString('issuedBy'),
    startOn: t.expose('startOn', { type: 'Date' }),
    endOn: t.expose('endOn', { type: 'Date' }),
  }),
});

const PaceStatusEnum = builder.enumType('PaceStatus', {
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
    target: t.int({ resolve: (p) => p.quota.target }),
    admitted: t.exposeInt('admitted', { description: 'Admissions from max(from, periodFrom) to `to`.' }),
    ratio: t.exposeFloat('ratio', { description: 'admitted / target.' }),
    expected: t.exposeFloat('expected', { description: 'target × elapsedShare: what keeping pace means by `to`.' }),
    elapsedShare: t.exposeFloat('elapsedShare', { description: 'Share of the quota period elapsed by `to`.' }),
    status: t.field({ type: PaceStatusEnum, resolve: (p) => p.status }),
    periodFrom: t.field({ type: 'Date', resolve: (p) => p.quota.periodFrom }),
    periodTo: t.field({ type: 'Date', resolve: (p) => p.quota.periodTo }),
    programme: t.field({ type: ProgrammeRef, nullable: true, resolve: (p) => p.quota.programme }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  quotaProgress: t.field({
    type: QuotaProgressRef,
    nullable: true,
    description: 'Progress against the organisation’s quota whose period covers `to`; null without one.',
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
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
