// The periodic report on the demo district: its totals are the article's figures, its breakdowns
// add up, and the statements of a request do not grow with the number of organisations asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
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
