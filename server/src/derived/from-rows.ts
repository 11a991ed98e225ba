// The figures computed from the base rows alone, the way they were before the derived tables: the
// reference the property test compares the derived figures with, and the "naive way" of the bench.
import { coversDay, join, memberOn, num, query, sql } from '../read/sql.ts';

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
