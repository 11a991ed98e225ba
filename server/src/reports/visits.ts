// Visits to cell meetings per leader and quarter, counted by the database; each visit belongs to
// the subtree as it stood on the day of the visit.
import { num, query, sql } from '../read/sql.ts';

export interface LeaderQuarter {
  leaderId: number;
  quarter: string;
  visits: number;
  cells: number;
}

export async function visitsByQuarter(organisationId: number, from: string, to: string): Promise<LeaderQuarter[]> {
  const rows = await query<{ leaderId: unknown; year: string; q: unknown; visits: unknown; cells: unknown }>(sql`
    SELECT v."leaderId" AS "leaderId", substr(v."visitedOn", 1, 4) AS "year",
      (CAST(substr(v."visitedOn", 6, 2) AS INTEGER) + 2) / 3 AS "q",
      COUNT(*) AS "visits", COUNT(DISTINCT v."cellId") AS "cells"
    FROM "MeetingVisit" v
      JOIN "OrganisationAncestry" a ON a."descendantId" = v."cellId"
        AND a."startOn" <= v."visitedOn" AND (a."endOn" IS NULL OR a."endOn" > v."visitedOn")
    WHERE a."ancestorId" = ${organisationId} AND v."visitedOn" >= ${from} AND v."visitedOn" <= ${to}
    GROUP BY v."leaderId", substr(v."visitedOn", 1, 4), (CAST(substr(v."visitedOn", 6, 2) AS INTEGER) + 2) / 3
    ORDER BY 1, 2, 3`);
  return rows.map((r) => ({
    leaderId: num(r.leaderId),
    quarter: `${r.year}-Q${num(r.q)}`,
    visits: num(r.visits),
    cells: num(r.cells),
  }));
}
