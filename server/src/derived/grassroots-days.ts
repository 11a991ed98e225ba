// GrassrootsDay: for each organisation and each day, the change of the number of grassroots
// committees and cells of its subtree, by sector. A grassroots organisation counts under an
// ancestor while it is alive and the ancestry covers the day: +1 where both begin, -1 where the
// first ends. The provinces' rows are repeated under COUNTRY_ID (the whole country). Computed by
// the database, for every grassroots organisation (rebuild) or for those a write touches (before and after it: the difference is appended).
import { GRASSROOTS_KINDS_SQL, num } from '../read/sql.ts';
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

interface Count {
  committees: number;
  cells: number;
}

/** Changes keyed by `${organisationId}|${day}|${sector}` (sector '' when none). */
export type GrassrootsChanges = Map<string, Count>;

function contributions(q: Queryable, orgIds: readonly number[] | null) {
  const only = orgIds ? sql`AND g."id" IN (${join([...orgIds])})` : empty;
  return sql`
    WITH placed AS (
      SELECT a."ancestorId" AS "org", g."sector" AS "sector",
        CASE WHEN g."kind" = 'GRASSROOTS_COMMITTEE' THEN 1 ELSE 0 END AS "committee",
        ${greatest(q)}(a."startOn", g."establishedOn") AS "s",
        ${least(q)}(COALESCE(a."endOn", ${OPEN}), COALESCE(g."dissolvedOn", ${OPEN})) AS "e"
      FROM "Organisation" g JOIN "OrganisationAncestry" a ON a."descendantId" = g."id" AND a."depth" > 0
      WHERE g."kind" IN ${GRASSROOTS_KINDS_SQL} ${only}
    ),
    spans AS (
      SELECT "org", "sector", "committee", "s", "e" FROM placed
      UNION ALL SELECT ${COUNTRY_ID} AS "org", x."sector", x."committee", x."s", x."e" FROM placed x ${PROVINCES_OF('x')}
    ),
    events AS (
      SELECT "org", "s" AS "day", "sector", "committee", 1 AS "d" FROM spans WHERE "s" < "e"
      UNION ALL SELECT "org", "e" AS "day", "sector", "committee", -1 AS "d" FROM spans WHERE "s" < "e" AND "e" < ${OPEN}
    )
    SELECT "org" AS "organisationId", "day", "sector",
      SUM("d" * "committee") AS "committees", SUM("d" * (1 - "committee")) AS "cells"
    FROM events GROUP BY "org", "day", "sector"`;
}

/** What the given organisations (those of them that are grassroots) contribute now. */
export async function grassrootsContributions(q: Queryable, orgIds: readonly number[]): Promise<GrassrootsChanges> {
  const found: GrassrootsChanges = new Map();
  await inSlices(orgIds, async (slice) => {
    const rows = await q.rows<{
      organisationId: unknown;
      day: string;
      sector: string | null;
      committees: unknown;
      cells: unknown;
    }>(contributions(q, slice));
    for (const row of rows)
      add(found, `${num(row.organisationId)}|${row.day}|${row.sector ?? ''}`, num(row.committees), num(row.cells));
  });
  return found;
}

function add(changes: GrassrootsChanges, key: string, committees: number, cells: number) {
  const entry = changes.get(key) ?? { committees: 0, cells: 0 };
  entry.committees += committees;
  entry.cells += cells;
  changes.set(key, entry);
}

/** Appends `after - before` to GrassrootsDay. */
export async function appendGrassrootsDifference(
  q: Queryable,
  before: GrassrootsChanges,
  after: GrassrootsChanges,
): Promise<void> {
  const difference: GrassrootsChanges = new Map();
  for (const [key, v] of after) add(difference, key, v.committees, v.cells);
  for (const [key, v] of before) add(difference, key, -v.committees, -v.cells);
  const rows = [...difference].filter(([, v]) => v.committees !== 0 || v.cells !== 0);
  const asSector = raw(q.dialect === 'postgres' ? '::"Sector"' : '');
  await inSlices(
    rows,
    async (slice) => {
      const values = slice.flatMap(([key, v]) => {
        const [org, day = '', sector] = key.split('|');
        return GRAINS.map(
          ([grain, length]) =>
            sql`(${Number(org)}, ${grain}, ${day.slice(0, length)}, ${sector ? sector : null}${asSector}, ${v.committees}, ${v.cells})`,
        );
      });
      await q.run(
        sql`INSERT INTO "GrassrootsDay" ("organisationId", "grain", "day", "sector", "committees", "cells") VALUES ${join(values)}`,
      );
    },
    1000,
  );
}

/** Derives GrassrootsDay again from the base tables: one row per organisation, sector and day, month and year. */
export async function rebuildGrassrootsDays(q: Queryable): Promise<void> {
  await q.run(sql`DELETE FROM "GrassrootsDay"`);
  await q.run(sql`
    INSERT INTO "GrassrootsDay" ("organisationId", "grain", "day", "sector", "committees", "cells")
    SELECT c."organisationId", 'D', c."day", c."sector", c."committees", c."cells" FROM (${contributions(q, null)}) c
    WHERE c."committees" <> 0 OR c."cells" <> 0
    ORDER BY c."organisationId", c."day"`);
  for (const [grain, length] of GRAINS.slice(1))
    await q.run(sql`
      INSERT INTO "GrassrootsDay" ("organisationId", "grain", "day", "sector", "committees", "cells")
      SELECT "organisationId", ${raw(`'${grain}'`)}, substr("day", 1, ${raw(String(length))}), "sector", SUM("committees"), SUM("cells")
      FROM "GrassrootsDay" WHERE "grain" = 'D' GROUP BY "organisationId", substr("day", 1, ${raw(String(length))}), "sector"
      ORDER BY "organisationId", substr("day", 1, ${raw(String(length))})`);
}
