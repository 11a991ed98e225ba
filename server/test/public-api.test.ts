// The public contract of DESIGN.md, asked anonymously of a fresh database with the demo dataset,
// on SQLite and on PostgreSQL: the article's figures, and figures that agree with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, freshDatabase, gql, postgresAvailable, type TestDatabase } from './support.ts';

const engines: Engine[] = ['sqlite', 'postgres'];
const WINDOW = { from: '2017-01-01', to: '2017-07-31' };

describe.each(engines)('public API on %s', async (engine) => {
  const available = engine === 'sqlite' || (await postgresAvailable());
  let db: TestDatabase;
  beforeAll(async () => {
    if (available) db = await freshDatabase(engine);
  });
  afterAll(async () => db?.drop());
  const test = it.skipIf(!available);

  test('gives every figure of the article from the data', async () => {
    const { data, errors } = await gql(`{
      organisation(code: "thanh-chuong") {
        name kind
        grassrootsCount(asOf: "2017-01-01") { total committees cells bySector { sector committees cells } }
        admissionCount(from: "2017-01-01", to: "2017-07-31")
        atRiskCells(asOf: "2017-01-01") { cell { code parent(asOf: "2017-01-01") { code kind } } isAtRisk memberCount elderlyCount yearsWithoutAdmission criteria { name holds value threshold } }
        recoveredCells(from: "2017-01-01", to: "2017-07-31") { cell { code } admitted }
      } }`);
    expect(errors).toBeUndefined();
    const org = data?.organisation;
    expect(org.kind).toBe('DISTRICT');
    expect(org.grassrootsCount.total).toBe(82);
    const commune = org.grassrootsCount.bySector.find((s: { sector: string }) => s.sector === 'COMMUNE');
    const agency = org.grassrootsCount.bySector.find((s: { sector: string }) => s.sector === 'AGENCY');
    expect(commune.committees).toBe(40);
    expect(agency.committees).toBe(18);
    expect(org.grassrootsCount.committees).toBe(58);
    expect(org.grassrootsCount.cells).toBe(24);
    expect(org.admissionCount).toBe(252);
    expect(org.atRiskCells).toHaveLength(6);
    const communes = new Set(org.atRiskCells.map((a: any) => a.cell.parent.code));
    expect(communes.size).toBe(4);
    for (const a of org.atRiskCells) {
      expect(a.isAtRisk).toBe(true);
      expect(a.memberCount).toBeLessThan(5);
      expect(a.elderlyCount).toBeGreaterThanOrEqual(3);
      expect(a.yearsWithoutAdmission).toBeGreaterThanOrEqual(5);
      expect(a.criteria.every((c: { holds: boolean }) => c.holds)).toBe(true);
      expect(a.cell.parent.kind).toBe('GRASSROOTS_COMMITTEE');
    }
    expect(org.recoveredCells).toHaveLength(6);
    expect(org.recoveredCells.map((r: any) => r.admitted).sort()).toEqual([1, 1, 1, 1, 1, 2]);
    expect(new Set(org.recoveredCells.map((r: any) => r.cell.code))).toEqual(
      new Set(org.atRiskCells.map((a: any) => a.cell.code)),
    );
  });

  test('quota progress: the 2017 quota, 252 admitted, on pace by the end of July', async () => {
    const { data } = await gql(
      `query($from: Date!, $to: Date!) { organisation(code: "thanh-chuong") {
      quotaProgress(from: $from, to: $to) { target admitted ratio expected elapsedShare status periodFrom periodTo } } }`,
      WINDOW,
    );
    const p = data?.organisation.quotaProgress;
    expect(p.admitted).toBe(252);
    expect(p.periodFrom).toBe('2017-01-01');
    expect(p.periodTo).toBe('2017-12-31');
    expect(p.ratio).toBeCloseTo(252 / p.target, 10);
    expect(p.elapsedShare).toBeCloseTo(212 / 365, 10);
    expect(p.status).toBe(252 >= p.expected ? 'ON_TRACK' : 'BEHIND');
  });

  test('a parent’s figures are the sum of its children’s', async () => {
    const { data } = await gql(
      `query($from: Date!, $to: Date!) { organisation(code: "thanh-chuong") {
      memberCount(asOf: $to) admissionCount(from: $from, to: $to)
      children(asOf: $to) { code memberCount(asOf: $to) admissionCount(from: $from, to: $to) atRiskCells(asOf: $from) { cell { code } } }
      atRiskCells(asOf: $from) { cell { code } } } }`,
      WINDOW,
    );
    const org = data?.organisation;
    expect(org.children).toHaveLength(82);
    const sum = (f: (c: any) => number) => org.children.reduce((n: number, c: any) => n + f(c), 0);
    expect(sum((c) => c.memberCount)).toBe(org.memberCount);
    expect(sum((c) => c.admissionCount)).toBe(org.admissionCount);
    expect(sum((c) => c.atRiskCells.length)).toBe(org.atRiskCells.length);
  });

  test('months add up to the period, and periods add up across dates', async () => {
    const { data } = await gql(`{ organisation(code: "thanh-chuong") {
      months: admissionsByMonth(from: "2017-01-01", to: "2017-07-31") { month count }
      first: admissionCount(from: "2017-01-01", to: "2017-03-31")
      second: admissionCount(from: "2017-04-01", to: "2017-07-31")
      year: admissionCount(from: "2017-01-01", to: "2017-12-31") } }`);
    const org = data?.organisation;
    expect(org.months.map((m: any) => m.month)).toEqual([
      '2017-01',
      '2017-02',
      '2017-03',
      '2017-04',
      '2017-05',
      '2017-06',
      '2017-07',
    ]);
    expect(org.months.reduce((n: number, m: any) => n + m.count, 0)).toBe(252);
    expect(org.first + org.second).toBe(252);
    expect(org.year).toBeGreaterThan(252);
  });

  test('risk and atRiskCells agree on every cell of a commune', async () => {
    const { data } = await gql(
      `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "2017-01-01") { cell { parent(asOf: "2017-01-01") { code } } } } }`,
    );
    const commune = data?.organisation.atRiskCells[0].cell.parent.code;
    const { data: d2 } = await gql(
      `query($c: String!) { organisation(code: $c) {
      risk(asOf: "2017-01-01") { isAtRisk }
      atRiskCells(asOf: "2017-01-01") { cell { code } memberCount }
      children(asOf: "2017-01-01") { code risk(asOf: "2017-01-01") { isAtRisk memberCount asOf policy { minMembers elderlyAge minElderly yearsWithoutAdmission } } } } }`,
      { c: commune },
    );
    const org = d2?.organisation;
    expect(org.risk).toBeNull(); // a committee is not a cell
    const atRisk = org.children.filter((c: any) => c.risk?.isAtRisk).map((c: any) => c.code);
    expect(atRisk.sort()).toEqual(org.atRiskCells.map((a: any) => a.cell.code).sort());
    expect(org.children[0].risk.policy).toEqual({
      minMembers: 5,
      elderlyAge: 60,
      minElderly: 3,
      yearsWithoutAdmission: 5,
    });
  });

  test('the tree changes over time: 2017 under the district, 2026 under the province', async () => {
    const { data } = await gql(`{ organisation(code: "thanh-hoa") {
      in2017: parent(asOf: "2017-01-01") { code } in2026: parent(asOf: "2026-01-01") { code } }
      district: organisation(code: "thanh-chuong") { dissolvedOn now: children(asOf: "2026-01-01") { code } lastDay: children { code } } }`);
    expect(data?.organisation.in2017.code).toBe('thanh-chuong');
    expect(data?.organisation.in2026.code).toBe('nghe-an');
    expect(data?.district.dissolvedOn).toBe('2025-07-01');
    expect(data?.district.now).toEqual([]);
    expect(data?.district.lastDay).toHaveLength(82);
  });

  test('long lists come a page at a time with a total; absurd pages are refused naming the argument', async () => {
    const { data, errors } = await gql(`{ organisation(code: "thanh-chuong") {
      atRiskCount(asOf: "2017-01-01") all: atRiskCells(asOf: "2017-01-01") { cell { code } }
      p1: atRiskCells(asOf: "2017-01-01", first: 4) { cell { code } }
      p2: atRiskCells(asOf: "2017-01-01", first: 4, offset: 4) { cell { code } }
      recoveredCount(from: "2017-01-01", to: "2017-07-31")
      r1: recoveredCells(from: "2017-01-01", to: "2017-07-31", first: 2, offset: 1) { cell { code } admitted }
      rAll: recoveredCells(from: "2017-01-01", to: "2017-07-31") { cell { code } admitted } } }`);
    expect(errors).toBeUndefined();
    const org = data?.organisation;
    expect(org.atRiskCount).toBe(6);
    expect([...org.p1, ...org.p2]).toEqual(org.all);
    expect(org.p1).toHaveLength(4);
    expect(org.recoveredCount).toBe(6);
    expect(org.r1).toEqual(org.rAll.slice(1, 3));
    for (const [args, argument] of [
      ['first: 501', 'first'],
      ['first: -1', 'first'],
      ['offset: -3', 'offset'],
    ] as const) {
      const refused = await gql(
        `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "2017-01-01", ${args}) { isAtRisk } } }`,
      );
      expect(refused.errors?.[0]?.message).toContain(`"${argument}"`);
    }
  });

  test('country: the sums of every province, read as cheaply as one', async () => {
    const { data, errors } = await gql(`{ country {
      provinces(asOf: "2017-01-01") { code memberCount(asOf: "2017-07-31") admissionCount(from: "2017-01-01", to: "2017-07-31")
        grassrootsCount(asOf: "2017-01-01") { total committees cells } atRiskCount(asOf: "2017-01-01") }
      memberCount(asOf: "2017-07-31") admissionCount(from: "2017-01-01", to: "2017-07-31")
      admissionsByMonth(from: "2017-01-01", to: "2017-07-31") { month count }
      grassrootsCount(asOf: "2017-01-01") { total committees cells }
      atRiskCount(asOf: "2017-01-01") atRiskCells(asOf: "2017-01-01", first: 3) { cell { code } isAtRisk } } }`);
    expect(errors).toBeUndefined();
    const country = data?.country;
    expect(country.provinces.length).toBeGreaterThan(0);
    const sum = (f: (p: any) => number) => country.provinces.reduce((n: number, p: any) => n + f(p), 0);
    expect(country.memberCount).toBe(sum((p) => p.memberCount));
    expect(country.memberCount).toBeGreaterThan(0);
    expect(country.admissionCount).toBe(sum((p) => p.admissionCount));
    expect(country.admissionCount).toBeGreaterThanOrEqual(252); // Thanh Chương's alone
    expect(country.admissionsByMonth.reduce((n: number, m: any) => n + m.count, 0)).toBe(country.admissionCount);
    expect(country.grassrootsCount.total).toBe(sum((p) => p.grassrootsCount.total));
    expect(country.atRiskCount).toBe(sum((p) => p.atRiskCount));
    expect(country.atRiskCells).toHaveLength(Math.min(3, country.atRiskCount));
    expect(country.atRiskCells.every((a: any) => a.isAtRisk)).toBe(true);
  });

  test('node(id) finds an organisation by its global id', async () => {
    const { data } = await gql(`{ organisation(code: "thanh-chuong") { id } }`);
    const { data: d2 } = await gql(`query($id: ID!) { node(id: $id) { ... on Organisation { code } } }`, {
      id: data?.organisation.id,
    });
    expect(d2?.node.code).toBe('thanh-chuong');
  });

  test('a date before an organisation existed gives empty figures, not an error', async () => {
    const { data, errors } = await gql(`{ organisation(code: "thanh-chuong") {
      memberCount(asOf: "1900-01-01") children(asOf: "1900-01-01") { code } grassrootsCount(asOf: "1900-01-01") { total }
      admissionCount(from: "1900-01-01", to: "1900-12-31") atRiskCells(asOf: "1900-01-01") { isAtRisk } } }`);
    expect(errors).toBeUndefined();
    expect(data?.organisation).toEqual({
      memberCount: 0,
      children: [],
      grassrootsCount: { total: 0 },
      admissionCount: 0,
      atRiskCells: [],
    });
  });

  test('an unknown code answers null', async () => {
    const { data, errors } = await gql(`{ organisation(code: "no-such-place") { name } }`);
    expect(errors).toBeUndefined();
    expect(data?.organisation).toBeNull();
  });
});
