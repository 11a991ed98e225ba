// ReportDay: the board's report's breakdowns, kept as SubtreeDay keeps the totals, so that a
// province's or the country's report over any period reads a few hundred rows instead of every
// member (read/report.ts). Kept for the provinces and the country only: a district's report counts
// its few thousand members' rows in milliseconds, and keeping every district's and committee's
// breakdowns made the table 15 million rows at a million members (2.4 million as it is). Who counts in which measure is said here once; subtree-days.ts calls it
// for each (placement, ancestor) span and each admission it already walks.
import { CandidateSource, EducationLevel } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { anniversary } from '../rules/dates.ts';
import { MAJORITY_ETHNICITY, YOUNG_AGES } from '../rules/report.ts';
import { OPEN, sql } from './sql.ts';
import { dayIndex, type Tally } from './tally.ts';

/** ReportDay's measures; the total is SubtreeDay's, and "not recorded" is the total less the rest. */
export const MEASURES = [
  'women',
  'minorities',
  'religious',
  'youthUnion',
  'aged18To30',
  ...Object.values(EducationLevel).map((level) => `education:${level}`),
  ...Object.values(CandidateSource).map((source) => `source:${source}`),
];
const K = MEASURES.length;
const INDEX = new Map(MEASURES.map((measure, i) => [measure, i]));
const [WOMEN, MINORITIES, RELIGIOUS, YOUTH, YOUNG] = [0, 1, 2, 3, 4];

/** A member as read with each placement and admission: the columns PERSON_COLUMNS names. */
export interface PersonRow {
  gender: string | null;
  ethnicity: string | null;
  religion: string | null;
  education: string | null;
  youth: unknown;
  birthDate: string;
  source: string | null;
}

/** The columns of PersonRow, for members `m` and their candidate record `c` (LEFT JOINed). */
export const PERSON_COLUMNS = sql`CAST(m."gender" AS TEXT) AS "gender", m."ethnicity" AS "ethnicity",
  m."religion" AS "religion", CAST(m."education" AS TEXT) AS "education", m."isYouthUnionMember" AS "youth",
  m."birthDate" AS "birthDate", CAST(c."source" AS TEXT) AS "source"`;

/** What a person counts in: measures held for life, and the days of youth age. */
export interface Person {
  constant: number[];
  /** [18th birthday, 31st birthday): aged 18 to 30 (an anniversary counts on its own day). */
  young: [string, string];
  /** A Youth Union member counts as one until the 31st birthday; null when not a member. */
  youthUntil: string | null;
}

export function personOf(row: PersonRow): Person {
  const constant: number[] = [];
  if (row.gender === 'FEMALE') constant.push(WOMEN);
  if (row.ethnicity !== null && row.ethnicity !== MAJORITY_ETHNICITY) constant.push(MINORITIES);
  if (row.religion !== null) constant.push(RELIGIOUS);
  if (row.education !== null) constant.push(INDEX.get(`education:${row.education}`) as number);
  if (row.source !== null) constant.push(INDEX.get(`source:${row.source}`) as number);
  const end = anniversary(row.birthDate, YOUNG_AGES.max + 1);
  // SQLite answers a boolean as 0 or 1, PostgreSQL as true or false.
  const youth = row.youth === true || Number(row.youth) === 1;
  return { constant, young: [anniversary(row.birthDate, YOUNG_AGES.min), end], youthUntil: youth ? end : null };
}

/** +1 at `s` and -1 at `e` (none when open) in measure `i` of `org`'s members. */
function span(t: Tally, org: number, s: string, e: string, i: number) {
  t.addAt(org, dayIndex(s) * K + i, 1, 0);
  if (e < OPEN) t.addAt(org, dayIndex(e) * K + i, -1, 0);
}

/** A member in `org`'s subtree over [s, e). */
export function addMemberSpan(t: Tally, org: number, s: string, e: string, p: Person) {
  for (const i of p.constant) span(t, org, s, e, i);
  const [from, to] = [s > p.young[0] ? s : p.young[0], e < p.young[1] ? e : p.young[1]];
  if (from < to) span(t, org, from, to, YOUNG);
  if (p.youthUntil !== null && s < p.youthUntil) span(t, org, s, e < p.youthUntil ? e : p.youthUntil, YOUTH);
}

/** An admission attributed to `org` on `day`: ages and Youth Union as on that day. */
export function addAdmission(t: Tally, org: number, day: string, p: Person) {
  const at = dayIndex(day) * K;
  for (const i of p.constant) t.addAt(org, at + i, 0, 1);
  if (p.young[0] <= day && day < p.young[1]) t.addAt(org, at + YOUNG, 0, 1);
  if (p.youthUntil !== null) t.addAt(org, at + YOUTH, 0, 1);
}
