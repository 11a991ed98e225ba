// The attributes the board's periodic report breaks members down by — ethnic group, religion,
// education level, Youth Union membership when admitted — drawn for both generators (the demo
// district and the synthetic nation) by one rule. Each member's come from a generator seeded by the
// member's own id, drawn after everything else, so that adding them changed no other figure.
// Synthetic and only plausible: minorities where the hamlets are bản (upland), a few Catholic
// parishes, more schooling in later years and in agencies.
import type { EducationLevel } from '../generated/sqlite/enums.ts';
import { Rng } from './thanh-chuong-2017/random.ts';

export interface ReportAttributes {
  ethnicity: string;
  religion: string | null;
  education: EducationLevel;
  isYouthUnionMember: boolean;
}

export interface AttributeFacts {
  /** The member's id: the seed of their own draws. */
  id: number;
  admittedYear: number;
  ageAtAdmission: number;
  /** Where the member was admitted: a residential cell (hamlet) or a workplace (agency, unit…). */
  workplace: boolean;
  /** The share of ethnic minorities where the member lives (upland communes: a half or more). */
  minorityShare: number;
  /** The share of Catholics there (a parish: about a tenth). */
  catholicShare: number;
  /** Known from the candidate's record when admitted through the path; drawn otherwise. */
  youthUnion?: boolean | undefined;
}

/** Nghệ An's largest minorities, with their weights. */
const MINORITIES: [string, number][] = [
  ['Thái', 0.6],
  ['Khơ Mú', 0.3],
  ['Thổ', 0.1],
];

/** Education levels by era, most common first; a workplace shifts them one level up. */
const LEVELS: EducationLevel[] = [
  'PRIMARY',
  'LOWER_SECONDARY',
  'UPPER_SECONDARY',
  'VOCATIONAL',
  'COLLEGE',
  'UNIVERSITY',
  'POSTGRADUATE',
];
const ERA_WEIGHTS: [number, number[]][] = [
  [1976, [25, 55, 20, 0, 0, 0, 0]],
  [1996, [3, 30, 42, 13, 4, 8, 0]],
  [9999, [0, 8, 32, 18, 12, 26, 4]],
];

export function reportAttributes(facts: AttributeFacts): ReportAttributes {
  const rng = new Rng((0x5eed + Math.imul(facts.id, 2654435761)) >>> 0);
  const ethnicity = rng.chance(facts.minorityShare)
    ? rng.weighted(MINORITIES, ([, w]) => w)[0]
    : rng.chance(0.004)
      ? 'Tày'
      : 'Kinh';
  const religion = rng.chance(facts.catholicShare) ? 'Công giáo' : rng.chance(0.01) ? 'Phật giáo' : null;
  const weights = (ERA_WEIGHTS.find(([until]) => facts.admittedYear < until) ?? ERA_WEIGHTS[2]!)[1];
  const index = rng.weighted([0, 1, 2, 3, 4, 5, 6], (i) => weights[i] ?? 0);
  const education = LEVELS[Math.min(LEVELS.length - 1, index + (facts.workplace && rng.chance(0.6) ? 1 : 0))]!;
  const isYouthUnionMember = facts.youthUnion ?? (facts.ageAtAdmission <= 30 && rng.chance(0.85));
  return { ethnicity, religion, education, isYouthUnionMember };
}
