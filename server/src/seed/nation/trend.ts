// When admissions happen: a weight per year, from the war years to today (linear between points),
// and sampling of admission days within a cell's life by that weight.
import type { Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import { type Day, fromYmd, yearOf } from './days.ts';

const POINTS: [number, number][] = [
  [1960, 0.7],
  [1966, 1.1],
  [1972, 1.4],
  [1980, 1.1],
  [1990, 1.2],
  [2000, 2.2],
  [2010, 3.3],
  [2016, 3.7],
  [2020, 3.6],
  [2026, 3.2],
];

export function yearWeight(y: number): number {
  const first = POINTS[0]!;
  if (y <= first[0]) return first[1];
  for (let i = 1; i < POINTS.length; i++) {
    const [x0, w0] = POINTS[i - 1]!;
    const [x1, w1] = POINTS[i]!;
    if (y <= x1) return w0 + ((w1 - w0) * (y - x0)) / (x1 - x0);
  }
  return POINTS[POINTS.length - 1]![1];
}

interface Year {
  start: Day;
  /** Excluded. */
  end: Day;
  perDay: number;
}

/** Admission days over [first, last]: each year weighs yearWeight(y), spread evenly over its days. */
export class AdmissionTrend {
  private readonly years: Year[] = [];

  constructor(
    readonly first: Day,
    readonly last: Day,
  ) {
    const y0 = yearOf(first);
    for (let y = y0; ; y++) {
      const start = Math.max(first, fromYmd(y, 1, 1));
      const end = Math.min(last + 1, fromYmd(y + 1, 1, 1));
      if (start >= end) break;
      this.years.push({ start, end, perDay: yearWeight(y) / (fromYmd(y + 1, 1, 1) - fromYmd(y, 1, 1)) });
    }
  }

  /** The weight of the days [from, to] (both included). */
  mass(from: Day, to: Day): number {
    let m = 0;
    for (const y of this.years) {
      const a = Math.max(from, y.start);
      const b = Math.min(to + 1, y.end);
      if (b > a) m += (b - a) * y.perDay;
    }
    return m;
  }

  /** A sampler of days in [from, to] (both included) by weight; null when the window is empty. */
  sampler(from: Day, to: Day): ((rng: Rng) => Day) | null {
    const a0 = Math.max(from, this.first);
    const b0 = Math.min(to, this.last);
    if (b0 < a0) return null;
    const starts: number[] = [];
    const ends: number[] = [];
    const cumulative: number[] = [];
    let total = 0;
    for (const y of this.years) {
      const a = Math.max(a0, y.start);
      const b = Math.min(b0 + 1, y.end);
      if (b <= a) continue;
      total += (b - a) * y.perDay;
      starts.push(a);
      ends.push(b);
      cumulative.push(total);
    }
    return (rng) => {
      const r = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return rng.int(starts[lo]!, ends[lo]! - 1);
    };
  }
}
