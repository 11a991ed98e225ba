// The organisation tree: Đảng bộ and chi bộ, their parents and children over time, and the
// counts of grassroots organisations and members in a subtree.
import { OrganisationKind, Sector } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import { memberCounts } from '../read/figures.ts';
import { childrenOn, grassrootsOn, parentsOn, type SectorCount } from '../read/tree.ts';
import { builder } from './builder.ts';
import { defaultAsOf } from './ranges.ts';

export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: 'OrganisationKind' });
export const SectorEnum = builder.enumType(Sector, { name: 'Sector' });

const SectorCountRef = builder.objectRef<SectorCount>('SectorCount').implement({
  description: 'Grassroots organisations of one sector: committees (đảng bộ cơ sở) and cells (chi bộ cơ sở).',
  fields: (t) => ({
    sector: t.field({ type: SectorEnum, nullable: true, resolve: (s) => s.sector as Sector | null }),
    committees: t.exposeInt('committees'),
    cells: t.exposeInt('cells'),
  }),
});

const GrassrootsCountRef = builder.objectRef<SectorCount[]>('GrassrootsCount').implement({
  description: 'TCCSĐ: the grassroots party organisations of a subtree on a day.',
  fields: (t) => ({
    total: t.int({ resolve: (list) => list.reduce((n, s) => n + s.committees + s.cells, 0) }),
    committees: t.int({ resolve: (list) => list.reduce((n, s) => n + s.committees, 0) }),
    cells: t.int({ resolve: (list) => list.reduce((n, s) => n + s.cells, 0) }),
    bySector: t.field({ type: [SectorCountRef], resolve: (list) => list }),
  }),
});

export const OrganisationRef = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'A party organisation: province, district, grassroots committee or cell.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable public slug, e.g. "thanh-chuong".' }),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: OrganisationKindEnum }),
    sector: t.expose('sector', { type: SectorEnum, nullable: true }),
    establishedOn: t.expose('establishedOn', { type: 'Date' }),
    dissolvedOn: t.expose('dissolvedOn', { type: 'Date', nullable: true }),
  }),
});

const asOfArgDescription =
  'The day the tree is read on. Default: today, or for a dissolved organisation its last day. Before the organisation existed: empty figures.';

builder.objectFields(OrganisationRef, (t) => ({
  parent: t.field({
    type: OrganisationRef,
    nullable: true,
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfArgDescription }) },
    resolve: (org, args, ctx) => {
      const day = defaultAsOf(org, args.asOf);
      return batched(ctx, `parent:${day}`, (ids: readonly number[]) => parentsOn(ids, day), null).load(org.id);
    },
  }),
  children: t.field({
    type: [OrganisationRef],
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfArgDescription }) },
    resolve: (org, args, ctx) => {
      const day = defaultAsOf(org, args.asOf);
      return batched(ctx, `children:${day}`, (ids: readonly number[]) => childrenOn(ids, day), []).load(org.id);
    },
  }),
  grassrootsCount: t.field({
    type: GrassrootsCountRef,
    description: 'Grassroots committees and cells in the subtree on the day, by sector.',
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfArgDescription }) },
    resolve: (org, args, ctx) => {
      const day = defaultAsOf(org, args.asOf);
      return batched(ctx, `grassroots:${day}`, (ids: readonly number[]) => grassrootsOn(ids, day), []).load(org.id);
    },
  }),
  memberCount: t.int({
    description: 'Members (probationary and full) in the cells of the subtree on the day.',
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfArgDescription }) },
    resolve: (org, args, ctx) => {
      const day = defaultAsOf(org, args.asOf);
      return batched(ctx, `members:${day}`, (ids: readonly number[]) => memberCounts(ids, day), 0).load(org.id);
    },
  }),
}));

builder.queryField('organisation', (t) =>
  t.prismaField({
    type: 'Organisation',
    nullable: true,
    description: 'An organisation by its public code; null when no organisation has that code.',
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, args) => prisma().organisation.findUnique({ ...query, where: { code: args.code } }),
  }),
);
