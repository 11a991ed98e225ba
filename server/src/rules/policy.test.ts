import { describe, expect, it } from 'vitest';
import { addMonths, policyOn, voteCarries } from './policy.ts';

describe('admission policy', () => {
  it('picks the regulation in force on the day', () => {
    expect(policyOn('2017-03-01').regulation).toBe('29/2016');
    expect(policyOn('2016-01-01').regulation).toBe('29/2016');
    expect(policyOn('2021-07-29').regulation).toBe('29/2016');
    expect(policyOn('2021-07-30').regulation).toBe('24/2021');
    // 294 was signed on 2025-05-26 and takes effect on 2025-07-01: 232 governs the days between.
    expect(policyOn('2025-05-26').regulation).toBe('232/2025');
    expect(policyOn('2025-06-30').regulation).toBe('232/2025');
    expect(policyOn('2025-07-01').regulation).toBe('294/2025');
  });
  it('two thirds, exactly, without rounding', () => {
    const p = policyOn('2017-03-01');
    expect(voteCarries(p, 2, 3)).toBe(true);
    expect(voteCarries(p, 6, 9)).toBe(true);
    expect(voteCarries(p, 5, 8)).toBe(false);
    expect(voteCarries(p, 0, 0)).toBe(false);
  });
  it('adds months, clamping to the month’s end', () => {
    expect(addMonths('2017-03-15', 12)).toBe('2018-03-15');
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    // Probation from 29 February ends on its anniversary: 1 March in a common year.
    expect(addMonths('2016-02-29', 12)).toBe('2017-03-01');
    expect(addMonths('2016-02-29', 48)).toBe('2020-02-29');
    expect(addMonths('2017-03-15', -12)).toBe('2016-03-15');
  });
});
