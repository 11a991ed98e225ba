// The real HTTP server on a port: readiness, the cacheable public read path (persisted GETs with
// Cache-Control, ETag and 304, simple CORS), static files, and the GraphQL-over-HTTP audit.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_CACHE_CONTROL } from '../src/http/answers/public-read.ts';
import { type Running, startServer } from '../src/main.ts';

const PROGRESS =
  'query Progress($org: String!, $from: Date!, $to: Date!) { organisation(code: $org) { admissionCount(from: $from, to: $to) } }';
const TREND = 'query Trend($org: String!) { organisation(code: $org) { name } }';
const id = (text: string) => createHash('sha256').update(text).digest('hex');

let running: Running;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-http-'));
beforeAll(async () => {
  running = await startServer({
    databaseUrl: `file:${join(dir, 'http.db')}`,
    port: 0,
    manifest: { [id(PROGRESS)]: PROGRESS, [id(TREND)]: TREND },
  });
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

const persisted = (text: string, variables: object) =>
  `${running.url}/graphql?documentId=${id(text)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;

describe('HTTP', () => {
  it('answers /healthz with 200 once ready', async () => {
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('serves a persisted operation by GET, cacheably, with an ETag and 304', async () => {
    const url = persisted(PROGRESS, { org: 'thanh-chuong', from: '2017-01-01', to: '2017-07-31' });
    const first = await fetch(url, { headers: { origin: 'https://news.example' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ data: { organisation: { admissionCount: 252 } } });
    expect(first.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(first.headers.get('access-control-allow-origin')).toBeTruthy();
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
  });

  it('keeps different persisted operations apart in the cache', async () => {
    const a = await (await fetch(persisted(TREND, { org: 'thanh-chuong' }))).json();
    const b = await (
      await fetch(persisted(PROGRESS, { org: 'thanh-chuong', from: '2017-01-01', to: '2017-01-31' }))
    ).json();
    expect(a.data.organisation.name).toContain('Thanh Chương');
    expect(b.data.organisation.admissionCount).toBeGreaterThan(0);
    expect(b.data.organisation.name).toBeUndefined();
  });

  it('refuses an unknown persisted operation id', async () => {
    const response = await fetch(`${running.url}/graphql?documentId=${'0'.repeat(64)}`);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/not found/i);
  });

  it('never lets a private answer be cached', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organisation(code: "thanh-chuong") { name } }' }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the demo page under a strict Content-Security-Policy', async () => {
    const response = await fetch(`${running.url}/demo/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'; style-src 'self'");
    const script = await fetch(`${running.url}/widgets/ketnap.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves the schema reference at /docs/, under the pages’ CSP', async () => {
    const response = await fetch(`${running.url}/docs/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<section id="Query">');
    expect(html).toContain('<a href="#Organisation">Organisation</a>');
    expect(html).toContain('admissionCount');
    const css = await fetch(`${running.url}/docs/docs.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('does not serve files outside the widgets folder', async () => {
    const response = await fetch(`${running.url}/widgets/..%2F..%2Fpackage.json`);
    expect(response.status).not.toBe(200);
  });

  it('passes the GraphQL-over-HTTP audit', async () => {
    const audits = serverAudits({ url: `${running.url}/graphql`, fetchFn: fetch });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'error') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
