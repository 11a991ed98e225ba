// Periods as organisation boards name them in their reports (báo cáo quý, 6 tháng, năm, nhiệm kỳ):
// the one place where `2017-Q3`, `2017-H1`, `2017`, `2017-07` or `2015-2020` become days. Pure.
import { addDays, anniversary, calendarDate, daysInMonth } from './dates.ts';
import { CONGRESS_TERM } from './policy.ts';

/** A period: its first and last days, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The forms a period may be written in, as said in errors and in the API's descriptions. */
export const PERIOD_FORMS =
  'a year (2017), a half-year (2017-H1, 2017-H2), a quarter (2017-Q1 … 2017-Q4), a month (2017-07) ' +
  `or a congress term (2015-2020: ${CONGRESS_TERM.years} years from 1 July of its first year to 30 June of its last)`;

/** Years a period may be in: those of the dates ketnap knows (1900-01-01 to 2100-12-31). */
const [FIRST_YEAR, LAST_YEAR] = [1900, 2100];

/** The days of a named period, or the reason it is not one (a sentence for the caller). */
export function parsePeriod(text: string): DayRange | { error: string } {
  const refused = (why: string) => ({ error: `${JSON.stringify(text.slice(0, 40))} ${why}` });
  const match = /^(\d{4})(?:-(?:([QqHh])(\d)|(\d{2})|(\d{4})))?$/.exec(text);
  if (!match) return refused(`is not a period: write ${PERIOD_FORMS}`);
  const year = Number(match[1]);
  const [, , letter, part, month, last] = match;
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return refused(`is outside the years ketnap knows (${FIRST_YEAR}–${LAST_YEAR})`);
  if (letter) {
    const months = letter.toUpperCase() === 'Q' ? 3 : 6;
    const n = Number(part);
    if (n < 1 || n > 12 / months)
      return refused(`names no ${months === 3 ? 'quarter (Q1 to Q4)' : 'half-year (H1 or H2)'}`);
    return monthsRange(year, (n - 1) * months + 1, n * months);
  }
  if (month) {
    const m = Number(month);
    if (m < 1 || m > 12) return refused('names no month (01 to 12)');
    return monthsRange(year, m, m);
  }
  if (last) {
    const end = Number(last);
    if (end !== year + CONGRESS_TERM.years || year % CONGRESS_TERM.firstYearMultipleOf !== 0)
      return refused(
        `is not a congress term: a term runs ${CONGRESS_TERM.years} years from a congress year (…, 2015-2020, 2020-2025, …)`,
      );
    if (end > LAST_YEAR) return refused(`is outside the years ketnap knows (${FIRST_YEAR}–${LAST_YEAR})`);
    const from = `${year}-${CONGRESS_TERM.startsOn}`;
    return { from, to: addDays(`${end}-${CONGRESS_TERM.startsOn}`, -1) };
  }
  return monthsRange(year, 1, 12);
}

function monthsRange(year: number, first: number, last: number): DayRange {
  return { from: calendarDate(year, first, 1), to: calendarDate(year, last, daysInMonth(year, last)) };
}

/**
 * Cùng kỳ: the same period a year before. Each end moves back one year as an anniversary does,
 * except a period that ends on 29 February, whose year before ends on 28 February (the month's
 * end, as `2016-02` a year before is `2015-02`).
 */
export function sameTimeLastYear({ from, to }: DayRange): DayRange {
  const end = to.endsWith('-02-29')
    ? `${String(Number(to.slice(0, 4)) - 1).padStart(4, '0')}-02-28`
    : anniversary(to, -1);
  return { from: anniversary(from, -1), to: end };
}
