// Finding organisations: by a piece of their name or code (diacritics optional: "thanh chuong"
// finds "Thanh Chương" through its code), by kind, alive on a day; paged.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { prisma } from '../db.ts';
import { builder } from './builder.ts';
import { OrganisationKindEnum } from './organisation.ts';

/** The page sizes of the organisations connection. */
export const ORGANISATION_PAGE = { default: 20, max: 100 } as const;

/** "Thanh Chương" → "thanh-chuong": how codes are made from names. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function organisationWhere(args: {
  search?: string | null;
  kind?: Prisma.OrganisationWhereInput['kind'] | null;
  asOf?: string | null;
}): Prisma.OrganisationWhereInput {
  const search = args.search?.trim();
  const slug = search ? slugOf(search) : '';
  return {
    AND: [
      search
        ? { OR: [{ name: { contains: search.normalize('NFC') } }, ...(slug ? [{ code: { contains: slug } }] : [])] }
        : {},
      args.kind ? { kind: args.kind } : {},
      args.asOf
        ? { establishedOn: { lte: args.asOf }, OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: args.asOf } }] }
        : {},
    ],
  };
}

builder.queryField('organisations', (t) =>
  t.prismaConnection({
    type: 'Organisation',
    cursor: 'id',
    description: `Organisations by a piece of their name or code, kind and the day they were alive, in the order they were recorded. Pages of ${ORGANISATION_PAGE.default} by default, at most ${ORGANISATION_PAGE.max}.`,
    defaultSize: ORGANISATION_PAGE.default,
    maxSize: ORGANISATION_PAGE.max,
    args: {
      search: t.arg.string({
        description:
          'A piece of the name ("Thanh Chương") or of the code; without diacritics it matches the code ("thanh chuong").',
      }),
      kind: t.arg({ type: OrganisationKindEnum, description: 'Only organisations of this kind.' }),
      asOf: t.arg({
        type: 'Date',
        description: 'Only organisations alive on this day (established, not yet dissolved).',
      }),
    },
    complexity: (args) => ({
      field: 1,
      multiplier: Math.min(args.first ?? ORGANISATION_PAGE.default, ORGANISATION_PAGE.max),
    }),
    totalCount: (_root, args) => prisma().organisation.count({ where: organisationWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().organisation.findMany({ ...query, where: organisationWhere(args), orderBy: { id: 'asc' } }),
  }),
);
