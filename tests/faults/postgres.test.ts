// PostgreSQL goes away under one instance (a private server, restarted and stopped by the test)
// while widget reads that reach the database run in a loop. Proves: the process survives
// (/healthz 200 throughout); no answer with errors carries a public Cache-Control, and none is
// kept (the same read answers right afterwards); /readyz says 503 not-ready while the database is
// down and ready again after; reads return the right figure within a bounded wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instance, startInstance } from '../scale/instance.ts';
import { canRun, type PrivatePostgres, startPostgres, until } from './services.ts';
import { loop, type Read, readyz, type Sample, widgetRead } from './support.ts';

const up = canRun('postgres');

/** Reads that miss the cache (each spelled differently) and readiness checks, in loops. */
function traffic(base: string, spellings: number) {
  const reads = loop([base], 3, (url, n) => widgetRead(url, spellings + n));
  const probes = loop([base], 1, async (url) => {
    await new Promise((ok) => setTimeout(ok, 50));
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return { health: health.status, ready: await readyz(url) };
  });
  return {
    reads: reads.samples,
    probes: probes.samples,
    stop: () => Promise.all([reads.stop(), probes.stop()]),
  };
}

/** What every answer seen during a fault must satisfy. */
function expectSafe(
  reads: Sample<Read>[],
  probes: Sample<{ health: number; ready: Awaited<ReturnType<typeof readyz>> }>[],
) {
  expect(reads.filter((s) => s.failure).map((s) => s.failure)).toEqual([]);
  for (const { result: read } of reads) {
    if (!read) continue;
    if (read.status !== 200 || read.hasErrors) expect(read.cacheControl, read.body).toBe('no-store');
    else expect(read.admissions, read.body).toBe(252);
    if (read.cacheControl.includes('public')) expect(read.hasErrors, read.body).toBe(false);
  }
  expect(probes.filter((s) => s.failure).map((s) => s.failure)).toEqual([]);
  for (const { result } of probes) {
    expect(result?.health).toBe(200);
    expect([
      { code: 200, status: 'ready', database: 'up', redis: 'off' },
      { code: 503, status: 'not-ready', database: 'down', redis: 'off' },
    ]).toContainEqual(result?.ready);
  }
}

describe.skipIf(!up)('PostgreSQL restarts and stops under one instance', () => {
  let server: PrivatePostgres;
  let instance: Instance;

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase('ketnap');
    instance = await startInstance({ DATABASE_URL: url, KETNAP_RATE_LIMIT: '100000/60s' });
  });

  afterAll(async () => {
    await instance?.stop();
    await server?.dispose();
  });

  it('pg_ctl restart -m fast under reads: the process lives, no error is kept, reads recover', async () => {
    expect(await widgetRead(instance.url, 0)).toMatchObject({ status: 200, admissions: 252 });
    const run = traffic(instance.url, 1000);
    try {
      await new Promise((ok) => setTimeout(ok, 500));
      await server.ctl('restart');
      await until('reads answer 252 again', async () => (await widgetRead(instance.url, 1)).admissions === 252, 30_000);
      await new Promise((ok) => setTimeout(ok, 300));
    } finally {
      await run.stop();
    }
    const { reads, probes } = run;

    expect(instance.process.exitCode, instance.logs()).toBeNull();
    expect(instance.process.signalCode).toBeNull();
    expect(reads.length).toBeGreaterThan(20);
    expectSafe(reads, probes);
    const failed = reads.filter((s) => s.result?.hasErrors);
    expect(failed.length, 'the restart was felt').toBeGreaterThan(0);
    // The same reads answer right now: their errors were not kept.
    for (const { n } of failed.slice(0, 5))
      expect(await widgetRead(instance.url, 1000 + n)).toMatchObject({ status: 200, admissions: 252, cache: 'miss' });
    expect(await readyz(instance.url)).toEqual({ code: 200, status: 'ready', database: 'up', redis: 'off' });
  });

  it('pg_ctl stop: /readyz 503 not-ready, errors answered no-store and not kept; start: ready again', async () => {
    const run = traffic(instance.url, 500_000);
    try {
      await server.ctl('stop');
      await until('/readyz says not-ready', async () => (await readyz(instance.url)).code === 503, 10_000);
      const down = await widgetRead(instance.url, 7);
      expect(down).toMatchObject({ hasErrors: true, cacheControl: 'no-store' });
      await server.ctl('start');
      await until('/readyz says ready', async () => (await readyz(instance.url)).status === 'ready', 30_000);
      await until('reads answer 252 again', async () => (await widgetRead(instance.url, 7)).admissions === 252, 30_000);
    } finally {
      await run.stop();
    }
    const { reads, probes } = run;

    expect(instance.process.exitCode, instance.logs()).toBeNull();
    expectSafe(reads, probes);
    expect(reads.filter((s) => s.result?.hasErrors).length).toBeGreaterThan(0);
    expect(probes.some((s) => s.result?.ready.code === 503)).toBe(true);
  });
});
