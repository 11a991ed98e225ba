// Steps overdue against the admission deadlines (working days on the configured calendar): a
// field of Organisation for callers who may read that organisation's personal data.
import { batched } from '../read/batch.ts';
import { type OverdueStep, overdueSteps } from '../read/overdue.ts';
import { builder } from './builder.ts';
import { CandidateRef } from './candidate.ts';
import { MemberRef } from './member.ts';
import { OrganisationRef } from './organisation.ts';
import { defaultAsOf } from './ranges.ts';

const OverdueKindEnum = builder.enumType('OverdueKind', {
  description: 'Which deadline of the admission path has passed (counted in working days).',
  values: {
    DECISION: { description: 'No admission decision 60 working days (90 when extended) after the cell’s resolution.' },
    CEREMONY: { description: 'No ceremony 30 working days after the decision.' },
    RECOGNITION: { description: 'No recognition vote at all 30 working days after the 12 months of probation.' },
  },
});

const OverdueStepRef = builder.objectRef<OverdueStep>('OverdueStep').implement({
  description: 'A step not taken by its deadline: a candidate’s decision or ceremony, or a member’s recognition vote.',
  fields: (t) => ({
    kind: t.field({ type: OverdueKindEnum, description: 'Which deadline has passed.', resolve: (s) => s.kind }),
    since: t.expose('since', {
      type: 'Date',
      description: 'The step the deadline runs from (or the end of probation).',
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'The last day allowed.' }),
    workingDaysLate: t.exposeInt('workingDaysLate', {
      description: 'Working days after dueOn up to the day judged (at least 1).',
    }),
    candidate: t.field({
      type: CandidateRef,
      nullable: true,
      description: 'The candidate waiting, for DECISION and CEREMONY; null for RECOGNITION.',
      resolve: (s) => s.candidate,
    }),
    member: t.field({
      type: MemberRef,
      nullable: true,
      description: 'The probationary member waiting, for RECOGNITION; null otherwise.',
      resolve: (s) => s.member,
    }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  overdueSteps: t.field({
    type: [OverdueStepRef],
    // Null (with a FORBIDDEN error) rather than an error that would void the whole organisation
    // and the public figures asked beside it.
    nullable: true,
    description:
      'Decisions, ceremonies and recognition votes overdue on the day in the subtree, by due date. Personal data: only for tokens that reach this organisation; null with a FORBIDDEN error otherwise.',
    args: {
      asOf: t.arg({
        type: 'Date',
        required: false,
        description: 'The day judged. Default: today, or for a dissolved organisation its last day.',
      }),
    },
    authScopes: (org) => ({ readsPersonalDataOf: org.id }),
    resolve: (org, args, ctx) => {
      const asOf = defaultAsOf(org, args.asOf);
      const load = (ids: readonly number[]) => overdueSteps(ids, asOf);
      return batched(ctx, `overdue:${asOf}`, load, [] as OverdueStep[]).load(org.id);
    },
  }),
}));
