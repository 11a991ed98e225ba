// Opens one Prisma client for either database. Both generated clients come from the same model
// (prisma/schema.prisma), so the SQLite client's types describe both.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '@ketnap/prisma/generated/postgres/client.ts';
import { PrismaClient as SqliteClient } from '@ketnap/prisma/generated/sqlite/client.ts';
import { type Dialect, dialectOf } from '../config.ts';

export type Db = SqliteClient;

export interface Database {
  prisma: Db;
  dialect: Dialect;
  url: string;
}

export function openDatabase(url: string): Database {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('file:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url });
    return { prisma: new SqliteClient({ adapter }), dialect, url };
  }
  const adapter = new PrismaPg({ connectionString: url });
  return { prisma: new PostgresClient({ adapter }) as unknown as Db, dialect, url };
}
