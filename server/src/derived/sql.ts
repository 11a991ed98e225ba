// What the derived tables are read and written with: a write's transaction, or the raw connection
// of a load or a rebuild; and the few words that differ between SQLite and PostgreSQL.
import { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Dialect } from '../config.ts';
import { driverConnection } from '../db/driver.ts';
import { insertRows, insertTuples } from '../db/insert.ts';
import type { RawConnection } from '../db/raw.ts';
import { db } from '../db.ts';

export const { sql, join, raw, empty } = Prisma;

export interface Queryable {
  dialect: Dialect;
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
  run(statement: Prisma.Sql): Promise<void>;
  /** Inserts rows given as value lists in `columns` order, many to a statement. */
  insert(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

/** A write's transaction (on the process's database), on its driver connection (db/driver.ts). */
export const viaTransaction = (tx: Prisma.TransactionClient): Queryable => {
  const conn = () => driverConnection(db(), tx);
  return {
    dialect: db().dialect,
    rows: async <T>(statement: Prisma.Sql) => (await conn()).query<T>(statement.sql, statement.values),
    run: async (statement) => void (await (await conn()).query(statement.sql, statement.values)),
    insert: async (table, columns, rows) => insertRows(await conn(), table, columns, rows),
  };
};

/** A raw connection: `?` marks on both databases (the PostgreSQL one numbers them). */
export const viaConnection = (conn: RawConnection): Queryable => ({
  dialect: conn.dialect,
  rows: <T>(statement: Prisma.Sql) => conn.query<T>(statement.sql, statement.values),
  run: async (statement) => void (await conn.query(statement.sql, statement.values)),
  insert: (table, columns, rows) => insertTuples(conn, table, columns, rows),
});

/**
 * The grains a dated change is kept at, with the length of its `day`: the day itself (D,
 * YYYY-MM-DD), its month's total (M, YYYY-MM) and its year's total (Y, YYYY). A sum up to a day
 * reads the years before, the months of its year before, and the days of its month.
 */
export const GRAINS = [
  ['D', 10],
  ['M', 7],
  ['Y', 4],
] as const;

/**
 * The whole country's rows in SubtreeDay and GrassrootsDay: organisation id 0 (no organisation has
 * it) holds the sum of every province's rows, so the country's figures are as cheap as a commune's.
 */
export const COUNTRY_ID = 0;

/** Joined to a CTE's rows on their "org": keeps the rows of provinces (repeated under COUNTRY_ID). */
export const PROVINCES_OF = (alias: string) =>
  raw(`JOIN "Organisation" r ON r."id" = ${alias}."org" AND r."kind" = 'PROVINCIAL'`);

/** The end of an open state, as a date that sorts after every real one. */
export const OPEN = '9999-12-31';

/** Largest and smallest of several non-null values: MAX/MIN on SQLite, GREATEST/LEAST on PostgreSQL. */
export const greatest = (q: Queryable) => raw(q.dialect === 'postgres' ? 'GREATEST' : 'MAX');
export const least = (q: Queryable) => raw(q.dialect === 'postgres' ? 'LEAST' : 'MIN');

/** Runs of at least this many consecutive ids are asked for as a range, not listed. */
const RUN = 64;

/**
 * Calls `fn` with conditions (on a column `fn` names) that together choose exactly `ids`: consecutive runs (an
 * import's new members, numbered one after another) as `BETWEEN`, the rest as `IN` lists of 5,000.
 * Ranges read the index once instead of binding and probing every id.
 */
export async function idConditions(
  ids: readonly number[],
  fn: (on: (column: Prisma.Sql) => Prisma.Sql) => Promise<void>,
): Promise<void> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const listed: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1 && end + 1 - i < 50_000) end++;
    const [low, high] = [sorted[i], sorted[end]];
    if (end - i + 1 >= RUN) await fn((column) => sql`${column} BETWEEN ${low} AND ${high}`);
    else listed.push(...sorted.slice(i, end + 1));
    i = end + 1;
  }
  await inSlices(listed, (slice) => fn((column) => sql`${column} IN (${join(slice)})`));
}

/** Runs `fn` over `items` in slices small enough for either database's limit on parameters. */
export async function inSlices<T>(items: readonly T[], fn: (slice: T[]) => Promise<void>, size = 5000): Promise<void> {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}
