// Đề án 01/ĐA-TU/2016's hamlets on a day: each hamlet of a subtree (through the commune it belongs
// to that day) with three flags — no cell serves it, no member lives there, the cell serving it is
// at risk (from the derived CellRiskSpan) — counted in SQL for many organisations in one statement.
import { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { COUNTRY_ID } from '../derived/sql.ts';
import { aliveOn, coversDay, join, memberOn, num, query, type Sql, sql } from './sql.ts';

/** The three kinds of hamlet the programme is about. */
export type HamletConcern = 'WITHOUT_CELL' | 'WITHOUT_MEMBER' | 'CELL_AT_RISK';

/** The subtrees of these organisations, or the whole country (every hamlet that has a commune). */
export type HamletScope = readonly number[] | 'country';

export interface HamletCounts {
  hamlets: number;
  withoutCell: number;
  withoutMember: number;
  cellAtRisk: number;
}

/** A hamlet's own figures on a day (residents are counted, never named). */
export interface HamletDay {
  hamletId: number;
  communeId: number | null;
  cellId: number | null;
  residents: number;
  cellAtRisk: boolean;
}

/** A cell serves hamlet `h` on the day (one alive that day). */
const servedBy = (day: string) => sql`
  SELECT s."cellId" FROM "HamletCell" s JOIN "Organisation" c ON c."id" = s."cellId"
  WHERE s."hamletId" = h."id" AND ${coversDay('s', day)} AND ${aliveOn('c', day)} LIMIT 1`;

/** Members living in hamlet `h` on the day (members that day, whatever their cell). */
const livingThere = (day: string, what: Sql) => sql`
  SELECT ${what} FROM "Residence" r JOIN "Member" m ON m."id" = r."memberId"
  WHERE r."hamletId" = h."id" AND ${coversDay('r', day)} AND ${memberOn(day)}`;

/** The cell serving hamlet `h` is at risk on the day. */
const atRisk = (day: string) => sql`
  SELECT 1 FROM "HamletCell" s JOIN "CellRiskSpan" k ON k."cellId" = s."cellId"
    JOIN "Organisation" c ON c."id" = s."cellId"
  WHERE s."hamletId" = h."id" AND ${coversDay('s', day)} AND ${coversDay('k', day)} AND ${aliveOn('c', day)}`;

/** One row per (root, hamlet alive on the day in its subtree), with the three flags as 0 or 1. */
function flagged(scope: HamletScope, day: string): Sql {
  const root =
    scope === 'country'
      ? sql`${Prisma.raw(String(COUNTRY_ID))} AS "root" FROM "HamletCommune" hc`
      : sql`a."ancestorId" AS "root" FROM "HamletCommune" hc
          JOIN "OrganisationAncestry" a ON a."descendantId" = hc."communeId"
            AND a."ancestorId" IN (${join([...scope])}) AND ${coversDay('a', day)}`;
  return sql`
    SELECT h."id" AS "id", h."code" AS "code",
      CASE WHEN EXISTS (${servedBy(day)}) THEN 0 ELSE 1 END AS "withoutCell",
      CASE WHEN EXISTS (${livingThere(day, sql`1`)}) THEN 0 ELSE 1 END AS "withoutMember",
      CASE WHEN EXISTS (${atRisk(day)}) THEN 1 ELSE 0 END AS "cellAtRisk",
      ${root}
      JOIN "Hamlet" h ON h."id" = hc."hamletId"
    WHERE ${coversDay('hc', day)} AND ${aliveOn('h', day)}`;
}

/** The three counts (and all hamlets) of each scope's subtree on `day`: one statement. */
export async function hamletCounts(scope: HamletScope, day: string): Promise<Map<number, HamletCounts>> {
  const rows = await query<Record<'root' | 'hamlets' | 'withoutCell' | 'withoutMember' | 'cellAtRisk', unknown>>(sql`
    SELECT f."root" AS "root", COUNT(*) AS "hamlets", SUM(f."withoutCell") AS "withoutCell",
      SUM(f."withoutMember") AS "withoutMember", SUM(f."cellAtRisk") AS "cellAtRisk"
    FROM (${flagged(scope, day)}) f GROUP BY f."root"`);
  return new Map(
    rows.map((r) => [
      num(r.root),
      {
        hamlets: num(r.hamlets),
        withoutCell: num(r.withoutCell),
        withoutMember: num(r.withoutMember),
        cellAtRisk: num(r.cellAtRisk),
      },
    ]),
  );
}

/** The ids of the hamlets of each scope's subtree of one concern (all when null), by code. */
export async function hamletIds(
  scope: HamletScope,
  day: string,
  concern: HamletConcern | null,
): Promise<Map<number, number[]>> {
  const where = {
    WITHOUT_CELL: sql`WHERE f."withoutCell" = 1`,
    WITHOUT_MEMBER: sql`WHERE f."withoutMember" = 1`,
    CELL_AT_RISK: sql`WHERE f."cellAtRisk" = 1`,
  };
  const rows = await query<{ root: unknown; id: unknown }>(sql`
    SELECT f."root" AS "root", f."id" AS "id" FROM (${flagged(scope, day)}) f
    ${concern ? where[concern] : sql``} ORDER BY f."code"`);
  const found = new Map<number, number[]>();
  for (const row of rows) {
    const list = found.get(num(row.root)) ?? [];
    list.push(num(row.id));
    found.set(num(row.root), list);
  }
  return found;
}

/** Each hamlet's commune, serving cell, residents and the cell's risk on `day`: one statement. */
export async function hamletDays(ids: readonly number[], day: string): Promise<Map<number, HamletDay>> {
  const rows = await query<Record<'id' | 'communeId' | 'cellId' | 'residents' | 'cellAtRisk', unknown>>(sql`
    SELECT h."id" AS "id",
      (SELECT hc."communeId" FROM "HamletCommune" hc WHERE hc."hamletId" = h."id" AND ${coversDay('hc', day)} LIMIT 1) AS "communeId",
      (${servedBy(day)}) AS "cellId",
      (${livingThere(day, sql`COUNT(*)`)}) AS "residents",
      CASE WHEN EXISTS (${atRisk(day)}) THEN 1 ELSE 0 END AS "cellAtRisk"
    FROM "Hamlet" h WHERE h."id" IN (${join([...ids])})`);
  return new Map(
    rows.map((r) => [
      num(r.id),
      {
        hamletId: num(r.id),
        communeId: r.communeId === null ? null : num(r.communeId),
        cellId: r.cellId === null ? null : num(r.cellId),
        residents: num(r.residents),
        cellAtRisk: num(r.cellAtRisk) === 1,
      },
    ]),
  );
}
