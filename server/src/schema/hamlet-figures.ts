// Đề án 01/ĐA-TU/2016's public figures: how many hamlets of a subtree (or of the country) have no
// cell, no member living there, or a cell at risk on a day, and which ones, a page at a time. Counts
// only: who lives where is never shown here. One statement per question for any number of subtrees.
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import {
  type HamletConcern,
  type HamletCounts,
  type HamletDay,
  type HamletScope,
  hamletCounts,
  hamletDays,
  hamletIds,
} from '../read/hamlets.ts';
import { builder, type Types } from './builder.ts';
import { CountryRef } from './country.ts';
import { HamletRef } from './hamlet.ts';
import { OrganisationRef } from './organisation.ts';
import { PAGE, PAGE_ARGS, page } from './risk.ts';

const HamletCountsRef = builder.objectRef<HamletCounts>('HamletCounts').implement({
  description: 'Đề án 01/ĐA-TU/2016: the hamlets of a subtree on a day, and how many of each concern.',
  fields: (t) => ({
    hamlets: t.exposeInt('hamlets', { description: 'Hamlets that exist and belong to a commune of the subtree.' }),
    withoutCell: t.exposeInt('withoutCell', { description: 'Xóm chưa có chi bộ: no cell serves them.' }),
    withoutMember: t.exposeInt('withoutMember', {
      description: 'Xóm chưa có đảng viên: no member lives there (by the residences recorded).',
    }),
    cellAtRisk: t.exposeInt('cellAtRisk', {
      description: 'Served by a cell at risk on the day (the rule of `atRiskCells`).',
    }),
  }),
});

export const HamletConcernEnum = builder.enumType('HamletConcern', {
  description: 'The three kinds of hamlet Đề án 01/ĐA-TU/2016 is about.',
  values: {
    WITHOUT_CELL: { description: 'No cell serves the hamlet on the day.' },
    WITHOUT_MEMBER: { description: 'No member lives in the hamlet on the day.' },
    CELL_AT_RISK: { description: 'The cell serving the hamlet is at risk on the day.' },
  } satisfies Record<HamletConcern, { description: string }>,
});

type HamletOnDay = HamletDay & { asOf: string };

/** Rows by id, one statement per request. */
function loadById<T extends { id: number }>(ctx: Context, name: string, find: (ids: number[]) => Promise<T[]>) {
  const load = async (ids: readonly number[]) => new Map((await find([...ids])).map((r) => [r.id, r]));
  return batched<number, T | null>(ctx, name, load, null);
}
const hamletById = (ctx: Context, id: number) =>
  loadById(ctx, 'hamletById', (ids) => prisma().hamlet.findMany({ where: { id: { in: ids } } })).load(id);
const organisationById = (ctx: Context, id: number | null) =>
  id === null
    ? null
    : loadById(ctx, 'organisationById', (ids) => prisma().organisation.findMany({ where: { id: { in: ids } } })).load(
        id,
      );

const HamletOnDayRef = builder.objectRef<HamletOnDay>('HamletOnDay').implement({
  description: 'A hamlet on a day: its commune, the cell serving it, how many members live there.',
  fields: (t) => ({
    hamlet: t.field({
      type: HamletRef,
      description: 'The hamlet.',
      resolve: async (h, _args, ctx) => (await hamletById(ctx, h.hamletId))!,
    }),
    asOf: t.expose('asOf', { type: 'Date', description: 'The day.' }),
    commune: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The commune it belonged to on the day.',
      resolve: (h, _args, ctx) => organisationById(ctx, h.communeId),
    }),
    cell: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The cell serving it on the day; null when none did.',
      resolve: (h, _args, ctx) => organisationById(ctx, h.cellId),
    }),
    memberCount: t.exposeInt('residents', {
      description: 'Members (probationary and full) living there on the day, whatever their cell: a count, no names.',
    }),
    isCellAtRisk: t.exposeBoolean('cellAtRisk', { description: 'The cell serving it is at risk on the day.' }),
  }),
});

const NONE: HamletCounts = { hamlets: 0, withoutCell: 0, withoutMember: 0, cellAtRisk: 0 };

/** The country (scope 'country') and organisations never share a batch: the keys tell them apart. */
function counts(ctx: Context, scope: 'country' | number, day: string) {
  const load = async (ids: readonly number[]): Promise<Map<number, HamletCounts>> =>
    scope === 'country'
      ? hamletCounts('country', day).then((m) => new Map([[0, m.get(0) ?? NONE]]))
      : hamletCounts(ids, day);
  return batched(ctx, `hamletCounts:${day}:${scope === 'country'}`, load, NONE).load(scope === 'country' ? 0 : scope);
}

function listed(ctx: Context, scope: 'country' | number, day: string, concern: HamletConcern | null) {
  const of = (ids: readonly number[]): HamletScope => (scope === 'country' ? 'country' : ids);
  const load = (ids: readonly number[]) => hamletIds(of(ids), day, concern);
  const key = `hamletIds:${day}:${concern}:${scope === 'country'}`;
  return batched(ctx, key, load, [] as number[]).load(scope === 'country' ? 0 : scope);
}

/** A page of the hamlets of one concern, with their figures on the day. */
async function hamletPage(
  ctx: Context,
  scope: 'country' | number,
  args: { asOf: string; concern?: HamletConcern | null; first?: number | null; offset?: number | null },
): Promise<HamletOnDay[]> {
  const slice = page(args);
  const ids = slice(await listed(ctx, scope, args.asOf, args.concern ?? null));
  const load = (keys: readonly number[]) => hamletDays(keys, args.asOf);
  const days = await batched<number, HamletDay | null>(ctx, `hamletDays:${args.asOf}`, load, null).loadMany(ids);
  return days.flatMap((d) => (d && !(d instanceof Error) ? [{ ...d, asOf: args.asOf }] : []));
}

const COUNTS = 'Đề án 01/ĐA-TU/2016: the hamlets on the day, without a cell, without a member, with a cell at risk.';
const LIST =
  'The hamlets on the day (of one concern when given), by code, a page at a time; `hamletCounts` says how many.';
const complexity = (args: { first?: number | null }) => ({ field: 1, multiplier: args.first ?? PAGE.default });

/** The two fields, on any parent whose hamlets `scopeOf` names (an organisation's subtree, or the country). */
function hamletFields<Parent>(scopeOf: (parent: Parent) => 'country' | number, whose: string) {
  return (t: PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>) => ({
    hamletCounts: t.field({
      type: HamletCountsRef,
      description: `${COUNTS} ${whose}`,
      args: { asOf: t.arg({ type: 'Date', required: true, description: 'The day.' }) },
      resolve: (parent, args, ctx) => counts(ctx, scopeOf(parent), args.asOf),
    }),
    hamlets: t.field({
      type: [HamletOnDayRef],
      description: LIST,
      complexity,
      args: {
        asOf: t.arg({ type: 'Date', required: true, description: 'The day.' }),
        concern: t.arg({ type: HamletConcernEnum, required: false, description: 'Only the hamlets of this concern.' }),
        first: t.arg.int({ required: false, description: PAGE_ARGS.first.replace('cells', 'hamlets') }),
        offset: t.arg.int({ required: false, description: PAGE_ARGS.offset.replace('cells', 'hamlets') }),
      },
      resolve: (parent, args, ctx) => hamletPage(ctx, scopeOf(parent), args),
    }),
  });
}

builder.objectFields(
  OrganisationRef,
  hamletFields((org) => org.id, 'Hamlets of the communes of the subtree on that day.'),
);
builder.objectFields(
  CountryRef,
  hamletFields(() => 'country', 'Every hamlet of the country.'),
);
