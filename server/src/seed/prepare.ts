// Brings a database to a servable state: migrations applied, and, when it holds no organisation
// yet, the demo dataset loaded. Safe when several server instances start at once (PostgreSQL).
import type { Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { type RawConnection, rawConnect } from '../db/raw.ts';
import { ensureDerived } from '../derived/rebuild.ts';
import { viaConnection } from '../derived/sql.ts';
import { activeRiskPolicy } from '../rules/risk.ts';
import { datasetNames, datasets, defaultDataset, streamedDatasets } from './datasets.ts';
import { loadDataset } from './load.ts';

export interface Prepared {
  migrations: string[];
  seeded: string | null;
}

export interface PrepareOptions {
  /** The dataset loaded into an empty database (the demo's by default); false: none. */
  seed?: string | false;
  /** The size of a streamed dataset (its default when left out). */
  members?: number;
}

export async function prepareDatabase(database: Database, options: PrepareOptions = {}): Promise<Prepared> {
  const seed = options.seed === undefined ? defaultDataset : options.seed;
  const conn = await rawConnect(database.url);
  try {
    return await conn.exclusive(async () => {
      const migrations = await migrate(conn);
      if (seed === false || (await database.prisma.organisation.count()) > 0) {
        // Derived again when out of date: a database from before the derived tables, another policy.
        await inTransaction(conn, () => ensureDerived(viaConnection(conn), activeRiskPolicy()));
        return { migrations, seeded: null };
      }
      await seedDataset(conn, seed, options.members);
      return { migrations, seeded: seed };
    });
  } finally {
    await conn.close();
  }
}

export function datasetNamed(name: string) {
  const make = datasets[name];
  if (!make) throw new Error(`Unknown dataset "${name}"; known: ${datasetNames().join(', ')}`);
  return make;
}

/** Loads the named dataset (of either kind; streamed ones of `members`, or their default size) into an empty database. */
export async function seedDataset(conn: RawConnection, name: string, members?: number): Promise<void> {
  const streamed = streamedDatasets[name];
  if (streamed) await streamed.load(conn, members === undefined ? {} : { members });
  else await loadDataset(conn, datasetNamed(name)());
}

/** Runs fn in one transaction of the raw connection. */
export async function inTransaction<T>(conn: RawConnection, fn: () => Promise<T>): Promise<T> {
  await conn.exec('BEGIN');
  try {
    const result = await fn();
    await conn.exec('COMMIT');
    return result;
  } catch (error) {
    await conn.exec('ROLLBACK');
    throw error;
  }
}
