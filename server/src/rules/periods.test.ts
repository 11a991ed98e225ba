import { describe, expect, it } from 'vitest';
import { parsePeriod, sameTimeLastYear } from './periods.ts';

const error = (text: string) => {
  const parsed = parsePeriod(text);
  if (!('error' in parsed)) throw new Error(`${text} was accepted`);
  return parsed.error;
};

describe('periods as boards name them', () => {
  it('reads years, half-years, quarters and months, both ends included', () => {
    expect(parsePeriod('2017')).toEqual({ from: '2017-01-01', to: '2017-12-31' });
    expect(parsePeriod('2017-H1')).toEqual({ from: '2017-01-01', to: '2017-06-30' });
    expect(parsePeriod('2017-h2')).toEqual({ from: '2017-07-01', to: '2017-12-31' });
    expect(parsePeriod('2017-Q1')).toEqual({ from: '2017-01-01', to: '2017-03-31' });
    expect(parsePeriod('2017-Q3')).toEqual({ from: '2017-07-01', to: '2017-09-30' });
    expect(parsePeriod('2017-Q4')).toEqual({ from: '2017-10-01', to: '2017-12-31' });
    expect(parsePeriod('2016-02')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(parsePeriod('2017-02')).toEqual({ from: '2017-02-01', to: '2017-02-28' });
  });

  it('reads a congress term from 1 July of its first year to 30 June of its last', () => {
    expect(parsePeriod('2015-2020')).toEqual({ from: '2015-07-01', to: '2020-06-30' });
    // The districts' last term ends the day before the district level was abolished.
    expect(parsePeriod('2020-2025')).toEqual({ from: '2020-07-01', to: '2025-06-30' });
  });

  it('refuses what names no period, saying why', () => {
    expect(error('2017-Q5')).toMatch(/no quarter/);
    expect(error('2017-Q0')).toMatch(/no quarter/);
    expect(error('2017-H3')).toMatch(/no half-year/);
    expect(error('2017-13')).toMatch(/no month/);
    expect(error('2016-2021')).toMatch(/not a congress term/);
    expect(error('2015-2019')).toMatch(/not a congress term/);
    expect(error('1899')).toMatch(/outside the years/);
    expect(error('2100-2105')).toMatch(/not a congress term|outside/);
    for (const text of ['', 'Q3 2017', '2017-Q3 ', '17-Q3', '2017-7', '2017/Q3', '2017-03-01'])
      expect(error(text)).toMatch(/is not a period: write a year \(2017\)/);
  });

  it('gives the same period a year before (cùng kỳ)', () => {
    expect(sameTimeLastYear({ from: '2017-07-01', to: '2017-09-30' })).toEqual({
      from: '2016-07-01',
      to: '2016-09-30',
    });
    expect(sameTimeLastYear({ from: '2017-01-01', to: '2017-07-31' })).toEqual({
      from: '2016-01-01',
      to: '2016-07-31',
    });
    // A period ending on 29 February ends on the 28th a year before; one starting on it starts on 1 March.
    expect(sameTimeLastYear({ from: '2016-02-01', to: '2016-02-29' })).toEqual({
      from: '2015-02-01',
      to: '2015-02-28',
    });
    expect(sameTimeLastYear({ from: '2016-02-29', to: '2016-03-31' })).toEqual({
      from: '2015-03-01',
      to: '2015-03-31',
    });
    const q = parsePeriod('2017-Q1');
    if ('error' in q) throw new Error(q.error);
    expect(sameTimeLastYear(q)).toEqual(parsePeriod('2016-Q1'));
  });
});
