// The figures computed from the base rows alone, the way they were before the derived tables: the
// reference the property test compares the derived figures with, and the "naive way" of the bench.
import { aliveOn, coversDay, GRASSROOTS_KINDS_SQL, join, memberOn, num, query, sql } from '../read/sql.ts';

export async function memberCountsFromRows(ids: readonly number[], day: string): Promise<Map<number, number>> {
  const rows = await query<{ id: number; n: unknown }>(sql`
    SELECT a."ancestorId" AS "id", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Placement" p ON p."cellId" = a."descendantId"
      JOIN "Member" m ON m."id" = p."memberId"
    WHERE a."ancestorId" IN (${join([...ids])}) AND ${coversDay('a', day)} AND ${coversDay('p', day)} AND ${memberOn(day)}
    GROUP BY a."ancestorId"`);
  return new Map(rows.map((row) => [num(row.id), num(row.n)]));
}

/** Admissions per subtree over [from, to] (not by month: the total). */
export async function admissionsFromRows(
  ids: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, number>> {
  const rows = await query<{ id: number; n: unknown }>(sql`
    SELECT a."ancestorId" AS "id", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Member" m ON m."admittedInId" = a."descendantId"
        AND m."admittedOn" >= a."startOn" AND (a."endOn" IS NULL OR m."admittedOn" < a."endOn")
    WHERE a."ancestorId" IN (${join([...ids])}) AND m."admittedOn" >= ${from} AND m."admittedOn" <= ${to}
    GROUP BY a."ancestorId"`);
  return new Map(rows.map((row) => [num(row.id), num(row.n)]));
}

/** Grassroots committees and cells of each subtree on a day, by sector and kind: `sector kind` → count. */
export async function grassrootsFromRows(
  ids: readonly number[],
  day: string,
): Promise<Map<number, Map<string, number>>> {
  const rows = await query<{ id: number; kind: string; sector: string | null; n: unknown }>(sql`
    SELECT a."ancestorId" AS "id", CAST(o."kind" AS TEXT) AS "kind", CAST(o."sector" AS TEXT) AS "sector", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a JOIN "Organisation" o ON o."id" = a."descendantId"
    WHERE a."ancestorId" IN (${join([...ids])}) AND a."depth" > 0 AND ${coversDay('a', day)}
      AND o."kind" IN ${GRASSROOTS_KINDS_SQL} AND ${aliveOn('o', day)}
    GROUP BY a."ancestorId", o."kind", o."sector"`);
  const found = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const counts = found.get(num(row.id)) ?? new Map<string, number>();
    counts.set(`${row.sector} ${row.kind}`, num(row.n));
    found.set(num(row.id), counts);
  }
  return found;
}
