// Visits to cell meetings per leader and quarter, counted by the database in one statement for
// every organisation of a request; each visit belongs to the subtree as it stood on the day of the visit.
import { groupById, join, num, query, sql } from './sql.ts';

export interface LeaderQuarter {
  leaderId: number;
  quarter: string;
  visits: number;
  cells: number;
}

export async function visitsByQuarter(
  ids: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, LeaderQuarter[]>> {
  const rows = await query<{
    id: unknown;
    leaderId: unknown;
    year: string;
    q: unknown;
    visits: unknown;
    cells: unknown;
  }>(sql`
    SELECT a."ancestorId" AS "id", v."leaderId" AS "leaderId", substr(v."visitedOn", 1, 4) AS "year",
      (CAST(substr(v."visitedOn", 6, 2) AS INTEGER) + 2) / 3 AS "q",
      COUNT(*) AS "visits", COUNT(DISTINCT v."cellId") AS "cells"
    FROM "MeetingVisit" v
      JOIN "OrganisationAncestry" a ON a."descendantId" = v."cellId"
        AND a."startOn" <= v."visitedOn" AND (a."endOn" IS NULL OR a."endOn" > v."visitedOn")
    WHERE a."ancestorId" IN (${join([...ids])}) AND v."visitedOn" >= ${from} AND v."visitedOn" <= ${to}
    GROUP BY a."ancestorId", v."leaderId", substr(v."visitedOn", 1, 4), (CAST(substr(v."visitedOn", 6, 2) AS INTEGER) + 2) / 3
    ORDER BY 2, 3, 4`);
  return groupById(rows, (r) => ({
    leaderId: num(r.leaderId),
    quarter: `${r.year}-Q${num(r.q)}`,
    visits: num(r.visits),
    cells: num(r.cells),
  }));
}
