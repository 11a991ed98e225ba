// The hamlets of the demo dataset (DESIGN.md: about 364 xóm, bản and khối, with or without a cell),
// checked from the rows: dated links that never overlap, cells inside their hamlet's commune, where
// members live while they are members, and Đề án 01/ĐA-TU/2016's three figures consistent with the
// at-risk cells. hamletFigures is what the API must answer (server/test/hamlets-demo.test.ts).
import { covers } from '../../../server/src/rules/dates.ts';
import type { HamletCellRow, HamletCommuneRow, ResidenceRow } from '../types.ts';
import { atRiskCells } from './check-article.ts';
import { type Check, duplicates, type World } from './check-tools.ts';
import { RISK_DAY, WINDOW_END } from './context.ts';

/** The number of hamlets DESIGN.md gives the district in 2017. */
export const HAMLETS = 364;

const rowsOf = (w: World) => ({
  hamlets: w.data.hamlets ?? [],
  communes: w.data.hamletCommunes ?? [],
  cells: w.data.hamletCells ?? [],
  residences: w.data.residences ?? [],
});

type Dated = HamletCommuneRow | HamletCellRow | ResidenceRow;
const on = <T extends Dated>(rows: T[], d: string) => rows.filter((r) => covers(r.startOn, r.endOn, d));

/** Subjects whose dated rows overlap (two rows covering one day). */
function overlapping<T extends Dated>(rows: T[], subject: (r: T) => number): string[] {
  const bySubject = new Map<number, T[]>();
  for (const r of rows) {
    const list = bySubject.get(subject(r));
    if (list) list.push(r);
    else bySubject.set(subject(r), [r]);
  }
  return [...bySubject]
    .filter(([, list]) => {
      const sorted = [...list].sort((x, y) => x.startOn.localeCompare(y.startOn));
      return sorted.some((r, i) => i > 0 && (sorted[i - 1]?.endOn ?? '9999') > r.startOn);
    })
    .map(([id]) => `${id}: two rows cover one day`);
}

export interface HamletFigures {
  hamlets: number;
  withoutCell: number;
  withoutMember: number;
  cellAtRisk: number;
}

/** Đề án 01's figures for the district on d, counted from the rows with the server's rules. */
export function hamletFigures(w: World, d: string): HamletFigures {
  const { hamlets, communes, cells, residences } = rowsOf(w);
  const inDistrict = new Set(
    on(communes, d)
      .filter((l) => w.within(l.communeId, w.district.id, d))
      .map((l) => l.hamletId),
  );
  const alive = hamlets.filter((h) => inDistrict.has(h.id) && covers(h.establishedOn, h.dissolvedOn, d));
  const served = new Map(
    on(cells, d)
      .filter((s) => w.active(s.cellId, d))
      .map((s) => [s.hamletId, s.cellId]),
  );
  const member = (id: number) => {
    const m = w.memberById.get(id);
    return m !== undefined && m.admittedOn <= d && (m.leftOn === null || m.leftOn > d);
  };
  const lived = new Set(
    on(residences, d)
      .filter((r) => member(r.memberId))
      .map((r) => r.hamletId),
  );
  const atRisk = new Set(atRiskCells(w, d).map((a) => a.cell.id));
  return {
    hamlets: alive.length,
    withoutCell: alive.filter((h) => !served.has(h.id)).length,
    withoutMember: alive.filter((h) => !lived.has(h.id)).length,
    cellAtRisk: alive.filter((h) => atRisk.has(served.get(h.id) ?? -1)).length,
  };
}

