// The tree as it stood on a day: parents and children, batched over many organisations.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import {
  aliveOn,
  coversDay,
  GRASSROOTS_KINDS_SQL,
  join,
  num,
  ORG_COLUMNS,
  type OrgRow,
  query,
  sql,
  toOrganisation,
} from './sql.ts';

export async function childrenOn(parentIds: readonly number[], day: string): Promise<Map<number, Organisation[]>> {
  const rows = await query<OrgRow & { parentId: number }>(sql`
    SELECT l."parentId" AS "parentId", ${ORG_COLUMNS('o')}
    FROM "OrganisationParent" l JOIN "Organisation" o ON o."id" = l."organisationId"
    WHERE l."parentId" IN (${join([...parentIds])}) AND ${coversDay('l', day)} AND ${aliveOn('o', day)}
    ORDER BY o."code"`);
  const found = new Map<number, Organisation[]>();
  for (const row of rows) {
    const list = found.get(num(row.parentId)) ?? [];
    list.push(toOrganisation(row));
    found.set(num(row.parentId), list);
  }
  return found;
}

export async function parentsOn(childIds: readonly number[], day: string): Promise<Map<number, Organisation>> {
  const rows = await query<OrgRow & { childId: number }>(sql`
    SELECT l."organisationId" AS "childId", ${ORG_COLUMNS('o')}
    FROM "OrganisationParent" l JOIN "Organisation" o ON o."id" = l."parentId"
    WHERE l."organisationId" IN (${join([...childIds])}) AND ${coversDay('l', day)}`);
  return new Map(rows.map((row) => [num(row.childId), toOrganisation(row)]));
}

export interface SectorCount {
  sector: string | null;
  committees: number;
  cells: number;
}

/** Grassroots organisations (committees and cells directly under a district) in each subtree. */
export async function grassrootsOn(ids: readonly number[], day: string): Promise<Map<number, SectorCount[]>> {
  const rows = await query<{ id: number; kind: string; sector: string | null; n: unknown }>(sql`
    SELECT a."ancestorId" AS "id", CAST(o."kind" AS TEXT) AS "kind", CAST(o."sector" AS TEXT) AS "sector", COUNT(*) AS "n"
    FROM "OrganisationAncestry" a JOIN "Organisation" o ON o."id" = a."descendantId"
    WHERE a."ancestorId" IN (${join([...ids])}) AND a."depth" > 0 AND ${coversDay('a', day)}
      AND o."kind" IN ${GRASSROOTS_KINDS_SQL} AND ${aliveOn('o', day)}
    GROUP BY a."ancestorId", o."kind", o."sector"`);
  const found = new Map<number, SectorCount[]>();
  for (const row of rows) {
    const list = found.get(num(row.id)) ?? [];
    let entry = list.find((e) => e.sector === row.sector);
    if (!entry) list.push((entry = { sector: row.sector, committees: 0, cells: 0 }));
    if (row.kind === 'GRASSROOTS_COMMITTEE') entry.committees += num(row.n);
    else entry.cells += num(row.n);
    found.set(num(row.id), list);
  }
  for (const list of found.values())
    list.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector));
  return found;
}

/** Communes first, as the article counts them (the order of the Sector enum). */
const SECTOR_ORDER: (string | null)[] = ['COMMUNE', 'AGENCY', 'ENTERPRISE', 'ARMED_FORCES', null];
