// 2017: every admission comes through a candidate — 252 from January to July (the article), seven
// of them in the six at-risk cells (one cell admits twice) — and 158 from August to December.
import type { CandidateSource, CandidateStage } from '../../generated/sqlite/enums.ts';
import { type Cell, HORIZON, nextId, type Rows } from './context.ts';
import { addMonths, addYears, type Day, day, fromYmd, iso } from './dates.ts';
import { writeEvents } from './events.ts';
import { introducers, writeIntroductions } from './introductions.ts';
import { CELL_VOTED, INTRODUCED, PATH, type Person, person, pickSource, timeline } from './pipeline.ts';
import { at, type Rng } from './random.ts';
import type { Registry } from './registry.ts';

/** Admissions per month of 2017: January–July sum to 252 (the article), August–December to 158. */
export const MONTHLY_2017 = [38, 14, 37, 31, 44, 40, 48, 30, 41, 28, 25, 34];
/** Months of the at-risk cells' admissions: the first cell admits twice. */
const RISK_MONTHS = [[3, 6], [4], [5], [6], [7], [2]];
/** The article: sources widened beyond the Youth Union (women's, farmers', veterans' associations). */
const RISK_SOURCES =
  'VETERANS_ASSOCIATION WOMENS_UNION FARMERS_UNION WOMENS_UNION FARMERS_UNION YOUTH_UNION VETERANS_ASSOCIATION';
/** Public holidays of 2017 on which no ceremony is held. */
const HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-27',
  '01-28',
  '01-29',
  '01-30',
  '01-31',
  '02-01',
  '04-06',
  '04-30',
  '05-01',
  '05-02',
  '09-02',
  '09-04',
]);

function dayIn(rng: Rng, month: number): Day {
  const first = fromYmd(2017, month, 1);
  for (;;) {
    const d = rng.int(first, addMonths(first, 1) - 1);
    if (!HOLIDAYS.has(iso(d).slice(5))) return d;
  }
}

/** Writes a candidate who reached stage k of PATH on `last`; null when the cell cannot introduce them. */
export function start(
  rng: Rng,
  rows: Rows,
  reg: Registry,
  step: { cell: Cell; k: number; last: Day; source: CandidateSource; stage: CandidateStage; stageOn: Day },
): { candidateId: number; p: Person } | null {
  const { cell, k, last, source, stage, stageOn } = step;
  const dates = timeline(rng, k, last, cell);
  const introducedOn = dates[Math.min(k, INTRODUCED)] ?? last;
  const p = person(rng, cell, dates[CELL_VOTED] ?? introducedOn + 20, introducedOn, source);
  const by = k >= INTRODUCED ? introducers(rng, reg, cell, introducedOn, p.youth ? 1 : 2) : [];
  if (by === null) return null;
  const candidateId = nextId(rows.candidates);
  rows.candidates.push({
    id: candidateId,
    fullName: p.fullName,
    birthDate: iso(p.birth),
    gender: p.gender,
    personalHistory: p.personalHistory,
    isYouthUnionMember: p.youth,
    cellId: cell.id,
    source,
    stage,
    stageOn: iso(stageOn),
    certificateOn: k >= 1 ? iso(at(dates, 1)) : null,
    ageException: null,
  });
  writeEvents(rng, rows, reg, candidateId, p, cell, dates);
  if (k >= INTRODUCED) writeIntroductions(rng, rows, candidateId, p, cell, introducedOn, by);
  return { candidateId, p };
}

export function admissions2017(rng: Rng, rows: Rows, reg: Registry, cells: Cell[]): void {
  const risky = cells.filter((c) => c.atRisk);
  const ordinary = cells.filter((c) => !c.atRisk);
  const sources = RISK_SOURCES.split(' ') as CandidateSource[];
  const slots: { cell: Cell | null; on: Day; source: CandidateSource | null }[] = [];
  risky.forEach((cell, i) => {
    for (const month of RISK_MONTHS[i] ?? [])
      slots.push({ cell, on: dayIn(rng, month), source: sources[slots.length] ?? null });
  });
  MONTHLY_2017.forEach((n, i) => {
    const first = fromYmd(2017, i + 1, 1);
    const planned = slots.filter((s) => s.on >= first && s.on < addMonths(first, 1)).length;
    for (let k = 0; k < n - planned; k++) slots.push({ cell: null, on: dayIn(rng, i + 1), source: null });
  });
  slots.sort((a, b) => a.on - b.on);

  const horizon = day(HORIZON);
  for (const slot of slots) {
    for (let tries = 0; ; tries++) {
      if (tries > 50) throw new Error('no cell can admit');
      const cell = slot.cell ?? rng.weighted(ordinary, (c) => c.size);
      const source = slot.source ?? pickSource(rng, cell);
      const k = PATH.length - 1;
      const made = start(rng, rows, reg, { cell, k, last: slot.on, source, stage: 'ADMITTED', stageOn: slot.on });
      if (!made) continue;
      const { p } = made;
      const official = addYears(slot.on, 1);
      reg.admit({
        fullName: p.fullName,
        birth: p.birth,
        gender: p.gender,
        personalHistory: p.personalHistory,
        admitted: slot.on,
        cellId: cell.id,
        official: official <= horizon ? official : null,
        left: null,
        leftReason: null,
        candidateId: made.candidateId,
      });
      break;
    }
  }
}
