// The periodic report on the demo district: its totals are the article's figures, its breakdowns
// add up, and the statements of a request do not grow with the number of organisations asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { prisma } from '../src/db.ts';
import { freshDatabase, gql, statements, type TestDatabase } from './support.ts';

let db: TestDatabase;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase('sqlite');
  admin = (await createToken({ name: 'report reader', role: 'ADMIN' })).secret;
});
afterAll(async () => db?.drop());

const FIGURES = `total women { value } ethnicMinorities { value } religious { value } youthUnion { value }
  aged18To30 { value } byEducation { count { value } } bySource { source count { value } }`;

describe('the periodic report of the demo district', () => {
  it('gives the article’s 252 admissions, with breakdowns that add up to the totals', async () => {
    const { data, errors } = await gql(
      `{ organisation(code: "thanh-chuong") { memberCount(asOf: "2017-07-31")
        report(from: "2017-01-01", to: "2017-07-31") { admissionsShareOfMembers
          membersAtStart { total } members { ${FIGURES} } admissions { ${FIGURES} } } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const { report, memberCount } = data!.organisation;
    expect(report.admissions.total).toBe(252);
    expect(report.members.total).toBe(memberCount);
    expect(report.admissionsShareOfMembers).toBeCloseTo(252 / report.membersAtStart.total, 12);
    for (const figures of [report.members, report.admissions]) {
      const sum = (list: { count: { value: number } }[]) => list.reduce((n, e) => n + e.count.value, 0);
      expect(sum(figures.byEducation)).toBe(figures.total);
      expect(sum(figures.bySource)).toBe(figures.total);
      for (const part of ['women', 'ethnicMinorities', 'religious', 'youthUnion', 'aged18To30']) {
        expect(figures[part].value, part).toBeGreaterThan(0);
        expect(figures[part].value, part).toBeLessThan(figures.total);
      }
    }
    // Every 2017 admission came through a candidate's path, so each has a source.
    expect(report.admissions.bySource.find((s: { source: string | null }) => s.source === null).count.value).toBe(0);
  });

  it('the country’s report is its one province’s, exact for an administrator, "fewer than 5" for anyone', async () => {
    const WHOLE = `membersAtStart { ${FIGURES} } members { ${FIGURES} } admissions { ${FIGURES} }
      sameTimeLastYear { admissions { total } }`;
    const read = (token?: string) =>
      gql(
        `{ country { provinces(asOf: "2017-06-30") { code } report(period: "2017-H1") { from to ${WHOLE} } }
          organisation(code: "nghe-an") { report(period: "2017-H1") { from to ${WHOLE} } } }`,
        {},
        token,
      );
    const { data, errors } = await read(admin);
    expect(errors).toBeUndefined();
    // The demo's one province: the whole country's report is the top organisation's, figure for figure.
    expect(data!.country.provinces).toEqual([{ code: 'nghe-an' }]);
    expect(data!.country.report.admissions.total).toBeGreaterThan(0);
    expect(data!.country.report).toEqual(data!.organisation.report);
    const anonymous = await read();
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.country.report).toEqual(anonymous.data!.organisation.report);
    // The public answer: each count below 5 hidden, every other as the administrator sees it.
    const hidden: number[] = [];
    const publicly = (exact: unknown): unknown => {
      if (Array.isArray(exact)) return exact.map(publicly);
      if (exact === null || typeof exact !== 'object') return exact;
      const value = (exact as { value?: unknown }).value;
      if (typeof value === 'number' && value < 5) {
        hidden.push(value);
        return { value: null };
      }
      return Object.fromEntries(Object.entries(exact).map(([k, v]) => [k, publicly(v)]));
    };
    expect(anonymous.data!.country.report).toEqual(publicly(data!.country.report));
    expect(hidden.length).toBeGreaterThan(0);
  });

  it('the demo’s candidates carry the report’s attributes, the admitted ones those of their member', async () => {
    const candidates = await prisma().candidate.findMany({ include: { member: true } });
    expect(candidates.length).toBeGreaterThan(252);
    expect(candidates.filter((c) => c.ethnicity === null || c.education === null)).toEqual([]);
    const admitted = candidates.filter((c) => c.member);
    expect(admitted.length).toBeGreaterThanOrEqual(252);
    const pick = (p: { ethnicity: string | null; religion: string | null; education: string | null }) =>
      [p.ethnicity, p.religion, p.education].join('|');
    expect(admitted.filter((c) => pick(c) !== pick(c.member!))).toEqual([]);
  });

  it('costs the same statements for the children of a commune and of the whole district', async () => {
    const count = async (code: string) => {
      statements.length = 0;
      const { data, errors } = await gql(
        `query($code: String!) { organisation(code: $code) { children(asOf: "2017-07-31") { code
          report(period: "2017-Q3") { admissionsShareOfMembers membersAtStart { total } members { ${FIGURES} }
            admissions { ${FIGURES} } sameTimeLastYear { admissions { total women { value fewerThan } } } } } } }`,
        { code },
      );
      expect(errors).toBeUndefined();
      return { n: statements.length, children: data!.organisation.children.length };
    };
    const commune = await count('thanh-hoa');
    const district = await count('thanh-chuong');
    expect(district.children).toBeGreaterThan(5 * commune.children);
    expect(district.n).toBe(commune.n);
  });
});
