// Hamlets (xóm, bản, khối, thôn, tổ dân phố): public geography, with the communes each belonged to
// and the cells that served it over time; where a member lives (Member.residences) is personal data.
// Đề án 01/ĐA-TU/2016's figures about them are in hamlet-figures.ts.
import type { HamletKind } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { prisma } from '../db.ts';
import { builder } from './builder.ts';
import { MemberRef, personalOfMember } from './member.ts';
import { OrganisationRef } from './organisation.ts';

export const HamletKindEnum = builder.enumType('HamletKind', {
  description: 'What a hamlet is called where it lies.',
  values: {
    XOM: { description: 'Xóm: a hamlet of a lowland commune.' },
    BAN: { description: 'Bản: a village of an upland commune.' },
    KHOI: { description: 'Khối: a quarter of a town.' },
    THON: { description: 'Thôn: a hamlet (the name used in many provinces).' },
    TO_DAN_PHO: { description: 'Tổ dân phố: a residential group of a town or ward.' },
  } satisfies Record<HamletKind, { description: string }>,
});

export const HamletRef = builder.prismaNode('Hamlet', {
  id: { field: 'id' },
  nullable: true,
  description: 'Xóm, bản, khối: the smallest residential unit of a commune or town (public geography).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable public slug, e.g. "thanh-hoa-xom-3".' }),
    name: t.exposeString('name', { description: 'The name, e.g. "Xóm 3".' }),
    kind: t.expose('kind', { type: HamletKindEnum, description: 'Xóm, bản, khối, thôn or tổ dân phố.' }),
    establishedOn: t.expose('establishedOn', { type: 'Date', description: 'The first day it existed.' }),
    dissolvedOn: t.expose('dissolvedOn', {
      type: 'Date',
      nullable: true,
      description: 'The first day it no longer existed (dissolved or merged); null while it exists.',
    }),
    mergedInto: t.relation('mergedInto', {
      nullable: true,
      description: 'The hamlet it was merged into on dissolvedOn (its residents live there); null otherwise.',
    }),
    communes: t.relation('communes', {
      description: 'The communes it belonged to, oldest first.',
      query: { orderBy: { startOn: 'asc' } },
    }),
    cells: t.relation('cells', {
      description: 'The cells that served it, oldest first; a day no period covers, it had no cell.',
      query: { orderBy: { startOn: 'asc' } },
    }),
  }),
});

const dated = { description: 'The first day (included).' };
const until = { nullable: true, description: 'The day it ended (excluded); null while it lasts.' } as const;

builder.prismaObject('HamletCommune', {
  description: 'The commune (its grassroots committee) a hamlet belonged to over [startOn, endOn).',
  fields: (t) => ({
    commune: t.relation('commune', { type: OrganisationRef, description: 'The commune or town committee.' }),
    startOn: t.expose('startOn', { type: 'Date', ...dated }),
    endOn: t.expose('endOn', { type: 'Date', ...until }),
  }),
});

builder.prismaObject('HamletCell', {
  description: 'The cell that served a hamlet over [startOn, endOn); one cell may serve two hamlets.',
  fields: (t) => ({
    cell: t.relation('cell', { type: OrganisationRef, description: 'The cell.' }),
    startOn: t.expose('startOn', { type: 'Date', ...dated }),
    endOn: t.expose('endOn', { type: 'Date', ...until }),
  }),
});

builder.prismaObject('Residence', {
  description: 'Nơi cư trú: the hamlet a member lived in over [startOn, endOn) (personal data).',
  fields: (t) => ({
    hamlet: t.relation('hamlet', { type: HamletRef, description: 'The hamlet.' }),
    startOn: t.expose('startOn', { type: 'Date', ...dated }),
    endOn: t.expose('endOn', { type: 'Date', ...until }),
  }),
});

builder.prismaObjectField(MemberRef, 'residences', (t) =>
  t.relation('residences', {
    description: 'Where the member lived (nơi cư trú), oldest first: personal data, like fullName.',
    query: { orderBy: { startOn: 'asc' } },
    authScopes: personalOfMember,
  }),
);

builder.queryField('hamlet', (t) =>
  t.prismaField({
    type: 'Hamlet',
    nullable: true,
    description: 'A hamlet by its public code; null when no hamlet has that code.',
    args: { code: t.arg.string({ required: true, description: 'The public code, e.g. "thanh-hoa-xom-3".' }) },
    resolve: (query, _root, args) => prisma().hamlet.findUnique({ ...query, where: { code: args.code } }),
  }),
);
