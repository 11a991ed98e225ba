// SubtreeDay: for each organisation above the cells and each day, the change of its subtree's member
// count and the admissions attributed to it that day, with the tree as it stood on that day.
// A member counts in a subtree while a placement, the cell's ancestry and the membership all cover
// the day; so each (placement, ancestor) pair adds +1 where the three begin together and -1 where
// the first of them ends. The provinces' rows are repeated under COUNTRY_ID (the whole country).
// Computed from the members' placements and their cells' links, for every member (rebuild) or for
// the members a write touches (before and after it: the difference is applied).
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { CELL_KINDS_SQL, num } from '../read/sql.ts';
import { COUNTRY_ID, GRAINS, greatest, idConditions, inSlices, join, least, OPEN, type Queryable, sql } from './sql.ts';

export interface DayChange {
  members: number;
  admissions: number;
}

/** Changes keyed by `${organisationId}|${day}`. */
export type Changes = Map<string, DayChange>;

/**
 * Sums by organisation and day's index (numbers: a string key per sum made a national rebuild
 * twice as slow).
 */
class Tally {
  readonly byOrg = new Map<number, Map<number, DayChange>>();
  add(org: number, day: string, members: number, admissions: number) {
    this.addAt(org, dayIndex(day), members, admissions);
  }
  addAt(org: number, index: number, members: number, admissions: number) {
    let days = this.byOrg.get(org);
    if (!days) this.byOrg.set(org, (days = new Map()));
    const entry = days.get(index);
    if (entry) {
      entry.members += members;
      entry.admissions += admissions;
    } else days.set(index, { members, admissions });
  }
}

/** 'YYYY-MM-DD' as a number in the same order: months of 31 days from the year 1800. */
function dayIndex(day: string): number {
  // Digits read as char codes (48 is '0'), without a helper: this runs tens of millions of times.
  const year = day.charCodeAt(0) * 1000 + day.charCodeAt(1) * 100 + day.charCodeAt(2) * 10 + day.charCodeAt(3) - 53328;
  const month = day.charCodeAt(5) * 10 + day.charCodeAt(6) - 528;
  return ((year - 1800) * 12 + month - 1) * 31 + day.charCodeAt(8) * 10 + day.charCodeAt(9) - 528 - 1;
}

/** The day (or its month, or its year: `length` 10, 7 or 4) of a day's index. */
function dayOf(index: number, length: number): string {
  const year = String(1800 + Math.floor(index / 372));
  const month = String((Math.floor(index / 31) % 12) + 1).padStart(2, '0');
  const day = String((index % 31) + 1).padStart(2, '0');
  return `${year}-${month}-${day}`.slice(0, length);
}

/** A link of a cell to one of its ancestors: [s, e), and whether the ancestor is a province. */
interface Link {
  org: number;
  s: string;
  e: string;
  province: boolean;
}

/** The cells' links to their ancestors (every cell's when `cellIds` is null), by cell. */
async function linksOf(q: Queryable, cellIds: readonly number[] | null): Promise<Map<number, Link[]>> {
  const links = new Map<number, Link[]>();
  const read = async (only: Prisma.Sql) => {
    const rows = await q.rows<{ cell: unknown; org: unknown; s: string; e: string; province: unknown }>(sql`
      SELECT a."descendantId" AS "cell", a."ancestorId" AS "org", a."startOn" AS "s",
        COALESCE(a."endOn", ${OPEN}) AS "e", CASE WHEN o."kind" = 'PROVINCIAL' THEN 1 ELSE 0 END AS "province"
      FROM "OrganisationAncestry" a JOIN "Organisation" o ON o."id" = a."ancestorId"
      WHERE a."depth" > 0 ${only}`);
    for (const row of rows) {
      const cell = num(row.cell);
      let list = links.get(cell);
      if (!list) links.set(cell, (list = []));
      list.push({ org: num(row.org), s: row.s, e: row.e, province: num(row.province) === 1 });
    }
  };
  if (cellIds === null)
    await read(sql`AND a."descendantId" IN (SELECT "id" FROM "Organisation" WHERE "kind" IN ${CELL_KINDS_SQL})`);
  else await inSlices(cellIds, (slice) => read(sql`AND a."descendantId" IN (${join(slice)})`));
  return links;
}

/**
 * Adds what the members chosen by `only` (a condition on Member m) contribute to `found`: for each
 * placement and each link of its cell, +1 where placement, link and membership all begin and -1
 * where the first of them ends; an admission +1 under each ancestor of its cell that day. Summed in
 * memory (a hash, not a sort: the database would sort tens of millions of rows at national size).
 */
