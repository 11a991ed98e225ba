// The organisation tree: Đảng bộ and chi bộ, their parents and children over time, and the
// counts of grassroots organisations and members in a subtree.
import type { OrganisationKind, Sector } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import { memberCounts } from '../read/figures.ts';
import { childrenOn, grassrootsOn, parentsOn, type SectorCount } from '../read/tree.ts';
import { builder } from './builder.ts';
import { defaultAsOf } from './ranges.ts';

export const OrganisationKindEnum = builder.enumType('OrganisationKind', {
  description:
    'The level of an organisation in the tree. Members belong to cells only (GRASSROOTS_CELL, SUBORDINATE_CELL).',
  values: {
    PROVINCIAL: { description: 'Đảng bộ tỉnh: the provincial party committee (Tỉnh ủy), the root of the tree.' },
    DISTRICT: {
      description: 'Đảng bộ huyện: a district party committee (Huyện ủy); there are no districts from 2025-07-01.',
    },
    GRASSROOTS_COMMITTEE: {
      description: 'Đảng bộ cơ sở: a grassroots committee (commune or town, agency, enterprise…), one of the TCCSĐ.',
    },
    GRASSROOTS_CELL: {
      description:
        'Chi bộ cơ sở: a grassroots cell with no grassroots committee above it; one of the TCCSĐ, and a cell.',
    },
    SECTION_COMMITTEE: {
      description: 'Đảng bộ bộ phận: a section committee between a grassroots committee and cells.',
    },
    SUBORDINATE_CELL: {
      description: 'Chi bộ trực thuộc: a cell under a grassroots or section committee (chi bộ xóm, khối, bản…).',
    },
  } satisfies Record<OrganisationKind, { description: string }>,
});
export const SectorEnum = builder.enumType('Sector', {
  description: 'Where a grassroots organisation works.',
  values: {
    COMMUNE: { description: 'Xã, thị trấn: a commune or town.' },
    AGENCY: { description: 'Cơ quan: an agency.' },
    ENTERPRISE: { description: 'Doanh nghiệp: an enterprise.' },
    ARMED_FORCES: { description: 'Lực lượng vũ trang: the armed forces.' },
  } satisfies Record<Sector, { description: string }>,
});

const SectorCountRef = builder.objectRef<SectorCount>('SectorCount').implement({
  description: 'Grassroots organisations of one sector: committees (đảng bộ cơ sở) and cells (chi bộ cơ sở).',
  fields: (t) => ({
    sector: t.field({
      type: SectorEnum,
      nullable: true,
      description: 'The sector; null for the grassroots organisations with no sector recorded.',
      resolve: (s) => s.sector as Sector | null,
    }),
    committees: t.exposeInt('committees', { description: 'Grassroots committees (đảng bộ cơ sở) of this sector.' }),
    cells: t.exposeInt('cells', { description: 'Grassroots cells (chi bộ cơ sở) of this sector.' }),
  }),
});

export const GrassrootsCountRef = builder.objectRef<SectorCount[]>('GrassrootsCount').implement({
  description: 'TCCSĐ: the grassroots party organisations of a subtree on a day.',
  fields: (t) => ({
    total: t.int({
      description: 'Grassroots organisations in all: committees plus cells.',
      resolve: (list) => list.reduce((n, s) => n + s.committees + s.cells, 0),
    }),
    committees: t.int({
      description: 'Grassroots committees (đảng bộ cơ sở).',
      resolve: (list) => list.reduce((n, s) => n + s.committees, 0),
    }),
    cells: t.int({
      description: 'Grassroots cells (chi bộ cơ sở); subordinate cells are not counted.',
      resolve: (list) => list.reduce((n, s) => n + s.cells, 0),
    }),
    bySector: t.field({
      type: [SectorCountRef],
      description: 'The same counts per sector, communes first; sectors with none are left out.',
      resolve: (list) => list,
    }),
  }),
});

export const OrganisationRef = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  // A missing node is null (node(id) of nothing), not an error.
  nullable: true,
  description: 'A party organisation: province, district, grassroots committee or cell.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable public slug, e.g. "thanh-chuong".' }),
    name: t.exposeString('name', { description: 'The current name, e.g. "Đảng bộ xã Thanh Hòa".' }),
    kind: t.expose('kind', { type: OrganisationKindEnum, description: 'Its level in the tree.' }),
    sector: t.expose('sector', {
      type: SectorEnum,
      nullable: true,
      description: 'Where it works (commune, agency…); null when no sector is recorded.',
    }),
    establishedOn: t.expose('establishedOn', { type: 'Date', description: 'The first day it existed.' }),
    dissolvedOn: t.expose('dissolvedOn', {
      type: 'Date',
      nullable: true,
      description: 'The first day it no longer existed (dissolved or merged); null while it exists.',
    }),
  }),
});

const asOfArgDescription =
  'The day the tree is read on. Default: today, or for a dissolved organisation its last day. Before the organisation existed: empty figures.';

builder.objectFields(OrganisationRef, (t) => ({
  parent: t.field({
    type: OrganisationRef,
    nullable: true,
    description: 'The organisation directly above it on the day; null for the root, or on a day it had no parent.',
    args: { asOf: t.arg({ type: 'Date', required: false, description: asOfArgDescription }) },
    resolve: (org, args, ctx) => {
      const day = defaultAsOf(org, args.asOf);
      return batched(ctx, `parent:${day}`, (ids: readonly number[]) => parentsOn(ids, day), null).load(org.id);
    },
  }),
  children: t.field({
    type: [OrganisationRef],
    description: 'The organisations directly under it that exist on the day, by code.',
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
    args: {
      code: t.arg.string({
        required: true,
        description: 'The public code, e.g. "thanh-chuong" (at most 200 characters).',
      }),
    },
    resolve: (query, _root, args) => prisma().organisation.findUnique({ ...query, where: { code: args.code } }),
  }),
);
