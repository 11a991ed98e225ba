// Calendar dates as 'YYYY-MM-DD' strings (Vietnam's calendar, no time of day). Pure functions.
// Comparing two such strings compares the dates, which the database relies on too.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date of the form YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** True when the string is a real calendar date such as 2017-02-28 (not 2017-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of a year of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) throw new RangeError(`${month} is not a month`);
  return days;
}

/** The date of a year, a month (1–12) and a day; a RangeError when there is no such day (2017-02-29). */
export function calendarDate(year: number, month: number, day: number): string {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isCalendarDate(date)) throw new RangeError(`${year}-${month}-${day} is not a calendar date`);
  return date;
}

const toEpochDay = (date: string) => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
const fromEpochDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `from` to `to` (0 when equal; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The day `years` years after `date`: the same month and day; for 29 February in a common year,
 * 1 March. The one definition of an anniversary (ages, probation, five-year windows, validity).
 */
export function anniversary(date: string, years: number): string {
  // Read without the pattern when the text has its shape: a national rebuild asks millions of times.
  const y = date.length === 10 && date[4] === '-' && date[7] === '-' ? Number(date.slice(0, 4)) : parts(date)[0];
  if (!Number.isInteger(y)) parts(date);
  const to = y + years;
  const year = String(to).padStart(4, '0');
  const common = to % 4 !== 0 || (to % 100 === 0 && to % 400 !== 0);
  return common && date.endsWith('-02-29') ? `${year}-03-01` : `${year}${date.slice(4)}`;
}

/** "More than `years` years after `date`" holds on `on`: from the day after the anniversary. */
export const moreThanYearsAfter = (date: string, years: number, on: string): boolean => on > anniversary(date, years);

/** Full years from `from` to `on`: an anniversary counts on its own day (29 Feb: from 1 Mar). */
export function fullYearsBetween(from: string, on: string): number {
  const [y1] = parts(from);
  const [y2] = parts(on);
  return y2 - y1 - (on.slice(5) < from.slice(5) ? 1 : 0);
}

/** Age on a day: full years since the birth date. */
export const ageOn = (birthDate: string, on: string): number => fullYearsBetween(birthDate, on);

/**
 * The latest date that lies `years` full years or more before `on`: `x <= yearsBefore(on, n)`
 * exactly when `fullYearsBetween(x, on) >= n`. It may be 29 Feb of a common year, which is
 * no real date but compares correctly as a string (used only in comparisons).
 */
export function yearsBefore(on: string, years: number): string {
  const [y] = parts(on);
  return `${String(y - years).padStart(4, '0')}${on.slice(4)}`;
}

/** Vietnam has no daylight saving: today's date there is UTC+7's. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Every month 'YYYY-MM' from the month of `from` to the month of `to`, both included. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = parts(from);
  const [ty, tm] = parts(to);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m === 12 ? ((y += 1), (m = 1)) : (m += 1);
  }
  return months;
}

/** The later and the earlier of two dates. */
export const laterOf = (a: string, b: string): string => (a > b ? a : b);
export const earlierOf = (a: string, b: string): string => (a < b ? a : b);

/** Whether a lasting state [startOn, endOn) covers the day. */
export const covers = (startOn: string, endOn: string | null, day: string): boolean =>
  startOn <= day && (endOn === null || endOn > day);
