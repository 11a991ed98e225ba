// Steps overdue against the admission deadlines (working days on the configured calendar), for
// callers who may read the subtree's personal data.
import { organisationIdOf } from '../auth/targets.ts';
import { type OverdueStep, overdueSteps } from '../reports/overdue.ts';
import { todayInVietnam } from '../rules/dates.ts';
import { builder } from './builder.ts';
import { CandidateRef } from './candidate.ts';
import { MemberRef } from './member.ts';

const OverdueKindEnum = builder.enumType('OverdueKind', {
  values: {
    DECISION: { description: 'No admission decision 60 working days (90 when extended) after the cell’s resolution.' },
    CEREMONY: { description: 'No ceremony 30 working days after the decision.' },
    RECOGNITION: { description: 'No recognition vote at all 30 working days after the 12 months of probation.' },
  },
});

const OverdueStepRef = builder.objectRef<OverdueStep>('OverdueStep').implement({
  fields: (t) => ({
    kind: t.field({ type: OverdueKindEnum, resolve: (s) => s.kind }),
    since: t.expose('since', {
      type: 'Date',
      description: 'The step the deadline runs from (or the end of probation).',
    }),
    dueOn: t.expose('dueOn', { type: 'Date', description: 'The last day allowed.' }),
    workingDaysLate: t.exposeInt('workingDaysLate'),
    candidate: t.field({ type: CandidateRef, nullable: true, resolve: (s) => s.candidate }),
    member: t.field({ type: MemberRef, nullable: true, resolve: (s) => s.member }),
  }),
});

builder.queryField('overdueSteps', (t) =>
  t.field({
    type: [OverdueStepRef],
    description: 'Decisions, ceremonies and recognition votes overdue on `asOf` (default today) in the subtree.',
    args: { orgCode: t.arg.string({ required: true }), asOf: t.arg({ type: 'Date' }) },
    authScopes: async (_root, args) => ({ readsPersonalDataOf: await organisationIdOf(args.orgCode) }),
    resolve: (_root, args) => overdueSteps(args.orgCode, args.asOf ?? todayInVietnam()),
  }),
);
