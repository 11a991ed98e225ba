// One client's expensive work is limited: past its budget it gets 429 with Retry-After, while
// cached public reads, which cost nothing, keep being answered.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Running, startServer } from '../src/main.ts';

const TREND = 'query Trend($org: String!) { organisation(code: $org) { name } }';
const id = createHash('sha256').update(TREND).digest('hex');
let running: Running;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-rate-'));
beforeAll(async () => {
  running = await startServer({
    databaseUrl: `file:${join(dir, 'rate.db')}`,
    port: 0,
    manifest: { [id]: TREND },
    rateLimit: { points: 8, windowSeconds: 60, trustProxy: false },
  });
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers 429 with Retry-After past the budget, and keeps serving cached reads', async () => {
  const cached = `${running.url}/graphql?documentId=${id}&variables=${encodeURIComponent('{"org":"thanh-chuong"}')}`;
  expect((await fetch(cached)).status).toBe(200);
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < 12; i++) {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ organisation(code: "thanh-chuong") { memberCount(asOf: "2017-01-${String(i + 1).padStart(2, '0')}") } }`,
      }),
    });
    statuses.push(response.status);
    if (response.status === 429) retryAfter = response.headers.get('retry-after');
  }
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(8);
  expect(statuses.at(-1)).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  const hit = await fetch(cached);
  expect(hit.status).toBe(200);
  expect(hit.headers.get('x-ketnap-cache')).toBe('hit');
});
