// The number of SQL statements one request runs must not grow with the size of the tree:
// the same question about a commune (a dozen cells) and about the whole district (82 grassroots
// organisations, hundreds of cells) costs the same number of statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { freshDatabase, gql, statements, type TestDatabase } from './support.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('sqlite');
});
afterAll(async () => db?.drop());

const REQUEST = `query($code: String!) { organisation(code: $code) {
  name memberCount(asOf: "2017-07-31") admissionCount(from: "2017-01-01", to: "2017-07-31")
  grassrootsCount(asOf: "2017-01-01") { total }
  quotaProgress(from: "2017-01-01", to: "2017-07-31") { target admitted status }
  atRiskCells(asOf: "2017-01-01") { cell { code parent(asOf: "2017-01-01") { code } } memberCount }
  recoveredCells(from: "2017-01-01", to: "2017-07-31") { cell { code } admitted }
  children(asOf: "2017-07-31") {
    code memberCount(asOf: "2017-07-31") admissionCount(from: "2017-01-01", to: "2017-07-31")
    quotaProgress(from: "2017-01-01", to: "2017-07-31") { target admitted }
    grassrootsCount(asOf: "2017-01-01") { total }
    risk(asOf: "2017-01-01") { isAtRisk memberCount }
    atRiskCells(asOf: "2017-01-01") { cell { code } }
  } } }`;

async function statementsFor(code: string) {
  statements.length = 0;
  const { data, errors } = await gql(REQUEST, { code });
  expect(errors).toBeUndefined();
  return { count: statements.length, data: data?.organisation };
}

describe('SQL statements per request', () => {
  it('are the same for a commune and for the whole district', async () => {
    // A commune with an at-risk cell, so that both answers exercise the same fields.
    const { data } = await gql(
      `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "2017-01-01") { cell { parent(asOf: "2017-01-01") { code } } } } }`,
    );
    const communeCode = data?.organisation.atRiskCells[0].cell.parent.code as string;
    const commune = await statementsFor(communeCode);
    const district = await statementsFor('thanh-chuong');
    // The district's answer covers ~80 children and hundreds of grandchildren; the commune's a dozen cells.
    expect(district.data.children.length).toBeGreaterThan(5 * commune.data.children.length);
    expect(district.count).toBe(commune.count);
    expect(district.count).toBeLessThanOrEqual(20);
  });

  it('are the same for the pipeline, quota gaps, visits and overdue steps of every child of a commune or the district', async () => {
    const { secret } = await createToken({ name: 'overdue reader', role: 'ADMIN' });
    const count = async (code: string) => {
      statements.length = 0;
      const { data, errors } = await gql(
        `query($code: String!) { organisation(code: $code) { children(asOf: "2017-07-31") {
          pipeline(asOf: "2017-07-31") { total byStage { stage count } }
          quotaAllocationGaps(asOf: "2017-07-31") { gap }
          visitsByQuarter(from: "2017-01-01", to: "2017-12-31") { leader { fullName } visits }
          overdueSteps(asOf: "2017-07-31") { kind dueOn }
        } } }`,
        { code },
        secret,
      );
      expect(errors).toBeUndefined();
      return { count: statements.length, children: data?.organisation.children.length as number };
    };
    const commune = await count('thanh-hoa');
    const district = await count('thanh-chuong');
    expect(district.children).toBeGreaterThan(5 * commune.children);
    expect(district.count).toBe(commune.count);
  });

  it('are the same for a page of 5 members and a page of 40, personal fields and relations included', async () => {
    const { secret } = await createToken({ name: 'statement counter', role: 'ADMIN' });
    const page = async (first: number) => {
      statements.length = 0;
      const { data, errors } = await gql(
        `query($first: Int!) { members(code: "thanh-chuong", first: $first) { totalCount edges { node {
          fullName birthDate admittedOn admittedIn { code } placements { startOn cell { code } } } } } }`,
        { first },
        secret,
      );
      expect(errors).toBeUndefined();
      return { count: statements.length, size: data?.members.edges.length as number };
    };
    const small = await page(5);
    const large = await page(40);
    expect([small.size, large.size]).toEqual([5, 40]);
    expect(large.count).toBe(small.count);
  });
});
