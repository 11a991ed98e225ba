// One candidate's path: stage dates that keep the rules (course certificate, 60 working days from
// the cell's resolution to the decision, 30 from the decision to the ceremony), who they are, who
// introduces them, and the events with the body that acted and the votes.
import type { CandidateSource, CandidateStage, Gender } from '../../generated/sqlite/enums.ts';
import { type Cell, nextId, type Rows } from './context.ts';
import { addMonths, addWorkingDays, addYears, ageOn, type Day, iso, safeBirth } from './dates.ts';
import { personName } from './names.ts';
import { at, type Rng } from './random.ts';
import type { MemberInfo, Registry } from './registry.ts';

export const PATH = [
  'SOURCED', 'TRAINED', 'APPLIED', 'VERIFIED', 'INTRODUCED', 'CELL_VOTED', 'COMMITTEE_VOTED', 'DECIDED', 'ADMITTED',
] as const satisfies readonly CandidateStage[];
export const INTRODUCED = 4;
export const CELL_VOTED = 5;

/** Dates of the stages 0..k of PATH, stage k falling on `last`. */
export function timeline(rng: Rng, k: number, last: Day, cell: Cell): Day[] {
  const dates: Day[] = [last];
  for (let i = k; i > 0; i--) {
    const d = at(dates, 0);
    const stage = at(PATH, i);
    const prev =
      stage === 'ADMITTED' ? addWorkingDays(d, -rng.int(5, 25))
      : stage === 'DECIDED' ? addWorkingDays(d, -rng.int(5, 20))
      : stage === 'COMMITTEE_VOTED' ? (cell.kind === 'GRASSROOTS_CELL' ? d : addWorkingDays(d, -rng.int(3, 15)))
      : stage === 'CELL_VOTED' ? d - rng.int(7, 40)
      : stage === 'INTRODUCED' ? d - rng.int(3, 30)
      : stage === 'VERIFIED' ? d - rng.int(20, 90)
      : stage === 'APPLIED' ? d - rng.int(10, 200)
      : d - rng.int(30, 300);
    dates.unshift(prev);
  }
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
  ['YOUTH_UNION', 40], ['WOMENS_UNION', 22], ['FARMERS_UNION', 22], ['VETERANS_ASSOCIATION', 10], ['TRADE_UNION', 6],
];
const agencySources: [CandidateSource, number][] = [['YOUTH_UNION', 50], ['TRADE_UNION', 35], ['WOMENS_UNION', 15]];
const ages: Record<CandidateSource, [number, number]> = {
  YOUTH_UNION: [18, 30], WOMENS_UNION: [22, 45], FARMERS_UNION: [25, 50], VETERANS_ASSOCIATION: [30, 58],
  TRADE_UNION: [23, 45], OTHER: [20, 50],
};

export function pickSource(rng: Rng, cell: Cell): CandidateSource {
  const source = rng.weighted(cell.grassroots.sector === 'COMMUNE' ? communeSources : agencySources, (s) => s[1])[0];
  return source === 'TRADE_UNION' && cell.type === 'hamlet' ? 'FARMERS_UNION' : source;
}

/** Someone aged 18–60 at the cell vote, found by `source`. */
export function person(rng: Rng, cell: Cell, cellVote: Day, introduced: Day, source: CandidateSource): Person {
  const [lo, hi] = ages[source];
  const gender: Gender =
    source === 'WOMENS_UNION' ? 'FEMALE' : source === 'VETERANS_ASSOCIATION' ? (rng.chance(0.9) ? 'MALE' : 'FEMALE')
    : rng.chance(0.45) ? 'FEMALE' : 'MALE';
  const birth = safeBirth(addYears(cellVote, -rng.int(lo, hi)) - rng.int(1, 360));
  const youth = source === 'YOUTH_UNION' && ageOn(birth, introduced) < 30;
  const work =
    cell.grassroots.sector !== 'COMMUNE' ? `công tác tại ${cell.grassroots.place}`
    : source === 'VETERANS_ASSOCIATION' ? 'bộ đội xuất ngũ, làm nông nghiệp'
    : rng.pick(['làm nông nghiệp', 'trồng chè, chăn nuôi', 'kinh doanh nhỏ', 'giáo viên', 'công nhân, lao động tự do']);
  const where = cell.type === 'hamlet' ? `${cell.name.replace('Chi bộ ', '')}, ${cell.grassroots.place}` : cell.grassroots.place;
  return { fullName: personName(rng, gender), birth, gender, source, youth, personalHistory: `Sống tại ${where}; ${work}.` };
}

/** Full members of the cell who can introduce (recognised before `on`), or null if too few. */
export function introducers(rng: Rng, reg: Registry, cell: Cell, on: Day, needed: number): MemberInfo[] | null {
  const pool = reg.fullIn(cell.id, on, true);
  return pool.length < needed ? null : rng.shuffle(pool).slice(0, needed);
}

export function writeIntroductions(rng: Rng, rows: Rows, candidateId: number, p: Person, cell: Cell, on: Day, by: MemberInfo[]): void {
  const latest = addMonths(on, -12);
  if (p.youth) {
    const joined = Math.min(latest, addYears(p.birth, 16) + rng.int(0, 200));
    const youthUnion = `Đoàn TNCS Hồ Chí Minh ${cell.grassroots.place}`;
    rows.introductions.push({ id: nextId(rows.introductions), candidateId, memberId: null, youthUnion, knownSince: iso(joined) });
  }
  for (const m of by) {
    const knownSince = Math.max(addYears(p.birth, 10), latest - rng.int(0, 2500));
    rows.introductions.push({ id: nextId(rows.introductions), candidateId, memberId: m.id, youthUnion: null, knownSince: iso(knownSince) });
  }
}

export function sourceBody(source: CandidateSource, cell: Cell): string {
  const place = cell.grassroots.place;
  const commune = cell.grassroots.sector === 'COMMUNE';
  if (source === 'YOUTH_UNION') return `Đoàn Thanh niên ${place}`;
  if (source === 'WOMENS_UNION') return commune ? `Hội Liên hiệp Phụ nữ ${place}` : `Ban Nữ công Công đoàn ${place}`;
  if (source === 'FARMERS_UNION') return `Hội Nông dân ${place}`;
  if (source === 'VETERANS_ASSOCIATION') return `Hội Cựu chiến binh ${place}`;
  if (source === 'TRADE_UNION') return `Công đoàn ${commune ? `${cell.name.replace('Chi bộ ', '')} ${place}` : place}`;
  return cell.body;
}
