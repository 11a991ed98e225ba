// The derived tables as rows to compare (server/src/derived/): writes append their changes, a
// rebuild has one row per organisation and day, so the sums per organisation, grain and day are
// what must agree — between a maintained and a rebuilt table, or between two databases.
import { prisma } from '../src/db.ts';

export async function derivedRows() {
  // Writes append their changes; a rebuild has one row per organisation and day: compare the sums.
  const days = await prisma().$queryRawUnsafe<{ o: unknown; d: string; m: unknown; a: unknown }[]>(
    `SELECT "organisationId" AS o, "grain" || ' ' || "day" AS d, SUM("members") AS m, SUM("admissions") AS a
     FROM "SubtreeDay" GROUP BY "organisationId", "grain", "day" HAVING SUM("members") <> 0 OR SUM("admissions") <> 0 ORDER BY 1, 2`,
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
    spans: spans.map((x) => `${Number(x.c)} ${x.s} ${x.e}`),
  };
}
