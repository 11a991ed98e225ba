// Candidates who were not admitted in 2017: about 150 still on their way on 2017-12-31, at every
// stage, and 20 who withdrew or were rejected (their events stop there).

import { addDays } from '../../../server/src/rules/dates.ts';
import { policyOn } from '../../../server/src/rules/policy.ts';
import { PATH } from '../../../server/src/rules/stages.ts';
import { defaultCalendar, subtractWorkingDays } from '../../../server/src/rules/working-days.ts';
import type { CandidateStage } from '../../generated/sqlite/enums.ts';
import { start } from './candidates.ts';
import { type Cell, HORIZON, nextId, type Rows } from './context.ts';
import { failingVotes } from './events.ts';
import { CELL_VOTED, COMMITTEE_VOTE_WITHIN, DECIDED, INTRODUCED, pickSource } from './pipeline.ts';
import type { Rng } from './random.ts';
import type { Registry } from './registry.ts';

const IN_PROGRESS: [(typeof PATH)[number], number][] = [
  ['SOURCED', 34],
  ['TRAINED', 28],
  ['APPLIED', 22],
  ['VERIFIED', 18],
  ['INTRODUCED', 16],
  ['CELL_VOTED', 12],
  ['COMMITTEE_VOTED', 10],
  ['DECIDED', 10],
];
/** Rejected on verification: the last stage they reached is their application. */
const APPLIED = PATH.indexOf('APPLIED');
/**
 * The earliest day on which a candidate still at stage k on HORIZON reached it, no deadline passed by
 * then: the ceremony within the policy's working days of the decision, the decision within its
 * working days of the cell's vote (which came up to COMMITTEE_VOTE_WITHIN before the committee's).
 */
function recentFrom(k: number): string {
  const policy = policyOn(HORIZON);
  const before = (n: number) => subtractWorkingDays(defaultCalendar, HORIZON, n);
  if (k >= DECIDED) return before(policy.ceremonyWorkingDays);
  if (k >= CELL_VOTED) return before(policy.decisionWorkingDays - COMMITTEE_VOTE_WITHIN);
  return '2017-06-01';
}
const REASONS = ['Quần chúng xin rút do đi làm ăn xa', 'Quần chúng xin rút vì lý do gia đình', 'Chuyển nơi cư trú'];

export function pending(rng: Rng, rows: Rows, reg: Registry, cells: Cell[]): void {
  // Still on their way: late stages are recent, so that no deadline has passed on HORIZON.
  const weight = (c: Cell) => (c.atRisk ? 8 : c.size);
  for (const [stage, n] of IN_PROGRESS) {
    const k = PATH.indexOf(stage);
    const from = recentFrom(k);
    for (let i = 0; i < n; i++) {
      for (let tries = 0; tries < 50; tries++) {
        const cell = rng.weighted(cells, weight);
        const on = rng.date(from, HORIZON);
        // A grassroots cell's candidates have no committee vote to stand at.
        if (stage === 'COMMITTEE_VOTED' && cell.kind === 'GRASSROOTS_CELL') continue;
        if (start(rng, rows, reg, { cell, k, last: on, source: pickSource(rng, cell), stage, stageOn: on })) break;
      }
    }
  }

  // Withdrawn (12) or rejected (8: 4 on verification, 4 by the cell's vote).
  const ordinary = cells.filter((c) => !c.atRisk);
  for (let i = 0; i < 20; i++) {
    const rejected = i >= 12;
    const atVote = i >= 16;
    const stage: CandidateStage = rejected ? 'REJECTED' : 'WITHDRAWN';
    const k = atVote ? INTRODUCED : rejected ? APPLIED : rng.int(0, INTRODUCED);
    for (let tries = 0; tries < 50; tries++) {
      const cell = rng.weighted(ordinary, (c) => c.size);
      const end = rng.date('2017-02-01', HORIZON);
      const last = addDays(end, -rng.int(10, 60));
      const made = start(rng, rows, reg, { cell, k, last, source: pickSource(rng, cell), stage, stageOn: end });
      if (!made) continue;
      const eligible = reg.fullIn(cell.id, end).length;
      rows.candidateEvents.push({
        id: nextId(rows.candidateEvents),
        candidateId: made.candidateId,
        stage,
        on: end,
        actingBody: rejected && !atVote ? cell.grassroots.committeeBody : cell.body,
        votesFor: atVote ? failingVotes(rng, eligible) : null,
        votesEligible: atVote ? eligible : null,
        note: atVote
          ? 'Chi bộ biểu quyết không đạt hai phần ba'
          : rejected
            ? 'Kết quả thẩm tra lý lịch chưa đủ tiêu chuẩn'
            : rng.pick(REASONS),
      });
      break;
    }
  }
}
