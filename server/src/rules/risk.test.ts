import { describe, expect, it } from 'vitest';
import { assessRisk, type CellFigures, defaultRiskPolicy, riskPolicyFromEnv } from './risk.ts';

const D = '2017-01-01';
const cell = (figures: Partial<CellFigures>): CellFigures => ({
  cellId: 1,
  establishedOn: '1990-01-01',
  memberCount: 4,
  elderlyCount: 3,
  lastAdmissionOn: '2009-06-01',
  ...figures,
});
const criterion = (figures: Partial<CellFigures>, name: string) =>
  assessRisk(cell(figures), D, defaultRiskPolicy).criteria.find((c) => c.name === name);

describe('the at-risk policy (article defaults: < 5 members, ≥ 3 aged 60+, no admission > 5 years)', () => {
  it('is at risk when all three criteria hold, and reports the figures behind each', () => {
    const assessment = assessRisk(cell({}), D, defaultRiskPolicy);
    expect(assessment.isAtRisk).toBe(true);
    expect(assessment.yearsWithoutAdmission).toBe(7);
    expect(assessment.criteria).toEqual([
      { name: 'FEW_MEMBERS', holds: true, value: 4, threshold: 5 },
      { name: 'ELDERLY_MEMBERS', holds: true, value: 3, threshold: 3 },
      { name: 'NO_RECENT_ADMISSION', holds: true, value: 7, threshold: 5 },
    ]);
    expect(assessment.policy).toEqual(defaultRiskPolicy);
  });

  it('exactly 5 members is not "fewer than 5"', () => {
    expect(criterion({ memberCount: 5 }, 'FEW_MEMBERS')?.holds).toBe(false);
    expect(assessRisk(cell({ memberCount: 5 }), D, defaultRiskPolicy).isAtRisk).toBe(false);
  });

  it('exactly 3 elderly members is enough; 2 is not', () => {
    expect(criterion({ elderlyCount: 3 }, 'ELDERLY_MEMBERS')?.holds).toBe(true);
    expect(criterion({ elderlyCount: 2 }, 'ELDERLY_MEMBERS')?.holds).toBe(false);
  });

  it('a last admission exactly 5 years before D is not "more than 5 years"; a day earlier is', () => {
    expect(criterion({ lastAdmissionOn: '2012-01-01' }, 'NO_RECENT_ADMISSION')?.holds).toBe(false);
    expect(criterion({ lastAdmissionOn: '2011-12-31' }, 'NO_RECENT_ADMISSION')?.holds).toBe(true);
  });

  it('a cell that never admitted anyone counts from its establishment: four years is not enough', () => {
    const young = cell({ lastAdmissionOn: null, establishedOn: '2013-01-01' });
    const assessment = assessRisk(young, D, defaultRiskPolicy);
    expect(assessment.yearsWithoutAdmission).toBe(4);
    expect(assessment.isAtRisk).toBe(false);
    expect(
      assessRisk(cell({ lastAdmissionOn: null, establishedOn: '2005-03-01' }), D, defaultRiskPolicy).isAtRisk,
    ).toBe(true);
  });

  it('reads its thresholds from configuration and refuses nonsense', () => {
    expect(riskPolicyFromEnv({ RISK_MIN_MEMBERS: '7', RISK_ELDERLY_AGE: '65' })).toEqual({
      ...defaultRiskPolicy,
      minMembers: 7,
      elderlyAge: 65,
    });
    expect(() => riskPolicyFromEnv({ RISK_MIN_ELDERLY: 'three' })).toThrow(/RISK_MIN_ELDERLY/);
  });

  it('agrees with the years it reports around the anniversary of 29 February', () => {
    const on = (day: string) => assessRisk(cell({ lastAdmissionOn: '2016-02-29' }), day, defaultRiskPolicy);
    const seen = (day: string) => {
      const a = on(day);
      return [a.yearsWithoutAdmission, a.criteria.find((c) => c.name === 'NO_RECENT_ADMISSION')?.holds];
    };
    expect(seen('2021-02-28')).toEqual([4, false]);
    // The fifth anniversary is 1 March 2021: exactly 5 years, not more.
    expect(seen('2021-03-01')).toEqual([5, false]);
    expect(seen('2021-03-02')).toEqual([5, true]);
    // In a leap year the anniversary is 29 February itself.
    const leap = (day: string) =>
      assessRisk(cell({ lastAdmissionOn: '2016-02-29' }), day, { ...defaultRiskPolicy, yearsWithoutAdmission: 4 });
    expect(leap('2020-02-29').criteria.find((c) => c.name === 'NO_RECENT_ADMISSION')?.holds).toBe(false);
    expect(leap('2020-03-01').criteria.find((c) => c.name === 'NO_RECENT_ADMISSION')?.holds).toBe(true);
  });
});
