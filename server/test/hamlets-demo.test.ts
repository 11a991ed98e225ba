// The demo dataset's hamlets through the API, on SQLite and PostgreSQL: Đề án 01/ĐA-TU/2016's
// figures for the district, a commune and the country equal those counted from the rows
// (prisma/datasets/thanh-chuong-2017/check-hamlets.ts), and the whole district's 40 communes cost
// one statement more than the district alone.
import { hamletFigures } from '@ketnap/prisma/datasets/thanh-chuong-2017/check-hamlets.ts';
import { World } from '@ketnap/prisma/datasets/thanh-chuong-2017/check-tools.ts';
import { RISK_DAY, WINDOW_END } from '@ketnap/prisma/datasets/thanh-chuong-2017/context.ts';
import { thanhChuong2017 } from '@ketnap/prisma/datasets/thanh-chuong-2017/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, freshDatabase, gql, postgresAvailable, statements, type TestDatabase } from './support.ts';

const engines: Engine[] = ['sqlite', 'postgres'];
const COUNTS = 'hamlets withoutCell withoutMember cellAtRisk';

describe.each(engines)('the demo dataset’s hamlets on %s', async (engine) => {
  const available = engine === 'sqlite' || (await postgresAvailable());
  let db: TestDatabase | undefined;
  const world = new World(thanhChuong2017());
  beforeAll(async () => {
    if (available) db = await freshDatabase(engine);
  }, 120_000);
  afterAll(async () => db?.drop());
  const test = it.skipIf(!available);

  test('the district’s and the country’s figures are those of the rows, before and after the recoveries', async () => {
    for (const day of [RISK_DAY, WINDOW_END]) {
      const r = await gql(
        `{ organisation(code: "thanh-chuong") { hamletCounts(asOf: "${day}") { ${COUNTS} } }
           country { hamletCounts(asOf: "${day}") { ${COUNTS} } } }`,
      );
      expect(r.data!.organisation.hamletCounts).toEqual(hamletFigures(world, day));
      expect(r.data!.country.hamletCounts).toEqual(hamletFigures(world, day));
    }
    expect(hamletFigures(world, RISK_DAY)).toMatchObject({ hamlets: 364, cellAtRisk: 6 });
  });

  test('the lists page through the counts: the six hamlets whose cell is at risk, in four communes', async () => {
    const r = await gql(`{ organisation(code: "thanh-chuong") {
      atRisk: hamlets(asOf: "${RISK_DAY}", concern: CELL_AT_RISK) { hamlet { code } commune { code } cell { code } isCellAtRisk }
      atRiskCells(asOf: "${RISK_DAY}") { cell { code } }
      empty: hamlets(asOf: "${RISK_DAY}", concern: WITHOUT_MEMBER, first: 500) { cell { code } memberCount }
      page: hamlets(asOf: "${RISK_DAY}", first: 10, offset: 360) { hamlet { code } } } }`);
    const org = r.data!.organisation;
    expect(org.atRisk.map((h: any) => h.cell.code).sort()).toEqual(org.atRiskCells.map((a: any) => a.cell.code).sort());
    expect(new Set(org.atRisk.map((h: any) => h.commune.code)).size).toBe(4);
    expect(org.atRisk.every((h: any) => h.isCellAtRisk && h.hamlet.code === h.cell.code)).toBe(true);
    expect(org.empty).toHaveLength(hamletFigures(world, RISK_DAY).withoutMember);
    expect(org.empty.every((h: any) => h.cell === null && h.memberCount === 0)).toBe(true);
    expect(org.page).toHaveLength(4);
  });

  test('the district’s 40 communes cost one statement more than the district alone', async () => {
    const count = async (query: string) => {
      statements.length = 0;
      const r = await gql(query);
      expect(r.errors).toBeUndefined();
      return { n: statements.length, data: r.data as any };
    };
    const field = `hamletCounts(asOf: "${RISK_DAY}") { hamlets } hamlets(asOf: "${RISK_DAY}", concern: WITHOUT_CELL) { cell { code } memberCount }`;
    const one = await count(`{ organisation(code: "thanh-chuong") { ${field} } }`);
    const all = await count(`{ organisation(code: "thanh-chuong") { children(asOf: "${RISK_DAY}") { ${field} } } }`);
    expect(all.n).toBe(one.n + 1);
    const sum = all.data.organisation.children.reduce((n: number, c: any) => n + c.hamletCounts.hamlets, 0);
    expect(sum).toBe(one.data.organisation.hamletCounts.hamlets);
  });
});
