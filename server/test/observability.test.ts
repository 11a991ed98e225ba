// What operators see: one JSON log line per request (method, route, operation, status, duration,
// cache outcome) with no personal data, and Prometheus metrics at /metrics.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { createLogger } from '../src/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-observe-'));
let child: ChildProcess;
let url = '';
let logs = '';

beforeAll(async () => {
  child = spawn(process.execPath, [resolve(repoRoot, 'server/bin/ketnap.js'), 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'o.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      KETNAP_LOG: 'info',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk) => void (logs += String(chunk)));
  url = await new Promise<string>((ok, fail) => {
    const timer = setInterval(() => {
      const port = /"port":(\d+)[^\n]*"message":"ketnap is serving"/.exec(logs)?.[1];
      if (port) {
        clearInterval(timer);
        ok(`http://127.0.0.1:${port}`);
      }
    }, 50);
    child.on('exit', () => fail(new Error(logs)));
  });
}, 120_000);
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const lines = () =>
  logs
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('request logs and metrics', () => {
  it('writes one line per request, without variables or personal data', async () => {
    const manifest = JSON.parse(readFileSync(resolve(repoRoot, 'widgets/dist/persisted-operations.json'), 'utf8'));
    const id = Object.keys(manifest).find((key) => manifest[key].includes('query Progress')) as string;
    const widget = `${url}/graphql?documentId=${id}&variables=${encodeURIComponent(
      JSON.stringify({ org: 'thanh-chuong', from: '2017-01-01', to: '2017-07-31' }),
    )}`;
    expect((await fetch(widget)).status).toBe(200);
    expect((await fetch(widget)).headers.get('x-ketnap-cache')).toBe('hit');
    const secret = 'Nguyễn Văn Bí Mật';
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ktn_not-a-real-token' },
      body: JSON.stringify({
        query: 'query Find($code: String!) { organisation(code: $code) { name } }',
        variables: { code: secret },
      }),
    });
    await new Promise((r) => setTimeout(r, 200));
    const requests = lines().filter((line) => line.message === 'request');
    expect(requests.slice(0, 2)).toEqual([
      expect.objectContaining({ method: 'GET', route: '/graphql', operation: 'Progress', status: 200, cache: 'miss' }),
      expect.objectContaining({ method: 'GET', route: '/graphql', operation: 'Progress', status: 200, cache: 'hit' }),
    ]);
    expect(requests[2]).toMatchObject({ method: 'POST', route: '/graphql', status: 401 });
    for (const line of requests) expect(typeof line.durationMs).toBe('number');
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain('ktn_not-a-real-token');
    expect(logs).not.toContain('2017-07-31');
  });

  it('serves Prometheus metrics: requests, cache outcomes, statements, operations', async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toMatch(/ketnap_public_reads_total\{outcome="hit"\} [1-9]/);
    expect(text).toMatch(/ketnap_public_reads_total\{outcome="miss"\} [1-9]/);
    expect(text).toMatch(
      /ketnap_http_request_duration_seconds_count\{route="\/graphql",method="GET",status="200",cache="hit"\} [1-9]/,
    );
    expect(text).toMatch(/ketnap_db_statement_duration_seconds_count [1-9]/);
    expect(text).toMatch(
      /graphql_envelop_request_duration_count\{operationName="Progress",operationType="query"\} [1-9]/,
    );
    expect(text).toContain('ketnap_write_conflicts_retried_total');
    expect(text).toContain('ketnap_rate_limited_total');
  });
});

describe('redaction', () => {
  it('writes personal fields and secrets as [redacted], at any depth', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => void ((out += String(chunk)), done()) });
    createLogger(sink, 'info').info(
      {
        variables: { code: 'x' },
        fullName: 'Lê Thị A',
        nested: { birthDate: '1990-01-01', authorization: 'Bearer y' },
      },
      'personal',
    );
    expect(out).not.toMatch(/Lê Thị A|1990-01-01|Bearer y|"code":"x"/);
    expect(out.match(/\[redacted\]/g)?.length).toBe(4);
  });
});
