// The report's breakdowns counted from the base rows over the closure table, grouped in SQL: what a
// cell's report reads (a cell is small), and the reference the property test holds ReportDay to
// (server/test/derived.test.ts). Any organisation works, and the whole country (COUNTRY_ID) as its
// provinces' subtrees together.
import type { CandidateSource, EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { COUNTRY_ID } from '../derived/sql.ts';
import { yearsBefore } from '../rules/dates.ts';
import { MAJORITY_ETHNICITY, YOUNG_AGES } from '../rules/report.ts';
import { type Breakdown, emptyBreakdown } from './report.ts';
import { coversDay, join, memberOn, num, query, type Sql, sql } from './sql.ts';

interface Row {
  id: unknown;
  education: EducationLevel | null;
  source: CandidateSource | null;
  n: unknown;
  women: unknown;
  minorities: unknown;
  religious: unknown;
  youth: unknown;
  young: unknown;
}

/** The counted columns, for members `m` (their candidate `c`), `young` and `youth` said by the caller. */
const counts = (young: Sql, youth: Sql) => sql`
  CAST(m."education" AS TEXT) AS "education", CAST(c."source" AS TEXT) AS "source", COUNT(*) AS "n",
  SUM(CASE WHEN m."gender" = 'FEMALE' THEN 1 ELSE 0 END) AS "women",
  SUM(CASE WHEN m."ethnicity" IS NOT NULL AND m."ethnicity" <> ${MAJORITY_ETHNICITY} THEN 1 ELSE 0 END) AS "minorities",
  SUM(CASE WHEN m."religion" IS NOT NULL THEN 1 ELSE 0 END) AS "religious",
  SUM(CASE WHEN ${youth} THEN 1 ELSE 0 END) AS "youth",
  SUM(CASE WHEN ${young} THEN 1 ELSE 0 END) AS "young"`;

/** Who is counted under whom: the ancestor `a` and the id it is reported as, grouped by. */
interface Scope {
  id: Sql;
  ancestors: Sql;
  group: Sql;
}

/**
 * The subtrees asked for: organisations by their ancestry rows, and the country (COUNTRY_ID) as the
 * rows under every province (the roots), which every member and admission lies under once.
 */
function scopes(ids: readonly number[]): Scope[] {
  const orgs = ids.filter((id) => id !== COUNTRY_ID);
  return [
    ...(orgs.length > 0 ? [{ id: sql`a."ancestorId"`, ancestors: join(orgs), group: sql`a."ancestorId",` }] : []),
    ...(orgs.length < ids.length
      ? [
          {
            id: sql`${COUNTRY_ID}`,
            ancestors: sql`SELECT "id" FROM "Organisation" WHERE "kind" = 'PROVINCIAL'`,
            group: sql``,
          },
        ]
      : []),
  ];
}

/** The breakdown rows of every scope, one statement each. */
const inScopes = async (ids: readonly number[], statement: (s: Scope) => Sql) =>
  collect((await Promise.all(scopes(ids).map((s) => query<Row>(statement(s))))).flat());

/**
 * Members of each subtree on `day`. Youth Union members are those admitted as members of it and
 * still of youth age (at most 30) on the day.
 */
export async function memberBreakdownsFromRows(ids: readonly number[], day: string): Promise<Map<number, Breakdown>> {
  const young = sql`m."birthDate" <= ${yearsBefore(day, YOUNG_AGES.min)} AND m."birthDate" > ${yearsBefore(day, YOUNG_AGES.max + 1)}`;
  const youth = sql`m."isYouthUnionMember" AND m."birthDate" > ${yearsBefore(day, YOUNG_AGES.max + 1)}`;
  return inScopes(
    ids,
    (s) => sql`
    SELECT ${s.id} AS "id", ${counts(young, youth)}
    FROM "OrganisationAncestry" a
      JOIN "Placement" p ON p."cellId" = a."descendantId"
      JOIN "Member" m ON m."id" = p."memberId"
      LEFT JOIN "Candidate" c ON c."id" = m."candidateId"
    WHERE a."ancestorId" IN (${s.ancestors}) AND ${coversDay('a', day)} AND ${coversDay('p', day)} AND ${memberOn(day)}
    GROUP BY ${s.group} m."education", c."source"`,
  );
}

/** Admissions of each subtree over [from, to], ages and Youth Union as on the day of admission. */
export async function admissionBreakdownsFromRows(
  ids: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, Breakdown>> {
  // Whole years from birth to admission: an anniversary counts on its own day (29 Feb: from 1 Mar).
  const age = sql`(CAST(substr(m."admittedOn", 1, 4) AS INTEGER) - CAST(substr(m."birthDate", 1, 4) AS INTEGER)
    - CASE WHEN substr(m."admittedOn", 6) < substr(m."birthDate", 6) THEN 1 ELSE 0 END)`;
  const young = sql`${age} >= ${YOUNG_AGES.min} AND ${age} <= ${YOUNG_AGES.max}`;
  return inScopes(
    ids,
    (s) => sql`
    SELECT ${s.id} AS "id", ${counts(young, sql`m."isYouthUnionMember"`)}
    FROM "Member" m
      JOIN "OrganisationAncestry" a ON a."descendantId" = m."admittedInId"
        AND a."startOn" <= m."admittedOn" AND (a."endOn" IS NULL OR a."endOn" > m."admittedOn")
      LEFT JOIN "Candidate" c ON c."id" = m."candidateId"
    WHERE a."ancestorId" IN (${s.ancestors}) AND m."admittedOn" >= ${from} AND m."admittedOn" <= ${to}
    GROUP BY ${s.group} m."education", c."source"`,
  );
}

/** Sums the (education, source) groups of each organisation into its breakdown. */
function collect(rows: Row[]): Map<number, Breakdown> {
  const found = new Map<number, Breakdown>();
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const row of rows) {
    const id = num(row.id);
    const b = found.get(id) ?? emptyBreakdown();
    const n = num(row.n);
    b.total += n;
    b.women += num(row.women);
    b.ethnicMinorities += num(row.minorities);
    b.religious += num(row.religious);
    b.youthUnion += num(row.youth);
    b.aged18To30 += num(row.young);
    add(b.byEducation, row.education, n);
    add(b.bySource, row.source, n);
    found.set(id, b);
  }
  return found;
}
