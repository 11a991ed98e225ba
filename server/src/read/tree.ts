// The tree as it stood on a day: parents and children, batched over many organisations.
import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import {
  aliveOn,
  coversDay,
  join,
  num,
  ORG_COLUMNS,
  type OrgRow,
  query,
  rowsUpTo,
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

/**
 * Grassroots organisations (committees and cells directly under a district) in each subtree, from
 * GrassrootsDay (server/src/derived/): an indexed range of one organisation's rows, whatever its size.
 */
export async function grassrootsOn(ids: readonly number[], day: string): Promise<Map<number, SectorCount[]>> {
  const rows = await query<{ id: number; sector: string | null; committees: unknown; cells: unknown }>(sql`
    SELECT d."organisationId" AS "id", CAST(d."sector" AS TEXT) AS "sector",
      SUM(d."committees") AS "committees", SUM(d."cells") AS "cells"
    FROM ${rowsUpTo('GrassrootsDay', ids, day)} d
    GROUP BY d."organisationId", d."sector"`);
  const found = new Map<number, SectorCount[]>();
  for (const row of rows) {
    const entry = { sector: row.sector, committees: num(row.committees), cells: num(row.cells) };
    if (entry.committees === 0 && entry.cells === 0) continue;
    found.set(num(row.id), [...(found.get(num(row.id)) ?? []), entry]);
  }
  for (const list of found.values()) bySectorOrder(list);
  return found;
}

/** Sorts counts by sector, communes first, as the article counts them; returns the list. */
export function bySectorOrder(list: SectorCount[]): SectorCount[] {
  return list.sort((a, b) => SECTOR_ORDER.indexOf(a.sector) - SECTOR_ORDER.indexOf(b.sector));
}

/** Communes first, as the article counts them (the order of the Sector enum). */
const SECTOR_ORDER: (string | null)[] = ['COMMUNE', 'AGENCY', 'ENTERPRISE', 'ARMED_FORCES', null];
