// Scale-out: several stateless server instances on one PostgreSQL database and one Redis.
// They start together (migrations and the demo data applied once, under an advisory lock),
// give the same answers, and share the public response cache in Redis.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, type Instance, startInstance } from './instance.ts';

const PG = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const name = `ketnap_scale_${randomBytes(5).toString('hex')}`;
const databaseUrl = Object.assign(new URL(PG), { pathname: `/${name}` }).toString();
const redisDb = 9;

async function servicesUp(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG, connectionTimeoutMillis: 3000 });
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await client.connect();
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`CI needs PostgreSQL and Redis: ${(error as Error).message}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
    redis.disconnect();
  }
}

const up = await servicesUp();
const instances: Instance[] = [];

describe.skipIf(!up)('several instances on PostgreSQL and Redis', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const redis = new Redis(`${REDIS}/${redisDb}`);
    await redis.flushdb();
    redis.disconnect();
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: `${REDIS}/${redisDb}` };
    instances.push(...(await Promise.all([startInstance(env), startInstance(env), startInstance(env)])));
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('loaded the demo data exactly once although three instances started together', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT COUNT(*)::int AS n FROM "Organisation" WHERE code = $1', [
      'thanh-chuong',
    ]);
    const migrations = await client.query('SELECT COUNT(*)::int AS n FROM "_prisma_migrations"');
    await client.end();
    expect(rows[0].n).toBe(1);
    expect(migrations.rows[0].n).toBeGreaterThan(0);
  });

  it('every instance gives the same figures, and the public cache lives in Redis', async () => {
    const query = encodeURIComponent(
      '{ organisation(code: "thanh-chuong") { admissionCount(from: "2017-01-01", to: "2017-07-31") } }',
    );
    const answers = await Promise.all(
      instances.map(async (i) => (await fetch(`${i.url}/graphql?query=${query}`)).json()),
    );
    for (const answer of answers) expect(answer).toEqual({ data: { organisation: { admissionCount: 252 } } });
    const redis = new Redis(`${REDIS}/${redisDb}`);
    const keys = await redis.dbsize();
    redis.disconnect();
    expect(keys).toBeGreaterThan(0);
  });

  it('a write on one instance empties the cache every instance shares', async () => {
    const [a, b] = instances as [Instance, Instance];
    const url = (i: Instance) =>
      `${i.url}/graphql?query=${encodeURIComponent('{ organisation(code: "thanh-chuong") { admissionCount(from: "2017-03-01", to: "2017-03-31") } }')}`;
    const before = ((await (await fetch(url(b))).json()) as any).data.organisation.admissionCount as number;
    const secret = await adminToken(databaseUrl);
    const write = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`,
        variables: {
          input: {
            fullName: 'Người Thử Nghiệm',
            birthDate: '1990-05-05',
            admittedOn: '2017-03-15',
            placements: [{ cellCode: 'thanh-hoa-xom-3', startOn: '2017-03-15' }],
          },
        },
      }),
    });
    expect(await write.json()).toEqual({ data: { recordMember: { __typename: 'RecordMemberSuccess' } } });
    const after = ((await (await fetch(url(b))).json()) as any).data.organisation.admissionCount as number;
    expect(after).toBe(before + 1);
  });

  it('writes on three instances at once all commit (conflicts retried), and the derived figures stay true', async () => {
    const secret = await adminToken(databaseUrl);
    const figures = async (i: Instance) => {
      const query = encodeURIComponent(
        '{ organisation(code: "thanh-chuong") { memberCount(asOf: "2017-06-30") admissionCount(from: "2017-06-01", to: "2017-06-30") } }',
      );
      return ((await (await fetch(`${i.url}/graphql?query=${query}`)).json()) as any).data.organisation;
    };
    const before = await figures(instances[0] as Instance);
    const results = await Promise.all(
      instances.flatMap((instance, n) =>
        Array.from({ length: 8 }, async (_, k) => {
          const response = await fetch(`${instance.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
            body: JSON.stringify({
              query: `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`,
              variables: {
                input: {
                  fullName: `Người Đồng Thời ${n}-${k}`,
                  birthDate: '1991-05-05',
                  admittedOn: '2017-06-15',
                  placements: [{ cellCode: 'thanh-hoa-xom-3', startOn: '2017-06-15' }],
                },
              },
            }),
          });
          return ((await response.json()) as any).data?.recordMember?.__typename;
        }),
      ),
    );
    expect(results).toEqual(Array(24).fill('RecordMemberSuccess'));
    for (const instance of instances) {
      expect(await figures(instance)).toEqual({
        memberCount: before.memberCount + 24,
        admissionCount: before.admissionCount + 24,
      });
    }
    // The derived count equals the count from rows.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT COUNT(*)::int AS n FROM "OrganisationAncestry" a JOIN "Organisation" o ON o.id = a."ancestorId"
         JOIN "Placement" p ON p."cellId" = a."descendantId" JOIN "Member" m ON m.id = p."memberId"
       WHERE o.code = 'thanh-chuong' AND a."startOn" <= $1 AND (a."endOn" IS NULL OR a."endOn" > $1)
         AND p."startOn" <= $1 AND (p."endOn" IS NULL OR p."endOn" > $1)
         AND m."admittedOn" <= $1 AND (m."leftOn" IS NULL OR m."leftOn" > $1)`,
      ['2017-06-30'],
    );
    await client.end();
    expect(rows[0].n).toBe(before.memberCount + 24);
  });
});
