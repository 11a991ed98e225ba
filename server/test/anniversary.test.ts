// The one definition of an anniversary (rules/dates.ts), which ages, probation, youth and the
// report's age band all count by: the same month and day; 29 February falls on 1 March in a
// common year (and 2100 is one).
import { describe, expect, it } from 'vitest';
import { anniversary } from '../src/rules/dates.ts';

describe('anniversary', () => {
  it('keeps the month and day, and moves 29 February to 1 March in a common year only', () => {
    expect(anniversary('1990-07-15', 18)).toBe('2008-07-15');
    expect(anniversary('2000-02-29', 18)).toBe('2018-03-01');
    expect(anniversary('2000-02-29', 4)).toBe('2004-02-29');
    expect(anniversary('2000-02-29', 100)).toBe('2100-03-01');
    expect(anniversary('1996-02-29', 404)).toBe('2400-02-29');
    expect(anniversary('2001-02-28', 3)).toBe('2004-02-28');
    expect(anniversary('0990-01-01', 10)).toBe('1000-01-01');
  });

  it('refuses a text that is not a date', () => {
    expect(() => anniversary('2017-7-1', 1)).toThrow(RangeError);
    expect(() => anniversary('abcd-07-01', 1)).toThrow(RangeError);
    expect(() => anniversary('', 1)).toThrow(RangeError);
  });
});
