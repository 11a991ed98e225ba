// The pipeline of each subtree on a day, counted by the database in one statement for every
// organisation of a request: each candidate at the stage of their latest step on or before the
// day, in the subtree as it stood that day.
import { coversDay, groupById, join, num, query, sql } from './sql.ts';

export interface PipelineCount {
  stage: string | null;
  source: string | null;
  count: number;
}

export async function pipelineCounts(ids: readonly number[], asOf: string): Promise<Map<number, PipelineCount[]>> {
  const rows = await query<{ id: unknown; stage: string; source: string; n: unknown }>(sql`
    SELECT a."ancestorId" AS "id", CAST(e."stage" AS TEXT) AS "stage", CAST(c."source" AS TEXT) AS "source", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a
      JOIN "Candidate" c ON c."cellId" = a."descendantId"
      JOIN "CandidateEvent" e ON e."candidateId" = c."id" AND e."on" <= ${asOf}
    WHERE a."ancestorId" IN (${join([...ids])}) AND ${coversDay('a', asOf)}
      AND NOT EXISTS (
        SELECT 1 FROM "CandidateEvent" l
        WHERE l."candidateId" = e."candidateId" AND l."on" <= ${asOf}
          AND (l."on" > e."on" OR (l."on" = e."on" AND l."id" > e."id")))
    GROUP BY a."ancestorId", e."stage", c."source"
    ORDER BY 2, 3`);
  return groupById(rows, (r) => ({ stage: r.stage, source: r.source, count: num(r.n) }));
}
