// Working days (ngày làm việc) on a calendar the deployment configures: weekend days plus public
// holidays. Deadlines in the admission rules count working days. Pure, apart from
// calendarFromEnv, which reads the configuration it is given.
import Holidays from 'date-holidays';
import { addDays, isCalendarDate, isoWeekday } from './dates.ts';

export interface WorkingCalendar {
  /** ISO weekdays off: 6 = Saturday, 7 = Sunday. */
  weekend: number[];
  holidays: { has(day: string): boolean };
}

// Lunar dates — Tết (1/1 lunar) and the Hùng Kings' day (10/3 lunar) — come from date-holidays,
// a maintained library that computes them for any year; the statutory rules are applied on top.
const lunar = new Holidays('VN');
const lunarDays = new Map<number, { tet: string; hungKings: string }>();

/** Tết's first day and the Hùng Kings' day of a year; an error for a year the library cannot give. */
export function lunarHolidays(year: number): { tet: string; hungKings: string } {
  let found = lunarDays.get(year);
  if (!found) {
    // The years ketnap's dates may take (the Date scalar's range), which the library covers.
    if (year < 1900 || year > 2100)
      throw new RangeError(`No lunar calendar for ${year}: working days are counted from 1900 to 2100`);
    const days = lunar.getHolidays(year) || [];
    const named = (name: string) => days.find((h) => h.type === 'public' && h.name === name)?.date.slice(0, 10);
    const tet = named('Tết Nguyên Đán');
    const hungKings = named('Giỗ tổ Hùng Vương');
    if (!tet || !hungKings || !tet.startsWith(`${year}-`))
      throw new RangeError(`No lunar calendar for ${year}: working days cannot be counted in that year`);
    found = { tet, hungKings };
    lunarDays.set(year, found);
  }
  return found;
}

/**
 * Vietnam's public holidays of a year (Labour Code 2012 Art. 115, 2019 Art. 112): 1 Jan; Tết,
 * the last day of the old year and the first four of the new (the government's yearly schedule
 * moves days around: configure KETNAP_HOLIDAYS for exact lists); Hùng Kings; 30 Apr; 1 May;
 * 2 Sep, and from 2021 also 1 Sep (the adjacent day; some years took 3 Sep instead).
 */
export function vietnameseHolidays(years: number[]): string[] {
  return years.flatMap((y) => {
    const days = [`${y}-01-01`, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`];
    if (y >= 2021) days.push(`${y}-09-01`);
    const { tet, hungKings } = lunarHolidays(y);
    for (let k = -1; k <= 3; k++) days.push(addDays(tet, k));
    days.push(hungKings);
    return days;
  });
}

/** Holidays looked up year by year as days are asked about (every year has its own Tết). */
class YearlyHolidays implements ReadonlySetLike {
  private readonly years = new Map<number, Set<string>>();
  constructor(
    private readonly statutory: boolean,
    private readonly listed: ReadonlySet<string>,
  ) {}
  has(day: string): boolean {
    if (this.listed.has(day)) return true;
    if (!this.statutory) return false;
    const year = Number(day.slice(0, 4));
    let days = this.years.get(year);
    if (!days) {
      days = new Set(vietnameseHolidays([year]));
      this.years.set(year, days);
    }
    return days.has(day);
  }
}

interface ReadonlySetLike {
  has(day: string): boolean;
}

export const defaultCalendar: WorkingCalendar = { weekend: [6, 7], holidays: new YearlyHolidays(true, new Set()) };

/**
 * KETNAP_WEEKEND ("6,7") replaces the weekend; KETNAP_HOLIDAYS ("2017-09-04,…") adds holidays
 * to the default list, or replaces it when it starts with "only:".
 */
export function calendarFromEnv(env: Record<string, string | undefined> = process.env): WorkingCalendar {
  const weekend = env.KETNAP_WEEKEND ? env.KETNAP_WEEKEND.split(',').map((s) => Number(s.trim())) : [6, 7];
  if (weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new Error('KETNAP_WEEKEND: ISO weekdays 1–7, e.g. "6,7"');
  const raw = env.KETNAP_HOLIDAYS ?? '';
  const only = raw.startsWith('only:');
  const listed = (only ? raw.slice(5) : raw)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = listed.find((d) => !isCalendarDate(d));
  if (bad) throw new Error(`KETNAP_HOLIDAYS: "${bad}" is not a date YYYY-MM-DD`);
  return { weekend, holidays: new YearlyHolidays(!only, new Set(listed)) };
}

export function isWorkingDay(calendar: WorkingCalendar, day: string): boolean {
  return !calendar.weekend.includes(isoWeekday(day)) && !calendar.holidays.has(day);
}

/** The day on which `n` working days after `from` have passed: the n-th working day after it. */
export function addWorkingDays(calendar: WorkingCalendar, from: string, n: number): string {
  if (calendar.weekend.length >= 7) throw new Error('A calendar needs at least one working weekday');
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
}

/** The n-th working day before `from`, the mirror of addWorkingDays (which it undoes on a working day). */
export function subtractWorkingDays(calendar: WorkingCalendar, from: string, n: number): string {
  if (calendar.weekend.length >= 7) throw new Error('A calendar needs at least one working weekday');
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, -1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(calendar, day)) n += 1;
  return n;
}
