// The figures of the admissions report file (báo cáo kết nạp đảng viên): for an organisation and a
// period, each grassroots organisation of its subtree on the period's last day and the subtree as a
// whole, read through the same functions as the GraphQL report (read/report.ts), so that the file
// and `Organisation.report` never count differently.

import { admissionBreakdowns, type Breakdown, emptyBreakdown, memberBreakdowns } from '../read/report.ts';
import { aliveOn, coversDay, GRASSROOTS_KINDS_SQL, num, query, sql } from '../read/sql.ts';
import { addDays } from '../rules/dates.ts';
import { type DayRange, sameTimeLastYear } from '../rules/periods.ts';

/** One line of the report: an organisation's admissions, those of a year before, its members at the start. */
export interface ReportLine {
  code: string;
  name: string;
  admissions: Breakdown;
  lastYear: Breakdown;
  membersAtStart: Breakdown;
}

export interface AdmissionsReport extends DayRange {
  org: { code: string; name: string };
  /** The grassroots organisations (TCCSĐ) of the subtree on `to`, by code. */
  lines: ReportLine[];
  /** The subtree as a whole: the GraphQL report's figures. */
  total: ReportLine;
}

/** The grassroots organisations in the subtree of `id` on `day` (itself, if it is one). */
async function grassrootsIn(id: number, day: string): Promise<{ id: number; code: string; name: string }[]> {
  const rows = await query<{ id: unknown; code: string; name: string }>(sql`
    SELECT o."id" AS "id", o."code" AS "code", o."name" AS "name"
    FROM "OrganisationAncestry" a JOIN "Organisation" o ON o."id" = a."descendantId"
    WHERE a."ancestorId" = ${id} AND ${coversDay('a', day)}
      AND o."kind" IN ${GRASSROOTS_KINDS_SQL} AND ${aliveOn('o', day)}
    ORDER BY o."code"`);
  return rows.map((r) => ({ id: num(r.id), code: r.code, name: r.name }));
}

export async function admissionsReport(
  org: { id: number; code: string; name: string },
  period: DayRange,
): Promise<AdmissionsReport> {
  const grassroots = await grassrootsIn(org.id, period.to);
  const ids = [org.id, ...grassroots.map((g) => g.id)];
  const before = sameTimeLastYear(period);
  const [admissions, lastYear, atStart] = await Promise.all([
    admissionBreakdowns(ids, period.from, period.to),
    admissionBreakdowns(ids, before.from, before.to),
    memberBreakdowns(ids, addDays(period.from, -1)),
  ]);
  const line = (o: { id: number; code: string; name: string }): ReportLine => ({
    code: o.code,
    name: o.name,
    admissions: admissions.get(o.id) ?? emptyBreakdown(),
    lastYear: lastYear.get(o.id) ?? emptyBreakdown(),
    membersAtStart: atStart.get(o.id) ?? emptyBreakdown(),
  });
  return { ...period, org: { code: org.code, name: org.name }, lines: grassroots.map(line), total: line(org) };
}
