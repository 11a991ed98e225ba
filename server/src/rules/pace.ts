// Tiến độ chỉ tiêu: admissions against a quota's target, and whether they keep pace with the
// share of the period elapsed. The children's targets may not add up to the parent's: that
// gap is reported elsewhere, never forced here.
import { daysBetween } from './dates.ts';

export type PaceStatus = 'ON_TRACK' | 'BEHIND' | 'ACHIEVED';

export interface Pace {
  ratio: number;
  elapsedShare: number;
  expected: number;
  status: PaceStatus;
}

/** `asOf` is the last day counted; the period [periodFrom, periodTo] includes both ends. */
export function quotaPace(input: {
  target: number;
  admitted: number;
  periodFrom: string;
  periodTo: string;
  asOf: string;
}): Pace {
  const { target, admitted, periodFrom, periodTo, asOf } = input;
  const periodDays = daysBetween(periodFrom, periodTo) + 1;
  const elapsedDays = Math.min(Math.max(daysBetween(periodFrom, asOf) + 1, 0), periodDays);
  const elapsedShare = elapsedDays / periodDays;
  const expected = target * elapsedShare;
  const ratio = target > 0 ? admitted / target : admitted > 0 ? 1 : 0;
  const status: PaceStatus = admitted >= target ? 'ACHIEVED' : admitted >= expected ? 'ON_TRACK' : 'BEHIND';
  return { ratio, elapsedShare, expected, status };
}