export const hamletChecks: Check[] = [
  {
    name: `${HAMLETS} hamlets in the 40 communes, each in one commune at a time; a hamlet cell serves its own hamlet`,
    problems: (w) => {
      const { hamlets, communes, cells } = rowsOf(w);
      const communeIds = new Set(on(communes, RISK_DAY).map((l) => l.communeId));
      const cellByCode = new Map(w.data.organisations.map((o) => [o.code, o.id]));
      return [
        ...(hamlets.length === HAMLETS ? [] : [`${hamlets.length} hamlets`]),
        ...(communeIds.size === 40 ? [] : [`hamlets in ${communeIds.size} communes`]),
        ...duplicates(hamlets.map((h) => h.code)).map((c) => `hamlet code ${c} twice`),
        ...overlapping(communes, (l) => l.hamletId),
        // "thanh-hoa-xom-3" is both the hamlet and the cell of that hamlet.
        ...hamlets
          .filter((h) => {
            const own = cellByCode.get(h.code);
            return own !== undefined && !cells.some((s) => s.hamletId === h.id && s.cellId === own);
          })
          .map((h) => `${h.code}: not served by the cell of the same code`),
      ];
    },
  },
  {
    name: 'a hamlet has one cell at a time, inside its commune, alive; a cell serves at most two hamlets',
    problems: (w) => {
      const { communes, cells } = rowsOf(w);
      const outside = cells.filter((s) => {
        const commune = on(communes, s.startOn).find((l) => l.hamletId === s.hamletId);
        return !commune || !w.within(s.cellId, commune.communeId, s.startOn) || !w.active(s.cellId, s.startOn);
      });
      const perCell = duplicates(on(cells, RISK_DAY).map((s) => String(s.cellId)));
      const crowded = perCell.filter((c) => on(cells, RISK_DAY).filter((s) => String(s.cellId) === c).length > 2);
      return [
        ...overlapping(cells, (s) => s.hamletId),
        ...outside.map((s) => `hamlet ${s.hamletId}: cell ${w.org(s.cellId).code} outside its commune`),
        ...crowded.map((c) => `cell ${c} serves more than two hamlets`),
      ];
    },
  },
  {
    name: 'a member lives in one hamlet at a time, one that exists, from admission until leaving',
    problems: (w) => {
      const { hamlets, residences } = rowsOf(w);
      const founded = new Map(hamlets.map((h) => [h.id, h.establishedOn]));
      const wrong = residences.filter((r) => {
        const m = w.memberById.get(r.memberId);
        const pastLeaving = m?.leftOn != null && (r.endOn === null || r.endOn > m.leftOn);
        return !m || r.startOn < m.admittedOn || pastLeaving || (founded.get(r.hamletId) ?? '9') > r.startOn;
      });
      const housed = new Set(residences.map((r) => r.memberId));
      return [
        ...overlapping(residences, (r) => r.memberId),
        ...wrong.map((r) => `member ${r.memberId}: residence ${r.startOn}–${r.endOn}`),
        ...w.data.members.filter((m) => !housed.has(m.id)).map((m) => `member ${m.id} lives nowhere`),
      ];
    },
  },
  {
    name: 'Đề án 01 on 2017-01-01: hamlets without a cell, without a member, and the 6 whose cell is at risk',
    problems: (w) => {
      const first = hamletFigures(w, RISK_DAY);
      const last = hamletFigures(w, WINDOW_END);
      const { cells } = rowsOf(w);
      const atRisk = atRiskCells(w, RISK_DAY).map((a) => a.cell.id);
      const unserved = atRisk.filter((id) => !on(cells, RISK_DAY).some((s) => s.cellId === id));
      return [
        ...(first.hamlets === HAMLETS ? [] : [`${first.hamlets} hamlets on ${RISK_DAY}`]),
        ...(first.withoutCell >= 20 ? [] : [`only ${first.withoutCell} hamlets without a cell`]),
        ...(first.withoutMember >= 10 && first.withoutMember < first.withoutCell
          ? []
          : [`${first.withoutMember} hamlets without a member (of ${first.withoutCell} without a cell)`]),
        ...(first.cellAtRisk === atRisk.length ? [] : [`${first.cellAtRisk} hamlets with a cell at risk`]),
        ...unserved.map((id) => `at-risk cell ${w.org(id).code} serves no hamlet`),
        ...(last.cellAtRisk === 0 ? [] : [`${last.cellAtRisk} hamlets with a cell at risk on ${WINDOW_END}`]),
      ];
    },
  },
];
