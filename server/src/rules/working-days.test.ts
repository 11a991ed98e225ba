import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  calendarFromEnv,
  defaultCalendar,
  isWorkingDay,
  lunarHolidays,
  subtractWorkingDays,
  vietnameseHolidays,
  workingDaysBetween,
} from './working-days.ts';

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay(defaultCalendar, '2017-03-03')).toBe(true); // Friday
    expect(isWorkingDay(defaultCalendar, '2017-03-04')).toBe(false);
    expect(addWorkingDays(defaultCalendar, '2017-03-03', 1)).toBe('2017-03-06');
    expect(addWorkingDays(defaultCalendar, '2017-03-03', 0)).toBe('2017-03-03');
  });
  it('skips public holidays: Tết 2017, 30 April and 1 May, Hùng Kings', () => {
    expect(vietnameseHolidays([2017])).toEqual(
      expect.arrayContaining(['2017-01-27', '2017-01-31', '2017-04-06', '2017-05-01']),
    );
    expect(isWorkingDay(defaultCalendar, '2017-01-30')).toBe(false);
    expect(addWorkingDays(defaultCalendar, '2017-01-26', 1)).toBe('2017-02-01');
    expect(addWorkingDays(defaultCalendar, '2017-04-28', 1)).toBe('2017-05-02');
  });
  it('takes Tết and the Hùng Kings from the lunar calendar, in every year, agreeing with the published dates', () => {
    // The dates published for 2015–2026, once kept here as a table that ended in 2026.
    const published: Record<number, [tet: string, hungKings: string]> = {
      2015: ['02-19', '04-28'],
      2016: ['02-08', '04-16'],
      2017: ['01-28', '04-06'],
      2018: ['02-16', '04-25'],
      2019: ['02-05', '04-14'],
      2020: ['01-25', '04-02'],
      2021: ['02-12', '04-21'],
      2022: ['02-01', '04-10'],
      2023: ['01-22', '04-29'],
      2024: ['02-10', '04-18'],
      2025: ['01-29', '04-07'],
      2026: ['02-17', '04-26'],
    };
    for (const [year, [tet, hung]] of Object.entries(published))
      expect(lunarHolidays(Number(year)), year).toEqual({ tet: `${year}-${tet}`, hungKings: `${year}-${hung}` });
    // 2027: Tết falls on 6 February; its five days are not working days (the old table missed them).
    for (const day of ['2027-02-05', '2027-02-08', '2027-02-09'])
      expect(isWorkingDay(defaultCalendar, day), day).toBe(false);
    expect(isWorkingDay(defaultCalendar, '2027-02-10')).toBe(true);
    expect(isWorkingDay(defaultCalendar, '2027-04-16')).toBe(false);
    expect(addWorkingDays(defaultCalendar, '2027-02-04', 1)).toBe('2027-02-10');
  });
  it('refuses loudly a year without a lunar calendar', () => {
    expect(() => lunarHolidays(1500)).toThrow(/No lunar calendar for 1500/);
    expect(() => isWorkingDay(defaultCalendar, '2101-01-03')).toThrow(/No lunar calendar for 2101/);
  });
  it('counts (from, to]: the start day not, the end day yes', () => {
    expect(workingDaysBetween(defaultCalendar, '2017-03-06', '2017-03-06')).toBe(0);
    expect(workingDaysBetween(defaultCalendar, '2017-03-06', '2017-03-13')).toBe(5);
    expect(workingDaysBetween(defaultCalendar, '2017-03-13', '2017-03-06')).toBe(0);
    const sixty = addWorkingDays(defaultCalendar, '2017-03-01', 60);
    expect(workingDaysBetween(defaultCalendar, '2017-03-01', sixty)).toBe(60);
  });
  it('counts back the same way: the n-th working day before a day', () => {
    expect(subtractWorkingDays(defaultCalendar, '2017-03-06', 1)).toBe('2017-03-03'); // Monday → Friday
    expect(subtractWorkingDays(defaultCalendar, '2017-03-04', 1)).toBe('2017-03-03'); // from a Saturday
    expect(subtractWorkingDays(defaultCalendar, '2017-02-01', 1)).toBe('2017-01-26'); // over Tết
    expect(subtractWorkingDays(defaultCalendar, '2017-05-02', 1)).toBe('2017-04-28'); // over 30 April, 1 May
    expect(subtractWorkingDays(defaultCalendar, '2017-03-06', 0)).toBe('2017-03-06');
    for (const day of ['2017-02-01', '2017-05-02', '2017-09-05', '2017-12-29']) {
      const back = subtractWorkingDays(defaultCalendar, day, 30);
      expect(addWorkingDays(defaultCalendar, back, 30)).toBe(day);
      expect(workingDaysBetween(defaultCalendar, back, day)).toBe(30);
    }
  });
  it('reads the calendar from configuration', () => {
    const cal = calendarFromEnv({ KETNAP_WEEKEND: '7', KETNAP_HOLIDAYS: 'only:2017-03-06' });
    expect(isWorkingDay(cal, '2017-03-04')).toBe(true);
    expect(isWorkingDay(cal, '2017-03-06')).toBe(false);
    expect(isWorkingDay(cal, '2017-05-01')).toBe(true);
    expect(calendarFromEnv({ KETNAP_HOLIDAYS: '2017-03-06' }).holidays.has('2017-05-01')).toBe(true);
    expect(() => calendarFromEnv({ KETNAP_HOLIDAYS: '2017-02-30' })).toThrow(/2017-02-30/);
    expect(() => calendarFromEnv({ KETNAP_WEEKEND: '8' })).toThrow(/KETNAP_WEEKEND/);
  });
});
