// CellRiskSpan: the days on which each cell meets every criterion of the risk policy. The verdict
// on a day depends on the members placed there that day, their ages, and the last admission; it
// can only change on a day when one of those does (a placement or membership begins or ends, a
// member reaches the elderly age, an admission or the establishment passes its anniversary), so
// the policy (rules/risk.ts, the one place it is written) is asked on those days only.
import { CELL_KINDS_SQL, num } from '../read/sql.ts';
import { addDays, anniversary } from '../rules/dates.ts';
import { assessRisk, elderlyBornBy, type RiskPolicy } from '../rules/risk.ts';
import { inSlices, join, OPEN, type Queryable, sql } from './sql.ts';

export interface CellLife {
  id: number;
  establishedOn: string;
  dissolvedOn: string | null;
}

export interface PlacedMember {
  startOn: string;
  endOn: string | null;
  birthDate: string;
  admittedOn: string;
  leftOn: string | null;
}

export interface Span {
  cellId: number;
  startOn: string;
  endOn: string | null;
}

const within = (day: string, start: string, end: string | null) => start <= day && (end === null || end > day);

/** Where the verdict may change, for one cell. */
function turningDays(cell: CellLife, placed: PlacedMember[], admissions: string[], policy: RiskPolicy): string[] {
  const days = new Set<string>([cell.establishedOn]);
  const near = (day: string) => {
    for (const d of [addDays(day, -1), day, addDays(day, 1), addDays(day, 2)]) days.add(d);
  };
  for (const p of placed) {
    for (const d of [p.startOn, p.endOn, p.admittedOn, p.leftOn]) if (d) days.add(d);
    near(anniversary(p.birthDate, policy.elderlyAge));
  }
  for (const since of [cell.establishedOn, ...admissions]) {
    days.add(since);
    near(anniversary(since, policy.yearsWithoutAdmission));
  }
  const end = cell.dissolvedOn ?? OPEN;
  return [...days].filter((d) => d >= cell.establishedOn && d < end).sort();
}

/** The spans during which the cell is at risk, in order, clipped to its life. */
export function riskSpans(cell: CellLife, placed: PlacedMember[], admissions: string[], policy: RiskPolicy): Span[] {
  const spans: Span[] = [];
  const sortedAdmissions = [...admissions].sort();
  let open: string | null = null;
  for (const day of turningDays(cell, placed, sortedAdmissions, policy)) {
    const bornBy = elderlyBornBy(day, policy);
    let memberCount = 0;
    let elderlyCount = 0;
    for (const p of placed) {
      if (!within(day, p.startOn, p.endOn) || !within(day, p.admittedOn, p.leftOn)) continue;
      memberCount++;
      if (p.birthDate <= bornBy) elderlyCount++;
    }
    let lastAdmissionOn: string | null = null;
    for (const a of sortedAdmissions) if (a <= day) lastAdmissionOn = a;
    const { isAtRisk } = assessRisk(
      { cellId: cell.id, establishedOn: cell.establishedOn, memberCount, elderlyCount, lastAdmissionOn },
      day,
      policy,
    );
    if (isAtRisk && open === null) open = day;
    if (!isAtRisk && open !== null) {
      spans.push({ cellId: cell.id, startOn: open, endOn: day });
      open = null;
    }
  }
  if (open !== null) spans.push({ cellId: cell.id, startOn: open, endOn: cell.dissolvedOn });
  return spans;
}

/** Derives the spans of the given cells again (organisations that are not cells are ignored). */
export async function refreshRiskSpans(q: Queryable, cellIds: readonly number[], policy: RiskPolicy): Promise<void> {
  await inSlices(
    cellIds,
    async (slice) => {
      const cells = await q.rows<CellLife>(sql`
        SELECT "id", "establishedOn", "dissolvedOn" FROM "Organisation"
        WHERE "id" IN (${join(slice)}) AND "kind" IN ${CELL_KINDS_SQL}`);
      const placed = await q.rows<PlacedMember & { cellId: unknown }>(sql`
        SELECT p."cellId", p."startOn", p."endOn", m."birthDate", m."admittedOn", m."leftOn"
        FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId" WHERE p."cellId" IN (${join(slice)})`);
      const admitted = await q.rows<{ cellId: unknown; admittedOn: string }>(sql`
        SELECT "admittedInId" AS "cellId", "admittedOn" FROM "Member" WHERE "admittedInId" IN (${join(slice)})`);
      const byCell = <R extends { cellId: unknown }>(rows: R[]) => {
        const found = new Map<number, R[]>();
        for (const row of rows) {
          const list = found.get(num(row.cellId));
          if (list) list.push(row);
          else found.set(num(row.cellId), [row]);
        }
        return found;
      };
      const placedBy = byCell(placed);
      const admittedBy = byCell(admitted);
      const spans = cells.flatMap((c) => {
        const cell = { ...c, id: num(c.id) };
        const admissions = (admittedBy.get(cell.id) ?? []).map((a) => a.admittedOn);
        return riskSpans(cell, placedBy.get(cell.id) ?? [], admissions, policy);
      });
      await q.run(sql`DELETE FROM "CellRiskSpan" WHERE "cellId" IN (${join(slice)})`);
      await inSlices(
        spans,
        async (rows) => {
          await q.run(
            sql`INSERT INTO "CellRiskSpan" ("cellId", "startOn", "endOn") VALUES ${join(
              rows.map((s) => sql`(${s.cellId}, ${s.startOn}, ${s.endOn})`),
            )}`,
          );
        },
        2000,
      );
    },
    2000,
  );
}

/** Derives every cell's spans again. */
export async function rebuildRiskSpans(q: Queryable, policy: RiskPolicy): Promise<void> {
  await q.run(sql`DELETE FROM "CellRiskSpan"`);
  const cells = await q.rows<{ id: unknown }>(
    sql`SELECT "id" FROM "Organisation" WHERE "kind" IN ${CELL_KINDS_SQL} ORDER BY "id"`,
  );
  await refreshRiskSpans(
    q,
    cells.map((c) => num(c.id)),
    policy,
  );
}
