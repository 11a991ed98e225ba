// The members of one province, cell by cell, over decades: admitted at 18–60 on a day weighted by
// the year's trend within the cell's life, recognised 12 months later, some transferred to another
// cell (one placement ends and the next starts the same day), moved along when their cell is merged
// (the same day), and some leave (died, moved away, struck off, expelled, removed after probation).
// Admissions of the last year come through a candidate (candidates.ts); candidates on their way are
// spread over the cells alive on the horizon.
import { reportAttributes } from '@ketnap/prisma/datasets/report-attributes.ts';
import { Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import type { Gender, LeavingReason } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { policyOn } from '../../rules/policy.ts';
import { ATTRIBUTE_COLUMNS, birthFor, CandidateMaker, type Ids, type Person, type Stay } from './candidates.ts';
import { addMonths, type Day, iso, isoOrNull, yearOf } from './days.ts';
import {
  aliveOn,
  type Cell,
  FIRST_ADMISSION,
  grassrootsOf,
  HORIZON,
  type Nation,
  type Org,
  type Province,
  REFORM,
  SEED,
} from './tree.ts';

/** Admissions from this day come with their candidate's path. */
export const CANDIDATES_FROM = REFORM;
/** Admissions per grassroots organisation and year, from this year on (for the quotas). */
export const TALLY_FROM = 2020;
/** Days after the end of probation by which the cell's recognition is on record. */
const RECOGNITION_LAG = 45;
/** No candidate is introduced nor voted on before this day (the earliest is about 16 months before the horizon). */
const CANDIDATE_PATHS_FROM = HORIZON - 3 * 366;
/** Candidates on their way on the horizon, per member row of a cell. */
const PENDING_PER_MEMBER = 0.013;
/** Added to a pending candidate's id to seed their attributes' draws apart from any member's. */
const CANDIDATE_DRAWS = 1_000_000_000;

export type Tally = Map<number, number[]>;

interface Fate {
  official: Day | null;
  left: Day | null;
  reason: LeavingReason | null;
}

function ageAtAdmission(rng: Rng, year: number): number {
  if (year < 1976) return rng.chance(0.8) ? rng.int(18, 27) : rng.int(28, 40);
  if (year < 1996) return rng.chance(0.85) ? rng.int(20, 35) : rng.int(36, 50);
  const r = rng.next();
  return r < 0.75 ? rng.int(20, 35) : r < 0.99 ? rng.int(36, 55) : rng.int(56, 60);
}

function genderFor(rng: Rng, year: number, cell: Cell): Gender {
  const base = year < 1976 ? 0.2 : year < 1996 ? 0.3 : 0.42;
  return rng.chance(base + (cell.type === 'unit' ? 0.25 : 0)) ? 'FEMALE' : 'MALE';
}

/** What happens to a member admitted on `admitted`, born on `birth`, up to the horizon. */
function fateOf(rng: Rng, birth: Day, admitted: Day): Fate {
  const end = addMonths(admitted, policyOn(iso(admitted)).probationMonths);
  if (end + RECOGNITION_LAG > HORIZON) return { official: null, left: null, reason: null };
  if (rng.chance(0.004)) return { official: null, left: end + 20, reason: 'REMOVED_AFTER_PROBATION' };
  const deathAge = rng.chance(0.03) ? rng.int(25, 60) : 45 + rng.next() * 18 + rng.next() * 18 + rng.next() * 18;
  // The first of: death, moving away, being struck off or expelled, after recognition and by the horizon.
  let left = birth + Math.floor(deathAge * 365.25) + rng.int(0, 364);
  let reason: LeavingReason = 'DIED';
  const consider = (years: number, p: number, why: LeavingReason) => {
    if (!rng.chance(p)) return;
    const from = admitted + Math.floor(365 * years);
    const on = from + rng.int(0, Math.max(1, HORIZON - from));
    if (on > end && (on < left || left <= end)) {
      left = on;
      reason = why;
    }
  };
  consider(1, 0.07, 'MOVED_AWAY');
  consider(2, 0.01, 'STRUCK_OFF');
  consider(2, 0.003, 'EXPELLED');
  return left > end && left <= HORIZON ? { official: end, left, reason } : { official: end, left: null, reason: null };
}

/** Where a province's rows go, table by table, as soon as their foreign keys allow. */
export type Emit = (
  table: 'Candidate' | 'Member' | 'Placement' | 'CandidateEvent' | 'Introduction',
  rows: unknown[][],
) => Promise<void>;

/** Rows are handed on in batches of about this many members, so that they die young. */
const BATCH = 5000;

/**
 * Everything about the members and candidates of one (pre-2025) province, handed to `emit` in an
 * order that keeps the foreign keys: the members admitted before the last year and their
 * placements, batch by batch; then the candidates, the members they became, their placements,
 * the candidates' events and introductions. Returns the number of members on the horizon.
 */
export async function makeProvince(
  nation: Nation,
  province: Province,
  ids: Ids,
  tally: Tally,
  emit: Emit,
): Promise<number> {
  const rng = new Rng((SEED + 7919 * (province.index + 1)) >>> 0);
  // The cells each grassroots committee has had, for transfers within it.
  const cellsOf = new Map<Org, Cell[]>();
  for (const c of province.cells)
    for (const link of c.org.links) {
      const list = cellsOf.get(link.parent);
      if (!list) cellsOf.set(link.parent, [c]);
      else if (list[list.length - 1] !== c) list.push(c);
    }

  const transferTarget = (from: Org, on: Day): Org | null => {
    const g = grassrootsOf(from, on);
    const siblings = g ? cellsOf.get(g) : undefined;
    for (let i = 0; i < 4; i++) {
      const c = siblings && rng.chance(0.7) ? rng.pick(siblings) : rng.pick(province.cells);
      if (c.org !== from && aliveOn(c.org, on)) return c.org;
    }
    return null;
  };

  /** Placements from admission on: ends at leaving, moves on merges and on the transfer. */
  const place = (person: Person, first: Org, transferOn: Day | null): void => {
    let cell = first;
    let start = person.admitted;
    let t = transferOn;
    const end = person.left;
    for (;;) {
      const d = cell.dissolved;
      const stopEnd = end ?? Number.POSITIVE_INFINITY;
      const stopMerge = d ?? Number.POSITIVE_INFINITY;
      const stopTransfer = t ?? Number.POSITIVE_INFINITY;
      if (stopEnd <= stopMerge && stopEnd <= stopTransfer) {
        person.stays.push({ person, cell, start, end });
        return;
      }
      if (stopMerge <= stopTransfer) {
        const into = cell.mergedInto;
        if (d === null || !into) throw new Error(`cell ${cell.code} dissolved without a merge`);
        person.stays.push({ person, cell, start, end: d });
        cell = into;
        start = d;
        if (t !== null && t <= d) t = null;
        continue;
      }
      const target = t === null ? null : transferTarget(cell, t);
      if (target && t !== null) {
        person.stays.push({ person, cell, start, end: t });
        cell = target;
        start = t;
      }
      t = null;
    }
  };

  type Member = Person & { cell: Cell; reason: LeavingReason | null; candidateId: number | null; youth?: boolean };
  // The report's attributes: synthetic shares by province (every fifth one upland, every seventh with parishes).
  const minorityShare = province.index % 5 === 0 ? 0.45 : 0.04;
  const catholicShare = province.index % 7 === 3 ? 0.15 : 0.02;
  const attributesOf = (p: Member) => {
    const admittedYear = yearOf(p.admitted);
    const a = reportAttributes({
      id: p.id,
      admittedYear,
      ageAtAdmission: admittedYear - yearOf(p.birth),
      workplace: p.cell.type !== 'hamlet',
      minorityShare,
      catholicShare,
      youthUnion: p.youth,
    });
    return [a.ethnicity, a.religion, a.education, a.isYouthUnionMember];
  };
  let present = 0;
  let batch: Member[] = [];
  const flush = async () => {
    const members: unknown[][] = [];
    const placements: unknown[][] = [];
    for (const p of batch) {
      members.push([
        p.id,
        `Đảng viên ${p.id}`,
        iso(p.birth),
        p.gender,
        null,
        iso(p.admitted),
        p.cell.org.id,
        isoOrNull(p.official),
        isoOrNull(p.left),
        p.reason,
        p.candidateId,
        ...attributesOf(p),
      ]);
      for (const s of p.stays) placements.push([ids.placement++, p.id, s.cell.id, iso(s.start), isoOrNull(s.end)]);
      if (p.left === null) present++;
      const year = yearOf(p.admitted);
      const g = year >= TALLY_FROM ? grassrootsOf(p.cell.org, p.admitted) : null;
      if (g) {
        const counts = tally.get(g.id) ?? [];
        counts[year - TALLY_FROM] = (counts[year - TALLY_FROM] ?? 0) + 1;
        tally.set(g.id, counts);
      }
    }
    batch = [];
    await emit('Member', members);
    await emit('Placement', placements);
  };

  // Full members of a cell on a day (for introducers and votes): the stays of the members made so far.
  const byCell = new Map<Org, Stay[]>();
  const deferred: { cell: Cell; admitted: Day }[] = [];
  for (const cell of province.cells) {
    if (cell.members === 0) continue;
    const from = Math.max(cell.org.established + 30, FIRST_ADMISSION);
    const to = Math.min((cell.org.dissolved ?? HORIZON + 1) - 1, HORIZON);
    const sample = nation.trend.sampler(from, to);
    if (!sample) continue;
    for (let i = 0; i < cell.members; i++) {
      const admitted = sample(rng);
      if (admitted >= CANDIDATES_FROM) {
        deferred.push({ cell, admitted });
        continue;
      }
      const year = yearOf(admitted);
      const birth = birthFor(rng, admitted, ageAtAdmission(rng, year));
      const gender = genderFor(rng, year, cell);
      const fate = fateOf(rng, birth, admitted);
      const person: Member = {
        id: ids.member++,
        birth,
        gender,
        admitted,
        official: fate.official,
        left: fate.left,
        stays: [],
        cell,
        reason: fate.reason,
        candidateId: null,
      };
      let transferOn: Day | null = null;
      if (fate.official !== null && rng.chance(0.1)) {
        const lo = fate.official + 30;
        const hi = Math.min(fate.left ?? HORIZON + 1, HORIZON + 1) - 1;
        if (hi > lo) transferOn = rng.int(lo, hi);
      }
      place(person, cell.org, transferOn);
      batch.push(person);
      // Only full members who were still members when the candidates' paths begin can introduce or vote.
      if (person.official !== null && (person.left === null || person.left > CANDIDATE_PATHS_FROM))
        for (const s of person.stays) {
          if (s.end !== null && s.end <= CANDIDATE_PATHS_FROM) continue;
          const list = byCell.get(s.cell);
          if (list) list.push(s);
          else byCell.set(s.cell, [s]);
        }
    }
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  const fullIn = (cell: Org, on: Day): Person[] => {
    const out: Person[] = [];
    for (const s of byCell.get(cell) ?? [])
      if (s.start <= on && (s.end === null || s.end > on) && s.person.official !== null && s.person.official <= on)
        out.push(s.person);
    return out;
  };
  const maker = new CandidateMaker(rng, ids, fullIn);
  for (const { cell, admitted } of deferred) {
    const id = ids.member++;
    const path = maker.admitted(cell, admitted, id);
    const year = yearOf(admitted);
    const person: Member = {
      id,
      birth: path?.birth ?? birthFor(rng, admitted, ageAtAdmission(rng, year)),
      gender: path?.gender ?? genderFor(rng, year, cell),
      admitted,
      official: null,
      left: null,
      stays: [],
      cell,
      reason: null,
      candidateId: path?.candidateId ?? null,
      youth: path?.youth,
    };
    person.stays.push({ person, cell: cell.org, start: admitted, end: null });
    batch.push(person);
    // The candidate's attributes are the member's (the ceremony copies them): the same draws.
    if (path) path.row.splice(ATTRIBUTE_COLUMNS, 3, ...attributesOf(person).slice(0, 3));
  }
  const horizonYear = yearOf(HORIZON);
  for (const cell of province.cells) {
    if (!aliveOn(cell.org, HORIZON)) continue;
    const from = maker.rows.candidates.length;
    maker.pending(cell, cell.members * PENDING_PER_MEMBER);
    // Candidates still on the path (or who left it) as if admitted at the horizon, seeded apart from members.
    for (const row of maker.rows.candidates.slice(from)) {
      const a = reportAttributes({
        id: CANDIDATE_DRAWS + Number(row[0]),
        admittedYear: horizonYear,
        ageAtAdmission: horizonYear - Number(String(row[2]).slice(0, 4)),
        workplace: cell.type !== 'hamlet',
        minorityShare,
        catholicShare,
        youthUnion: Boolean(row[5]),
      });
      row.splice(ATTRIBUTE_COLUMNS, 3, a.ethnicity, a.religion, a.education);
    }
  }
  await emit('Candidate', maker.rows.candidates);
  await flush();
  await emit('CandidateEvent', maker.rows.events);
  await emit('Introduction', maker.rows.introductions);
  return present;
}
