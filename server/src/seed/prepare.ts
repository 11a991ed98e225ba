// Brings a database to a servable state: migrations applied, and, when it holds no organisation
// yet, the demo dataset loaded. Safe when several server instances start at once (PostgreSQL).
import type { Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { rawConnect } from '../db/raw.ts';
import { datasets, defaultDataset } from './datasets.ts';
import { loadDataset } from './load.ts';

export interface Prepared {
  migrations: string[];
  seeded: string | null;
}

export async function prepareDatabase(database: Database, options: { seed?: string | false } = {}): Promise<Prepared> {
  const seed = options.seed === undefined ? defaultDataset : options.seed;
  const conn = await rawConnect(database.url);
  try {
    return await conn.exclusive(async () => {
      const migrations = await migrate(conn);
      if (seed === false || (await database.prisma.organisation.count()) > 0) return { migrations, seeded: null };
      await loadDataset(conn, datasetNamed(seed)());
      return { migrations, seeded: seed };
    });
  } finally {
    await conn.close();
  }
}

export function datasetNamed(name: string) {
  const make = datasets[name];
  if (!make) throw new Error(`Unknown dataset "${name}"; known: ${Object.keys(datasets).join(', ')}`);
  return make;
}
