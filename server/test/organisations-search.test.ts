// Finding an organisation without knowing its code: by name with or without diacritics, by kind,
// alive on a day, paged with a cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, gql, type TestDatabase } from './support.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('sqlite');
});
afterAll(async () => db?.drop());

const find = (args: string, select = 'totalCount edges { node { code name kind } }') =>
  gql(`{ organisations(${args}) { ${select} } }`);

describe('organisations', () => {
  it('finds by name, with or without diacritics', async () => {
    for (const search of ['Thanh Chương', 'thanh chuong', 'THANH-CHUONG']) {
      const { data } = await find(`search: ${JSON.stringify(search)}, kind: DISTRICT`);
      expect(
        data?.organisations.edges.map((e: any) => e.node.code),
        search,
      ).toEqual(['thanh-chuong']);
    }
    const communes = await find('search: "Thanh Đức", kind: GRASSROOTS_COMMITTEE');
    expect(communes.data?.organisations.edges[0].node.name).toContain('Thanh Đức');
  });

  it('keeps those alive on a day', async () => {
    const before = await find('kind: DISTRICT, asOf: "2017-01-01"');
    const after = await find('kind: DISTRICT, asOf: "2026-01-01"');
    expect(before.data?.organisations.totalCount).toBe(1);
    expect(after.data?.organisations.totalCount).toBe(0);
  });

  it('pages, at most 100 at a time, with a total', async () => {
    const page = await find(
      'kind: SUBORDINATE_CELL, first: 5',
      'totalCount pageInfo { hasNextPage endCursor } edges { node { code } }',
    );
    expect(page.data?.organisations.edges).toHaveLength(5);
    expect(page.data?.organisations.totalCount).toBeGreaterThan(100);
    const next = await find(
      `kind: SUBORDINATE_CELL, first: 5, after: "${page.data?.organisations.pageInfo.endCursor}"`,
      'edges { node { code } }',
    );
    expect(next.data?.organisations.edges[0].node.code).not.toBe(page.data?.organisations.edges[0].node.code);
    const big = await find('kind: SUBORDINATE_CELL, first: 1000', 'edges { node { code } }');
    expect(big.errors ?? []).toEqual([]);
    expect(big.data?.organisations.edges.length).toBe(100);
  });
});
