// Widgets frozen at publication: freezeWidget keeps a widget's public answer for ever under a
// short id, which `<ketnap-… snapshot="ID">`, /embed/<element>?snapshot=ID and the images show.
import { type FreezeWidgetInput, freezeWidget } from '../domain/snapshots.ts';
import { publicAnswer } from '../embed/operations.ts';
import type { SnapshotDocument } from '../embed/snapshots.ts';
import type { HamletConcern } from '../read/hamlets.ts';
import { builder } from './builder.ts';
import { writeErrors } from './errors.ts';
import { HamletConcernEnum } from './hamlet-figures.ts';

const WidgetElementEnum = builder.enumType('WidgetElement', {
  description: 'A ketnap element, by its tag without the prefix.',
  values: {
    PROGRESS: { value: 'progress', description: '<ketnap-progress>: admissions over a period against the quota.' },
    AT_RISK: { value: 'at-risk', description: '<ketnap-at-risk>: the cells at risk on a day, and their recovery.' },
    TREND: { value: 'trend', description: '<ketnap-trend>: admissions per month over a period.' },
    GRASSROOTS: { value: 'grassroots', description: '<ketnap-grassroots>: the grassroots organisations on a day.' },
    HAMLETS: {
      value: 'hamlets',
      description: '<ketnap-hamlets>: the hamlets without a cell, without a member, with a cell at risk, on a day.',
    },
  } as const,
});

type Snapshot = SnapshotDocument['snapshot'];

const WidgetSnapshotRef = builder.objectRef<Snapshot>('WidgetSnapshot').implement({
  description:
    'A widget’s figures frozen at publication: the public answer as it stood then, kept for ever, whatever ' +
    'is corrected later. Shown by `<ketnap-… snapshot="ID">`, /embed/<element>?snapshot=ID and its images.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'The snapshot’s id: the value of the `snapshot` attribute.' }),
    element: t.field({ type: WidgetElementEnum, description: 'The element frozen.', resolve: (s) => s.element }),
    org: t.string({ description: 'The organisation’s code.', resolve: (s) => s.attributes.org }),
    from: t.field({
      type: 'Date',
      nullable: true,
      description: 'The `from` frozen.',
      resolve: (s) => s.attributes.from,
    }),
    to: t.field({ type: 'Date', nullable: true, description: 'The `to` frozen.', resolve: (s) => s.attributes.to }),
    asOf: t.field({
      type: 'Date',
      nullable: true,
      description: 'The `as-of` frozen.',
      resolve: (s) => s.attributes.asOf,
    }),
    recoveredTo: t.field({
      type: 'Date',
      nullable: true,
      description: 'The `recovered-to` frozen.',
      resolve: (s) => s.attributes.recoveredTo,
    }),
    concern: t.field({
      type: HamletConcernEnum,
      nullable: true,
      description: 'The `concern` frozen (hamlets): the kind of hamlet listed.',
      resolve: (s) => (s.attributes.concern?.toUpperCase().replaceAll('-', '_') as HamletConcern | undefined) ?? null,
    }),
    frozenAt: t.field({ type: 'DateTime', description: 'When it was frozen.', resolve: (s) => new Date(s.frozenAt) }),
    figuresOn: t.field({
      type: 'Date',
      description: 'The day in Vietnam it was frozen: the widgets say "số liệu đến ngày …" (figures as of).',
      resolve: (s) => s.figuresOn,
    }),
    path: t.string({
      description: 'Where its document is read, on this server: /snapshots/<id> (JSON, never changes).',
      resolve: (s) => `/snapshots/${s.id}`,
    }),
  }),
});

const FreezeWidgetInputRef = builder.inputType('FreezeWidgetInput', {
  description: 'A widget as a page writes it: the element and its attributes (the dates it takes, no others).',
  fields: (t) => ({
    element: t.field({ type: WidgetElementEnum, required: true, description: 'The element to freeze.' }),
    org: t.string({ required: true, description: 'The organisation’s public code, e.g. "thanh-chuong".' }),
    from: t.field({ type: 'Date', description: 'progress, trend: the first day of the period (required).' }),
    to: t.field({ type: 'Date', description: 'progress, trend: the last day of the period (required).' }),
    asOf: t.field({ type: 'Date', description: 'at-risk and hamlets (required), grassroots (optional): the day.' }),
    recoveredTo: t.field({ type: 'Date', description: 'at-risk (optional): the last day of the recovery.' }),
    concern: t.field({
      type: HamletConcernEnum,
      description:
        'hamlets (optional): also keep the hamlets of this kind, as many as an element may list (99); ' +
        'each page shows its own `max-items` of them.',
    }),
  }),
});

builder.mutationField('freezeWidget', (t) =>
  t.field({
    type: WidgetSnapshotRef,
    errors: writeErrors('FreezeWidget'),
    description:
      'Freezes a widget’s figures at publication: its public answer now, kept for ever under a short id. ' +
      'Tokens that may write (admins, editors); the figures are public, so any organisation’s may be frozen.',
    args: { input: t.arg({ type: FreezeWidgetInputRef, required: true }) },
    authScopes: { role: ['ADMIN', 'EDITOR'] },
    resolve: (_root, args, ctx) =>
      freezeWidget({ actor: ctx.actor!, input: args.input as FreezeWidgetInput, answer: publicAnswer }),
  }),
);
