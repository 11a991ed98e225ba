// Writing quotas and programmes, and the allocation gap: the children's targets against their
// parent's for the same period (reported, never forced).
import { parentIdOf } from '../auth/targets.ts';
import { assignQuota, createProgramme } from '../domain/quotas.ts';
import { batched } from '../read/batch.ts';
import { type QuotaGap, quotaGaps } from '../read/quota-gap.ts';
import { builder } from './builder.ts';
import { writeErrors } from './errors.ts';
import { OrganisationRef } from './organisation.ts';
import { ProgrammeRef } from './quota.ts';

const QuotaRef = builder.prismaObject('Quota', {
  description: 'Chỉ tiêu: the target number of admissions of an organisation over [periodFrom, periodTo].',
  fields: (t) => ({
    organisation: t.relation('organisation', {
      type: OrganisationRef,
      description: 'The organisation given the target.',
    }),
    programme: t.relation('programme', {
      type: ProgrammeRef,
      nullable: true,
      description: 'The programme (Đề án) it belongs to; null for a plain quota.',
    }),
    periodFrom: t.expose('periodFrom', { type: 'Date', description: 'The first day of the period (included).' }),
    periodTo: t.expose('periodTo', { type: 'Date', description: 'The last day of the period (included).' }),
    target: t.exposeInt('target', { description: 'The number of admissions asked for over the period (0 or more).' }),
  }),
});

const AssignQuotaInput = builder.inputType('AssignQuotaInput', {
  fields: (t) => ({
    organisationCode: t.string({
      required: true,
      description: 'The code of the organisation given the target; it must exist on at least one day of the period.',
    }),
    periodFrom: t.field({ type: 'Date', required: true, description: 'The first day of the period (included).' }),
    periodTo: t.field({
      type: 'Date',
      required: true,
      description: 'The last day of the period (included), not before periodFrom.',
    }),
    target: t.int({ required: true, description: 'The number of admissions asked for: a whole number, 0 or more.' }),
    programmeCode: t.string({
      description:
        'The code of the programme (Đề án) it belongs to; the period must lie within it. Omit for a plain quota.',
    }),
  }),
});

builder.mutationField('assignQuota', (t) =>
  t.field({
    type: QuotaRef,
    errors: writeErrors('AssignQuota'),
    description: 'Assigns, or changes, the target of an organisation for a period. The parent’s staff assign it.',
    args: { input: t.arg({ type: AssignQuotaInput, required: true }) },
    authScopes: async (_root, args) => ({
      writesIn: await parentIdOf(args.input.organisationCode, args.input.periodFrom),
    }),
    resolve: (_root, args, ctx) => assignQuota({ actor: ctx.actor!, input: args.input }),
  }),
);

const CreateProgrammeInput = builder.inputType('CreateProgrammeInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'A unique code, e.g. "01/DA-TU/2016", at most 200 characters.' }),
    name: t.string({ required: true, description: 'The full title, at most 200 characters.' }),
    issuedBy: t.string({ required: true, description: 'The committee that issued it, e.g. "Tỉnh ủy Nghệ An".' }),
    startOn: t.field({ type: 'Date', required: true, description: 'The first day it runs (included).' }),
    endOn: t.field({
      type: 'Date',
      required: true,
      description: 'The last day it runs (included), not before startOn.',
    }),
  }),
});

builder.mutationField('createProgramme', (t) =>
  t.field({
    type: ProgrammeRef,
    errors: writeErrors('CreateProgramme'),
    description: 'Records a programme (Đề án) that quotas can belong to. Admin tokens only.',
    args: { input: t.arg({ type: CreateProgrammeInput, required: true }) },
    authScopes: { role: ['ADMIN'] },
    resolve: (_root, args, ctx) => createProgramme({ actor: ctx.actor!, input: args.input }),
  }),
);

const QuotaGapRef = builder.objectRef<QuotaGap>('QuotaAllocationGap').implement({
  description: 'The parent’s target against the sum of its children’s for the same period; gap = children − parent.',
  fields: (t) => ({
    periodFrom: t.expose('periodFrom', { type: 'Date', description: 'The first day of the parent’s quota period.' }),
    periodTo: t.expose('periodTo', { type: 'Date', description: 'The last day of the parent’s quota period.' }),
    target: t.exposeInt('target', { description: 'The parent’s own target for the period.' }),
    childrenTarget: t.exposeInt('childrenTarget', {
      description: 'The sum of the targets its children hold for exactly the same period; 0 when none do.',
    }),
    childrenWithQuota: t.exposeInt('childrenWithQuota', {
      description: 'How many of the children’s quotas were summed (usually one per child holding a quota).',
    }),
    children: t.exposeInt('children', { description: 'Children on periodFrom.' }),
    gap: t.int({
      description: 'childrenTarget − target: above 0 when the children were given more, below 0 when less.',
      resolve: (g) => g.childrenTarget - g.target,
    }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  quotaAllocationGaps: t.field({
    type: [QuotaGapRef],
    description:
      'For each of this organisation’s quotas whose period covers `asOf`, how its children’s targets add up (public).',
    args: {
      asOf: t.arg({ type: 'Date', required: true, description: 'A day within the periods of the quotas compared.' }),
    },
    resolve: (org, args, ctx) => {
      const load = (ids: readonly number[]) => quotaGaps(ids, args.asOf);
      return batched(ctx, `quotaGaps:${args.asOf}`, load, [] as QuotaGap[]).load(org.id);
    },
  }),
}));
