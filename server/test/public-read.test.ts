// The public read path on a real HTTP server (SQLite): what no request may do (end the process),
// what may never be cached (an answer with errors), what a cache may never confirm (figures
// that a write has changed), and what one client may not spend (rate limit).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { etagOf, PUBLIC_CACHE_CONTROL } from '../src/http/answers/public-read.ts';
import { type Running, startServer } from '../src/main.ts';

const PROGRESS =
  'query Progress($org: String!, $from: Date!, $to: Date!) { organisation(code: $org) { admissionCount(from: $from, to: $to) } }';
const PIPELINE =
  'query Pipeline($org: String!) { organisation(code: $org) { pipeline(asOf: "2017-06-01") { total } } }';
const RISKY =
  'query Risky($org: String!) { organisation(code: $org) { atRiskCells(asOf: "2017-01-01") { cell { code } } } }';
const MONTHLY =
  'query Monthly($org: String!) { organisation(code: $org) { admissionsByMonth(from: "2000-01-01", to: "2017-12-31") { month count } } }';
const id = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = Object.fromEntries([PROGRESS, PIPELINE, RISKY, MONTHLY].map((q) => [id(q), q]));

let running: Running;
let admin: string;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-public-read-'));
beforeAll(async () => {
  running = await startServer({
    databaseUrl: `file:${join(dir, 'public-read.db')}`,
    port: 0,
    manifest,
    adminOrigins: ['https://board.example'],
    rateLimit: { points: 400, windowSeconds: 60, trustProxy: false },
  });
  admin = (await createToken({ name: 'public read test', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

const persisted = (text: string, variables: object) =>
  `${running.url}/graphql?documentId=${id(text)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
const first7Months = () => persisted(PROGRESS, { org: 'thanh-chuong', from: '2017-01-01', to: '2017-07-31' });
const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Sends raw bytes as a request line and returns the status line the server answers. */
function rawRequest(path: string): Promise<string> {
  const { port } = new URL(running.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    });
    let answer = '';
    socket.on('data', (chunk) => void (answer += String(chunk)));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}

/** A GET through node:http, which (unlike fetch) hands back the bytes exactly as sent. */
function raw(url: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function aCellOfThanhChuong(): Promise<string> {
  const body = (await (await fetch(persisted(RISKY, { org: 'thanh-chuong' }))).json()) as any;
  return body.data.organisation.atRiskCells[0].cell.code;
}

describe('no request ends the process', () => {
  it('answers malformed URLs with 400 and keeps serving', async () => {
    for (const path of ['/widgets/%E0%A4%A', '/demo/%', '/gallery/%zz', '/widgets/%ff%fe']) {
      expect(await rawRequest(path), path).toMatch(/^HTTP\/1\.1 400/);
    }
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe('the cache never lies', () => {
  it('sends an ETag that is the hash of the bytes sent, and 304 only for those bytes', async () => {
    const response = await fetch(first7Months(), { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(response.headers.get('etag')).toBe(etagOf(body));
    const again = await fetch(first7Months(), { headers: { 'if-none-match': etagOf(body) } });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ketnap-cache')).toBe('hit');
  });

  it('sends brotli or gzip as accepted, each form with the ETag of its own bytes', async () => {
    const url = persisted(MONTHLY, { org: 'thanh-chuong' });
    const identity = await raw(url, 'identity');
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const sent = await raw(url, encoding);
      expect(sent.headers['content-encoding']).toBe(encoding);
      expect(sent.headers.vary).toMatch(/accept-encoding/i);
      expect(sent.headers.etag).toBe(etagOf(sent.body));
      expect(decode(sent.body).equals(identity.body)).toBe(true);
      expect(sent.body.length).toBeLessThan(identity.body.length);
    }
  });

  it('never caches an answer with errors, on the server or in browsers and CDNs', async () => {
    const backwards = persisted(PROGRESS, { org: 'thanh-chuong', from: '2017-07-31', to: '2017-01-01' });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(backwards);
      const body = (await response.json()) as { errors?: unknown[] };
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('x-ketnap-cache')).not.toBe('hit');
    }
    // Plain GET queries too: an error answer is no-store, a clean one public.
    const bad = await fetch(
      `${running.url}/graphql?query=${encodeURIComponent('{ organisation(code: "thanh-chuong") { admissionCount(from: "2017-07-31", to: "2017-01-01") } }')}`,
    );
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const good = await fetch(
      `${running.url}/graphql?query=${encodeURIComponent('{ organisation(code: "thanh-chuong") { name } }')}`,
    );
    expect(good.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
  });

  it('after a write, a GET with the old ETag gets the new figure, not 304; so do other public answers', async () => {
    const before = await fetch(first7Months());
    const oldEtag = before.headers.get('etag') as string;
    expect(((await before.json()) as any).data.organisation.admissionCount).toBe(252);
    const pipelineBefore = (await (await fetch(persisted(PIPELINE, { org: 'thanh-chuong' }))).json()) as any;
    const cellCode = await aCellOfThanhChuong();

    const member = await post(
      {
        query: `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`,
        variables: {
          input: {
            fullName: 'Người Thử Bộ Nhớ Đệm',
            birthDate: '1990-01-01',
            admittedOn: '2017-03-01',
            placements: [{ cellCode, startOn: '2017-03-01' }],
          },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(((await member.json()) as any).data.recordMember.__typename).toBe('RecordMemberSuccess');
    const after = await fetch(first7Months(), { headers: { 'if-none-match': oldEtag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as any).data.organisation.admissionCount).toBe(253);
    expect(after.headers.get('etag')).not.toBe(oldEtag);

    const candidate = await post(
      {
        query: `mutation($input: RecordCandidateInput!) { recordCandidate(input: $input) { __typename } }`,
        variables: {
          input: {
            cellCode,
            fullName: 'Ứng Viên Thử',
            birthDate: '1998-05-05',
            isYouthUnionMember: true,
            source: 'YOUTH_UNION',
            sourcedOn: '2017-02-01',
            actingBody: 'Đoàn xã',
          },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(((await candidate.json()) as any).data.recordCandidate.__typename).toBe('RecordCandidateSuccess');
    const pipelineAfter = (await (await fetch(persisted(PIPELINE, { org: 'thanh-chuong' }))).json()) as any;
    expect(pipelineAfter.data.organisation.pipeline.total).toBe(pipelineBefore.data.organisation.pipeline.total + 1);
  });

  it('a write in one commune leaves another commune answered from the cache, not recomputed', async () => {
    const tree = (await (
      await post({
        query: `{ organisation(code: "thanh-chuong") { children(asOf: "2017-01-01") {
          code kind sector children(asOf: "2017-01-01") { code kind } } } }`,
      })
    ).json()) as any;
    const communes = tree.data.organisation.children.filter(
      (c: any) => c.sector === 'COMMUNE' && c.children.some((x: any) => x.kind === 'SUBORDINATE_CELL'),
    );
    const [a, b] = communes;
    const progress = (org: string) => persisted(PROGRESS, { org, from: '2017-01-01', to: '2017-12-31' });
    const count = async (response: Response) => ((await response.json()) as any).data.organisation.admissionCount;
    for (const org of [a.code, b.code, 'thanh-chuong']) await fetch(progress(org)); // computed and kept
    const bBefore = await fetch(progress(b.code));
    expect(bBefore.headers.get('x-ketnap-cache')).toBe('hit');
    const aBefore = await count(await fetch(progress(a.code)));
    const districtBefore = await count(await fetch(progress('thanh-chuong')));

    const cellCode = a.children.find((x: any) => x.kind === 'SUBORDINATE_CELL').code;
    const member = await post(
      {
        query: `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`,
        variables: {
          input: {
            fullName: 'Người Thử Phạm Vi',
            birthDate: '1991-01-01',
            admittedOn: '2017-04-04',
            placements: [{ cellCode, startOn: '2017-04-04' }],
          },
        },
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(((await member.json()) as any).data.recordMember.__typename).toBe('RecordMemberSuccess');

    const bAfter = await fetch(progress(b.code));
    expect(bAfter.headers.get('x-ketnap-cache')).toBe('hit'); // another commune: served as it was
    expect(bAfter.headers.get('etag')).toBe(bBefore.headers.get('etag'));
    const aAfter = await fetch(progress(a.code));
    expect(aAfter.headers.get('x-ketnap-cache')).toBe('miss'); // the commune written to: recomputed
    expect(await count(aAfter)).toBe(aBefore + 1);
    const districtAfter = await fetch(progress('thanh-chuong'));
    expect(districtAfter.headers.get('x-ketnap-cache')).toBe('miss'); // and every organisation above it
    expect(await count(districtAfter)).toBe(districtBefore + 1);
  });

  it('keeps the local cache within its byte budget', async () => {
    const { bytes } = running.http.store.size();
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(64 << 20);
  });
});

describe('compression', () => {
  it('compresses the widget bundle and large GraphQL answers, and leaves small ones alone', async () => {
    const bundle = await raw(`${running.url}/widgets/ketnap.js`, 'br, gzip');
    expect(bundle.headers['content-encoding']).toBe('br');
    const plain = await raw(`${running.url}/widgets/ketnap.js`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(brotliDecompressSync(bundle.body).equals(plain.body)).toBe(true);
    const big = await post(
      {
        query:
          '{ organisation(code: "thanh-chuong") { admissionsByMonth(from: "1990-01-01", to: "2017-12-31") { month count } } }',
      },
      { 'accept-encoding': 'gzip' },
    );
    expect(big.headers.get('content-encoding')).toBe('gzip');
    expect(((await big.json()) as any).data.organisation.admissionsByMonth).toHaveLength(336);
    const small = await post({ query: '{ __typename }' }, { 'accept-encoding': 'gzip' });
    expect(small.headers.get('content-encoding')).toBeNull();
  });
});

describe('unbounded work is refused', () => {
  const monthly = (from: string, to: string) =>
    `{ organisation(code: "thanh-chuong") { admissionsByMonth(from: "${from}", to: "${to}") { count } } }`;

  it('refuses dates outside 1900–2100 and ranges over 100 years, naming the argument', async () => {
    const absurd = (await (await post({ query: monthly('0001-01-01', '9999-12-31') })).json()) as any;
    expect(absurd.errors[0].extensions.argument).toBe('from');
    const long = (await (await post({ query: monthly('1900-01-01', '2001-01-01') })).json()) as any;
    expect(long.errors[0].extensions.argument).toBe('to');
    const century = (await (await post({ query: monthly('1917-01-01', '2016-12-31') })).json()) as any;
    expect(century.errors).toBeUndefined();
    expect(century.data.organisation.admissionsByMonth).toHaveLength(1200);
  });

  it('counts months in the complexity, and caps aliases, tokens and directives', async () => {
    const aliases = (n: number, from = '2017-01-01', to = '2017-12-31') =>
      `{ organisation(code: "thanh-chuong") { ${Array.from({ length: n }, (_, i) => `a${i}: admissionsByMonth(from: "${from}", to: "${to}") { count }`).join(' ')} } }`;
    expect(((await (await post({ query: aliases(10) })).json()) as any).errors).toBeUndefined();
    const manyAliasesResponse = await post({ query: aliases(16) });
    expect(manyAliasesResponse.status).toBe(400);
    const manyAliases = (await manyAliasesResponse.json()) as any;
    expect(manyAliases.errors[0].message).toMatch(/aliases/i);
    // 10 children × 1,200 months each, twice: over the limit, though only 2 aliases.
    const century = 'admissionsByMonth(from: "1917-01-01", to: "2016-12-31") { count }';
    const costly = (await (
      await post({ query: `{ organisation(code: "thanh-chuong") { children { a: ${century} b: ${century} } } }` })
    ).json()) as any;
    expect(costly.data?.organisation ?? null).toBeNull();
    expect(costly.errors[0].message).toMatch(/complexity/i);
    const tokens = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
    expect(((await (await post({ query: tokens })).json()) as any).errors[0].message).toMatch(/token/i);
    const directives = `{ __typename ${'@include(if: true) '.repeat(11)} }`;
    expect(((await (await post({ query: directives })).json()) as any).errors[0].message).toMatch(/directive/i);
  });
});

describe('input hygiene', () => {
  const org = 'query($code: String!) { organisation(code: $code) { name } }';
  it('refuses a lone surrogate, a NUL or an over-long string, naming the argument', async () => {
    for (const code of ['\ud800', 'thanh\u0000chuong', 'x'.repeat(1_000_000)]) {
      const body = (await (await post({ query: org, variables: { code } })).json()) as any;
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
    }
    const nested = (await (
      await post(
        {
          query: 'mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }',
          variables: {
            input: {
              fullName: 'a\u0000',
              birthDate: '1990-01-01',
              admittedOn: '2017-03-01',
              placements: [{ cellCode: 'x', startOn: '2017-03-01' }],
            },
          },
        },
        { authorization: `Bearer ${admin}` },
      )
    ).json()) as any;
    expect(nested.errors[0].extensions.argument).toBe('input.fullName');
  });

  it('answers null for a node that does not exist, an error naming `id` for garbage', async () => {
    const node = async (nodeId: string) =>
      (await (await post({ query: `{ node(id: ${JSON.stringify(nodeId)}) { id } }` })).json()) as any;
    for (const missing of ['Organisation:99999999999999999999', 'Organisation:0', 'Nothing:1', 'Organisation:424242']) {
      const answer = await node(Buffer.from(missing).toString('base64'));
      expect(answer, missing).toEqual({ data: { node: null } });
    }
    const garbage = await node('%%%not an id');
    expect(garbage.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describe('CORS and CSRF', () => {
  it('gives public reads `*` and never credentials', async () => {
    const response = await fetch(first7Months(), { headers: { origin: 'https://news.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const anonymousPost = await post({ query: '{ __typename }' }, { origin: 'https://news.example' });
    expect(anonymousPost.headers.get('access-control-allow-origin')).toBe('*');
    expect(anonymousPost.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets only admin origins send tokens', async () => {
    const preflight = (origin: string) =>
      fetch(`${running.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-headers')).not.toMatch(
      /authorization/,
    );
    const board = await preflight('https://board.example');
    expect(board.headers.get('access-control-allow-origin')).toBe('https://board.example');
    expect(board.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const evil = await post(
      { query: '{ __typename }' },
      { origin: 'https://evil.example', authorization: `Bearer ${admin}` },
    );
    expect(evil.status).toBe(403);
    const fromBoard = await post(
      { query: '{ __typename }' },
      { origin: 'https://board.example', authorization: `Bearer ${admin}` },
    );
    expect(fromBoard.status).toBe(200);
  });

  it('refuses a form-encoded POST and runs nothing of it', async () => {
    const mutation =
      'mutation { createProgramme(input: { code: "csrf", name: "csrf", from: "2017-01-01", to: "2017-12-31" }) { __typename } }';
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: mutation }).toString(),
    });
    expect(response.status).toBe(415);
    const text = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(text.status).toBe(415);
  });

  it('serves GraphiQL under a CSP that names each inline script and forbids framing', async () => {
    const response = await fetch(`${running.url}/graphql`, {
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(Number(response.headers.get('content-length'))).toBeLessThan(3_000_000);
    const html = await response.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, script] of inline)
      expect(csp).toContain(
        `'sha256-${createHash('sha256')
          .update(script ?? '')
          .digest('base64')}'`,
      );
    expect(csp).not.toContain("'unsafe-inline' 'sha256");
  });
});

describe('health', () => {
  it('says live on /healthz and ready, with the database and Redis state, on /readyz', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up', redis: 'off' });
  });
});
