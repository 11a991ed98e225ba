import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  calendarDate,
  covers,
  daysBetween,
  earlierOf,
  fullYearsBetween,
  isCalendarDate,
  isoWeekday,
  laterOf,
  monthsOf,
  yearsBefore,
} from './dates.ts';

describe('calendar dates', () => {
  it('accepts real dates and refuses impossible ones', () => {
    expect(isCalendarDate('2017-02-28')).toBe(true);
    expect(isCalendarDate('2016-02-29')).toBe(true);
    expect(isCalendarDate('2017-02-29')).toBe(false);
    expect(isCalendarDate('2017-02-30')).toBe(false);
    expect(isCalendarDate('2017-13-01')).toBe(false);
    expect(isCalendarDate('yesterday')).toBe(false);
    expect(isCalendarDate('2017-7-31')).toBe(false);
  });

  it('counts days and weekdays across month and year ends', () => {
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(daysBetween('2017-01-01', '2017-07-31')).toBe(211);
    expect(isoWeekday('2017-01-01')).toBe(7); // a Sunday
    expect(isoWeekday('2017-07-31')).toBe(1); // a Monday
  });

  it('builds a date from its parts, or refuses one that does not exist', () => {
    expect(calendarDate(2017, 7, 31)).toBe('2017-07-31');
    expect(calendarDate(960, 1, 5)).toBe('0960-01-05');
    expect(calendarDate(2016, 2, 29)).toBe('2016-02-29');
    expect(() => calendarDate(2017, 2, 29)).toThrow(RangeError);
    expect(() => calendarDate(2017, 13, 1)).toThrow(RangeError);
  });

  it('picks the later or the earlier of two dates', () => {
    expect(laterOf('2016-12-31', '2017-01-01')).toBe('2017-01-01');
    expect(earlierOf('2016-12-31', '2017-01-01')).toBe('2016-12-31');
  });

  it('lists every month of a range', () => {
    expect(monthsOf('2016-11-15', '2017-02-01')).toEqual(['2016-11', '2016-12', '2017-01', '2017-02']);
  });
});

describe('age on a day: full years since birth', () => {
  it('turns 60 on the birthday, not the day before', () => {
    expect(ageOn('1957-01-01', '2016-12-31')).toBe(59);
    expect(ageOn('1957-01-01', '2017-01-01')).toBe(60);
  });

  it('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn('1956-02-29', '2017-02-28')).toBe(60);
    expect(ageOn('1957-02-28', '2017-02-27')).toBe(59);
    expect(fullYearsBetween('2016-02-29', '2017-02-28')).toBe(0);
    expect(fullYearsBetween('2016-02-29', '2017-03-01')).toBe(1);
  });

  it('yearsBefore agrees with fullYearsBetween at the edges', () => {
    const on = '2017-01-01';
    for (const birth of ['1957-01-01', '1957-01-02', '1956-12-31']) {
      expect(birth <= yearsBefore(on, 60)).toBe(fullYearsBetween(birth, on) >= 60);
    }
    expect(yearsBefore('2020-02-29', 1)).toBe('2019-02-29'); // compares correctly as text
    expect('2019-02-28' <= yearsBefore('2020-02-29', 1)).toBe(fullYearsBetween('2019-02-28', '2020-02-29') >= 1);
    expect('2019-03-01' <= yearsBefore('2020-02-29', 1)).toBe(fullYearsBetween('2019-03-01', '2020-02-29') >= 1);
  });
});

describe('lasting states run from their start (included) to their end (excluded)', () => {
  it('a placement that ends on D does not cover D; the next one, starting on D, does', () => {
    expect(covers('2010-05-01', '2017-01-01', '2016-12-31')).toBe(true);
    expect(covers('2010-05-01', '2017-01-01', '2017-01-01')).toBe(false);
    expect(covers('2017-01-01', null, '2017-01-01')).toBe(true);
    expect(covers('2017-01-02', null, '2017-01-01')).toBe(false);
  });

  it('puts the anniversary of 29 February on 1 March in a common year, and agrees with full years', async () => {
    const { anniversary, fullYearsBetween } = await import('./dates.ts');
    expect(anniversary('2016-02-29', 5)).toBe('2021-03-01');
    expect(anniversary('2016-02-29', 4)).toBe('2020-02-29');
    expect(anniversary('2017-07-31', 5)).toBe('2022-07-31');
    for (const from of ['2016-02-29', '2015-03-01', '2016-12-31'])
      for (let n = 1; n <= 8; n++) {
        const day = anniversary(from, n);
        expect(fullYearsBetween(from, day), `${from} +${n}`).toBe(n);
      }
  });
});
