// A raw connection to either database, for what Prisma's client cannot do: run a migration
// file of many statements, take a lock across server instances, create or drop a database.
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { dialectOf } from '../config.ts';

export interface RawConnection {
  dialect: 'sqlite' | 'postgres';
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs one INSERT once per parameter list, answering the rowid each row was given, where the
   * driver runs statements in-process (SQLite): one prepared statement, no text to build or parse.
   */
  each?(sql: string, rows: readonly (readonly unknown[])[]): Promise<number[]>;
  /** Runs fn holding a lock that other server instances on the same database wait for. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Arbitrary constant: the advisory lock key every ketnap instance uses while migrating and seeding.
const LOCK_KEY = 52_160_2017;

export async function rawConnect(url: string): Promise<RawConnection> {
  if (dialectOf(url) === 'sqlite') {
    const db = new Sqlite(url.slice('file:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    return sqliteConnection(db, () => db.close());
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    dialect: 'postgres',
    exec: async (sql) => void (await client.query(sql)),
    query: pgQuery(client),
    exclusive: async (fn) => {
      await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    },
    close: () => client.end(),
  };
}

/**
 * Statements on a better-sqlite3 connection (this module's own, or the one under Prisma's adapter).
 * Prepared statements are kept (the most recent few dozen): a load repeats the same multi-row
 * INSERT thousands of times, and each statement otherwise holds native memory until collected.
 * Integers come back as numbers, booleans go in as 0 and 1 and a Date as Prisma stores a DateTime.
 */
export function sqliteConnection(db: Sqlite.Database, close: () => void): RawConnection {
  const statements = new Map<string, Sqlite.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) return statement;
    statement = db.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    statements.set(sql, statement);
    if (statements.size > 64) statements.delete(statements.keys().next().value as string);
    return statement;
  };
  return {
    dialect: 'sqlite',
    exec: async (sql) => void db.exec(sql),
    query: async <T>(sql: string, params: unknown[] = []) => {
      const statement = prepared(sql);
      const values = params.map(sqliteValue);
      return (statement.reader ? statement.all(...values) : (statement.run(...values), [])) as T[];
    },
    each: async (sql, rows) => {
      const statement = prepared(sql);
      return rows.map((row) => Number(statement.run(...row.map(sqliteValue)).lastInsertRowid));
    },
    // One SQLite file serves one server process: the scale-out mode is PostgreSQL.
    exclusive: (fn) => fn(),
    close: async () => close(),
  };
}

const sqliteValue = (value: unknown) =>
  typeof value === 'boolean'
    ? Number(value)
    : value instanceof Date
      ? value.toISOString().replace('Z', '+00:00')
      : (value ?? null);

/** Statements on a pg client or pooled client: `?` marks, as SQLite writes them, become $1, $2, … */
export const pgQuery =
  (client: pg.ClientBase) =>
  async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as T[];
  };
