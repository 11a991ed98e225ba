// Test support: a fresh database per test file (SQLite file, or a PostgreSQL database of its
// own, dropped afterwards), the yoga app called directly, and a SQL statement counter.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { authenticate } from '../src/auth/tokens.ts';
import type { Database, OnQuery } from '../src/db/client.ts';
import { useDatabase } from '../src/db.ts';
import { type PrepareOptions, prepareDatabase } from '../src/seed/prepare.ts';
import { createApp } from '../src/yoga.ts';

export type Engine = 'sqlite' | 'postgres';

/** PostgreSQL for the suites that run on it: PG_TEST_URL or the local server. */
export const pgAdminUrl = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** In CI a missing PostgreSQL fails the run; elsewhere its suites are skipped. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI)
      throw new Error(`PostgreSQL is required in CI and unreachable at ${pgAdminUrl}: ${(error as Error).message}`);
    return false;
  }
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** Every SQL statement the test database's client sends, for tests that count them. */
export const statements: string[] = [];
/** Every statement that went to the client's driver connection instead (db/driver.ts). */
export const driverStatements: string[] = [];
const onQuery: OnQuery = (sql, _ms, via) => void (via === 'client' ? statements : driverStatements).push(sql);

export async function freshDatabase(engine: Engine, options: PrepareOptions = {}): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ketnap-test-'));
    const database = useDatabase(`file:${join(dir, 'test.db')}`, { onQuery });
    await prepareDatabase(database, options);
    return {
      database,
      drop: async () => {
        await database.prisma.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `ketnap_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  const database = useDatabase(url.toString(), { onQuery });
  await prepareDatabase(database, options);
  return {
    database,
    drop: async () => {
      await database.prisma.$disconnect();
      const client = new pg.Client({ connectionString: pgAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const app = createApp({ authenticate });

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** POSTs an operation to the yoga app in-process (no port), optionally with a bearer token. */
export async function gql<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const response = await app.fetch('http://ketnap.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
