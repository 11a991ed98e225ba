// One candidate's path: stage dates that keep the rules (course certificate, 60 working days from
// the cell's resolution to the decision, 30 from the decision to the ceremony), and who they are.

import { CANDIDATE_PATH } from '../../candidate-path.ts';
import type { CandidateSource, Gender } from '../../generated/sqlite/enums.ts';
import type { Cell } from './context.ts';
import { addWorkingDays, addYears, ageOn, type Day, safeBirth } from './dates.ts';
import { personName } from './names.ts';
import { at, type Rng } from './random.ts';

export const PATH = CANDIDATE_PATH;
export const INTRODUCED = 4;
export const CELL_VOTED = 5;

/** How long before stage i of PATH its previous stage took place (working days are Mon–Fri). */
const gaps: Record<(typeof PATH)[number], (rng: Rng, d: Day, cell: Cell) => Day> = {
  SOURCED: (_, d) => d,
  TRAINED: (rng, d) => d - rng.int(30, 300),
  APPLIED: (rng, d) => d - rng.int(10, 200),
  VERIFIED: (rng, d) => d - rng.int(20, 90),
  INTRODUCED: (rng, d) => d - rng.int(3, 30),
  CELL_VOTED: (rng, d) => d - rng.int(7, 40),
  // A grassroots cell (chi bộ cơ sở) is its own grassroots level: its resolution is the committee's.
  COMMITTEE_VOTED: (rng, d, cell) => (cell.kind === 'GRASSROOTS_CELL' ? d : addWorkingDays(d, -rng.int(3, 15))),
  DECIDED: (rng, d) => addWorkingDays(d, -rng.int(5, 20)),
  ADMITTED: (rng, d) => addWorkingDays(d, -rng.int(5, 25)),
};

/** Dates of the stages 0..k of PATH, stage k falling on `last`. */
export function timeline(rng: Rng, k: number, last: Day, cell: Cell): Day[] {
  const dates: Day[] = [last];
  for (let i = k; i > 0; i--) dates.unshift(gaps[at(PATH, i)](rng, at(dates, 0), cell));
  return dates;
}

export interface Person {
  fullName: string;
  birth: Day;
  gender: Gender;
  source: CandidateSource;
  youth: boolean;
  personalHistory: string;
}

const communeSources: [CandidateSource, number][] = [
  ['YOUTH_UNION', 40],
  ['WOMENS_UNION', 22],
  ['FARMERS_UNION', 22],
  ['VETERANS_ASSOCIATION', 10],
  ['TRADE_UNION', 6],
];
const agencySources: [CandidateSource, number][] = [
  ['YOUTH_UNION', 50],
  ['TRADE_UNION', 35],
  ['WOMENS_UNION', 15],
];
const ages: Record<CandidateSource, [number, number]> = {
  YOUTH_UNION: [18, 30],
  WOMENS_UNION: [22, 45],
  FARMERS_UNION: [25, 50],
  VETERANS_ASSOCIATION: [30, 58],
  TRADE_UNION: [23, 45],
  OTHER: [20, 50],
};

export function pickSource(rng: Rng, cell: Cell): CandidateSource {
  const source = rng.weighted(cell.grassroots.sector === 'COMMUNE' ? communeSources : agencySources, (s) => s[1])[0];
  return source === 'TRADE_UNION' && cell.type === 'hamlet' ? 'FARMERS_UNION' : source;
}

/** Someone aged 18–60 at the cell vote, found by `source`. */
export function person(rng: Rng, cell: Cell, cellVote: Day, introduced: Day, source: CandidateSource): Person {
  const [lo, hi] = ages[source];
  const female = source === 'WOMENS_UNION' || rng.chance(source === 'VETERANS_ASSOCIATION' ? 0.1 : 0.45);
  const gender: Gender = female ? 'FEMALE' : 'MALE';
  const birth = safeBirth(addYears(cellVote, -rng.int(lo, hi)) - rng.int(1, 360));
  const youth = source === 'YOUTH_UNION' && ageOn(birth, introduced) < 30;
  const work =
    cell.grassroots.sector !== 'COMMUNE'
      ? `công tác tại ${cell.grassroots.place}`
      : source === 'VETERANS_ASSOCIATION'
        ? 'bộ đội xuất ngũ, làm nông nghiệp'
        : rng.pick([
            'làm nông nghiệp',
            'trồng chè, chăn nuôi',
            'kinh doanh nhỏ',
            'giáo viên',
            'công nhân, lao động tự do',
          ]);
  const where =
    cell.type === 'hamlet' ? `${cell.name.replace('Chi bộ ', '')}, ${cell.grassroots.place}` : cell.grassroots.place;
  return {
    fullName: personName(rng, gender),
    birth,
    gender,
    source,
    youth,
    personalHistory: `Sống tại ${where}; ${work}.`,
  };
}
