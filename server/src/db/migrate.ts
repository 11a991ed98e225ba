// Applies the committed migrations of prisma/migrations/<dialect>/ in order, offline, and records
// them in Prisma's own `_prisma_migrations` table, so that `prisma migrate status` agrees.
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../config.ts';
import type { RawConnection } from './raw.ts';

const TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL,
    "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsFor(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = resolve(repoRoot, 'prisma/migrations', dialect);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(resolve(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies what is missing; returns the names applied. Each migration is one transaction. */
export async function migrate(conn: RawConnection): Promise<string[]> {
  await conn.exec(TABLE[conn.dialect]);
  const done = await conn.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const applied = new Map(done.map((row) => [row.migration_name, row.checksum]));
  const ran: string[] = [];
  for (const migration of migrationsFor(conn.dialect)) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    await conn.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`).catch(async (error: unknown) => {
      await conn.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    });
    await conn.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, CURRENT_TIMESTAMP, 1)',
      [randomUUID(), migration.checksum, migration.name],
    );
    ran.push(migration.name);
  }
  return ran;
}
