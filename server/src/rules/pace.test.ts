import { describe, expect, it } from 'vitest';
import { quotaPace } from './pace.ts';

const year2017 = { periodFrom: '2017-01-01', periodTo: '2017-12-31' };

describe('quota pace', () => {
  it('252 admissions by 31 July against 420 for 2017 keeps pace', () => {
    const pace = quotaPace({ ...year2017, target: 420, admitted: 252, asOf: '2017-07-31' });
    expect(pace.elapsedShare).toBeCloseTo(212 / 365, 10);
    expect(pace.expected).toBeCloseTo((420 * 212) / 365, 10);
    expect(pace.ratio).toBeCloseTo(0.6, 10);
    expect(pace.status).toBe('ON_TRACK');
  });

  it('falls behind below the expected share, and is achieved at the target', () => {
    expect(quotaPace({ ...year2017, target: 420, admitted: 200, asOf: '2017-07-31' }).status).toBe('BEHIND');
    expect(quotaPace({ ...year2017, target: 420, admitted: 420, asOf: '2017-07-31' }).status).toBe('ACHIEVED');
  });

  it('clamps the elapsed share to the period', () => {
    expect(quotaPace({ ...year2017, target: 10, admitted: 0, asOf: '2016-06-01' }).elapsedShare).toBe(0);
    expect(quotaPace({ ...year2017, target: 10, admitted: 0, asOf: '2018-06-01' }).elapsedShare).toBe(1);
    expect(quotaPace({ ...year2017, target: 10, admitted: 0, asOf: '2017-12-31' }).elapsedShare).toBe(1);
  });
});
