import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatTime,
  todayInVietnam,
} from './format.ts';

describe('Vietnamese formats by default', () => {
  it('groups thousands with a dot and uses a comma for decimals', () => {
    expect(formatNumber('vi', 1234567)).toBe('1.234.567');
    expect(formatNumber('vi', 2.5)).toBe('2,5');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
  });

  it('writes percentages without decimals', () => {
    expect(formatPercent('vi', 0.6)).toBe('60%');
    expect(formatPercent('en', 1.254)).toBe('125%');
  });

  it('writes calendar dates day first, with no time-zone shift', () => {
    expect(formatDate('vi', '2017-07-31')).toBe('31/7/2017');
    expect(formatDate('vi', '2017-01-01')).toBe('1/1/2017');
    expect(formatDate('en', '2017-07-31')).toBe('31 July 2017');
  });

  it('names months for the chart axis and its table', () => {
    expect(formatMonth('vi', '2017-03')).toBe('T3');
    expect(formatMonth('vi', '2017-03', true)).toBe('tháng 3/2017');
    expect(formatMonth('en', '2017-03')).toBe('Mar');
    expect(formatMonth('en', '2017-03', true)).toBe('March 2017');
  });
});

describe('periods in words', () => {
  it('says "7 tháng đầu năm 2017" for January to the end of July', () => {
    expect(formatPeriod('vi', '2017-01-01', '2017-07-31')).toBe('7 tháng đầu năm 2017');
    expect(formatPeriod('en', '2017-01-01', '2017-07-31')).toBe('first 7 months of 2017');
  });

  it('names a whole year', () => {
    expect(formatPeriod('vi', '2017-01-01', '2017-12-31')).toBe('năm 2017');
    expect(formatPeriod('en', '2017-01-01', '2017-12-31')).toBe('2017');
  });

  it('falls back to both dates when the period is not the start of a year', () => {
    expect(formatPeriod('vi', '2017-03-01', '2017-07-31')).toBe('1/3/2017 – 31/7/2017');
    expect(formatPeriod('vi', '2017-01-01', '2017-07-30')).toBe('1/1/2017 – 30/7/2017');
    expect(formatPeriod('vi', '2016-01-01', '2017-07-31')).toBe('1/1/2016 – 31/7/2017');
  });

  it('knows February in leap years', () => {
    expect(formatPeriod('vi', '2016-01-01', '2016-02-29')).toBe('2 tháng đầu năm 2016');
    expect(formatPeriod('vi', '2017-01-01', '2017-02-28')).toBe('2 tháng đầu năm 2017');
  });
});

describe('today in Vietnam', () => {
  it('is already tomorrow at 18:00 UTC', () => {
    expect(todayInVietnam(Date.UTC(2017, 6, 31, 18))).toBe('2017-08-01');
    expect(todayInVietnam(Date.UTC(2017, 6, 31, 16, 59))).toBe('2017-07-31');
  });
});

describe('formatTime', () => {
  it("says an HTTP date in Vietnam's time (UTC+7), and nothing for no date", () => {
    expect(formatTime('vi', 'Tue, 28 Nov 2026 09:56:00 GMT')).toBe('16:56 28/11/2026');
    expect(formatTime('en', 'Tue, 28 Nov 2026 20:05:00 GMT')).toBe('29/11/2026, 03:05');
    expect(formatTime('vi', null)).toBe('');
    expect(formatTime('vi', 'not a date')).toBe('');
  });
});
