// Real services of the fault tests' own, which they may stop and restart: a Redis and a
// PostgreSQL on free ports, in temporary directories removed afterwards; and a fresh database on
// the shared PostgreSQL (127.0.0.1:5432), which the tests never stop. A service that cannot run
// here (a binary missing, PostgreSQL without root) skips its tests, except in CI, where it fails.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rawConnect } from '@ketnap/server/src/db/raw.ts';
import { Redis } from 'ioredis';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const SHARED_PG = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why a service cannot run here, or null when it can. */
function missing(service: 'redis' | 'postgres'): string | null {
  const which = (bin: string) => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (service === 'redis') return which('redis-server') ? null : 'redis-server is not installed';
  if (!existsSync(join(PG_BIN, 'initdb'))) return `no PostgreSQL binaries in ${PG_BIN}`;
  if (process.getuid?.() !== 0) return 'a private PostgreSQL needs root (runuser -u postgres)';
  return which('runuser') ? null : 'runuser is not installed';
}

/** True when the service can run; false (skip) when not, but in CI a missing service throws. */
export function canRun(service: 'redis' | 'postgres'): boolean {
  const why = missing(service);
  if (why && process.env.CI) throw new Error(`CI needs a private ${service}: ${why}`);
  return why === null;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Polls `check` until it returns true; throws after `ms`. */
export async function until(what: string, check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out after ${ms} ms waiting until ${what}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A Redis client that tries once, and whose connection errors reach the caller only. */
const oneShot = (url: string) =>
  new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null }).on(
    'error',
    () => undefined,
  );

export interface PrivateRedis {
  url: string;
  /** Ends the server; with keepData it first saves its keys, which the next start loads. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** Starts it again on the same port and directory. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  dispose(): Promise<void>;
}

export async function startRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-redis-'));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const pidfile = join(dir, 'redis.pid');
  const ping = async () => {
    const client = oneShot(url);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const start = async () => {
    rmSync(pidfile, { force: true });
    execFileSync('redis-server', [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--dbfilename', 'dump.rdb'],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--pidfile', pidfile],
    ]);
    await until(`Redis answers on port ${port}`, ping, 10_000);
  };
  const stop = async ({ keepData = false } = {}) => {
    if (!existsSync(pidfile)) return;
    const pid = Number(readFileSync(pidfile, 'utf8'));
    const client = oneShot(url);
    await client
      .connect()
      .then(() => client.call('SHUTDOWN', keepData ? 'SAVE' : 'NOSAVE'))
      .catch(() => undefined); // the connection closes as the server ends
    client.disconnect();
    await until('Redis has exited', async () => !alive(pid), 5_000).catch(() => process.kill(pid, 'SIGKILL'));
    await until('Redis has exited', async () => !alive(pid), 5_000);
    rmSync(pidfile, { force: true });
  };
  await start();
  return {
    url,
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivatePostgres {
  /** A URL of a database on this server (default `postgres`). */
  url(database?: string): string;
  /** pg_ctl with the server's data directory and options: 'restart' and 'stop' are -m fast. */
  ctl(action: 'start' | 'stop' | 'restart'): Promise<void>;
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  dispose(): Promise<void>;
}

export async function startPostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  const asPostgres = (bin: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args], { stdio: 'pipe', cwd: dir });
  asPostgres('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  // Asynchronous, so that the tests' requests keep running while PostgreSQL restarts.
  const ctl = async (action: 'start' | 'stop' | 'restart') =>
    void (await promisify(execFile)(
      'runuser',
      ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', dir, '-o', options, '-l', join(dir, 'log')]
        .concat(['-w', '-t', '30', action])
        .concat(action === 'start' ? [] : ['-m', 'fast']),
      { cwd: dir },
    ));
  await ctl('start');
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    ctl,
    createDatabase: async (name) => {
      await admin(url(), `CREATE DATABASE ${name}`);
      return url(name);
    },
    dispose: async () => {
      try {
        asPostgres('pg_ctl', ['-D', dir, '-w', 'stop', '-m', 'immediate']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs one statement on a PostgreSQL server (CREATE or DROP DATABASE). */
async function admin(url: string, sql: string): Promise<void> {
  const connection = await rawConnect(url);
  await connection.exec(sql).finally(() => connection.close());
}

/** Is the shared PostgreSQL answering? False (skip) when not, but in CI it throws. */
export async function sharedPostgresUp(): Promise<boolean> {
  try {
    await admin(SHARED_PG, 'SELECT 1');
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`CI needs PostgreSQL at ${SHARED_PG}: ${(error as Error).message}`);
    return false;
  }
}

/** A fresh database on the shared PostgreSQL, dropped by `drop()`. */
export async function sharedDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await admin(SHARED_PG, `CREATE DATABASE ${name}`);
  return {
    url: Object.assign(new URL(SHARED_PG), { pathname: `/${name}` }).toString(),
    drop: () => admin(SHARED_PG, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
