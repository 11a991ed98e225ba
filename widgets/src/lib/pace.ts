// What the progress bar draws from a QuotaProgress. The pace rule itself (on track / behind)
// is the server's: this only turns its figures into shares of the bar.
import type { ProgressResult } from '../operations/generated.ts';

export type QuotaProgress = NonNullable<NonNullable<ProgressResult['organisation']>['quotaProgress']>;

const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export interface PaceView {
  /** Share of the bar filled: admitted / target, at most the whole bar. */
  fill: number;
  /** Where the "expected by now" mark sits: the share of the period elapsed. */
  mark: number;
  /** For aria-valuenow: admitted, capped at the target as a progressbar requires. */
  valueNow: number;
}

export function paceView(p: Pick<QuotaProgress, 'admitted' | 'target' | 'elapsedShare'>): PaceView {
  const fill = p.target > 0 ? clamp(p.admitted / p.target) : 1;
  return { fill, mark: clamp(p.elapsedShare), valueNow: Math.min(p.admitted, p.target) };
}

/** Months of a trend → bar heights as shares of the busiest month (all 0 when nothing happened). */
export function barShares(counts: number[]): number[] {
  const max = Math.max(0, ...counts);
  return counts.map((c) => (max > 0 ? c / max : 0));
}
