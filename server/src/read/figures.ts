// Counts over a subtree: members on a day, admissions over a period. Each admission is attributed
// to the tree as it stood on the day of the admission. A cell's own figures are counted from its
// rows; every organisation above the cells reads SubtreeDay (server/src/derived/), whose sums up to
// a day are an indexed range whatever the size of the subtree, the whole country included.
import { CELL_KINDS_SQL, coversDay, join, memberOn, num, query, rowsUpTo, sql } from './sql.ts';

export async function memberCounts(ids: readonly number[], day: string): Promise<Map<number, number>> {
  const rows = await query<{ id: number; n: unknown }>(sql`
    SELECT a."descendantId" AS "id", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Organisation" c ON c."id" = a."descendantId" AND c."kind" IN ${CELL_KINDS_SQL}
      JOIN "Placement" p ON p."cellId" = a."descendantId"
      JOIN "Member" m ON m."id" = p."memberId"
    WHERE a."descendantId" IN (${join([...ids])}) AND a."depth" = 0
      AND ${coversDay('a', day)} AND ${coversDay('p', day)} AND ${memberOn(day)}
    GROUP BY a."descendantId"
    UNION ALL
    SELECT d."organisationId" AS "id", SUM(d."members") AS "n" FROM ${rowsUpTo('SubtreeDay', ids, day)} d
    GROUP BY d."organisationId"`);
  return new Map(rows.map((row) => [num(row.id), num(row.n)]));
}

/** Admissions per subtree and month ('YYYY-MM') over [from, to]. */
export async function admissionsByMonth(
  ids: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, Map<string, number>>> {
  const rows = await query<{ id: number; month: string; n: unknown }>(sql`
    SELECT a."descendantId" AS "id", substr(m."admittedOn", 1, 7) AS "month", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Organisation" c ON c."id" = a."descendantId" AND c."kind" IN ${CELL_KINDS_SQL}
      JOIN "Member" m ON m."admittedInId" = a."descendantId"
        AND m."admittedOn" >= a."startOn" AND (a."endOn" IS NULL OR m."admittedOn" < a."endOn")
    WHERE a."descendantId" IN (${join([...ids])}) AND a."depth" = 0
      AND a."startOn" <= ${to} AND (a."endOn" IS NULL OR a."endOn" > ${from})
      AND m."admittedOn" >= ${from} AND m."admittedOn" <= ${to}
    GROUP BY a."descendantId", substr(m."admittedOn", 1, 7)
    UNION ALL
    SELECT d."organisationId" AS "id", substr(d."day", 1, 7) AS "month", SUM(d."admissions") AS "n"
    FROM "SubtreeDay" d
    WHERE d."organisationId" IN (${join([...ids])}) AND d."grain" = 'D' AND d."day" >= ${from} AND d."day" <= ${to}
      AND d."admissions" <> 0
    GROUP BY d."organisationId", substr(d."day", 1, 7)`);
  const found = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const months = found.get(num(row.id)) ?? new Map<string, number>();
    months.set(row.month, num(row.n));
    found.set(num(row.id), months);
  }
  return found;
}

/** Admissions by each cell itself (not its subtree) over [from, to]. */
export async function admissionsByCell(cellIds: readonly number[], from: string, to: string) {
  if (cellIds.length === 0) return new Map<number, number>();
  const rows = await query<{ id: number; n: unknown }>(sql`
    SELECT m."admittedInId" AS "id", COUNT(*) AS "n" FROM "Member" m
    WHERE m."admittedInId" IN (${join([...cellIds])}) AND m."admittedOn" >= ${from} AND m."admittedOn" <= ${to}
    GROUP BY m."admittedInId"`);
  return new Map(rows.map((row) => [num(row.id), num(row.n)]));
}
