// The board's report for the whole country, uncached, on a generated nation: our way (ReportDay and
// SubtreeDay, read/report.ts) against the same breakdowns counted from the base rows (the way the
// report was answered before ReportDay, read/report-rows.ts), and against one commune's report.
// The two ways must agree; prints medians and ratios, asserts nothing about time.
import { COUNTRY_ID } from '../src/derived/sql.ts';
import { admissionBreakdownsFromRows, memberBreakdownsFromRows } from '../src/read/report-rows.ts';
import { addDays } from '../src/rules/dates.ts';
import { median, ROUNDS } from './median.ts';

const FIGURES = 'total women { value } ethnicMinorities { value } aged18To30 { value } byEducation { count { value } }';
const PERIOD = { from: '2017-07-01', to: '2017-09-30' };
const REPORT = `report(period: "2017-Q3") { membersAtStart { ${FIGURES} } members { total } admissions { ${FIGURES} } }`;

interface Answer {
  membersAtStart: { total: number; women: { value: number | null } };
  admissions: { total: number; women: { value: number | null } };
}

/** `ask(query, variables)` answers a GraphQL query, uncached (an anonymous caller: the country's counts are large). */
export async function benchReport(
  ask: (query: string, variables?: Record<string, unknown>) => Promise<{ answer: { report: Answer } }>,
  commune: string,
): Promise<string[]> {
  const country = () => ask(`{ answer: country { ${REPORT} } }`).then((d) => d.answer.report);
  const one = () =>
    ask(`query One($code: String!) { answer: organisation(code: $code) { ${REPORT} } }`, { code: commune });
  const fromRows = async () => {
    const [atStart, admitted] = await Promise.all([
      memberBreakdownsFromRows([COUNTRY_ID], addDays(PERIOD.from, -1)),
      admissionBreakdownsFromRows([COUNTRY_ID], PERIOD.from, PERIOD.to),
      memberBreakdownsFromRows([COUNTRY_ID], PERIOD.to),
    ]);
    return { atStart: atStart.get(COUNTRY_ID), admitted: admitted.get(COUNTRY_ID) };
  };
  const ours = await country();
  const slow = await fromRows();
  for (const [name, a, b] of [
    ['members at the start', ours.membersAtStart, slow.atStart],
    ['admissions', ours.admissions, slow.admitted],
  ] as const)
    if (a.total !== b?.total || a.women.value !== b.women)
      throw new Error(`the two ways disagree on the country's ${name}: ${JSON.stringify({ a, b })}`);
  const oursMs = await median(country);
  const communeMs = await median(one);
  const rowsMs = await median(fromRows);
  return [
    `  the board's report for the whole country, 2017-Q3, uncached, ${ROUNDS} rounds, medians:`,
    `    ours (ReportDay): ${oursMs.toFixed(1)} ms; one commune: ${communeMs.toFixed(1)} ms; counted from the base rows: ${rowsMs.toFixed(1)} ms`,
    `    country / from rows = ${(oursMs / rowsMs).toFixed(3)}× (target ≤ 0.05×); country / commune = ${(oursMs / communeMs).toFixed(2)}× (target ≤ 3×)`,
  ];
}
