// Deployment configuration: every environment variable, its default and its meaning, in one
// table (VARIABLES), validated by one zod schema at start. A bad value stops the start with a
// message naming the variable. The README's table and `ketnap --help` are made from this table
// (a test checks the README).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { riskPolicyFromEnv } from './rules/risk.ts';
import { calendarFromEnv } from './rules/working-days.ts';

/** The repository's top: the folder holding pnpm-workspace.yaml, above this module (source or build). */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'pnpm-workspace.yaml')) && dirname(dir) !== dir) dir = dirname(dir);
  return `${dir}/`;
})();

export type Dialect = 'sqlite' | 'postgres';

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must be a file: (SQLite) or postgres:// URL, got "${url}"`);
}

/** The embedded default: a SQLite file under data/ at the repository's top. */
export const defaultDatabaseUrl = `file:${resolve(repoRoot, 'data/ketnap.db')}`;

interface Variable {
  name: string;
  /** The default as the README shows it ('' when there is none). */
  shown: string;
  meaning: string;
}

/** Every variable ketnap reads, in the order the README lists them. */
export const VARIABLES: Variable[] = [
  {
    name: 'DATABASE_URL',
    shown: 'file:<repo>/data/ketnap.db',
    meaning: '`file:/path.db` for SQLite, or `postgres://user@host:5432/db` for PostgreSQL',
  },
  { name: 'PORT', shown: '4000', meaning: 'HTTP port' },
  { name: 'HOST', shown: '0.0.0.0', meaning: 'interface to listen on' },
  {
    name: 'REDIS_URL',
    shown: '',
    meaning: '`redis://127.0.0.1:6379`: share the public answers and the rate limits between several instances',
  },
  {
    name: 'KETNAP_ADMIN_ORIGINS',
    shown: '',
    meaning:
      'comma-separated origins (`https://board.example`) whose pages may send requests with a token; the server’s own pages always may',
  },
  {
    name: 'KETNAP_RATE_LIMIT',
    shown: '120/60s',
    meaning:
      'expensive requests per client address and window: each request that runs GraphQL costs a point, plus one per 20 ms it took; a valid token has a budget of its own, 10× larger; cached public reads cost nothing',
  },
  {
    name: 'KETNAP_TRUST_PROXY',
    shown: '',
    meaning: '`1`: the client is the first `X-Forwarded-For` address (only behind a proxy you run)',
  },
  { name: 'KETNAP_CACHE_MB', shown: '64', meaning: 'memory for ready-made public answers, in megabytes' },
  {
    name: 'KETNAP_STALE_SECONDS',
    shown: '10',
    meaning:
      'after a write, how long readers may still get the previous public answer while its one recomputation runs (`0`: they wait for it)',
  },
  {
    name: 'KETNAP_LOG',
    shown: 'info',
    meaning: '`silent`, `error`, `warn` or `info`: the least severe log line written',
  },
  { name: 'RISK_MIN_MEMBERS', shown: '5', meaning: 'a cell with fewer members meets the first at-risk criterion' },
  { name: 'RISK_ELDERLY_AGE', shown: '60', meaning: 'members this old or older count as elderly' },
  { name: 'RISK_MIN_ELDERLY', shown: '3', meaning: 'this many elderly members meets the second criterion' },
  {
    name: 'RISK_YEARS_WITHOUT_ADMISSION',
    shown: '5',
    meaning: 'no admission for more than this many years meets the third',
  },
  {
    name: 'KETNAP_WEEKEND',
    shown: '6,7',
    meaning: 'ISO weekdays off work (1 = Monday), for deadlines counted in working days',
  },
  {
    name: 'KETNAP_HOLIDAYS',
    shown: '',
    meaning:
      'extra days off `YYYY-MM-DD,…` added to Vietnam’s public holidays (Tết and the Hùng Kings’ day from the lunar calendar, 1900–2100); `only:…` replaces them',
  },
];

const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin such as https://board.example');

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'a file: (SQLite) or postgres:// URL')
    .default(defaultDatabaseUrl),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// URL')
    .optional(),
  KETNAP_ADMIN_ORIGINS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  KETNAP_RATE_LIMIT: z
    .string()
    .regex(/^[1-9]\d*\/[1-9]\d*s$/, 'POINTS/SECONDSs, e.g. 120/60s')
    .default('120/60s')
    .transform((text) => {
      const [points, seconds] = text.slice(0, -1).split('/').map(Number);
      return { points: points ?? 120, windowSeconds: seconds ?? 60 };
    }),
  KETNAP_TRUST_PROXY: z
    .enum(['', '0', '1', 'true', 'false'])
    .default('')
    .transform((v) => v === '1' || v === 'true'),
  KETNAP_CACHE_MB: z.coerce.number().int().min(1).default(64),
  KETNAP_STALE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  KETNAP_LOG: z.enum(['silent', 'error', 'warn', 'info']).default('info'),
});

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  redisUrl: string | undefined;
  /** Origins whose pages may send requests with a token (besides the server's own). */
  adminOrigins: string[];
  /** Expensive requests a client may make per window. */
  rateLimit: { points: number; windowSeconds: number; trustProxy: boolean };
  /** Megabytes of ready-made public answers kept in memory. */
  cacheMegabytes: number;
  /** Seconds after a write during which the previous public answer may be sent while recomputing. */
  staleSeconds: number;
  log: 'silent' | 'error' | 'warn' | 'info';
}

/** The configuration from the environment; throws naming every variable with a bad value. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}: ${issue.message} (got "${env[name]}")`;
      });
  // The rules' own variables: parsed by the rules' modules, checked here at start.
  for (const check of [() => riskPolicyFromEnv(env), () => calendarFromEnv(env)]) {
    try {
      check();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    port: c.PORT,
    host: c.HOST,
    redisUrl: c.REDIS_URL,
    adminOrigins: c.KETNAP_ADMIN_ORIGINS,
    rateLimit: { ...c.KETNAP_RATE_LIMIT, trustProxy: c.KETNAP_TRUST_PROXY },
    cacheMegabytes: c.KETNAP_CACHE_MB,
    staleSeconds: c.KETNAP_STALE_SECONDS,
    log: c.KETNAP_LOG,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Bad configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The README's table of variables. */
export function configTable(): string {
  const rows = VARIABLES.map((v) => `| \`${v.name}\` | ${v.shown ? `\`${v.shown}\`` : '—'} | ${v.meaning} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

/** The variables for `ketnap --help`. */
export function configHelp(): string {
  const width = Math.max(...VARIABLES.map((v) => v.name.length)) + 2;
  return VARIABLES.map((v) => {
    const meaning = v.meaning.replaceAll('`', '');
    return `  ${v.name.padEnd(width)}${meaning}${v.shown ? ` (default ${v.shown})` : ''}`;
  }).join('\n');
}
