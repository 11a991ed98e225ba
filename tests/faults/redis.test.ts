// Redis goes away and comes back under two instances that share it (one PostgreSQL database).
// Proves: while Redis is down every widget read still answers 200 with a right figure and /readyz
// answers 200 'degraded'; a write succeeds and its own instance shows it at once (the other within
// the few seconds of the local cache); when Redis returns, still holding the answers it kept
// before the outage (as after a network partition), both instances are 'ready' within seconds and
// the other instance shows the outage's write: no answer from before the outage is trusted; and a
// write after recovery reaches the other instance's next read again.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, type Instance, startInstance } from '../scale/instance.ts';
import { canRun, type PrivateRedis, sharedDatabase, sharedPostgresUp, startRedis, until } from './services.ts';
import { loop, mutate, newMember, RECORD_MEMBER, type Read, readyz, widgetRead } from './support.ts';

const up = canRun('redis') && (await sharedPostgresUp());

describe.skipIf(!up)('Redis outage under two instances', () => {
  let redis: PrivateRedis;
  let database: Awaited<ReturnType<typeof sharedDatabase>>;
  let a: Instance;
  let b: Instance;
  let token: string;
  let epochBefore: string | null = null;
  /** The test's own look into Redis (it reconnects by itself after the outage). */
  let client: Redis;
  const both = (state: { code: number; status: string; redis: string }) => async () => {
    const answers = await Promise.all([readyz(a.url), readyz(b.url)]);
    return answers.every((r) => r.code === state.code && r.status === state.status && r.redis === state.redis);
  };

  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url).on('error', () => undefined);
    database = await sharedDatabase('ketnap_faults_redis');
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, KETNAP_RATE_LIMIT: '100000/60s' };
    a = await startInstance(env); // migrates and loads the demo data
    b = await startInstance(env);
    token = await adminToken(database.url);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    client?.disconnect();
    await redis?.dispose();
    await database?.drop();
  });

  it('with Redis up, both instances are ready and share their answers', async () => {
    await until('both instances say ready, redis up', both({ code: 200, status: 'ready', redis: 'up' }), 10_000);
    const first = await widgetRead(a.url);
    expect(first).toMatchObject({ status: 200, admissions: 252, cache: 'miss' });
    epochBefore = await client.get('ketnap:epoch');
    await until('the answer is in Redis', async () => (await client.keys(`ketnap:answer:${epochBefore}.*`)).length > 0);
    // B never computed this answer: it can only be a hit through Redis.
    expect(await widgetRead(b.url)).toMatchObject({ status: 200, admissions: 252, cache: 'hit' });
  });

  it('with Redis down, reads answer 200 with right figures, /readyz says degraded, a write succeeds', async () => {
    await redis.stop({ keepData: true });
    await until('both say degraded, redis down', both({ code: 200, status: 'degraded', redis: 'down' }), 10_000);
    const reads = loop([a.url, b.url], 2, (base) => widgetRead(base));
    const health = loop([a.url, b.url], 1, async (base) => {
      await new Promise((ok) => setTimeout(ok, 100));
      return readyz(base);
    });
    let writtenAt = 0;
    try {
      await new Promise((ok) => setTimeout(ok, 500));
      const write = await mutate(a.url, token, RECORD_MEMBER, newMember('Người Ghi Khi Mất Redis'));
      expect(write).toEqual({ data: { recordMember: { __typename: 'RecordMemberSuccess' } } });
      writtenAt = Date.now();
      expect((await widgetRead(a.url)).admissions).toBe(253);
      // The other instance did not hear of the write; its local answers last a few seconds only.
      await until('B shows the write', async () => (await widgetRead(b.url)).admissions === 253, 10_000);
    } finally {
      await Promise.all([reads.stop(), health.stop()]);
    }
    const { samples } = reads;
    const checks = health.samples;
    const answered = samples.map((s) => ({ ...s, read: s.result as Read }));
    expect(samples.filter((s) => s.failure)).toEqual([]);
    expect(answered.length).toBeGreaterThan(20);
    for (const { read } of answered) {
      expect(read.status, read.body).toBe(200);
      expect(read.hasErrors, read.body).toBe(false);
      expect([252, 253]).toContain(read.admissions);
    }
    const afterWrite = answered.filter((s) => s.base === a.url && s.startedAt > writtenAt);
    expect(afterWrite.length).toBeGreaterThan(0);
    for (const { read } of afterWrite) expect(read.admissions).toBe(253);
    expect(checks.filter((s) => s.failure)).toEqual([]);
    for (const { result } of checks)
      expect(result).toEqual({ code: 200, status: 'degraded', database: 'up', redis: 'down' });
  });

  it('when Redis returns, both are ready within seconds and nothing from before the outage is trusted', async () => {
    await redis.start();
    // The answers Redis kept from before the outage (252) are still there to be wrongly found.
    expect((await client.keys(`ketnap:answer:${epochBefore}.*`)).length).toBeGreaterThan(0);
    await until('both say ready, redis up', both({ code: 200, status: 'ready', redis: 'up' }), 10_000);

    expect(await widgetRead(b.url)).toMatchObject({ status: 200, admissions: 253 });
    expect(await widgetRead(a.url)).toMatchObject({ status: 200, admissions: 253 });
    expect(await client.get('ketnap:epoch')).not.toBe(epochBefore);

    // Shared again: once B keeps 253, A's write must invalidate it everywhere.
    await until('B answers 253 from its cache', async () => (await widgetRead(b.url)).cache === 'hit', 5_000);
    const write = await mutate(a.url, token, RECORD_MEMBER, newMember('Người Ghi Sau Khi Redis Trở Lại'));
    expect(write).toEqual({ data: { recordMember: { __typename: 'RecordMemberSuccess' } } });
    expect(await widgetRead(b.url)).toMatchObject({ status: 200, admissions: 254 });
  });
});
