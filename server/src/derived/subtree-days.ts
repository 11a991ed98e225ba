// SubtreeDay: for each organisation above the cells and each day, the change of its subtree's member
// count and the admissions attributed to it that day, with the tree as it stood on that day.
// A member counts in a subtree while a placement, the cell's ancestry and the membership all cover
// the day; so each (placement, ancestor) pair adds +1 where the three begin together and -1 where
// the first of them ends. The provinces' rows are repeated under COUNTRY_ID (the whole country).
// Computed from the members' placements and their cells' links, for every member (rebuild) or for
// the members a write touches (before and after it: the difference is applied). ReportDay, the
// report's breakdowns of the same spans and admissions, is computed in the same walk, for the
// provinces and the country only (a district's report counts its rows: report-rows.ts).
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { CELL_KINDS_SQL, num } from '../read/sql.ts';
import {
  addAdmission,
  addMemberSpan,
  MEASURES,
  PERSON_COLUMNS,
  type Person,
  type PersonRow,
  personOf,
} from './report-days.ts';
import { COUNTRY_ID, greatest, idConditions, inSlices, join, least, OPEN, type Queryable, sql } from './sql.ts';
import { dayIndex, Tally, writeGrains } from './tally.ts';

/** What members contribute: SubtreeDay's totals, by day's index, and ReportDay's breakdowns. */
export interface Contributions {
  totals: Tally;
  report: Tally;
}

export const noContributions = (): Contributions => ({ totals: new Tally(), report: new Tally() });

