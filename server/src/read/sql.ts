// Pieces of SQL that read the same on SQLite and PostgreSQL (quoted identifiers, text dates).
import { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { prisma } from '../db.ts';
import { CELL_KINDS, GRASSROOTS_KINDS } from '../rules/kinds.ts';

export const { sql, join } = Prisma;
export type Sql = Prisma.Sql;

/** Counts come back as bigint on PostgreSQL and number on SQLite. */
export const num = (value: unknown): number => Number(value ?? 0);

export const query = <T>(statement: Sql): Promise<T[]> => prisma().$queryRaw<T[]>(statement);

/** `alias` ("a", "p", …) is a lasting state [startOn, endOn) that covers `day`. */
export const coversDay = (alias: string, day: string) =>
  sql`${Prisma.raw(`${alias}."startOn"`)} <= ${day} AND (${Prisma.raw(`${alias}."endOn"`)} IS NULL OR ${Prisma.raw(`${alias}."endOn"`)} > ${day})`;

/** Organisation `alias` exists on `day` (established, not yet dissolved). */
export const aliveOn = (alias: string, day: string) =>
  sql`${Prisma.raw(`${alias}."establishedOn"`)} <= ${day} AND (${Prisma.raw(`${alias}."dissolvedOn"`)} IS NULL OR ${Prisma.raw(`${alias}."dissolvedOn"`)} > ${day})`;

/** Member `m` is a member on `day`: admitted by then and not yet left. */
export const memberOn = (day: string) => sql`m."admittedOn" <= ${day} AND (m."leftOn" IS NULL OR m."leftOn" > ${day})`;

/** A list of enum values as SQL literals (constants of ours, never input): `('A', 'B')`. */
const literals = (values: readonly string[]) => Prisma.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
export const CELL_KINDS_SQL = literals(CELL_KINDS);
export const GRASSROOTS_KINDS_SQL = literals(GRASSROOTS_KINDS);

/** Organisation columns, as a raw row maps them onto the Prisma model. */
export const ORG_COLUMNS = (alias: string) =>
  Prisma.raw(
    ['id', 'code', 'name', 'kind', 'sector', 'establishedOn', 'dissolvedOn', 'mergedIntoId']
      .map((c) => (c === 'kind' || c === 'sector' ? `CAST(${alias}."${c}" AS TEXT) AS "${c}"` : `${alias}."${c}"`))
      .join(', '),
  );

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  kind: string;
  sector: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  mergedIntoId: number | null;
}

export function toOrganisation(row: OrgRow) {
  return {
    ...row,
    id: num(row.id),
    mergedIntoId: row.mergedIntoId === null ? null : num(row.mergedIntoId),
  } as import('@ketnap/prisma/generated/sqlite/client.ts').Organisation;
}

/** Rows of a batched statement, grouped by the organisation each answers for (its `id` column). */
export function groupById<R extends { id: unknown }, T>(rows: R[], toValue: (row: R) => T): Map<number, T[]> {
  const found = new Map<number, T[]>();
  for (const row of rows) {
    const list = found.get(num(row.id)) ?? [];
    list.push(toValue(row));
    found.set(num(row.id), list);
  }
  return found;
}

/**
 * The rows of a derived table (SubtreeDay, GrassrootsDay or ReportDay) of the organisations `ids` that add up
 * to their counts on `day`: the year totals before its year, the month totals of its year before
 * its month, and the days of its month up to it; three short index ranges per organisation.
 */
export function rowsUpTo(table: 'SubtreeDay' | 'GrassrootsDay' | 'ReportDay', ids: readonly number[], day: string) {
  const from = Prisma.raw(`"${table}"`);
  const of = sql`"organisationId" IN (${join([...ids])})`;
  const [year, month] = [day.slice(0, 4), day.slice(0, 7)];
  return sql`(
    SELECT * FROM ${from} WHERE ${of} AND "grain" = 'Y' AND "day" < ${year}
    UNION ALL
    SELECT * FROM ${from} WHERE ${of} AND "grain" = 'M' AND "day" >= ${`${year}-01`} AND "day" < ${month}
    UNION ALL
    SELECT * FROM ${from} WHERE ${of} AND "grain" = 'D' AND "day" >= ${`${month}-01`} AND "day" <= ${day})`;
}
