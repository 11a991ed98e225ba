// Deployment configuration, read once from the environment.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgres:// URL, got "${url}"`);
}

/** The embedded default: a SQLite file under data/ at the repository's top. */
export const defaultDatabaseUrl = `file:${resolve(repoRoot, 'data/ketnap.db')}`;

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  redisUrl: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl,
    port,
    host: env.HOST ?? '0.0.0.0',
    redisUrl: env.REDIS_URL || undefined,
  };
}
