// Day numbers (days since 1970-01-01) for the generator's inner loops, millions of times per load,
// with the server's rules for what a date means: the ISO strings come from a table built once with
// rules/dates.ts, months and years from rules/policy.ts (31 Jan + 1 month = end of February), ages
// from rules/dates.ts, working days from rules/working-days.ts (the default calendar, holidays included).
import { addDays, ageOn as ageOnIso, daysBetween, daysInMonth, yearsBefore } from '../../rules/dates.ts';
import { addMonths as addMonthsIso } from '../../rules/policy.ts';
import { defaultCalendar, isWorkingDay } from '../../rules/working-days.ts';

export type Day = number;

const FIRST = '1900-01-01';
const LAST = '2040-12-31';
const BASE: Day = daysBetween('1970-01-01', FIRST);

const FIRST_YEAR = Number(FIRST.slice(0, 4));
const ISO: string[] = [];
const YEAR: number[] = [];
/** Per month from FIRST: the day number of its first day, and its length. */
const MONTH_START: number[] = [];
const MONTH_LENGTH: number[] = [];
for (let y = FIRST_YEAR; y <= Number(LAST.slice(0, 4)); y++)
  for (let m = 1; m <= 12; m++) {
    const ym = `${y}-${String(m).padStart(2, '0')}-`;
    MONTH_START.push(BASE + ISO.length);
    MONTH_LENGTH.push(daysInMonth(y, m));
    for (let d = 1; d <= daysInMonth(y, m); d++) {
      ISO.push(ym + String(d).padStart(2, '0'));
      YEAR.push(y);
    }
  }
if (ISO[0] !== FIRST || addDays(FIRST, ISO.length - 1) !== LAST) throw new Error('the day table is not contiguous');
const INDEX = new Map(ISO.map((s, i) => [s, i + BASE]));

/** Day number → 'YYYY-MM-DD'. */
export function iso(d: Day): string {
  const s = ISO[d - BASE];
  if (s === undefined) throw new RangeError(`day ${d} is outside ${FIRST}…${LAST}`);
  return s;
}

export function isoOrNull(d: Day | null): string | null {
  return d === null ? null : iso(d);
}

/** 'YYYY-MM-DD' → day number. */
export function day(s: string): Day {
  const d = INDEX.get(s);
  if (d === undefined) throw new RangeError(`"${s}" is not a date within ${FIRST}…${LAST}`);
  return d;
}

export function yearOf(d: Day): number {
  return YEAR[d - BASE] ?? Number(iso(d).slice(0, 4));
}

export function fromYmd(y: number, m: number, d: number): Day {
  return day(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

// The same day n months later (policy.ts), remembered: the generator asks for few distinct (d, n).
const months = new Map<number, Day>();
export function addMonths(d: Day, n: number): Day {
  const key = d * 4096 + n;
  let found = months.get(key);
  if (found === undefined) {
    found = day(addMonthsIso(iso(d), n));
    if (months.size > 200_000) months.clear();
    months.set(key, found);
  }
  return found;
}
export const addYears = (d: Day, n: number): Day => addMonths(d, 12 * n);
export const ageOn = (birth: Day, on: Day): number => ageOnIso(iso(birth), iso(on));

/**
 * The day a 'YYYY-MM-DD' sorts with, read digit by digit: for 29 February of a common year (which
 * yearsBefore may give), 28 February, since no day lies between the two.
 */
function daySorting(s: string): Day {
  const digit = (i: number) => s.charCodeAt(i) - 48;
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = (y - FIRST_YEAR) * 12 + digit(5) * 10 + digit(6) - 1;
  const start = MONTH_START[month];
  const length = MONTH_LENGTH[month];
  if (start === undefined || length === undefined) throw new RangeError(`"${s}" is outside ${FIRST}…${LAST}`);
  return start + Math.min(digit(8) * 10 + digit(9), length) - 1;
}

/**
 * The birth days on which someone is exactly `age` on `on`, as rules/dates.ts counts ages:
 * (first, last], from its yearsBefore (x ≤ yearsBefore(on, n) exactly when the age on `on` is ≥ n).
 */
export function birthRange(on: Day, age: number): [after: Day, last: Day] {
  const s = iso(on);
  return [daySorting(yearsBefore(s, age + 1)), daySorting(yearsBefore(s, age))];
}

// Working days of the default calendar, as a sorted table (the candidates' paths lie in 2015–2040).
const WORKING: Day[] = [];
for (let d = day('2015-01-01'); d <= day(LAST); d++) if (isWorkingDay(defaultCalendar, iso(d))) WORKING.push(d);

/** Index of the first working day after d (strictly). */
function firstAfter(d: Day): number {
  let lo = 0;
  let hi = WORKING.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((WORKING[mid] ?? 0) > d) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The n-th working day after d (n > 0), or before it (n < 0), as rules/working-days.ts counts them. */
export function addWorkingDays(d: Day, n: number): Day {
  if (n === 0) return d;
  const i = n > 0 ? firstAfter(d) + n - 1 : firstAfter(d - 1) + n;
  const found = WORKING[i];
  if (found === undefined) throw new RangeError(`working day ${n} from ${iso(d)} is outside the table`);
  return found;
}
