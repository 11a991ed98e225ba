// The party's numbers for admitting and recognising members, in one place, by regulation:
// Quy định 29-QĐ/TW (25 Jul 2016), 24-QĐ/TW (30 Jul 2021), 232-QĐ/TW (20 Jan 2025),
// 294-QĐ/TW (signed 26 May 2025, in force from 1 July 2025), each guiding the Party Statute (Điều lệ Đảng) Art. 4 and 5.
// The numbers below have stayed the same across these texts as far as we could check; where a
// historical difference is uncertain we keep the current numbers (say so in a PR when you know
// better: a regulation that differs gets its own row in REGULATIONS, nothing else changes).
import { anniversary } from './dates.ts';

export type Regulation = '29/2016' | '24/2021' | '232/2025' | '294/2025';

export interface AdmissionPolicy {
  regulation: Regulation;
  /** The course on the Party: its certificate is valid this many years. */
  certificateValidityYears: number;
  /** Age on the day of the cell's vote, in whole months: from minAge years to maxAge years and 0 months. */
  minAge: number;
  maxAge: number;
  /** Introducers: full members who worked or lived with the candidate for this many months. */
  introducers: number;
  introducerKnownMonths: number;
  /**
   * Youth age (độ tuổi thanh niên, Luật Thanh niên 2020: "đến 30 tuổi") on the day of introduction,
   * in whole months like the age limits: up to youthMaxAge years and 0 months.
   */
  youthMaxAge: number;
  /** Votes: at least numerator/denominator of the eligible members (Điều lệ Đảng, Art. 4: two thirds). */
  voteShare: { numerator: number; denominator: number };
  /** Working days from the cell's resolution to the admission decision, and the possible extension. */
  decisionWorkingDays: number;
  decisionExtensionWorkingDays: number;
  /** Working days from the decision to the ceremony. */
  ceremonyWorkingDays: number;
  /** Probation, then the cell votes on recognition within this many working days. */
  probationMonths: number;
  recognitionWorkingDays: number;
  /** Recognition votes reaching two thirds neither way after which the superior committee decides. */
  inconclusiveVotesForReferral: number;
}

const CURRENT: Omit<AdmissionPolicy, 'regulation'> = {
  certificateValidityYears: 5,
  minAge: 18,
  maxAge: 60,
  introducers: 2,
  introducerKnownMonths: 12,
  youthMaxAge: 30,
  voteShare: { numerator: 2, denominator: 3 },
  decisionWorkingDays: 60,
  decisionExtensionWorkingDays: 30,
  ceremonyWorkingDays: 30,
  probationMonths: 12,
  recognitionWorkingDays: 30,
  inconclusiveVotesForReferral: 3,
};

/** Each regulation and the day it took effect (not the day it was signed), oldest first. */
export const REGULATIONS: { from: string; policy: AdmissionPolicy }[] = [
  { from: '2016-07-25', policy: { ...CURRENT, regulation: '29/2016' } },
  { from: '2021-07-30', policy: { ...CURRENT, regulation: '24/2021' } },
  { from: '2025-01-20', policy: { ...CURRENT, regulation: '232/2025' } },
  { from: '2025-07-01', policy: { ...CURRENT, regulation: '294/2025' } },
];

/**
 * Nhiệm kỳ đại hội: a congress term lasts five years (Điều lệ Đảng: congresses every five years),
 * and the grassroots, district and provincial congresses of a term are held in the years 2010,
 * 2015, 2020, 2025… A term is counted from 1 July of its first year to 30 June of its last: the
 * middle of the congress season, which is also the day the district level ended (2025-07-01), so
 * that the 2020–2025 term is the districts' last whole term. A deployment whose board counts
 * otherwise changes these numbers, nothing else.
 */
export const CONGRESS_TERM = { years: 5, firstYearMultipleOf: 5, startsOn: '07-01' } as const;

/** The policy in force on a day (before 2016-07-25: the oldest we know). */
export function policyOn(day: string): AdmissionPolicy {
  let found = REGULATIONS[0]!.policy;
  for (const r of REGULATIONS) if (r.from <= day) found = r.policy;
  return found;
}

/** Whether `votesFor` of `eligible` reaches the policy's share (integers: no rounding trap). */
export function voteCarries(policy: AdmissionPolicy, votesFor: number, eligible: number): boolean {
  const { numerator, denominator } = policy.voteShare;
  return eligible > 0 && votesFor * denominator >= eligible * numerator;
}

/**
 * The same day `months` later (31 Jan + 1 month: 28/29 Feb, the month's last day). Whole years
 * forward are anniversaries (dates.ts): 29 Feb + 12 months is 1 Mar in a common year.
 */
export function addMonths(day: string, months: number): string {
  if (months > 0 && months % 12 === 0) return anniversary(day, months / 12);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * Whole months from `from` to `on` ("đủ … tuổi" counted in months): the largest n with
 * addMonths(from, n) <= on, so that whole years agree with anniversaries.
 */
export function fullMonthsBetween(from: string, on: string): number {
  const [y1, m1] = from.split('-').map(Number) as [number, number];
  const [y2, m2] = on.split('-').map(Number) as [number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  while (months > 0 && addMonths(from, months) > on) months -= 1;
  return months;
}
