// Candidates of the synthetic nation: every admission of the last year comes through a candidate
// whose path keeps the rules (course certificate, two introducers who are full members of the cell
// and have known the candidate 12 months, or the Youth Union and one of youth age, or the trade
// union and one above it where the workplace has one; the cell's vote by two thirds of its full
// members; no committee vote in a grassroots cell; the decision within 60 working days of the
// cell's resolution; the ceremony within 30 of the decision); others are on their way at every stage on the horizon,
// recent enough that no deadline has passed; a few withdrew or were rejected.
import { CANDIDATE_PATH } from '@ketnap/prisma/candidate-path.ts';
import type { Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import type { CandidateSource, CandidateStage, Gender } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { type IntroducingOrganisation, introducingOrganisation, isYouthAge } from '../../rules/introducers.ts';
import { policyOn } from '../../rules/policy.ts';
import { pathOf } from '../../rules/stages.ts';
import { addMonths, addWorkingDays, birthRange, type Day, iso, isoOrNull } from './days.ts';
import { type Cell, HORIZON, type Org, parentOn, REFORM } from './tree.ts';

export const INTRODUCED = CANDIDATE_PATH.indexOf('INTRODUCED');
export const CELL_VOTED = CANDIDATE_PATH.indexOf('CELL_VOTED');
const DECIDED = CANDIDATE_PATH.indexOf('DECIDED');

/** A member as the generator knows them while it makes a province. */
export interface Person {
  id: number;
  birth: Day;
  gender: Gender;
  admitted: Day;
  official: Day | null;
  left: Day | null;
  stays: Stay[];
}

export interface Stay {
  person: Person;
  cell: Org;
  start: Day;
  end: Day | null;
}

export interface Ids {
  member: number;
  placement: number;
  candidate: number;
  event: number;
  introduction: number;
}

export interface CandidateRows {
  candidates: unknown[][];
  events: unknown[][];
  introductions: unknown[][];
}

const plain = (org: Org) => org.name.replace(/^(Đảng bộ|Chi bộ) /, '');

/** "Chi bộ Thôn 03, Đảng bộ Xã 05, Huyện 03, Tỉnh 01" on the day. */
export function cellBody(cell: Org, on: Day): string {
  if (cell.kind === 'GRASSROOTS_CELL') return cell.name;
  const parent = parentOn(cell, on);
  return parent ? `${cell.name}, ${parent.name}` : cell.name;
}

/** The grassroots organisation's place ("Xã 05, Huyện 03, Tỉnh 01"), for mass organisations' names. */
function placeOf(cell: Org, on: Day): string {
  const g = cell.kind === 'GRASSROOTS_CELL' ? cell : parentOn(cell, on);
  return plain(g ?? cell);
}

/** The committee above the grassroots organisation on the day: the district before 2025-07-01. */
function upperOf(cell: Org, on: Day): Org | null {
  const g = cell.kind === 'GRASSROOTS_CELL' ? cell : parentOn(cell, on);
  if (!g) return null;
  if (on >= REFORM && g.sector === 'COMMUNE') return g;
  return parentOn(g, on);
}

function sourceBody(source: CandidateSource, cell: Org, on: Day): string {
  const place = placeOf(cell, on);
  switch (source) {
    case 'YOUTH_UNION':
      return `Đoàn Thanh niên ${place}`;
    case 'WOMENS_UNION':
      return `Hội Liên hiệp Phụ nữ ${place}`;
    case 'FARMERS_UNION':
      return `Hội Nông dân ${place}`;
    case 'VETERANS_ASSOCIATION':
      return `Hội Cựu chiến binh ${place}`;
    case 'TRADE_UNION':
      return `Công đoàn ${place}`;
    default:
      return cellBody(cell, on);
  }
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
/** Age at the cell's vote, by source (within 18–60: no exception needed). */
const ages: Record<CandidateSource, [number, number]> = {
  YOUTH_UNION: [18, 30],
  WOMENS_UNION: [22, 45],
  FARMERS_UNION: [25, 50],
  VETERANS_ASSOCIATION: [30, 58],
  TRADE_UNION: [23, 45],
  OTHER: [20, 50],
};

function pickSource(rng: Rng, cell: Cell): CandidateSource {
  const commune = cell.type === 'hamlet' || cell.type === 'unit';
  const source = rng.weighted(commune ? communeSources : agencySources, (s) => s[1])[0];
  return source === 'TRADE_UNION' && cell.type === 'hamlet' ? 'FARMERS_UNION' : source;
}

/** A birth day on which the person is exactly `age` on `on` (rules/dates.ts decides). */
export function birthFor(rng: Rng, on: Day, age: number): Day {
  const [after, last] = birthRange(on, age);
  return rng.int(after + 1, last);
}

/** Dates of stages 0..k of the path, stage k on `last`, each drawn backwards from the next. */
function timeline(rng: Rng, k: number, last: Day, grassrootsCell: boolean): Day[] {
  const dates: Day[] = [last];
  for (let i = k; i > 0; i--) {
    const d = dates[0]!;
    const stage = CANDIDATE_PATH[i]!;
    const before =
      stage === 'TRAINED'
        ? d - rng.int(30, 300)
        : stage === 'APPLIED'
          ? d - rng.int(10, 200)
          : stage === 'VERIFIED'
            ? d - rng.int(20, 90)
            : stage === 'INTRODUCED'
              ? d - rng.int(3, 30)
              : stage === 'CELL_VOTED'
                ? d - rng.int(7, 40)
                : stage === 'COMMITTEE_VOTED'
                  ? grassrootsCell
                    ? d
                    : addWorkingDays(d, -rng.int(3, 15))
                  : stage === 'DECIDED'
                    ? addWorkingDays(d, -rng.int(5, 20))
                    : addWorkingDays(d, -rng.int(5, 25));
    dates.unshift(before);
  }
  return dates;
}

/** At least the policy's share of those eligible, often all of them. */
function passingVotes(rng: Rng, on: Day, eligible: number): number {
  const { numerator, denominator } = policyOn(iso(on)).voteShare;
  const need = Math.ceil((eligible * numerator) / denominator);
  return rng.chance(0.75) ? eligible : rng.int(need, eligible);
}

function failingVotes(rng: Rng, on: Day, eligible: number): number {
  const { numerator, denominator } = policyOn(iso(on)).voteShare;
  const need = Math.ceil((eligible * numerator) / denominator);
  return need <= 0 ? 0 : rng.int(Math.max(0, need - 3), need - 1);
}

/** Members of a grassroots committee's executive who vote on admissions. */
const committeeSize = (g: Org) => (g.sector === 'COMMUNE' ? 11 + (g.id % 5) : 7 + (g.id % 3));

const IN_PROGRESS: [number, number][] = [
  [0, 34],
  [1, 28],
  [2, 22],
  [3, 18],
  [4, 16],
  [5, 12],
  [6, 10],
  [7, 10],
];
const REASONS = ['Quần chúng xin rút do đi làm ăn xa', 'Quần chúng xin rút vì lý do gia đình', 'Chuyển nơi cư trú'];

export interface Path {
  candidateId: number;
  birth: Day;
  gender: Gender;
  /** A Youth Union member (of youth age when introduced). */
  youth: boolean;
  /** The Candidate row, in the columns of index.ts. */
  row: unknown[];
}

/** Where the report's attributes sit in a Candidate row (the last three columns). */
export const ATTRIBUTE_COLUMNS = 15;

/** Makes candidates in one province's cells; `fullIn` answers from the province's members. */
export class CandidateMaker {
  readonly rows: CandidateRows = { candidates: [], events: [], introductions: [] };

  constructor(
    private readonly rng: Rng,
    private readonly ids: Ids,
    private readonly fullIn: (cell: Org, on: Day) => Person[],
  ) {}

  /** The candidate behind an admission on `admitted` (member `memberId`), or null when the cell cannot introduce them. */
  admitted(cell: Cell, admitted: Day, memberId: number): Path | null {
    const made = this.path(cell, CANDIDATE_PATH.length - 1, admitted, `Đảng viên ${memberId}`);
    if (!made) return null;
    this.write(made, 'ADMITTED', admitted);
    return made;
  }

  /** Candidates on their way (or who left the path) in a cell on the horizon: about `expected` of them. */
  pending(cell: Cell, expected: number): void {
    const rng = this.rng;
    const n = Math.floor(expected + rng.next());
    for (let i = 0; i < n; i++) {
      const leaving = rng.chance(0.06);
      if (leaving) {
        const rejected = rng.chance(0.4);
        const atVote = rejected && rng.chance(0.5);
        const k = atVote ? INTRODUCED : rejected ? 2 : rng.int(0, INTRODUCED);
        const end = HORIZON - rng.int(0, 300);
        const last = end - rng.int(10, 60);
        const made = this.path(cell, k, last, null);
        if (!made) continue;
        const stage: CandidateStage = rejected ? 'REJECTED' : 'WITHDRAWN';
        const eligible = atVote ? this.fullIn(cell.org, end).length : 0;
        const g = cell.org.kind === 'GRASSROOTS_CELL' ? cell.org : parentOn(cell.org, end);
        this.event(
          made.candidateId,
          stage,
          end,
          rejected && !atVote && g ? `Đảng ủy ${plain(g)}` : cellBody(cell.org, end),
          {
            votes: atVote && eligible > 0 ? [failingVotes(rng, end, eligible), eligible] : null,
            note: atVote
              ? 'Chi bộ biểu quyết không đạt hai phần ba'
              : rejected
                ? 'Kết quả thẩm tra lý lịch chưa đủ tiêu chuẩn'
                : rng.pick(REASONS),
          },
        );
        this.write(made, stage, end);
        continue;
      }
      const k = rng.weighted(IN_PROGRESS, (s) => s[1])[0];
      // A grassroots cell's candidates have no committee vote to stand at.
      if (!pathOf(cell.org.kind === 'GRASSROOTS_CELL').includes(CANDIDATE_PATH[k]!)) continue;
      const last =
        k >= DECIDED
          ? addWorkingDays(HORIZON, -rng.int(0, 20))
          : k >= CELL_VOTED
            ? addWorkingDays(HORIZON, -rng.int(0, 35))
            : HORIZON - rng.int(0, 300);
      const made = this.path(cell, k, last, null);
      if (made) this.write(made, CANDIDATE_PATH[k]!, last);
    }
  }

  /** Writes the path's events and introductions; the candidate's row waits for its final stage. */
  private path(cell: Cell, k: number, last: Day, name: string | null): (Path & { row: unknown[] }) | null {
    const rng = this.rng;
    const org = cell.org;
    const dates = timeline(rng, k, last, org.kind === 'GRASSROOTS_CELL');
    if (dates[0]! <= org.established || (org.dissolved !== null && org.dissolved <= last)) return null;
    const source = pickSource(rng, cell);
    const [lo, hi] = ages[source];
    const voteOn = dates[CELL_VOTED] ?? last;
    const birth = birthFor(rng, voteOn, rng.int(lo, hi));
    const introducedOn = dates[INTRODUCED] ?? last;
    // Of youth age: a Youth Union member; in an agency, an enterprise or a school, a trade union member.
    const youth = isYouthAge(iso(birth), iso(introducedOn));
    const tradeUnion = !(cell.type === 'hamlet' || cell.type === 'unit') || source === 'TRADE_UNION';
    const memberships = {
      isYouthUnionMember: youth,
      isTradeUnionMember: tradeUnion,
      workplaceHasTradeUnion: tradeUnion,
    };
    const by = introducingOrganisation({ birthDate: iso(birth), ...memberships }, iso(introducedOn));
    const female = source === 'WOMENS_UNION' || rng.chance(source === 'VETERANS_ASSOCIATION' ? 0.1 : 0.45);
    const gender: Gender = female ? 'FEMALE' : 'MALE';
    let introducers: Person[] = [];
    if (k >= INTRODUCED) {
      const full = this.fullIn(org, introducedOn);
      const needed = policyOn(iso(introducedOn)).introducers - (by ? 1 : 0);
      if (full.length < needed) return null;
      introducers = rng.shuffle(full).slice(0, needed);
    }
    let cellVote: [number, number] | null = null;
    if (k >= CELL_VOTED) {
      const eligible = this.fullIn(org, voteOn).length;
      if (eligible === 0) return null;
      cellVote = [passingVotes(rng, voteOn, eligible), eligible];
    }
    const candidateId = this.ids.candidate++;
    const path = pathOf(org.kind === 'GRASSROOTS_CELL');
    dates.forEach((on, i) => {
      const stage = CANDIDATE_PATH[i]!;
      // A grassroots cell has no committee vote: its date in `dates` is the cell vote's.
      if (!path.includes(stage)) return;
      const [actingBody, note, votes] = this.step(stage, org, on, { source, by, cellVote });
      this.event(candidateId, stage, on, actingBody, { note, votes });
    });
    if (k >= INTRODUCED) {
      const knownBy = addMonths(introducedOn, -policyOn(iso(introducedOn)).introducerKnownMonths);
      const place = placeOf(org, introducedOn);
      if (by === 'youthUnion')
        this.rows.introductions.push([
          this.ids.introduction++,
          candidateId,
          null,
          `Đoàn Thanh niên ${place}`,
          null,
          null,
        ]);
      if (by === 'tradeUnion')
        this.rows.introductions.push([this.ids.introduction++, candidateId, null, null, `Công đoàn ${place}`, null]);
      for (const p of introducers)
        this.rows.introductions.push([
          this.ids.introduction++,
          candidateId,
          p.id,
          null,
          null,
          iso(knownBy - rng.int(0, 1500)),
        ]);
    }
    const row: unknown[] = [
      candidateId,
      name ?? `Quần chúng ${candidateId}`,
      iso(birth),
      gender,
      null,
      youth,
      org.id,
      source,
      null,
      null,
      isoOrNull(k >= 1 ? (dates[1] ?? null) : null),
      null,
      null,
      tradeUnion,
      tradeUnion,
      // ethnicity, religion, education: drawn by the caller, who knows the province (members.ts).
      null,
      null,
      null,
    ];
    return { candidateId, birth, gender, youth, row };
  }

  /** Who acted at a stage, what the record says, and the votes (cell votes are drawn by the caller). */
  private step(
    stage: CandidateStage,
    org: Org,
    on: Day,
    p: { source: CandidateSource; by: IntroducingOrganisation | null; cellVote: [number, number] | null },
  ): [actingBody: string, note: string, votes: [number, number] | null] {
    const upper = upperOf(org, on);
    const above = upper ? plain(upper) : placeOf(org, on);
    switch (stage) {
      case 'SOURCED':
        return [sourceBody(p.source, org, on), 'Phát hiện, giới thiệu quần chúng ưu tú', null];
      case 'TRAINED':
        return [`Trung tâm Chính trị ${above}`, 'Lớp bồi dưỡng nhận thức về Đảng; cấp giấy chứng nhận', null];
      case 'APPLIED':
        return [cellBody(org, on), 'Đơn xin vào Đảng, lý lịch của người xin vào Đảng', null];
      case 'VERIFIED':
        return [cellBody(org, on), 'Thẩm tra lý lịch', null];
      case 'INTRODUCED':
        return [
          cellBody(org, on),
          p.by
            ? `${p.by === 'youthUnion' ? 'Đoàn' : 'Công đoàn'} cơ sở và một đảng viên chính thức giới thiệu`
            : 'Hai đảng viên chính thức giới thiệu',
          null,
        ];
      case 'CELL_VOTED':
        return [cellBody(org, on), 'Nghị quyết của chi bộ đề nghị kết nạp', p.cellVote];
      case 'COMMITTEE_VOTED': {
        const g = parentOn(org, on) ?? org;
        const eligible = committeeSize(g);
        return [
          `Đảng ủy ${plain(g)}`,
          'Nghị quyết của đảng ủy cơ sở đề nghị kết nạp',
          [passingVotes(this.rng, on, eligible), eligible],
        ];
      }
      case 'DECIDED':
        return [`Ban Thường vụ Đảng ủy ${above}`, 'Quyết định kết nạp đảng viên', null];
      default:
        return [cellBody(org, on), 'Lễ kết nạp đảng viên', null];
    }
  }

  private write(made: { row: unknown[] }, stage: CandidateStage, on: Day): void {
    made.row[8] = stage;
    made.row[9] = iso(on);
    this.rows.candidates.push(made.row);
  }

  private event(
    candidateId: number,
    stage: CandidateStage,
    on: Day,
    actingBody: string,
    extra: { votes?: [number, number] | null; note: string },
  ): void {
    this.rows.events.push([
      this.ids.event++,
      candidateId,
      stage,
      iso(on),
      actingBody,
      extra.votes?.[0] ?? null,
      extra.votes?.[1] ?? null,
      extra.note,
    ]);
  }
}
