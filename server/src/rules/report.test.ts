import { describe, expect, it } from 'vitest';
import { SMALL_COUNT, shownCount, YOUNG_AGES } from './report.ts';

describe('counts in the periodic report', () => {
  it('shows a public count below 5 as fewer than 5, zero included, and 5 or more exactly', () => {
    for (const n of [0, 1, 4]) expect(shownCount(n, false)).toEqual({ value: null, fewerThan: SMALL_COUNT });
    expect(shownCount(5, false)).toEqual({ value: 5, fewerThan: null });
    expect(shownCount(123, false)).toEqual({ value: 123, fewerThan: null });
  });

  it('shows every count exactly to a caller who may read the people behind it', () => {
    for (const n of [0, 1, 4, 5]) expect(shownCount(n, true)).toEqual({ value: n, fewerThan: null });
  });

  it('counts ages 18 to 30, the admission age to the end of youth age', () => {
    expect(YOUNG_AGES).toEqual({ min: 18, max: 30 });
  });
});
