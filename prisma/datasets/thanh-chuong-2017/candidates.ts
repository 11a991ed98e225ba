// 2017: every admission comes through a candidate — 252 from January to July (the article), seven
// of them in the six at-risk cells (one cell admits twice) — and 158 from August to December.

import { addDays, calendarDate } from '../../../server/src/rules/dates.ts';
import { probationEndsOn } from '../../../server/src/rules/membership.ts';
import { addMonths } from '../../../server/src/rules/policy.ts';
import { PATH } from '../../../server/src/rules/stages.ts';
import { defaultCalendar } from '../../../server/src/rules/working-days.ts';
import type { CandidateSource, CandidateStage } from '../../generated/sqlite/enums.ts';
import { type Cell, HORIZON, nextId, type Rows } from './context.ts';
import { writeEvents } from './events.ts';
import { introducers, writeIntroductions } from './introductions.ts';
import { CELL_VOTED, INTRODUCED, type Person, person, pickSource, TRAINED, timeline } from './pipeline.ts';
import { at, type Rng } from './random.ts';
import type { Registry } from './registry.ts';

/** Admissions per month of 2017: January–July sum to 252 (the article), August–December to 158. */
export const MONTHLY_2017 = [38, 14, 37, 31, 44, 40, 48, 30, 41, 28, 25, 34];
/** Months of the at-risk cells' admissions: the first cell admits twice. */
const RISK_MONTHS = [[3, 6], [4], [5], [6], [7], [2]];
/** The article: sources widened beyond the Youth Union (women's, farmers', veterans' associations). */
const RISK_SOURCES =
  'VETERANS_ASSOCIATION WOMENS_UNION FARMERS_UNION WOMENS_UNION FARMERS_UNION YOUTH_UNION VETERANS_ASSOCIATION';
/** A day of the month in 2017 that is not a public holiday (the server's calendar): no ceremony then. */
function dayIn(rng: Rng, month: number): string {
  const first = calendarDate(2017, month, 1);
  for (;;) {
    const d = rng.date(first, addDays(addMonths(first, 1), -1));
    if (!defaultCalendar.holidays.has(d)) return d;
  }
}

/** Writes a candidate who reached stage k of PATH on `last`; null when the cell cannot introduce them. */
export function start(
  rng: Rng,
  rows: Rows,
  reg: Registry,
  step: { cell: Cell; k: number; last: string; source: CandidateSource; stage: CandidateStage; stageOn: string },
): { candidateId: number; p: Person } | null {
  const { cell, k, last, source, stage, stageOn } = step;
  const dates = timeline(rng, k, last, cell);
  const introducedOn = dates[Math.min(k, INTRODUCED)] ?? last;
  const p = person(rng, cell, dates[CELL_VOTED] ?? addDays(introducedOn, 20), introducedOn, source);
  const by = k >= INTRODUCED ? introducers(rng, reg, cell, introducedOn, p.introducedBy ? 1 : 2) : [];
  if (by === null) return null;
  const candidateId = nextId(rows.candidates);
  rows.candidates.push({
    id: candidateId,
    fullName: p.fullName,
    birthDate: p.birth,
    gender: p.gender,
    personalHistory: p.personalHistory,
    isYouthUnionMember: p.youth,
    isTradeUnionMember: p.tradeUnion,
    workplaceHasTradeUnion: p.tradeUnion,
    cellId: cell.id,
    source,
    stage,
    stageOn,
    certificateOn: k >= TRAINED ? at(dates, TRAINED) : null,
    ageException: null,
    ageExceptionBy: null,
  });
  writeEvents(rng, rows, reg, candidateId, p, cell, dates);
  if (k >= INTRODUCED) writeIntroductions(rng, rows, candidateId, p, cell, introducedOn, by);
  return { candidateId, p };
}

export function admissions2017(rng: Rng, rows: Rows, reg: Registry, cells: Cell[]): void {
  const risky = cells.filter((c) => c.atRisk);
  const ordinary = cells.filter((c) => !c.atRisk);
  const sources = RISK_SOURCES.split(' ') as CandidateSource[];
  const slots: { cell: Cell | null; on: string; source: CandidateSource | null }[] = [];
  risky.forEach((cell, i) => {
    for (const month of RISK_MONTHS[i] ?? [])
      slots.push({ cell, on: dayIn(rng, month), source: sources[slots.length] ?? null });
  });
  MONTHLY_2017.forEach((n, i) => {
    const first = calendarDate(2017, i + 1, 1);
    const planned = slots.filter((s) => s.on >= first && s.on < addMonths(first, 1)).length;
    for (let k = 0; k < n - planned; k++) slots.push({ cell: null, on: dayIn(rng, i + 1), source: null });
  });
  slots.sort((a, b) => a.on.localeCompare(b.on));

  for (const slot of slots) {
    for (let tries = 0; ; tries++) {
      if (tries > 50) throw new Error('no cell can admit');
      const cell = slot.cell ?? rng.weighted(ordinary, (c) => c.size);
      const source = slot.source ?? pickSource(rng, cell);
      const k = PATH.length - 1;
      const made = start(rng, rows, reg, { cell, k, last: slot.on, source, stage: 'ADMITTED', stageOn: slot.on });
      if (!made) continue;
      const { p } = made;
      const official = probationEndsOn(slot.on);
      reg.admit({
        fullName: p.fullName,
        birth: p.birth,
        gender: p.gender,
        personalHistory: p.personalHistory,
        admitted: slot.on,
        cellId: cell.id,
        official: official <= HORIZON ? official : null,
        left: null,
        leftReason: null,
        candidateId: made.candidateId,
      });
      break;
    }
  }
}
