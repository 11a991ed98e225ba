// The figures behind the at-risk verdict for every cell of a subtree on a day, in one statement;
// the verdict itself is the pure policy in rules/risk.ts.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import { type CellFigures, elderlyBornBy, type RiskPolicy } from '../rules/risk.ts';
import {
  aliveOn,
  CELL_KINDS_SQL,
  coversDay,
  join,
  memberOn,
  num,
  ORG_COLUMNS,
  type OrgRow,
  query,
  sql,
  toOrganisation,
} from './sql.ts';

export interface CellRow extends CellFigures {
  cell: Organisation;
}

/** Cells alive on `day` in each subtree (selfOnly: the organisations themselves, if cells). */
export async function cellFigures(
  ids: readonly number[],
  day: string,
  policy: RiskPolicy,
  selfOnly = false,
): Promise<Map<number, CellRow[]>> {
  const rows = await query<
    OrgRow & { root: number; members: unknown; elderly: unknown; lastAdmissionOn: string | null }
  >(sql`
    SELECT a."ancestorId" AS "root", ${ORG_COLUMNS('c')},
      (SELECT COUNT(*) FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId"
        WHERE p."cellId" = c."id" AND ${coversDay('p', day)} AND ${memberOn(day)}) AS "members",
      (SELECT COUNT(*) FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId"
        WHERE p."cellId" = c."id" AND ${coversDay('p', day)} AND ${memberOn(day)}
          AND m."birthDate" <= ${elderlyBornBy(day, policy)}) AS "elderly",
      (SELECT MAX(m."admittedOn") FROM "Member" m
        WHERE m."admittedInId" = c."id" AND m."admittedOn" <= ${day}) AS "lastAdmissionOn"
    FROM "OrganisationAncestry" a JOIN "Organisation" c ON c."id" = a."descendantId"
    WHERE a."ancestorId" IN (${join([...ids])}) AND ${coversDay('a', day)} ${selfOnly ? sql`AND a."depth" = 0` : sql``}
      AND c."kind" IN ${CELL_KINDS_SQL} AND ${aliveOn('c', day)}
    ORDER BY c."code"`);
  const found = new Map<number, CellRow[]>();
  for (const row of rows) {
    const cell = toOrganisation(row);
    const list = found.get(num(row.root)) ?? [];
    list.push({
      cell,
      cellId: cell.id,
      establishedOn: cell.establishedOn,
      memberCount: num(row.members),
      elderlyCount: num(row.elderly),
      lastAdmissionOn: row.lastAdmissionOn,
    });
    found.set(num(row.root), list);
  }
  return found;
}

/**
 * The cells of each subtree at risk on `day`, by code, from the derived spans (an indexed lookup
 * whatever the size of the subtree); cellFigures then gives the figures of those cells only.
 */
export async function atRiskCellIds(ids: readonly number[], day: string): Promise<Map<number, number[]>> {
  const rows = await query<{ root: unknown; id: unknown }>(sql`
    SELECT a."ancestorId" AS "root", c."id" AS "id"
    FROM "CellRiskSpan" s
      JOIN "OrganisationAncestry" a ON a."descendantId" = s."cellId"
      JOIN "Organisation" c ON c."id" = s."cellId"
    WHERE a."ancestorId" IN (${join([...ids])}) AND ${coversDay('a', day)} AND ${coversDay('s', day)} AND ${aliveOn('c', day)}
    ORDER BY c."code"`);
  const found = new Map<number, number[]>();
  for (const row of rows) {
    const list = found.get(num(row.root)) ?? [];
    list.push(num(row.id));
    found.set(num(row.root), list);
  }
  return found;
}

/** Every cell of the country at risk on `day`, by code (every living cell lies in one province). */
export async function atRiskCellIdsEverywhere(day: string): Promise<number[]> {
  const rows = await query<{ id: unknown }>(sql`
    SELECT c."id" AS "id" FROM "CellRiskSpan" s JOIN "Organisation" c ON c."id" = s."cellId"
    WHERE ${coversDay('s', day)} AND ${aliveOn('c', day)}
    ORDER BY c."code"`);
  return rows.map((row) => num(row.id));
}
