import { describe, expect, it } from 'vitest';
import { dateMistakes, isDate } from './attributes.ts';

describe('attribute checks', () => {
  it('takes only calendar dates that exist, written YYYY-MM-DD', () => {
    for (const ok of ['2017-01-01', '2016-02-29', '2017-12-31']) expect(isDate(ok), ok).toBe(true);
    for (const bad of [
      '2017-13-01',
      '2017-02-29',
      '2017-02-30',
      '2017-1-1',
      '20170101',
      '2017-01-01T00:00',
      ' 2017-01-01',
    ])
      expect(isDate(bad), bad).toBe(false);
  });

  it('names each wrong or missing date of a period, and a period that ends before it starts', () => {
    const period = (from: string | null, to: string | null) =>
      dateMistakes([
        ['from', from, true],
        ['to', to, true],
      ]);
    expect(period('2017-01-01', '2017-07-31')).toEqual([]);
    expect(period('2017-01-01', '2017-01-01')).toEqual([]);
    expect(period('2017-13-01', '2017-07-31')).toEqual([['from', '2017-13-01', 'must be a date YYYY-MM-DD']]);
    expect(period(null, '')).toEqual([
      ['from', null, 'is required'],
      ['to', '', 'is required'],
    ]);
    expect(period('2017-08-01', '2017-07-31')).toEqual([
      ['to', '2017-07-31', 'must not be before "from" (2017-08-01)'],
    ]);
  });

  it('lets an optional date be absent', () => {
    expect(dateMistakes([['as-of', null, false]])).toEqual([]);
    expect(dateMistakes([['as-of', '', false]])).toEqual([]);
    expect(dateMistakes([['as-of', '31/7/2017', false]])).toEqual([
      ['as-of', '31/7/2017', 'must be a date YYYY-MM-DD'],
    ]);
  });
});
