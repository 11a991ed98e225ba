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
  /** Origins whose pages may send requests with a token (besides the server's own). */
  adminOrigins: string[];
  /** Expensive requests a client may make per window (KETNAP_RATE_LIMIT, e.g. 120/60s). */
  rateLimit: { points: number; windowSeconds: number; trustProxy: boolean };
  /** Megabytes of ready-made public answers kept in memory. */
  cacheMegabytes: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const adminOrigins = (env.KETNAP_ADMIN_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of adminOrigins)
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new Error(`KETNAP_ADMIN_ORIGINS must list origins such as https://board.example, got "${origin}"`);
  const limit = /^(\d+)\/(\d+)s$/.exec(env.KETNAP_RATE_LIMIT ?? '120/60s');
  if (!limit || Number(limit[1]) < 1 || Number(limit[2]) < 1)
    throw new Error(`KETNAP_RATE_LIMIT must be POINTS/SECONDSs, e.g. 120/60s, got "${env.KETNAP_RATE_LIMIT}"`);
  const cacheMegabytes = Number(env.KETNAP_CACHE_MB ?? 64);
  if (!Number.isFinite(cacheMegabytes) || cacheMegabytes < 1)
    throw new Error(`KETNAP_CACHE_MB must be a number of megabytes (at least 1), got "${env.KETNAP_CACHE_MB}"`);
  return {
    databaseUrl: env.DATABASE_URL || defaultDatabaseUrl,
    port,
    host: env.HOST ?? '0.0.0.0',
    redisUrl: env.REDIS_URL || undefined,
    adminOrigins,
    rateLimit: {
      points: Number(limit[1]),
      windowSeconds: Number(limit[2]),
      trustProxy: env.KETNAP_TRUST_PROXY === '1' || env.KETNAP_TRUST_PROXY === 'true',
    },
    cacheMegabytes,
  };
}
