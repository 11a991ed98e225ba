// SubtreeDay: for each organisation above the cells and each day, the change of its subtree's member
// count and the admissions attributed to it that day, with the tree as it stood on that day.
// A member counts in a subtree while a placement, the cell's ancestry and the membership all cover
// the day; so each (placement, ancestor) pair adds +1 where the three begin together and -1 where
// the first of them ends. The provinces' rows are repeated under COUNTRY_ID (the whole country).
// Computed by the database, for every member (rebuild) or for the members
// a write touches (before and after it: the difference is applied).
import { num } from '../read/sql.ts';
import {
  COUNTRY_ID,
  empty,
  GRAINS,
  greatest,
  inSlices,
  join,
  least,
  OPEN,
  PROVINCES_OF,
  type Queryable,
  raw,
  sql,
} from './sql.ts';

export interface DayChange {
  members: number;
  admissions: number;
}

/** Changes keyed by `${organisationId}|${day}`. */
export type Changes = Map<string, DayChange>;

function contributions(q: Queryable, memberIds: readonly number[] | null) {
  const only = memberIds ? sql`AND m."id" IN (${join([...memberIds])})` : empty;
  return sql`
    WITH placed AS (
      SELECT a."ancestorId" AS "org",
        ${greatest(q)}(p."startOn", a."startOn", m."admittedOn") AS "s",
        ${least(q)}(COALESCE(p."endOn", ${OPEN}), COALESCE(a."endOn", ${OPEN}), COALESCE(m."leftOn", ${OPEN})) AS "e"
      FROM "Placement" p
        JOIN "Member" m ON m."id" = p."memberId"
        JOIN "OrganisationAncestry" a ON a."descendantId" = p."cellId" AND a."depth" > 0
      WHERE 1 = 1 ${only}
    ),
    spans AS (
      SELECT "org", "s", "e" FROM placed
      UNION ALL SELECT ${COUNTRY_ID} AS "org", x."s", x."e" FROM placed x ${PROVINCES_OF('x')}
    ),
    admitted AS (
      SELECT a."ancestorId" AS "org", m."admittedOn" AS "day"
        FROM "Member" m JOIN "OrganisationAncestry" a ON a."descendantId" = m."admittedInId" AND a."depth" > 0
          AND a."startOn" <= m."admittedOn" AND (a."endOn" IS NULL OR a."endOn" > m."admittedOn")
        WHERE 1 = 1 ${only}
    ),
    events AS (
      SELECT "org", "s" AS "day", 1 AS "dm", 0 AS "da" FROM spans WHERE "s" < "e"
      UNION ALL SELECT "org", "e" AS "day", -1 AS "dm", 0 AS "da" FROM spans WHERE "s" < "e" AND "e" < ${OPEN}
      UNION ALL SELECT "org", "day", 0 AS "dm", 1 AS "da" FROM admitted
      UNION ALL SELECT ${COUNTRY_ID} AS "org", x."day", 0 AS "dm", 1 AS "da" FROM admitted x ${PROVINCES_OF('x')}
    )
    SELECT "org" AS "organisationId", "day", SUM("dm") AS "members", SUM("da") AS "admissions"
    FROM events GROUP BY "org", "day"`;
}

/** What the given members contribute now, summed by organisation and day. */
export async function contributionsOf(q: Queryable, memberIds: readonly number[]): Promise<Changes> {
  const found: Changes = new Map();
  await inSlices(memberIds, async (slice) => {
    const rows = await q.rows<{ organisationId: unknown; day: string; members: unknown; admissions: unknown }>(
      contributions(q, slice),
    );
    for (const row of rows) add(found, `${num(row.organisationId)}|${row.day}`, num(row.members), num(row.admissions));
  });
  return found;
}

function add(changes: Changes, key: string, members: number, admissions: number) {
  const entry = changes.get(key) ?? { members: 0, admissions: 0 };
  entry.members += members;
  entry.admissions += admissions;
  changes.set(key, entry);
}

/** Appends `after - before` to SubtreeDay (never reads or updates it: concurrent writes do not conflict). */
export async function applyDifference(q: Queryable, before: Changes, after: Changes): Promise<number> {
  const difference: Changes = new Map();
  for (const [key, v] of after) add(difference, key, v.members, v.admissions);
  for (const [key, v] of before) add(difference, key, -v.members, -v.admissions);
  const rows = [...difference].filter(([, v]) => v.members !== 0 || v.admissions !== 0);
  await inSlices(
    rows,
    async (slice) => {
      const values = slice.flatMap(([key, v]) => {
        const [org, day = ''] = key.split('|');
        return GRAINS.map(
          ([grain, length]) => sql`(${Number(org)}, ${grain}, ${day.slice(0, length)}, ${v.members}, ${v.admissions})`,
        );
      });
      await q.run(
        sql`INSERT INTO "SubtreeDay" ("organisationId", "grain", "day", "members", "admissions") VALUES ${join(values)}`,
      );
    },
    1000,
  );
  return rows.length;
}

/**
 * Derives SubtreeDay again from the base tables: one row per organisation and day, month and year,
 * written in the order of the index, so that one organisation's rows sit together on disk (a sum
 * reads a few pages, not a page per row).
 */
export async function rebuildSubtreeDays(q: Queryable): Promise<void> {
  await q.run(sql`DELETE FROM "SubtreeDay"`);
  await q.run(sql`
    INSERT INTO "SubtreeDay" ("organisationId", "grain", "day", "members", "admissions")
    SELECT c."organisationId", 'D', c."day", c."members", c."admissions" FROM (${contributions(q, null)}) c
    WHERE c."members" <> 0 OR c."admissions" <> 0
    ORDER BY c."organisationId", c."day"`);
  for (const [grain, length] of GRAINS.slice(1))
    await q.run(sql`
      INSERT INTO "SubtreeDay" ("organisationId", "grain", "day", "members", "admissions")
      SELECT "organisationId", ${raw(`'${grain}'`)}, substr("day", 1, ${raw(String(length))}), SUM("members"), SUM("admissions") FROM "SubtreeDay"
      WHERE "grain" = 'D' GROUP BY "organisationId", substr("day", 1, ${raw(String(length))})
      ORDER BY "organisationId", substr("day", 1, ${raw(String(length))})`);
}
