// The breakdowns of the board's periodic report, for many organisations at once: the members of a
// subtree on a day, and its admissions over a period (each under the tree of its own day), counted
// by gender, ethnic group, religion, Youth Union, age band, education level and the candidate's
// source. A province and the whole country (COUNTRY_ID) read ReportDay and SubtreeDay
// (server/src/derived/): sums up to a day, a few hundred rows whatever their size. A district and
// everything below it are counted from their rows (report-rows.ts): a few thousand members.
import type { CandidateSource, EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { COUNTRY_ID } from '../derived/sql.ts';
import { addDays } from '../rules/dates.ts';
import { admissionBreakdownsFromRows, memberBreakdownsFromRows } from './report-rows.ts';
import { join, num, query, rowsUpTo, sql } from './sql.ts';

export interface Breakdown {
  total: number;
  women: number;
  ethnicMinorities: number;
  religious: number;
  youthUnion: number;
  aged18To30: number;
  /** By the highest education level completed; null: not recorded. */
  byEducation: Map<EducationLevel | null, number>;
  /** By the mass organisation that found the candidate; null: admitted without a recorded path. */
  bySource: Map<CandidateSource | null, number>;
}

export const emptyBreakdown = (): Breakdown => ({
  total: 0,
  women: 0,
  ethnicMinorities: 0,
  religious: 0,
  youthUnion: 0,
  aged18To30: 0,
  byEducation: new Map(),
  bySource: new Map(),
});

/** Members of each subtree on `day`. */
export async function memberBreakdowns(ids: readonly number[], day: string): Promise<Map<number, Breakdown>> {
  const { fromRows, derived } = await split(ids);
  const found = await memberBreakdownsFromRows(fromRows, day);
  for (const [id, measures] of await sumsUpTo(derived, day, 'members')) found.set(id, breakdownOf(measures));
  return found;
}

/** Admissions of each subtree over [from, to]: the sums up to `to` less those before `from`. */
export async function admissionBreakdowns(
  ids: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, Breakdown>> {
  const { fromRows, derived } = await split(ids);
  const found = await admissionBreakdownsFromRows(fromRows, from, to);
  const [upTo, before] = await Promise.all([
    sumsUpTo(derived, to, 'admissions'),
    sumsUpTo(derived, addDays(from, -1), 'admissions'),
  ]);
  for (const [id, measures] of upTo) {
    for (const [measure, n] of before.get(id) ?? []) measures.set(measure, (measures.get(measure) ?? 0) - n);
    found.set(id, breakdownOf(measures));
  }
  return found;
}

/** The provinces and the country among `ids` (read from the derived tables), and the rest. */
async function split(ids: readonly number[]): Promise<{ fromRows: number[]; derived: number[] }> {
  const orgs = ids.filter((id) => id !== COUNTRY_ID);
  const provinces =
    orgs.length === 0
      ? []
      : await query<{ id: unknown }>(
          sql`SELECT "id" FROM "Organisation" WHERE "id" IN (${join(orgs)}) AND "kind" = 'PROVINCIAL'`,
        );
  const derived = new Set(provinces.map((r) => num(r.id)));
  if (orgs.length < ids.length) derived.add(COUNTRY_ID);
  return { fromRows: ids.filter((id) => !derived.has(id)), derived: [...derived] };
}

/** Each organisation's measures (and 'total', SubtreeDay's) summed up to `day`, of one column. */
async function sumsUpTo(
  ids: readonly number[],
  day: string,
  column: 'members' | 'admissions',
): Promise<Map<number, Map<string, number>>> {
  const found = new Map<number, Map<string, number>>();
  if (ids.length === 0) return found;
  const n = column === 'members' ? sql`d."members"` : sql`d."admissions"`;
  // Two statements side by side: one UNION of both took PostgreSQL's planner three times as long.
  const [measured, totals] = await Promise.all([
    query<{ id: unknown; measure: string; n: unknown }>(sql`
      SELECT d."organisationId" AS "id", d."measure" AS "measure", SUM(${n}) AS "n"
      FROM ${rowsUpTo('ReportDay', ids, day)} d GROUP BY d."organisationId", d."measure"`),
    query<{ id: unknown; n: unknown }>(sql`
      SELECT d."organisationId" AS "id", SUM(${n}) AS "n"
      FROM ${rowsUpTo('SubtreeDay', ids, day)} d GROUP BY d."organisationId"`),
  ]);
  for (const row of [...measured, ...totals.map((t) => ({ ...t, measure: 'total' }))]) {
    const id = num(row.id);
    const measures = found.get(id) ?? new Map<string, number>();
    measures.set(row.measure, num(row.n));
    found.set(id, measures);
  }
  return found;
}

/** A breakdown from ReportDay's measures; "not recorded" is the total less the recorded levels. */
function breakdownOf(measures: Map<string, number>): Breakdown {
  const b = emptyBreakdown();
  const get = (measure: string) => measures.get(measure) ?? 0;
  Object.assign(b, {
    total: get('total'),
    women: get('women'),
    ethnicMinorities: get('minorities'),
    religious: get('religious'),
    youthUnion: get('youthUnion'),
    aged18To30: get('aged18To30'),
  });
  for (const [map, prefix] of [
    [b.byEducation, 'education:'],
    [b.bySource, 'source:'],
  ] as const) {
    let recorded = 0;
    for (const [measure, n] of measures)
      if (measure.startsWith(prefix) && n !== 0) {
        (map as Map<string, number>).set(measure.slice(prefix.length), n);
        recorded += n;
      }
    if (b.total - recorded !== 0) map.set(null, b.total - recorded);
  }
  return b;
}
