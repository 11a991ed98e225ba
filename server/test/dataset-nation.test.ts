// The synthetic nation `vietnam-synthetic`: deterministic, the national proportions in each era,
// loaded at --members 50000 on SQLite and PostgreSQL with exactly the rows it generates, checked on
// a sample (and the check names what a broken rule is), and read through the GraphQL API with
// figures that add up.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { type RawConnection, rawConnect } from '../src/db/raw.ts';
import { checkNation } from '../src/seed/nation/check.ts';
import {
  COLUMNS,
  generateNation,
  hashingSink,
  loadNation,
  type NationSummary,
  TABLES,
} from '../src/seed/nation/index.ts';
import { countsFor, NATION } from '../src/seed/nation/scale.ts';
import { buildNation, REFORM } from '../src/seed/nation/tree.ts';
import { type Engine, freshDatabase, gql, postgresAvailable, type TestDatabase } from './support.ts';

const MEMBERS = 50_000;
const BEFORE = '2025-06-30';
const AFTER = '2025-07-01';
const HORIZON = '2026-06-30';

/** Columns SQLite gives back as 0 and 1. */
const BOOLEANS = new Set<string>(['isYouthUnionMember', 'isTradeUnionMember', 'workplaceHasTradeUnion']);

/** The same digests as hashingSink(), from the rows the database holds. */
async function databaseDigests(conn: RawConnection): Promise<Record<string, string>> {
  const sink = hashingSink();
  for (const table of TABLES) {
    const columns = COLUMNS[table];
    const select = columns.map((c) => `"${c}"`).join(', ');
    const rows = await conn.query<Record<string, unknown>>(`SELECT ${select} FROM "${table}" ORDER BY "id"`);
    await sink.write(
      table,
      rows.map((row) => columns.map((c) => (BOOLEANS.has(c) ? Boolean(row[c]) : row[c]))),
    );
  }
  return sink.digests();
}

async function countsOn(conn: RawConnection, day: string) {
  const rows = await conn.query<{ kind: string; sector: string | null; n: unknown }>(
    `SELECT CAST("kind" AS TEXT) AS "kind", CAST("sector" AS TEXT) AS "sector", COUNT(*) AS "n" FROM "Organisation"
     WHERE "establishedOn" <= ? AND ("dissolvedOn" IS NULL OR "dissolvedOn" > ?) GROUP BY "kind", "sector"`,
    [day, day],
  );
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + Number(r.n), 0);
  return {
    provinces: sum((r) => r.kind === 'PROVINCIAL'),
    districts: sum((r) => r.kind === 'DISTRICT'),
    communes: sum((r) => r.sector === 'COMMUNE'),
    grassroots: sum((r) => r.kind === 'GRASSROOTS_COMMITTEE' || r.kind === 'GRASSROOTS_CELL'),
    subordinateCells: sum((r) => r.kind === 'SUBORDINATE_CELL'),
  };
}

describe('dataset vietnam-synthetic', () => {
  it('is deterministic: the same size gives the same rows, another size other rows', async () => {
    const a = hashingSink();
    const b = hashingSink();
    const c = hashingSink();
    await generateNation(5000, a);
    await generateNation(5000, b);
    await generateNation(6000, c);
    expect(Object.keys(a.digests()).sort()).toEqual([...TABLES].sort());
    expect(b.digests()).toEqual(a.digests());
    expect(c.digests().Member).not.toBe(a.digests().Member);
  });

  it('has the national tree at the default size: 63 → 34 provinces, ~10,000 → 3,321 communes, 52,000 grassroots, 230,000 cells', () => {
    const nation = buildNation(NATION.members);
    const on = (day: number) => {
      const alive = nation.orgs.filter((o) => o.established <= day && (o.dissolved === null || o.dissolved > day));
      const n = (f: (o: (typeof alive)[number]) => boolean) => alive.filter(f).length;
      return {
        provinces: n((o) => o.kind === 'PROVINCIAL'),
        districts: n((o) => o.kind === 'DISTRICT'),
        communes: n((o) => o.sector === 'COMMUNE'),
        grassroots: n((o) => o.kind === 'GRASSROOTS_COMMITTEE' || o.kind === 'GRASSROOTS_CELL'),
        subordinateCells: n((o) => o.kind === 'SUBORDINATE_CELL'),
      };
    };
    const before = on(REFORM - 1);
    const after = on(REFORM);
    expect(before).toMatchObject({ provinces: 63, districts: 705 + 63, communes: 10_000, grassroots: 52_000 });
    expect(after).toMatchObject({ provinces: 34, districts: 0, communes: 3_321 });
    expect(after.grassroots).toBe(52_000 - 10_000 + 3_321);
    expect(Math.abs(before.subordinateCells - 230_000)).toBeLessThan(230_000 * 0.02);
    expect(after.subordinateCells).toBe(before.subordinateCells);
    expect(nation.cells.reduce((a, c) => a + c.members, 0)).toBe(NATION.members);
  });

  it('scales every count with --members, never below one', () => {
    expect(countsFor(1000)).toMatchObject({ provinces: 1, provincesAfter: 1, districts: 1 });
    const big = countsFor(11_200_000);
    expect(big).toMatchObject({ provinces: 126, provincesAfter: 68, communes: 20_000, subordinateCells: 460_000 });
    expect(() => countsFor(999)).toThrow(/at least 1000/);
  });
});

