// What the article does not fix but the dataset must keep consistent with it: the 2017 quotas,
// the programme targets of the at-risk cells, and the leaders' visits within their zones.
import { covers } from '../../../server/src/rules/dates.ts';
import { atRiskCells } from './check-article.ts';
import type { Check, World } from './check-tools.ts';
import { RISK_DAY } from './context.ts';
import { RISK_PROGRAMME_CODE, YEAR_2017 } from './quotas.ts';

/** The yearly target of an organisation for the period starting on `from` (outside any programme). */
const target = (w: World, organisationId: number, from: string) =>
  w.data.quotas
    .filter((q) => q.organisationId === organisationId && q.periodFrom === from && q.programmeId === null)
    .reduce((sum, q) => sum + q.target, 0);

export const planChecks: Check[] = [
  {
    name: `every grassroots organisation has a quota from ${YEAR_2017.from}`,
    problems: (w) =>
      w
        .children(w.district.id, RISK_DAY)
        .filter((g) => target(w, g.id, YEAR_2017.from) <= 0)
        .map((g) => g.code),
  },
  {
    // As in real life (DESIGN.md, "Quotas"): the gap is reported, never forced.
    name: "the grassroots organisations' 2017 targets do not add up exactly to the district's",
    problems: (w) => {
      const district = target(w, w.district.id, YEAR_2017.from);
      const sum = w.children(w.district.id, RISK_DAY).reduce((n, g) => n + target(w, g.id, YEAR_2017.from), 0);
      return sum === district ? [`both are ${sum}`] : [];
    },
  },
  {
    name: 'each at-risk cell, and no other, has a target under Đề án 01/ĐA-TU/2016',
    problems: (w) => {
      const programme = w.data.programmes.find((p) => p.code === RISK_PROGRAMME_CODE);
      if (!programme) return [`no programme ${RISK_PROGRAMME_CODE}`];
      const withTarget = w.data.quotas
        .filter((q) => q.programmeId === programme.id)
        .map((q) => w.org(q.organisationId).code);
      const atRisk = atRiskCells(w, RISK_DAY).map((r) => r.cell.code);
      return JSON.stringify(withTarget.sort()) === JSON.stringify(atRisk.sort())
        ? []
        : [`targets for ${withTarget.join(', ')}; at risk: ${atRisk.join(', ')}`];
    },
  },
  {
    name: "every visit is to a cell in the visiting leader's zone on that day",
    problems: (w) =>
      w.data.visits
        .filter((v) => {
          const grassroots = w.grassrootsOf(v.cellId, v.visitedOn);
          return !w.data.assignments.some(
            (a) =>
              a.leaderId === v.leaderId &&
              a.organisationId === grassroots?.id &&
              covers(a.startOn, a.endOn, v.visitedOn),
          );
        })
        .map((v) => `visit ${v.id} to ${w.org(v.cellId).code} on ${v.visitedOn}`),
  },
];
