// The six cells at risk on 2017-01-01 (article: 6 cells in 4 communes, under 5 members, 3 of them
// over 60, more than 5 years without an admission): their histories, written out one by one.

import { addDays, anniversary, calendarDate, earlierOf, laterOf } from '../../../server/src/rules/dates.ts';
import { probationEndsOn } from '../../../server/src/rules/membership.ts';
import type { Gender, LeavingReason } from '../../generated/sqlite/enums.ts';
import type { Cell } from './context.ts';
import { personName } from './names.ts';
import type { Rng } from './random.ts';
import type { Registry } from './registry.ts';

interface Plan {
  /** Members on 2017-01-01: 3 or 4. */
  present: number;
  /** Year of the last admission before 2017 (6 to 12 years earlier). */
  lastYear: number;
  /** Whether the last one admitted has since moved away (else they are the 4th member). */
  lastMovedAway: boolean;
  /** Members who died or moved away over the years. */
  gone: number;
}

const plans: Plan[] = [
  { present: 4, lastYear: 2008, lastMovedAway: false, gone: 5 },
  { present: 3, lastYear: 2006, lastMovedAway: true, gone: 6 },
  { present: 4, lastYear: 2010, lastMovedAway: false, gone: 4 },
  { present: 3, lastYear: 2005, lastMovedAway: true, gone: 7 },
  { present: 3, lastYear: 2009, lastMovedAway: true, gone: 3 },
  { present: 4, lastYear: 2007, lastMovedAway: false, gone: 5 },
];

export function atRiskMembers(rng: Rng, reg: Registry, cells: Cell[]): void {
  cells.forEach((cell, i) => {
    const plan = plans[i % plans.length];
    if (!plan) return;
    const admit = (
      gender: Gender,
      birth: string,
      admitted: string,
      left: string | null,
      leftReason: LeavingReason | null,
    ) =>
      reg.admit({
        fullName: personName(rng, gender),
        birth,
        gender,
        admitted,
        cellId: cell.id,
        official: probationEndsOn(admitted),
        left,
        leftReason,
      });
    const start = laterOf(addDays(cell.established, 60), '1962-01-01');
    // Three elderly members, admitted long ago, born 1936–1955.
    for (let k = 0; k < 3; k++) {
      const birth = calendarDate(rng.int(1936, 1955), rng.int(1, 12), rng.int(1, 28));
      const admitted = laterOf(start, addDays(anniversary(birth, rng.int(20, 32)), rng.int(0, 200)));
      admit(
        rng.chance(0.75) ? 'MALE' : 'FEMALE',
        birth,
        earlierOf(admitted, calendarDate(plan.lastYear - 1, 12, 1)),
        null,
        null,
      );
    }
    // Members who died or moved away before 2017.
    for (let k = 0; k < plan.gone; k++) {
      const died = k < plan.gone - 1 || plan.gone < 3;
      const birth = calendarDate(died ? rng.int(1915, 1935) : rng.int(1950, 1975), rng.int(1, 12), rng.int(1, 28));
      const admitted = laterOf(addDays(start, rng.int(0, 400)), anniversary(birth, rng.int(20, 30)));
      const lastDay = calendarDate(plan.lastYear, 1, 1);
      const on = earlierOf(admitted, addDays(lastDay, -rng.int(100, 2000)));
      const left = died
        ? calendarDate(rng.int(1988, 2015), rng.int(1, 12), rng.int(1, 28))
        : anniversary(on, rng.int(4, 12));
      const when = laterOf(left, anniversary(on, 2));
      if (when >= '2016-12-01') continue;
      admit(rng.chance(0.7) ? 'MALE' : 'FEMALE', birth, on, when, died ? 'DIED' : 'MOVED_AWAY');
    }
    // The last admission, 6 to 12 years before 2017.
    const last = calendarDate(plan.lastYear, rng.int(2, 11), rng.int(1, 28));
    const birth = addDays(anniversary(last, -rng.int(28, 40)), -rng.int(0, 300));
    const moved = plan.lastMovedAway
      ? calendarDate(rng.int(plan.lastYear + 2, 2015), rng.int(1, 12), rng.int(1, 28))
      : null;
    admit(rng.chance(0.6) ? 'MALE' : 'FEMALE', birth, last, moved, moved === null ? null : 'MOVED_AWAY');
    if (plan.present === 4 && plan.lastMovedAway) throw new Error('plan: 4 present needs the last one to stay');
    if (plan.present === 3 && !plan.lastMovedAway) throw new Error('plan: 3 present needs the last one gone');
  });
}