const engines: Engine[] = ['sqlite', 'postgres'];

describe.each(engines)('vietnam-synthetic --members 50000 on %s', async (engine) => {
  const available = engine === 'sqlite' || (await postgresAvailable());
  const test = it.skipIf(!available);
  let db: TestDatabase | undefined;
  let conn: RawConnection;
  let summary: NationSummary;
  beforeAll(async () => {
    if (!available) return;
    db = await freshDatabase(engine, { seed: false });
    conn = await rawConnect(db.database.url);
    summary = await loadNation(conn, { members: MEMBERS });
  }, 300_000);
  afterAll(async () => {
    await conn?.close();
    await db?.drop();
  });

  test('holds exactly the rows the generator makes (the same on every engine)', async () => {
    const generated = hashingSink();
    await generateNation(MEMBERS, generated);
    expect(await databaseDigests(conn)).toEqual(generated.digests());
    expect(summary.rows.Member).toBe(MEMBERS);
  });

  test('passes its check on a sample', async () => {
    const report = await checkNation(conn);
    expect(report.failures).toEqual([]);
    expect(report.sample.members).toBe(1000);
    expect(report.sample.mergedCells).toBeGreaterThan(10);
    expect(report.sample.candidates).toBe(200);
  });

  test("candidates carry the report's attributes, and a member admitted through the path has its candidate's", async () => {
    const [c] = await conn.query<{ n: unknown; e: unknown; d: unknown }>(
      'SELECT COUNT(*) AS "n", COUNT("ethnicity") AS "e", COUNT("education") AS "d" FROM "Candidate"',
    );
    expect(Number(c?.n)).toBeGreaterThan(100);
    expect([Number(c?.e), Number(c?.d)]).toEqual([Number(c?.n), Number(c?.n)]);
    const [m] = await conn.query<{ n: unknown; same: unknown }>(
      `SELECT COUNT(*) AS "n", SUM(CASE WHEN m."ethnicity" = c."ethnicity" AND m."education" = c."education"
         AND COALESCE(m."religion", '') = COALESCE(c."religion", '') THEN 1 ELSE 0 END) AS "same"
       FROM "Member" m JOIN "Candidate" c ON c."id" = m."candidateId"`,
    );
    expect(Number(m?.n)).toBeGreaterThan(50);
    expect(Number(m?.same)).toBe(Number(m?.n));
  });

  test('the check names the rule a corrupted database breaks', async () => {
    await conn.exec('BEGIN');
    try {
      await conn.query('UPDATE "Member" SET "officialOn" = "admittedOn" WHERE "officialOn" IS NOT NULL');
      await conn.query(
        `UPDATE "OrganisationParent" SET "parentId" = (SELECT "id" FROM "Organisation" WHERE "code" = 'tinh-01')
         WHERE "id" = (SELECT MIN(l."id") FROM "OrganisationParent" l JOIN "Organisation" o ON o."id" = l."organisationId"
           WHERE o."kind" = 'SUBORDINATE_CELL')`,
      );
      const reasons = new Set((await checkNation(conn)).failures.map((f) => f.reason));
      expect(reasons).toContain('OFFICIAL_NOT_12_MONTHS_AFTER_ADMISSION');
      expect(reasons).toContain('TREE_SHAPE_BEFORE_REFORM');
    } finally {
      await conn.exec('ROLLBACK');
    }
    expect((await checkNation(conn, { members: 100, cells: 20, mergedCells: 5, candidates: 20 })).failures).toEqual([]);
  });

  test('the counts in each era are in the national proportions', async () => {
    const counts = countsFor(MEMBERS);
    const before = await countsOn(conn, BEFORE);
    const after = await countsOn(conn, AFTER);
    expect(before).toMatchObject({
      provinces: counts.provinces,
      districts: counts.districts + counts.provinces,
      communes: counts.communes,
      grassroots: counts.communes + counts.agencyCommittees + counts.grassrootsCells,
    });
    expect(after).toMatchObject({ provinces: counts.provincesAfter, districts: 0, communes: counts.communesAfter });
    const share = (n: number, national: number) => n / MEMBERS / (national / NATION.members);
    expect(share(before.communes, NATION.communes)).toBeCloseTo(1, 1);
    expect(share(after.communes, NATION.communesAfter)).toBeCloseTo(1, 1);
    expect(share(before.grassroots, 52_000)).toBeCloseTo(1, 1);
    expect(share(before.subordinateCells, NATION.subordinateCells)).toBeCloseTo(1, 1);
    expect(after.subordinateCells).toBe(before.subordinateCells);
    // Decades of admissions, leavings, candidates at every stage, quotas every year.
    const decades = await conn.query<{ decade: string; n: unknown }>(
      `SELECT substr("admittedOn", 1, 3) AS "decade", COUNT(*) AS "n" FROM "Member" GROUP BY substr("admittedOn", 1, 3) ORDER BY 1`,
    );
    expect(decades.map((d) => d.decade)).toEqual(['196', '197', '198', '199', '200', '201', '202']);
    const reasons = await conn.query<{ r: string }>(
      'SELECT DISTINCT CAST("leftReason" AS TEXT) AS "r" FROM "Member" WHERE "leftReason" IS NOT NULL ORDER BY 1',
    );
    expect(reasons.map((r) => r.r)).toEqual(expect.arrayContaining(['DIED', 'MOVED_AWAY', 'STRUCK_OFF']));
    expect(summary.present / MEMBERS).toBeGreaterThan(0.6);
    expect(summary.present / MEMBERS).toBeLessThan(0.9);
    const stages = await conn.query<{ s: string }>('SELECT DISTINCT CAST("stage" AS TEXT) AS "s" FROM "Candidate"');
    expect(stages.map((s) => s.s).sort()).toEqual(
      [
        'SOURCED',
        'TRAINED',
        'APPLIED',
        'VERIFIED',
        'INTRODUCED',
        'CELL_VOTED',
        'COMMITTEE_VOTED',
        'DECIDED',
        'ADMITTED',
        'WITHDRAWN',
        'REJECTED',
      ].sort(),
    );
    const years = await conn.query<{ y: string }>(
      'SELECT DISTINCT substr("periodFrom", 1, 4) AS "y" FROM "Quota" ORDER BY 1',
    );
    expect(years.map((y) => y.y)).toEqual(['2020', '2021', '2022', '2023', '2024', '2025', '2026']);
  });

  test('the API answers for a province, and its figures add up in both eras', async () => {
    const read = async (asOf: string) => {
      const result = await gql(`{ organisation(code: "tinh-01") {
        kind memberCount(asOf: "${asOf}") grassrootsCount(asOf: "${asOf}") { total }
        children(asOf: "${asOf}") { code kind memberCount(asOf: "${asOf}") grassrootsCount(asOf: "${asOf}") { total } } } }`);
      expect(result.errors).toBeUndefined();
      return result.data!.organisation as {
        kind: string;
        memberCount: number;
        grassrootsCount: { total: number };
        children: { code: string; kind: string; memberCount: number; grassrootsCount: { total: number } }[];
      };
    };
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const now = await read(HORIZON);
    expect(now.kind).toBe('PROVINCIAL');
    expect(now.memberCount).toBeGreaterThan(0);
    expect(now.memberCount).toBe(sum(now.children.map((c) => c.memberCount)));
    // At this size the nation is one province: its members are everyone who has not left.
    expect(now.memberCount).toBe(summary.present);
    expect(now.children.every((c) => c.kind === 'GRASSROOTS_COMMITTEE' || c.kind === 'GRASSROOTS_CELL')).toBe(true);
    expect(now.grassrootsCount.total).toBe(now.children.length);
    const then = await read(BEFORE);
    expect(then.children.every((c) => c.kind === 'DISTRICT')).toBe(true);
    expect(then.memberCount).toBeGreaterThan(0);
    expect(then.memberCount).toBe(sum(then.children.map((c) => c.memberCount)));
    expect(then.grassrootsCount.total).toBe(sum(then.children.map((c) => c.grassrootsCount.total)));
    expect(then.grassrootsCount.total).toBe((await countsOn(conn, BEFORE)).grassroots);
  });
});

describe('ketnap seed --dataset vietnam-synthetic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-nation-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('loads a small nation, reports progress on stderr and the sample check on stdout', async () => {
    const bin = resolve(repoRoot, 'server/bin/ketnap.js');
    const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'nation.db')}`, KETNAP_LOG: '' };
    const run = (args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { env });
    const { stdout, stderr } = await run(['seed', '--dataset', 'vietnam-synthetic', '--members', '5000']);
    expect(stdout).toMatch(/loaded vietnam-synthetic: .*Member 5000/);
    expect(stdout).toContain('checked on a sample');
    expect(stderr).toMatch(/vietnam-synthetic: 100\.0% {2}5,000\/5,000 members/);
    expect(stderr).not.toContain('\r');
    await expect(run(['seed', '--dataset', 'thanh-chuong-2017', '--members', '5000'])).rejects.toThrow(
      /--members applies to a generated dataset/,
    );
  }, 120_000);
});
