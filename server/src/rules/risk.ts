// Nguy cơ không còn chi bộ: the at-risk policy (Baonghean.vn, 2017: "tổng số đảng viên dưới 5,
// trong đó có 3 đảng viên trên 60 tuổi và trên 5 năm không phát triển được đảng viên").
// The thresholds are deployment configuration; the API reports the policy it used.
import { fullYearsBetween, moreThanYearsAfter, yearsBefore } from './dates.ts';

export interface RiskPolicy {
  /** A cell with fewer members than this meets the first criterion. */
  minMembers: number;
  /** Members of this age or more are elderly. */
  elderlyAge: number;
  /** At least this many elderly members meet the second criterion. */
  minElderly: number;
  /** No admission for more than this many years meets the third criterion. */
  yearsWithoutAdmission: number;
}

export const defaultRiskPolicy: RiskPolicy = {
  minMembers: 5,
  elderlyAge: 60,
  minElderly: 3,
  yearsWithoutAdmission: 5,
};

const ENV_KEYS: Record<keyof RiskPolicy, string> = {
  minMembers: 'RISK_MIN_MEMBERS',
  elderlyAge: 'RISK_ELDERLY_AGE',
  minElderly: 'RISK_MIN_ELDERLY',
  yearsWithoutAdmission: 'RISK_YEARS_WITHOUT_ADMISSION',
};

export function riskPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): RiskPolicy {
  const policy = { ...defaultRiskPolicy };
  for (const [key, name] of Object.entries(ENV_KEYS) as [keyof RiskPolicy, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
    policy[key] = value;
  }
  return policy;
}

let active: RiskPolicy | undefined;

/** The policy this process assesses with (read from the environment once). */
export const activeRiskPolicy = (): RiskPolicy => (active ??= riskPolicyFromEnv());

/** What the database counts for one cell on one day. */
export interface CellFigures {
  cellId: number;
  establishedOn: string;
  memberCount: number;
  /** Members aged policy.elderlyAge or more on the day. */
  elderlyCount: number;
  lastAdmissionOn: string | null;
}

export type RiskCriterionName = 'FEW_MEMBERS' | 'ELDERLY_MEMBERS' | 'NO_RECENT_ADMISSION';

export interface RiskCriterion {
  name: RiskCriterionName;
  holds: boolean;
  value: number;
  threshold: number;
}

export interface RiskAssessment extends CellFigures {
  asOf: string;
  isAtRisk: boolean;
  yearsWithoutAdmission: number;
  criteria: RiskCriterion[];
  policy: RiskPolicy;
}

/** The birth date on or before which a member counts as elderly on `asOf`. */
export const elderlyBornBy = (asOf: string, policy: RiskPolicy) => yearsBefore(asOf, policy.elderlyAge);

/** Fewer members than the policy's minimum: the first criterion. */
const fewMembers = (memberCount: number, policy: RiskPolicy) => memberCount < policy.minMembers;

/**
 * Whether a cell with this many members may be at risk at all, whatever their ages and admissions:
 * few enough for the first criterion, and enough for the second (the elderly are among them).
 */
export const mayBeAtRisk = (memberCount: number, policy: RiskPolicy) =>
  fewMembers(memberCount, policy) && memberCount >= policy.minElderly;

export function assessRisk(figures: CellFigures, asOf: string, policy: RiskPolicy): RiskAssessment {
  // A cell that never admitted anyone counts from its establishment.
  const since = figures.lastAdmissionOn ?? figures.establishedOn;
  const criteria: RiskCriterion[] = [
    {
      name: 'FEW_MEMBERS',
      holds: fewMembers(figures.memberCount, policy),
      value: figures.memberCount,
      threshold: policy.minMembers,
    },
    {
      name: 'ELDERLY_MEMBERS',
      holds: figures.elderlyCount >= policy.minElderly,
      value: figures.elderlyCount,
      threshold: policy.minElderly,
    },
    {
      name: 'NO_RECENT_ADMISSION',
      // "More than N years": from the day after the N-th anniversary (29 Feb's falls on 1 Mar),
      // so that the verdict and the years reported agree on every day.
      holds: moreThanYearsAfter(since, policy.yearsWithoutAdmission, asOf),
      value: fullYearsBetween(since, asOf),
      threshold: policy.yearsWithoutAdmission,
    },
  ];
  return {
    ...figures,
    asOf,
    isAtRisk: criteria.every((criterion) => criterion.holds),
    yearsWithoutAdmission: fullYearsBetween(since, asOf),
    criteria,
    policy,
  };
}
