// The board's periodic report (báo cáo định kỳ): who counts in each of its breakdowns, and how a
// public answer shows a count about few people. Pure; the SQL in read/report.ts counts by these.
import { policyOn } from './policy.ts';

/** A public (anonymous) answer shows a count below this as "fewer than 5": no one can be singled out. */
export const SMALL_COUNT = 5;

/** The majority ethnic group: every other recorded group is an ethnic minority (dân tộc thiểu số). */
export const MAJORITY_ETHNICITY = 'Kinh';

/**
 * The report's age band, in whole years on the day (at admission for admissions): 18 to 30, the
 * youngest age of admission to the end of youth age (Luật Thanh niên 2020: "đến 30 tuổi").
 */
export const YOUNG_AGES = { min: policyOn('2017-01-01').minAge, max: policyOn('2017-01-01').youthMaxAge } as const;

/** A count as an answer shows it: exact, or for a public answer below SMALL_COUNT, only that it is below. */
export interface ShownCount {
  value: number | null;
  fewerThan: number | null;
}

export function shownCount(count: number, exact: boolean): ShownCount {
  return exact || count >= SMALL_COUNT ? { value: count, fewerThan: null } : { value: null, fewerThan: SMALL_COUNT };
}
