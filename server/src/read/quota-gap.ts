// The quota allocation gap, computed by the database in one statement for every organisation of
// a request: a parent's quotas covering a day, and the sum of the targets its children (as the
// tree stood on the period's first day) hold for the same period.
import { groupById, join, num, query, sql } from './sql.ts';

export interface QuotaGap {
  periodFrom: string;
  periodTo: string;
  target: number;
  childrenTarget: number;
  childrenWithQuota: number;
  children: number;
}

export async function quotaGaps(ids: readonly number[], asOf: string): Promise<Map<number, QuotaGap[]>> {
  const rows = await query<Record<keyof QuotaGap | 'id', unknown>>(sql`
    SELECT q."organisationId" AS "id", q."periodFrom" AS "periodFrom", q."periodTo" AS "periodTo", q."target" AS "target",
      (SELECT COUNT(*) FROM "OrganisationParent" l
        WHERE l."parentId" = q."organisationId" AND l."startOn" <= q."periodFrom" AND (l."endOn" IS NULL OR l."endOn" > q."periodFrom")) AS "children",
      COUNT(cq."id") AS "childrenWithQuota", COALESCE(SUM(cq."target"), 0) AS "childrenTarget"
    FROM "Quota" q
      LEFT JOIN "OrganisationParent" l ON l."parentId" = q."organisationId"
        AND l."startOn" <= q."periodFrom" AND (l."endOn" IS NULL OR l."endOn" > q."periodFrom")
      LEFT JOIN "Quota" cq ON cq."organisationId" = l."organisationId"
        AND cq."periodFrom" = q."periodFrom" AND cq."periodTo" = q."periodTo"
    WHERE q."organisationId" IN (${join([...ids])}) AND q."periodFrom" <= ${asOf} AND q."periodTo" >= ${asOf}
    GROUP BY q."id", q."organisationId", q."periodFrom", q."periodTo", q."target"
    ORDER BY q."periodFrom", q."id"`);
  return groupById(rows, (r) => ({
    periodFrom: String(r.periodFrom),
    periodTo: String(r.periodTo),
    target: num(r.target),
    childrenTarget: num(r.childrenTarget),
    childrenWithQuota: num(r.childrenWithQuota),
    children: num(r.children),
  }));
}
