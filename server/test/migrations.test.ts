// The committed migrations of each database must build exactly the schema the model describes:
// a model change without a migration (for either database) fails here.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresSchemaFrom } from '../../prisma/scripts/postgres-schema.ts';
import { repoRoot } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { type RawConnection, rawConnect } from '../src/db/raw.ts';
import { pgAdminUrl, postgresAvailable } from './support.ts';

const prismaDir = resolve(repoRoot, 'prisma');
const prismaCli = createRequire(join(prismaDir, 'package.json')).resolve('prisma/build/index.js');

/** The SQL that creates the current model from nothing, as Prisma writes it (offline). */
function scriptFromModel(config: string, schema: string, env: Record<string, string>): string {
  return execFileSync(
    process.execPath,
    [prismaCli, 'migrate', 'diff', '--config', config, '--from-empty', '--to-schema-datamodel', schema, '--script'],
    {
      cwd: prismaDir,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
}

const SQLITE_CATALOG = `SELECT type, name, sql FROM sqlite_master
  WHERE name NOT LIKE '_prisma%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name`;
const POSTGRES_CATALOG = [
  `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
  `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
  `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY t.typname, e.enumsortorder`,
  `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conname NOT LIKE '\\_prisma%' ORDER BY conname`,
];

async function catalog(conn: RawConnection): Promise<unknown[]> {
  const queries = conn.dialect === 'sqlite' ? [SQLITE_CATALOG] : POSTGRES_CATALOG;
  return Promise.all(queries.map((q) => conn.query(q)));
}

describe('migrations follow the model', () => {
  it('the PostgreSQL schema is generated from the one model', () => {
    const source = readFileSync(join(prismaDir, 'schema.prisma'), 'utf8');
    expect(readFileSync(join(prismaDir, 'schema.postgres.prisma'), 'utf8')).toBe(postgresSchemaFrom(source));
  });

  it('SQLite: migrations build what the model describes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ketnap-drift-'));
    const migrated = await rawConnect(`file:${join(dir, 'migrated.db')}`);
    const fromModel = await rawConnect(`file:${join(dir, 'model.db')}`);
    expect((await migrate(migrated)).length).toBeGreaterThan(0);
    await fromModel.exec(
      scriptFromModel('prisma.config.ts', 'schema.prisma', { SQLITE_URL: `file:${join(dir, 'cli.db')}` }),
    );
    expect(await catalog(migrated)).toEqual(await catalog(fromModel));
    expect(await migrate(migrated)).toEqual([]); // a second run has nothing to do
    await Promise.all([migrated.close(), fromModel.close()]);
  });

  describe('PostgreSQL', async () => {
    const available = await postgresAvailable();
    const names = [1, 2].map(() => `ketnap_drift_${randomBytes(5).toString('hex')}`);
    const urlOf = (name: string) => Object.assign(new URL(pgAdminUrl), { pathname: `/${name}` }).toString();
    afterAll(async () => {
      if (!available) return;
      const admin = await rawConnect(pgAdminUrl);
      for (const name of names) await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    });

    it.skipIf(!available)('migrations build what the model describes', async () => {
      const admin = await rawConnect(pgAdminUrl);
      for (const name of names) await admin.exec(`CREATE DATABASE ${name}`);
      await admin.close();
      const [migrated, fromModel] = await Promise.all(names.map((name) => rawConnect(urlOf(name))));
      if (!migrated || !fromModel) throw new Error('no connection');
      try {
        expect((await migrate(migrated)).length).toBeGreaterThan(0);
        const script = scriptFromModel('postgres.config.ts', 'schema.postgres.prisma', {
          DATABASE_URL: urlOf(names[1] as string),
        });
        await fromModel.exec(script);
        expect(await catalog(migrated)).toEqual(await catalog(fromModel));
      } finally {
        await Promise.all([migrated.close(), fromModel.close()]);
      }
    });
  });
});
