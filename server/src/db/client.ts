// Opens one Prisma client for either database. Both generated clients come from the same model
// (prisma/schema.prisma), so the SQLite client's types describe both.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaClient as PostgresClient } from '@ketnap/prisma/generated/postgres/client.ts';
import { PrismaClient as SqliteClient } from '@ketnap/prisma/generated/sqlite/client.ts';
import { type Dialect, dialectOf } from '../config.ts';
import { ReleasingPg } from './pg-adapter.ts';
import { KeptBetterSqlite } from './sqlite-adapter.ts';

export type Db = SqliteClient;

export interface Database {
  prisma: Db;
  dialect: Dialect;
  url: string;
  /** The driver adapter under the client (driver.ts reaches its connections). */
  adapter: { kind: 'sqlite'; factory: KeptBetterSqlite } | { kind: 'postgres'; factory: ReleasingPg };
  onQuery?: OnQuery;
}

/**
 * Called with every SQL statement and its duration, and whether the client sent it or it went to
 * the client's driver connection (db/driver.ts; a statement run once per row counts once). Tests
 * count them; metrics time them.
 */
export type OnQuery = (sql: string, milliseconds: number, via: 'client' | 'driver') => void;

export interface OpenOptions {
  onQuery?: OnQuery;
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  const dialect = dialectOf(url);
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  let prisma: Db;
  let adapter: Database['adapter'];
  if (dialect === 'sqlite') {
    const file = url.slice('file:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    adapter = { kind: 'sqlite', factory: new KeptBetterSqlite({ url }) };
    prisma = new SqliteClient({ adapter: adapter.factory, log });
  } else {
    adapter = { kind: 'postgres', factory: new ReleasingPg({ connectionString: url }) };
    prisma = new PostgresClient({ adapter: adapter.factory, log }) as unknown as Db;
  }
  const onQuery = options.onQuery;
  if (onQuery)
    (prisma as unknown as { $on: (e: 'query', f: (q: { query: string; duration: number }) => void) => void }).$on(
      'query',
      (q) => onQuery(q.query, Number(q.duration), 'client'),
    );
  return { prisma, dialect, url, adapter, onQuery };
}