/** A link of a cell to one of its ancestors: [s, e), and whether the ancestor is a province. */
export interface Link {
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

/** A placement of a member as contribute() reads it: its cell, [s, e) within the membership, the person. */
type Placed = { cell: unknown; s: string; e: string } & PersonRow;
/** An admission: the admitting cell, the day, the person. */
type Admitted = { cell: unknown; day: string } & PersonRow;

/**
 * Adds what the members chosen by `only` (a condition on Member m) contribute to `found`, read from
 * their placements and admissions (tally() says what each contributes).
 */
async function contribute(
  q: Queryable,
  only: Prisma.Sql,
  links: (cells: number[]) => Promise<Map<number, Link[]>>,
  found: Contributions,
) {
  const placed = await q.rows<Placed>(sql`
    SELECT p."cellId" AS "cell", ${greatest(q)}(p."startOn", m."admittedOn") AS "s",
      ${least(q)}(COALESCE(p."endOn", ${OPEN}), COALESCE(m."leftOn", ${OPEN})) AS "e", ${PERSON_COLUMNS}
    FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId" LEFT JOIN "Candidate" c ON c."id" = m."candidateId"
    WHERE 1 = 1 ${only}`);
  const admitted = await q.rows<Admitted>(sql`
    SELECT m."admittedInId" AS "cell", m."admittedOn" AS "day", ${PERSON_COLUMNS}
    FROM "Member" m LEFT JOIN "Candidate" c ON c."id" = m."candidateId" WHERE 1 = 1 ${only}`);
  await tally(placed, admitted, links, found);
}

/**
 * For each placement and each link of its cell, +1 where placement, link and membership all begin
 * and -1 where the first of them ends; an admission +1 under each ancestor of its cell that day; and
 * the same in the report's measures the member counts in. Summed in memory (a hash, not a sort: the
 * database would sort tens of millions of rows at national size).
 */
async function tally(
  placed: readonly Placed[],
  admitted: readonly Admitted[],
  links: (cells: number[]) => Promise<Map<number, Link[]>>,
  found: Contributions,
) {
  const cells = new Set<number>();
  for (const row of placed) cells.add(num(row.cell));
  for (const row of admitted) cells.add(num(row.cell));
  const linked = await links([...cells]);
  const { totals, report } = found;
  for (const row of placed) {
    if (row.s >= row.e) continue;
    let person: Person | undefined;
    for (const link of linked.get(num(row.cell)) ?? []) {
      const s = row.s > link.s ? row.s : link.s;
      const e = row.e < link.e ? row.e : link.e;
      if (s >= e) continue;
      const [start, end] = [dayIndex(s), e < OPEN ? dayIndex(e) : -1];
      totals.addAt(link.org, start, 1, 0);
      if (end >= 0) totals.addAt(link.org, end, -1, 0);
      if (!link.province) continue;
      totals.addAt(COUNTRY_ID, start, 1, 0);
      if (end >= 0) totals.addAt(COUNTRY_ID, end, -1, 0);
      person ??= personOf(row);
      addMemberSpan(report, link.org, s, e, person);
      addMemberSpan(report, COUNTRY_ID, s, e, person);
    }
  }
  for (const row of admitted) {
    let person: Person | undefined;
    for (const link of linked.get(num(row.cell)) ?? []) {
      if (link.s > row.day || row.day >= link.e) continue;
      totals.addAt(link.org, dayIndex(row.day), 0, 1);
      if (!link.province) continue;
      totals.addAt(COUNTRY_ID, dayIndex(row.day), 0, 1);
      person ??= personOf(row);
      addAdmission(report, link.org, row.day, person);
      addAdmission(report, COUNTRY_ID, row.day, person);
    }
  }
}

/**
 * A member a write has just recorded, as it recorded it: admitted by `cell` on `admittedOn` and
 * placed there from that day, still a member, not from a candidate record. What it contributes is
 * what contribute() would read back: one open placement from the admission day, and the admission.
 */
export interface NewMember extends Omit<PersonRow, 'source'> {
  cell: number;
  admittedOn: string;
}

/**
 * Adds what members just recorded (NewMember) contribute to `found`, from their rows as written:
 * nothing read back. `known` keeps their cells' links from one call to the next.
 */
export async function addContributionsOfNew(
  q: Queryable,
  members: readonly NewMember[],
  known: Map<number, Link[]>,
  found: Contributions,
): Promise<void> {
  // One row a member serves as its placement and its admission: spread copies took two thirds of the time.
  const rows = members.map((m) => ({
    cell: m.cell,
    s: m.admittedOn,
    e: OPEN,
    day: m.admittedOn,
    gender: m.gender,
    ethnicity: m.ethnicity,
    religion: m.religion,
    education: m.education,
    youth: m.youth,
    birthDate: m.birthDate,
    source: null,
  }));
  await tally(rows, rows, (cells) => linksOnce(q, cells, known), found);
}

/** Links of the cells, asked only for those not in `known` (which keeps them for the next call). */
async function linksOnce(q: Queryable, cells: number[], known: Map<number, Link[]>): Promise<Map<number, Link[]>> {
  const missing = cells.filter((c) => !known.has(c));
  if (missing.length > 0) {
    const found = await linksOf(q, missing);
    for (const cell of missing) known.set(cell, found.get(cell) ?? []);
  }
  return known;
}

/** What the given members contribute now. */
export async function contributionsOf(q: Queryable, memberIds: readonly number[]): Promise<Contributions> {
  const found = noContributions();
  await idConditions(memberIds, (on) =>
    contribute(q, sql`AND ${on(sql`m."id"`)}`, (cells) => linksOf(q, cells), found),
  );
  return found;
}

/**
 * Appends `after - before` to SubtreeDay and ReportDay (never reads or updates them: concurrent
 * writes do not conflict), each grain summed as a rebuild writes it.
 */
export async function applyDifference(q: Queryable, before: Contributions, after: Contributions): Promise<void> {
  const difference = noContributions();
  for (const key of ['totals', 'report'] as const) {
    difference[key].addAll(after[key], 1);
    difference[key].addAll(before[key], -1);
  }
  await write(q, difference);
}

const write = async (q: Queryable, c: Contributions) => {
  await writeGrains(q, 'SubtreeDay', c.totals);
  await writeGrains(q, 'ReportDay', c.report, MEASURES);
};

/** Members read at a time by a rebuild (their rows, and the sums of their contributions). */
const REBUILD_PAGE = 100_000;

/**
 * Derives SubtreeDay and ReportDay again from the base tables, a page of members at a time: one
 * row per organisation and day, month and year (and measure), written in the order of the index, so
 * that one organisation's rows sit together on disk (a sum reads a few pages, not a page per row).
 * The country's rows, which every page adds to, are written once at the end.
 */
export async function rebuildSubtreeDays(q: Queryable): Promise<void> {
  await q.run(sql`DELETE FROM "SubtreeDay"`);
  await q.run(sql`DELETE FROM "ReportDay"`);
  const everyLink = await linksOf(q, null);
  const links = async () => everyLink;
  const [range] = await q.rows<{ low: unknown; high: unknown }>(
    sql`SELECT MIN("id") AS "low", MAX("id") AS "high" FROM "Member"`,
  );
  const country = noContributions();
  for (let low = num(range?.low) - 1; low < num(range?.high); low += REBUILD_PAGE) {
    const found = noContributions();
    await contribute(q, sql`AND m."id" > ${low} AND m."id" <= ${low + REBUILD_PAGE}`, links, found);
    for (const key of ['totals', 'report'] as const) {
      for (const [index, v] of found[key].byOrg.get(COUNTRY_ID) ?? [])
        country[key].addAt(COUNTRY_ID, index, v.members, v.admissions);
      found[key].byOrg.delete(COUNTRY_ID);
    }
    await write(q, found);
  }
  await write(q, country);
}
