// The pipeline of a subtree on a day, counted by the database: each candidate at the stage of
// their latest step on or before the day, in the subtree as it stood that day.
import { coversDay, num, query, sql } from '../read/sql.ts';

export interface PipelineCount {
  stage: string | null;
  source: string | null;
  count: number;
}

export async function pipelineCounts(organisationId: number, asOf: string): Promise<PipelineCount[]> {
  const rows = await query<{ stage: string; source: string; n: unknown }>(sql`
    SELECT CAST(e."stage" AS TEXT) AS "stage", CAST(c."source" AS TEXT) AS "source", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Candidate" c ON c."cellId" = a."descendantId"
      JOIN "CandidateEvent" e ON e."candidateId" = c."id" AND e."on" <= ${asOf}
    WHERE a."ancestorId" = ${organisationId} AND ${coversDay('a', asOf)}
      AND NOT EXISTS (
        SELECT 1 FROM "CandidateEvent" l
        WHERE l."candidateId" = e."candidateId" AND l."on" <= ${asOf}
          AND (l."on" > e."on" OR (l."on" = e."on" AND l."id" > e."id")))
    GROUP BY e."stage", c."source"
    ORDER BY 1, 2`);
  return rows.map((r) => ({ stage: r.stage, source: r.source, count: num(r.n) }));
}
