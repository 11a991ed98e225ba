// Working days (ngày làm việc) on a calendar the deployment configures: weekend days plus public
// holidays. Deadlines in the admission rules count working days. Pure, apart from
// calendarFromEnv, which reads the configuration it is given.
import { addDays, isCalendarDate, isoWeekday } from './dates.ts';

export interface WorkingCalendar {
  /** ISO weekdays off: 6 = Saturday, 7 = Sunday. */
  weekend: number[];
  holidays: ReadonlySet<string>;
}

// Lunar New Year's day and the Hùng Kings' day (10/3 lunar) in the Gregorian calendar.
const TET: Record<number, string> = {
  2015: '02-19',
  2016: '02-08',
  2017: '01-28',
  2018: '02-16',
  2019: '02-05',
  2020: '01-25',
  2021: '02-12',
  2022: '02-01',
  2023: '01-22',
  2024: '02-10',
  2025: '01-29',
  2026: '02-17',
};
const HUNG_KINGS: Record<number, string> = {
  2015: '04-28',
  2016: '04-16',
  2017: '04-06',
  2018: '04-25',
  2019: '04-14',
  2020: '04-02',
  2021: '04-21',
  2022: '04-10',
  2023: '04-29',
  2024: '04-18',
  2025: '04-07',
  2026: '04-26',
};

/**
 * Vietnam's public holidays 2015–2026 (Labour Code 2012 Art. 115, 2019 Art. 112): 1 Jan; Tết,
 * the last day of the old year and the first four of the new (the government's yearly schedule
 * moves days around: configure KETNAP_HOLIDAYS for exact lists); Hùng Kings; 30 Apr; 1 May;
 * 2 Sep, and from 2021 also 1 Sep (the adjacent day; some years took 3 Sep instead).
 */
export function vietnameseHolidays(years: number[] = Object.keys(TET).map(Number)): string[] {
  return years.flatMap((y) => {
    const days = [`${y}-01-01`, `${y}-04-30`, `${y}-05-01`, `${y}-09-02`];
    if (y >= 2021) days.push(`${y}-09-01`);
    const tet = TET[y];
    if (tet) for (let k = -1; k <= 3; k++) days.push(addDays(`${y}-${tet}`, k));
    const hung = HUNG_KINGS[y];
    if (hung) days.push(`${y}-${hung}`);
    return days;
  });
}

export const defaultCalendar: WorkingCalendar = { weekend: [6, 7], holidays: new Set(vietnameseHolidays()) };

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
  return { weekend, holidays: new Set([...(only ? [] : vietnameseHolidays()), ...listed]) };
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
