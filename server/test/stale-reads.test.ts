// After a write, the public read path computes the new answer once; the readers who arrive while
// that computation runs get the previous answer (marked stale, never kept by browsers or CDNs)
// for at most KETNAP_STALE_SECONDS, instead of queueing behind it. On PostgreSQL, where a
// computation waits for the database and other requests are read meanwhile (on SQLite a
// computation runs to its end before the next request is read, so nobody waits behind it).
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { DEFAULT_STORE_OPTIONS } from '../src/http/answers/store.ts';
import { type Running, startServer } from '../src/main.ts';
import { pgAdminUrl, postgresAvailable } from './support.ts';

const PROGRESS =
  'query Progress($org: String!, $from: Date!, $to: Date!) { organisation(code: $org) { admissionCount(from: $from, to: $to) } }';
const id = createHash('sha256').update(PROGRESS).digest('hex');
const available = await postgresAvailable();
const dropped: string[] = [];

async function serve(staleMs: number): Promise<{ running: Running; admin: string }> {
  const name = `ketnap_stale_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  dropped.push(name);
  const running = await startServer({
    databaseUrl: Object.assign(new URL(pgAdminUrl), { pathname: `/${name}` }).toString(),
    port: 0,
    manifest: { [id]: PROGRESS },
    rateLimit: { points: 10_000, windowSeconds: 60, trustProxy: false },
    cache: { ...DEFAULT_STORE_OPTIONS, staleMs },
  });
  return { running, admin: (await createToken({ name: 'stale reads test', role: 'ADMIN' })).secret };
}

const servers: Running[] = [];
afterAll(async () => {
  for (const running of servers) await running.close();
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  for (const name of dropped) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
});

/** Reads the figure, writes a member admitted in 2016, then reads with 12 readers at once. */
async function readersAfterWrite(staleMs: number) {
  const { running, admin } = await serve(staleMs);
  servers.push(running);
  const url = `${running.url}/graphql?documentId=${id}&variables=${encodeURIComponent(
    JSON.stringify({ org: 'thanh-chuong', from: '2016-01-01', to: '2016-12-31' }),
  )}`;
  const read = async () => {
    const response = await fetch(url);
    const body = (await response.json()) as { data: { organisation: { admissionCount: number } } };
    return {
      cache: response.headers.get('x-ketnap-cache'),
      control: response.headers.get('cache-control'),
      n: body.data.organisation.admissionCount,
    };
  };
  /** GraphQL executions of the operation so far (readers waiting for one computation share it). */
  const computations = async () =>
    Number(
      /graphql_envelop_request_duration_count\{operationName="Progress",operationType="query"\} (\d+)/.exec(
        await (await fetch(`${running.url}/metrics`)).text(),
      )?.[1] ?? 0,
    );
  await read();
  const before = await read();
  expect(before.cache).toBe('hit');
  const graphql = (query: string, variables: object = {}) =>
    fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<any>);
  const cells = await graphql(
    `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "2017-01-01") { cell { code } } } }`,
  );
  const cellCode = cells.data.organisation.atRiskCells[0].cell.code;
  const written = await graphql('mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }', {
    input: {
      fullName: 'Người Thử Cũ Mới',
      birthDate: '1990-02-02',
      admittedOn: '2016-05-05',
      placements: [{ cellCode, startOn: '2016-05-05' }],
    },
  });
  expect(written.data.recordMember.__typename).toBe('RecordMemberSuccess');
  const computedBefore = await computations();
  const answers = await Promise.all(Array.from({ length: 12 }, read));
  const computed = (await computations()) - computedBefore;
  const after = await read();
  return { old: before.n, answers, computed, after };
}

describe.skipIf(!available)('stale answers while one recomputation runs, on PostgreSQL', () => {
  it('readers arriving during the recomputation get the previous answer, marked stale; it is computed once', async () => {
    const { old, answers, computed, after } = await readersAfterWrite(10_000);
    expect(computed).toBe(1);
    for (const answer of answers) {
      if (answer.cache === 'stale') expect(answer).toEqual({ cache: 'stale', control: 'public, no-cache', n: old });
      else expect(answer.n).toBe(old + 1); // the reader who computed it, or one who came after
    }
    expect(answers.filter((a) => a.cache === 'stale').length).toBeGreaterThan(0);
    expect(after).toMatchObject({ cache: 'hit', n: old + 1 });
  }, 60_000);

  it('with KETNAP_STALE_SECONDS=0 every reader waits for the new figure', async () => {
    const { old, answers, computed } = await readersAfterWrite(0);
    expect(computed).toBe(1);
    for (const answer of answers) expect(answer.n).toBe(old + 1);
  }, 60_000);
});