async function contribute(
  q: Queryable,
  only: Prisma.Sql,
  links: (cells: number[]) => Promise<Map<number, Link[]>>,
  found: Tally,
) {
  const placed = await q.rows<{ cell: unknown; s: string; e: string }>(sql`
    SELECT p."cellId" AS "cell", ${greatest(q)}(p."startOn", m."admittedOn") AS "s",
      ${least(q)}(COALESCE(p."endOn", ${OPEN}), COALESCE(m."leftOn", ${OPEN})) AS "e"
    FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId" WHERE 1 = 1 ${only}`);
  const admitted = await q.rows<{ cell: unknown; day: string }>(sql`
    SELECT m."admittedInId" AS "cell", m."admittedOn" AS "day" FROM "Member" m WHERE 1 = 1 ${only}`);
  const cells = new Set<number>();
  for (const row of placed) cells.add(num(row.cell));
  for (const row of admitted) cells.add(num(row.cell));
  const linked = await links([...cells]);
  for (const row of placed) {
    if (row.s >= row.e) continue;
    for (const link of linked.get(num(row.cell)) ?? []) {
      const s = row.s > link.s ? row.s : link.s;
      const e = row.e < link.e ? row.e : link.e;
      if (s >= e) continue;
      const [start, end] = [dayIndex(s), e < OPEN ? dayIndex(e) : -1];
      found.addAt(link.org, start, 1, 0);
      if (end >= 0) found.addAt(link.org, end, -1, 0);
      if (!link.province) continue;
      found.addAt(COUNTRY_ID, start, 1, 0);
      if (end >= 0) found.addAt(COUNTRY_ID, end, -1, 0);
    }
  }
  for (const row of admitted)
    for (const link of linked.get(num(row.cell)) ?? []) {
      if (link.s > row.day || row.day >= link.e) continue;
      found.add(link.org, row.day, 0, 1);
      if (link.province) found.add(COUNTRY_ID, row.day, 0, 1);
    }
}

/** What the given members contribute now, summed by organisation and day. */
export async function contributionsOf(q: Queryable, memberIds: readonly number[]): Promise<Changes> {
  const found = new Tally();
  await idConditions(memberIds, (on) =>
    contribute(q, sql`AND ${on(sql`m."id"`)}`, (cells) => linksOf(q, cells), found),
  );
  const changes: Changes = new Map();
  for (const [org, days] of found.byOrg) for (const [index, v] of days) changes.set(`${org}|${dayOf(index, 10)}`, v);
  return changes;
}

/**
 * Appends `after - before` to SubtreeDay (never reads or updates it: concurrent writes do not
 * conflict), each grain summed as a rebuild writes it: a month's days in one row, a year's in one.
 */
export async function applyDifference(q: Queryable, before: Changes, after: Changes): Promise<void> {
  const difference = new Tally();
  for (const [changes, sign] of [
    [after, 1],
    [before, -1],
  ] as const)
    for (const [key, v] of changes) {
      const [org, day = ''] = key.split('|');
      difference.add(Number(org), day, sign * v.members, sign * v.admissions);
    }
  await writeGrains(q, difference);
}

/** Members read at a time by a rebuild (their rows, and the sums of their contributions). */
const REBUILD_PAGE = 100_000;

/**
 * Derives SubtreeDay again from the base tables, a page of members at a time: one row per
 * organisation and day, month and year, written in the order of the index, so that one
 * organisation's rows sit together on disk (a sum reads a few pages, not a page per row). The
 * country's rows, which every page adds to, are written once at the end.
 */
export async function rebuildSubtreeDays(q: Queryable): Promise<void> {
  await q.run(sql`DELETE FROM "SubtreeDay"`);
  const everyLink = await linksOf(q, null);
  const links = async () => everyLink;
  const [range] = await q.rows<{ low: unknown; high: unknown }>(
    sql`SELECT MIN("id") AS "low", MAX("id") AS "high" FROM "Member"`,
  );
  const country = new Tally();
  for (let low = num(range?.low) - 1; low < num(range?.high); low += REBUILD_PAGE) {
    const found = new Tally();
    await contribute(q, sql`AND m."id" > ${low} AND m."id" <= ${low + REBUILD_PAGE}`, links, found);
    for (const [index, v] of found.byOrg.get(COUNTRY_ID) ?? [])
      country.addAt(COUNTRY_ID, index, v.members, v.admissions);
    found.byOrg.delete(COUNTRY_ID);
    await writeGrains(q, found);
  }
  await writeGrains(q, country);
}

/** Writes sums as rows of each grain, in the index's order (organisation, grain, day). */
async function writeGrains(q: Queryable, tally: Tally): Promise<void> {
  const rows: [number, string, string, number, number][] = [];
  for (const org of [...tally.byOrg.keys()].sort((a, b) => a - b)) {
    const days = tally.byOrg.get(org) as Map<number, DayChange>;
    for (const [grain, length] of GRAINS) {
      // A month is its first day's index less one day per day; a year, less its months too.
      const unit = length === 10 ? 1 : length === 7 ? 31 : 372;
      const summed = new Tally();
      for (const [index, v] of days) summed.addAt(org, index - (index % unit), v.members, v.admissions);
      const sums = summed.byOrg.get(org) ?? new Map<number, DayChange>();
      for (const index of [...sums.keys()].sort((a, b) => a - b)) {
        const v = sums.get(index) as DayChange;
        if (v.members !== 0 || v.admissions !== 0)
          rows.push([org, grain, dayOf(index, length), v.members, v.admissions]);
      }
    }
  }
  await q.insert('SubtreeDay', ['organisationId', 'grain', 'day', 'members', 'admissions'], rows);
}
