// One candidate's path: stage dates that keep the rules (course certificate, 60 working days from
// the cell's resolution to the decision, 30 from the decision to the ceremony), and who they are.
// The path and its working days are the server's (rules/stages.ts, rules/working-days.ts).

import { addDays, anniversary } from '../../../server/src/rules/dates.ts';
import {
  type IntroducingOrganisation,
  introducingOrganisation,
  isYouthAge,
} from '../../../server/src/rules/introducers.ts';
import { PATH } from '../../../server/src/rules/stages.ts';
import { defaultCalendar, subtractWorkingDays } from '../../../server/src/rules/working-days.ts';
import type { CandidateSource, Gender } from '../../generated/sqlite/enums.ts';
import type { Cell } from './context.ts';
import { personName } from './names.ts';
import { at, type Rng } from './random.ts';

/** Positions on the path of the stages the generator asks about. */
export const TRAINED = PATH.indexOf('TRAINED');
export const INTRODUCED = PATH.indexOf('INTRODUCED');
export const CELL_VOTED = PATH.indexOf('CELL_VOTED');
export const DECIDED = PATH.indexOf('DECIDED');

/** The grassroots committee votes at most this many working days after the cell. */
export const COMMITTEE_VOTE_WITHIN = 15;

const workingDaysBefore = (d: string, n: number) => subtractWorkingDays(defaultCalendar, d, n);

/** How long before stage i of PATH its previous stage took place. */
const gaps: Record<(typeof PATH)[number], (rng: Rng, d: string, cell: Cell) => string> = {
  SOURCED: (_, d) => d,
  TRAINED: (rng, d) => addDays(d, -rng.int(30, 300)),
  APPLIED: (rng, d) => addDays(d, -rng.int(10, 200)),
  VERIFIED: (rng, d) => addDays(d, -rng.int(20, 90)),
  INTRODUCED: (rng, d) => addDays(d, -rng.int(3, 30)),
  CELL_VOTED: (rng, d) => addDays(d, -rng.int(7, 40)),
  // A grassroots cell (chi bộ cơ sở) has no committee vote (events.ts writes none): the cell's date stands in.
  COMMITTEE_VOTED: (rng, d, cell) =>
    cell.kind === 'GRASSROOTS_CELL' ? d : workingDaysBefore(d, rng.int(3, COMMITTEE_VOTE_WITHIN)),
  DECIDED: (rng, d) => workingDaysBefore(d, rng.int(5, 20)),
  ADMITTED: (rng, d) => workingDaysBefore(d, rng.int(5, 25)),
};

/** Dates of the stages 0..k of PATH, stage k falling on `last`. */
export function timeline(rng: Rng, k: number, last: string, cell: Cell): string[] {
  const dates: string[] = [last];
  for (let i = k; i > 0; i--) dates.unshift(gaps[at(PATH, i)](rng, at(dates, 0), cell));
  return dates;
}

export interface Person {
  fullName: string;
  birth: string;
  gender: Gender;
  source: CandidateSource;
  /** Of youth age when introduced: a Youth Union member (Charter, Art. 4). */
  youth: boolean;
  /** Their workplace has a trade union, and they are a member of it (agencies, enterprises, schools). */
  tradeUnion: boolean;
  /** Who introduces them beside one full member, if anyone (rules/introducers.ts). */
  introducedBy: IntroducingOrganisation | null;
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
export function person(rng: Rng, cell: Cell, cellVote: string, introduced: string, source: CandidateSource): Person {
  const [lo, hi] = ages[source];
  const female = source === 'WOMENS_UNION' || rng.chance(source === 'VETERANS_ASSOCIATION' ? 0.1 : 0.45);
  const gender: Gender = female ? 'FEMALE' : 'MALE';
  const birth = addDays(anniversary(cellVote, -rng.int(lo, hi)), -rng.int(1, 360));
  const youth = isYouthAge(birth, introduced);
  const tradeUnion = cell.grassroots.sector !== 'COMMUNE' || source === 'TRADE_UNION';
  const memberships = { isYouthUnionMember: youth, isTradeUnionMember: tradeUnion, workplaceHasTradeUnion: tradeUnion };
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
    tradeUnion,
    introducedBy: introducingOrganisation({ birthDate: birth, ...memberships }, introduced),
    personalHistory: `Sống tại ${where}; ${work}.`,
  };
}
