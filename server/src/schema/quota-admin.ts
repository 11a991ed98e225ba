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
    organisation: t.relation('organisation', { type: OrganisationRef }),
    programme: t.relation('programme', { type: ProgrammeRef, nullable: true }),
    periodFrom: t.expose('periodFrom', { type: 'Date' }),
    periodTo: t.expose('periodTo', { type: 'Date' }),
    target: t.exposeInt('target'),
  }),
});

const AssignQuotaInput = builder.inputType('AssignQuotaInput', {
  fields: (t) => ({
    organisationCode: t.string({ required: true }),
    periodFrom: t.field({ type: 'Date', required: true }),
    periodTo: t.field({ type: 'Date', required: true }),
    target: t.int({ required: true }),
    programmeCode: t.string(),
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
    code: t.string({ required: true }),
    name: t.string({ required: true }),
    issuedBy: t.string({ required: true }),
    startOn: t.field({ type: 'Date', required: true }),
    endOn: t.field({ type: 'Date', required: true }),
  }),
});

builder.mutationField('createProgramme', (t) =>
  t.field({
    type: ProgrammeRef,
    errors: writeErrors('CreateProgramme'),
    args: { input: t.arg({ type: CreateProgrammeInput, required: true }) },
    authScopes: { role: ['ADMIN'] },
    resolve: (_root, args, ctx) => createProgramme({ actor: ctx.actor!, input: args.input }),
  }),
);

const QuotaGapRef = builder.objectRef<QuotaGap>('QuotaAllocationGap').implement({
  description: 'The parent’s target against the sum of its children’s for the same period; gap = children − parent.',
  fields: (t) => ({
    periodFrom: t.expose('periodFrom', { type: 'Date' }),
    periodTo: t.expose('periodTo', { type: 'Date' }),
    target: t.exposeInt('target'),
    childrenTarget: t.exposeInt('childrenTarget'),
    childrenWithQuota: t.exposeInt('childrenWithQuota'),
    children: t.exposeInt('children', { description: 'Children on periodFrom.' }),
    gap: t.int({ resolve: (g) => g.childrenTarget - g.target }),
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
