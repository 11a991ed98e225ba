// The report's attributes of every member (ethnic group, religion, education, Youth Union when
// admitted), filled in last, each from the member's own seed (../report-attributes.ts): the rest
// of the dataset, and every figure DESIGN.md publishes, is what it was without them. A candidate
// carries the attributes of the member they became; one not admitted draws their own (seeded by
// the negated candidate id, apart from every member's).
import { reportAttributes } from '../report-attributes.ts';
import type { Cell, Rows } from './context.ts';

/** Communes with an ethnic minority population (their hamlets are bản, or lie in the hills). */
const MINORITIES: Record<string, number> = {
  'ngoc-lam': 0.6,
  'thanh-son': 0.55,
  'hanh-lam': 0.3,
  'thanh-thuy': 0.15,
  'thanh-duc': 0.15,
};
/** Communes with a Catholic parish. */
const PARISHES: Record<string, number> = { 'vo-liet': 0.12, 'thanh-lam': 0.1, 'thanh-hung': 0.1 };

export function fillReportAttributes(rows: Rows, cells: readonly Cell[]): void {
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const youthOf = new Map(rows.candidates.map((c) => [c.id, c.isYouthUnionMember]));
  const draw = (id: number, cellId: number, birthDate: string, on: string, youthUnion: boolean | undefined) => {
    const cell = cellById.get(cellId);
    if (!cell) throw new Error(`person ${id} outside the district's cells`);
    const commune = cell.grassroots.code;
    const year = Number(on.slice(0, 4));
    return reportAttributes({
      id,
      admittedYear: year,
      ageAtAdmission: year - Number(birthDate.slice(0, 4)),
      workplace: cell.type !== 'hamlet',
      minorityShare: MINORITIES[commune] ?? 0.003,
      catholicShare: PARISHES[commune] ?? 0.015,
      youthUnion,
    });
  };
  const byCandidate = new Map<number, ReturnType<typeof draw>>();
  for (const m of rows.members) {
    const youthUnion = m.candidateId === null ? undefined : youthOf.get(m.candidateId);
    const a = draw(m.id, m.admittedInId, m.birthDate, m.admittedOn, youthUnion);
    Object.assign(m, a);
    if (m.candidateId !== null) byCandidate.set(m.candidateId, a);
  }
  for (const c of rows.candidates) {
    const { ethnicity, religion, education } =
      byCandidate.get(c.id) ?? draw(-c.id, c.cellId, c.birthDate, c.stageOn, c.isYouthUnionMember);
    Object.assign(c, { ethnicity, religion, education });
  }
}
