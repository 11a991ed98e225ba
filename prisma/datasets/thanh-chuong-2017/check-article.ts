// The figures the article fixes (Baonghean.vn, 2017; DESIGN.md, "The demo dataset"), found in
// the rows alone with the server's rules: the tree as it stood on a day, admissions, the at-risk policy.
import { ageOn } from '../../../server/src/rules/dates.ts';
import { isCellKind } from '../../../server/src/rules/kinds.ts';
import { assessRisk, defaultRiskPolicy, type RiskAssessment } from '../../../server/src/rules/risk.ts';
import type { OrganisationRow } from '../types.ts';
import type { Check, World } from './check-tools.ts';
import { PROVINCE_CODE, RISK_DAY, WINDOW_END } from './context.ts';

/** The article's numbers. */
export const ARTICLE = {
  grassroots: { total: 82, communeCommittees: 40, agencyCommittees: 18, grassrootsCells: 24 },
  admissions: 252,
  atRisk: { cells: 6, communes: 4 },
  /** Admissions of each at-risk cell from RISK_DAY to WINDOW_END, largest first. */
  recovered: [2, 1, 1, 1, 1, 1],
};
/** The district level is abolished: its grassroots organisations move under the province. */
const REFORM = '2025-07-01';

/** Members admitted in the district over [from, to], each under the tree of its own day. */
export const admittedIn = (w: World, from: string, to: string) =>
  w.data.members.filter(
    (m) => m.admittedOn >= from && m.admittedOn <= to && w.within(m.admittedInId, w.district.id, m.admittedOn),
  );

/** An at-risk cell, the grassroots organisation it is under, and the assessment. */
type AtRisk = { cell: OrganisationRow; grassroots: OrganisationRow | null; risk: RiskAssessment };
/** Assessments already made, by world and day: several checks ask about the same day. */
const assessed = new WeakMap<World, Map<string, AtRisk[]>>();

/** The district's cells at risk on d, judged by the server's rule from figures counted in the rows. */
export function atRiskCells(w: World, d: string): AtRisk[] {
  const known = assessed.get(w) ?? new Map<string, AtRisk[]>();
  assessed.set(w, known);
  const found = known.get(d) ?? assess(w, d);
  known.set(d, found);
  return found;
}

function assess(w: World, d: string): AtRisk[] {
  const policy = defaultRiskPolicy;
  const cells = w.data.organisations.filter(
    (o) => isCellKind(o.kind) && w.active(o.id, d) && w.within(o.id, w.district.id, d),
  );
  return cells.flatMap((cell) => {
    const present = w.membersIn(cell.id, d);
    const admissions = w.data.members.filter((m) => m.admittedInId === cell.id && m.admittedOn <= d);
    const figures = {
      cellId: cell.id,
      establishedOn: cell.establishedOn,
      memberCount: present.length,
      elderlyCount: present.filter((m) => ageOn(m.birthDate, d) >= policy.elderlyAge).length,
      lastAdmissionOn: admissions.map((m) => m.admittedOn).reduce<string | null>((a, b) => (a && a > b ? a : b), null),
    };
    const risk = assessRisk(figures, d, policy);
    return risk.isAtRisk ? [{ cell, grassroots: w.grassrootsOf(cell.id, d), risk }] : [];
  });
}

const expectSame = (what: string, found: unknown, wanted: unknown): string[] =>
  JSON.stringify(found) === JSON.stringify(wanted)
    ? []
    : [`${what}: found ${JSON.stringify(found)}, the article says ${JSON.stringify(wanted)}`];

const { total, communeCommittees, agencyCommittees, grassrootsCells } = ARTICLE.grassroots;

export const articleChecks: Check[] = [
  {
    name: `${total} grassroots organisations on ${RISK_DAY}: ${communeCommittees} commune and ${agencyCommittees} agency committees, ${grassrootsCells} grassroots cells`,
    problems: (w) => {
      const grassroots = w.children(w.district.id, RISK_DAY);
      const committees = (sector: string) =>
        grassroots.filter((o) => o.kind === 'GRASSROOTS_COMMITTEE' && o.sector === sector).length;
      const found = {
        total: grassroots.length,
        communeCommittees: committees('COMMUNE'),
        agencyCommittees: committees('AGENCY'),
        grassrootsCells: grassroots.filter((o) => o.kind === 'GRASSROOTS_CELL').length,
      };
      return expectSame('grassroots organisations', found, ARTICLE.grassroots);
    },
  },
  {
    name: `from ${REFORM} the district is dissolved and its grassroots organisations sit under the province`,
    problems: (w) => [
      ...(w.active(w.district.id, REFORM) ? ['the district is still active'] : []),
      ...expectSame(
        'grassroots organisations under the province',
        w
          .children(w.code(PROVINCE_CODE).id, REFORM)
          .map((o) => o.code)
          .sort(),
        w
          .children(w.district.id, RISK_DAY)
          .map((o) => o.code)
          .sort(),
      ),
    ],
  },
  {
    name: `${ARTICLE.admissions} admissions from ${RISK_DAY} to ${WINDOW_END}`,
    problems: (w) => expectSame('admissions', admittedIn(w, RISK_DAY, WINDOW_END).length, ARTICLE.admissions),
  },
  {
    name: `${ARTICLE.atRisk.cells} cells at risk on ${RISK_DAY}, in ${ARTICLE.atRisk.communes} communes, all under a commune`,
    problems: (w) => {
      const risky = atRiskCells(w, RISK_DAY);
      const communes = new Set(risky.map((r) => r.grassroots?.code));
      return [
        ...expectSame('at-risk cells and communes', [risky.length, communes.size], Object.values(ARTICLE.atRisk)),
        ...risky
          .filter((r) => r.cell.kind !== 'SUBORDINATE_CELL' || r.grassroots?.sector !== 'COMMUNE')
          .map((r) => `${r.cell.code} is not a cell of a commune`),
      ];
    },
  },
  {
    // Not the article's figures, but its picture: a few old members, long without an admission.
    name: 'each at-risk cell has 3 or 4 members and 6 to 12 years without an admission',
    problems: (w) =>
      atRiskCells(w, RISK_DAY)
        .filter(({ risk }) => risk.memberCount < 3 || risk.yearsWithoutAdmission < 6 || risk.yearsWithoutAdmission > 12)
        .map(({ cell, risk }) => `${cell.code}: ${risk.memberCount} members, ${risk.yearsWithoutAdmission} years`),
  },
  {
    name: `each at-risk cell recovered by ${WINDOW_END}: ${ARTICLE.recovered.join(', ')} admissions`,
    problems: (w) => {
      const window = admittedIn(w, RISK_DAY, WINDOW_END);
      const counts = atRiskCells(w, RISK_DAY).map(
        ({ cell }) => window.filter((m) => m.admittedInId === cell.id).length,
      );
      return expectSame(
        'admissions per at-risk cell',
        counts.sort((a, b) => b - a),
        ARTICLE.recovered,
      );
    },
  },
];
