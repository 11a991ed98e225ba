// Dated changes summed in memory and written as rows of each grain: what SubtreeDay (totals) and
// ReportDay (the report's breakdowns) are made of. A day is kept as a number (its index), and a
// table with measures keeps them in the same number: index = day's index × measures + measure.
import { GRAINS, type Queryable } from './sql.ts';

export interface DayChange {
  members: number;
  admissions: number;
}

/**
 * Sums by organisation and index (numbers: a string key per sum made a national rebuild twice as
 * slow).
 */
export class Tally {
  readonly byOrg = new Map<number, Map<number, DayChange>>();
  addAt(org: number, index: number, members: number, admissions: number) {
    let days = this.byOrg.get(org);
    if (!days) this.byOrg.set(org, (days = new Map()));
    const entry = days.get(index);
    if (entry) {
      entry.members += members;
      entry.admissions += admissions;
    } else days.set(index, { members, admissions });
  }
  /** Adds `other` times `sign` (a write's difference: after, less before). */
  addAll(other: Tally, sign: 1 | -1) {
    for (const [org, days] of other.byOrg)
      for (const [index, v] of days) this.addAt(org, index, sign * v.members, sign * v.admissions);
  }
}

/** 'YYYY-MM-DD' as a number in the same order: months of 31 days from the year 1800. */
export function dayIndex(day: string): number {
  // Digits read as char codes (48 is '0'), without a helper: this runs tens of millions of times.
  const year = day.charCodeAt(0) * 1000 + day.charCodeAt(1) * 100 + day.charCodeAt(2) * 10 + day.charCodeAt(3) - 53328;
  const month = day.charCodeAt(5) * 10 + day.charCodeAt(6) - 528;
  return ((year - 1800) * 12 + month - 1) * 31 + day.charCodeAt(8) * 10 + day.charCodeAt(9) - 528 - 1;
}

/** The day (or its month, or its year: `length` 10, 7 or 4) of a day's index. */
export function dayOf(index: number, length: number): string {
  const year = String(1800 + Math.floor(index / 372));
  const month = String((Math.floor(index / 31) % 12) + 1).padStart(2, '0');
  const day = String((index % 31) + 1).padStart(2, '0');
  return `${year}-${month}-${day}`.slice(0, length);
}

/**
 * Writes sums as rows of each grain, in the index's order (organisation, grain, day, measure): a
 * month's days in one row, a year's in one. `measures` names the measures a table keeps (none:
 * SubtreeDay, whose index is the day's).
 */
export async function writeGrains(
  q: Queryable,
  table: 'SubtreeDay' | 'ReportDay',
  tally: Tally,
  measures?: readonly string[],
): Promise<void> {
  const k = measures?.length ?? 1;
  const rows: unknown[][] = [];
  for (const org of [...tally.byOrg.keys()].sort((a, b) => a - b)) {
    const days = tally.byOrg.get(org) as Map<number, DayChange>;
    for (const [grain, length] of GRAINS) {
      // A month is its first day's index less one day per day; a year, less its months too.
      const unit = length === 10 ? 1 : length === 7 ? 31 : 372;
      const summed = new Tally();
      for (const [index, v] of days) {
        const day = Math.floor(index / k);
        summed.addAt(org, (day - (day % unit)) * k + (index % k), v.members, v.admissions);
      }
      const sums = summed.byOrg.get(org) ?? new Map<number, DayChange>();
      for (const index of [...sums.keys()].sort((a, b) => a - b)) {
        const v = sums.get(index) as DayChange;
        if (v.members === 0 && v.admissions === 0) continue;
        const day = dayOf(Math.floor(index / k), length);
        rows.push(
          measures
            ? [org, grain, day, measures[index % k], v.members, v.admissions]
            : [org, grain, day, v.members, v.admissions],
        );
      }
    }
  }
  const columns = ['organisationId', 'grain', 'day', ...(measures ? ['measure'] : []), 'members', 'admissions'];
  await q.insert(table, columns, rows);
}
