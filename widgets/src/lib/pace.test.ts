import { describe, expect, it } from 'vitest';
import { barShares, paceView } from './pace.ts';

describe('paceView', () => {
  it('fills the share of the target admitted and marks the share of the period elapsed', () => {
    const v = paceView({ admitted: 252, target: 420, elapsedShare: 212 / 365 });
    expect(v.fill).toBeCloseTo(0.6);
    expect(v.mark).toBeCloseTo(0.5808, 3);
    expect(v.valueNow).toBe(252);
  });

  it('never overfills: beyond the target the bar is full and aria-valuenow stays at the maximum', () => {
    const v = paceView({ admitted: 450, target: 420, elapsedShare: 1 });
    expect(v.fill).toBe(1);
    expect(v.valueNow).toBe(420);
  });

  it('treats a target of zero as reached and clamps odd shares', () => {
    expect(paceView({ admitted: 0, target: 0, elapsedShare: 1.2 })).toEqual({ fill: 1, mark: 1, valueNow: 0 });
    expect(paceView({ admitted: 3, target: 10, elapsedShare: -0.1 }).mark).toBe(0);
    expect(paceView({ admitted: 3, target: 10, elapsedShare: Number.NaN }).mark).toBe(0);
  });
});

describe('barShares', () => {
  it('scales each month against the busiest one', () => {
    expect(barShares([10, 40, 20])).toEqual([0.25, 1, 0.5]);
  });

  it('draws nothing for a period without admissions', () => {
    expect(barShares([0, 0])).toEqual([0, 0]);
    expect(barShares([])).toEqual([]);
  });
});
