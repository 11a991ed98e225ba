// The derived tables as rows to compare (server/src/derived/): writes append their changes, a
// rebuild has one row per organisation and day, so the sums per organisation, grain and day are
// what must agree — between a maintained and a rebuilt table, or between two databases.
import { expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { admissionBreakdowns, type Breakdown, memberBreakdowns } from '../src/read/report.ts';
import { admissionBreakdownsFromRows, memberBreakdownsFromRows } from '../src/read/report-rows.ts';

export async function derivedRows() {
  // Writes append their changes; a rebuild has one row per organisation and day: compare the sums.
  const days = await prisma().$queryRawUnsafe<{ o: unknown; d: string; m: unknown; a: unknown }[]>(
    `SELECT "organisationId" AS o, "grain" || ' ' || "day" AS d, SUM("members") AS m, SUM("admissions") AS a
     FROM "SubtreeDay" GROUP BY "organisationId", "grain", "day" HAVING SUM("members") <> 0 OR SUM("admissions") <> 0 ORDER BY 1, 2`,
  );
  const report = await prisma().$queryRawUnsafe<{ o: unknown; d: string; m: unknown; a: unknown }[]>(
    `SELECT "organisationId" AS o, "grain" || ' ' || "day" || ' ' || "measure" AS d, SUM("members") AS m,
       SUM("admissions") AS a FROM "ReportDay" GROUP BY "organisationId", "grain", "day", "measure"
     HAVING SUM("members") <> 0 OR SUM("admissions") <> 0 ORDER BY 1, 2`,
  );
  const spans = await prisma().$queryRawUnsafe<{ c: unknown; s: string; e: string | null }[]>(
    'SELECT "cellId" AS c, "startOn" AS s, "endOn" AS e FROM "CellRiskSpan" ORDER BY 1, 2',
  );
  const grassroots = await prisma().$queryRawUnsafe<
    { o: unknown; d: string; s: string | null; c: unknown; l: unknown }[]
  >(
    `SELECT "organisationId" AS o, "grain" || ' ' || "day" AS d, CAST("sector" AS TEXT) AS s, SUM("committees") AS c,
       SUM("cells") AS l FROM "GrassrootsDay" GROUP BY "organisationId", "grain", "day", "sector"
     HAVING SUM("committees") <> 0 OR SUM("cells") <> 0 ORDER BY 1, 2, 3`,
  );
  return {
    grassroots: grassroots.map((x) => `${Number(x.o)} ${x.d} ${x.s} ${Number(x.c)} ${Number(x.l)}`),
    days: days.map((x) => `${Number(x.o)} ${x.d} ${Number(x.m)} ${Number(x.a)}`),
    report: report.map((x) => `${Number(x.o)} ${x.d} ${Number(x.m)} ${Number(x.a)}`),
    spans: spans.map((x) => `${Number(x.c)} ${x.s} ${x.e}`),
  };
}

/** Breakdowns as plain objects, without the empty ones (absent and all-zero answer the same). */
const plain = (found: Map<number, Breakdown>) =>
  Object.fromEntries(
    [...found]
      .filter(([, b]) => b.total !== 0)
      .map(([id, b]) => [
        id,
        {
          ...b,
          byEducation: Object.fromEntries([...b.byEducation].filter(([, n]) => n !== 0)),
          bySource: Object.fromEntries([...b.bySource].filter(([, n]) => n !== 0)),
        },
      ]),
  );

/** The report's breakdowns, ReportDay's for organisations above the cells, equal those counted from rows. */
export async function expectReportFromRows(ids: number[], day: string, from: string) {
  expect(plain(await memberBreakdowns(ids, day)), `report: members on ${day}`).toEqual(
    plain(await memberBreakdownsFromRows(ids, day)),
  );
  expect(plain(await admissionBreakdowns(ids, from, day)), `report: admissions ${from} to ${day}`).toEqual(
    plain(await admissionBreakdownsFromRows(ids, from, day)),
  );
}
