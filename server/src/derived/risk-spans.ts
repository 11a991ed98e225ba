// CellRiskSpan: the days on which each cell meets every criterion of the risk policy. The verdict
// on a day depends on the members placed there that day, their ages, and the last admission; it
// can only change on a day when one of those does (a placement or membership begins or ends, a
// member reaches the elderly age, an admission or the establishment passes its anniversary), so
// the policy (rules/risk.ts, the one place it is written) is asked on those days only.
import { CELL_KINDS_SQL, num } from '../read/sql.ts';
import { addDays, anniversary } from '../rules/dates.ts';
import { assessRisk, elderlyBornBy, mayBeAtRisk, type RiskPolicy } from '../rules/risk.ts';
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

/** The members of the cell on each of the (sorted) days, by one sweep over the days members come and go. */
function membersOnDays(placed: PlacedMember[], days: string[]): number[] {
  const changes: [string, number][] = [];
  for (const p of placed) {
    const start = p.startOn > p.admittedOn ? p.startOn : p.admittedOn;
    const end = [p.endOn, p.leftOn].reduce<string>((a, b) => (b !== null && b < a ? b : a), OPEN);
    if (start < end) changes.push([start, 1], [end, -1]);
  }
  changes.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let count = 0;
  let next = 0;
  return days.map((day) => {
    while (next < changes.length && (changes[next] as [string, number])[0] <= day)
      count += (changes[next++] as [string, number])[1];
    return count;
  });
}

/**
 * The stretches [from, to) of the cell's life in which its member count allows a risk. The count
 * changes only where a placement or a membership begins or ends, so those days bound the stretches.
 */
function riskyStretches(cell: CellLife, placed: PlacedMember[], policy: RiskPolicy): [string, string][] {
  const end = cell.dissolvedOn ?? OPEN;
  const days = [
    ...new Set(
      [cell.establishedOn, ...placed.flatMap((p) => [p.startOn, p.endOn, p.admittedOn, p.leftOn])].filter(
        (d): d is string => d !== null && d >= cell.establishedOn && d < end,
      ),
    ),
  ].sort();
  const counts = membersOnDays(placed, days);
  const stretches: [string, string][] = [];
  days.forEach((day, i) => {
    if (!mayBeAtRisk(counts[i] ?? 0, policy)) return;
    const to = days[i + 1] ?? end;
    const last = stretches.at(-1);
    if (last && last[1] === day) last[1] = to;
    else stretches.push([day, to]);
  });
  return stretches;
}

/** The spans during which the cell is at risk, in order, clipped to its life. */
export function riskSpans(cell: CellLife, placed: PlacedMember[], admissions: string[], policy: RiskPolicy): Span[] {
  const stretches = riskyStretches(cell, placed, policy);
  if (stretches.length === 0) return []; // most cells: never few members, or never few enough to be elderly
  const inside = (day: string) => stretches.some(([from, to]) => from <= day && day < to);
  // Days from two before a stretch to one after it: their neighbours may fall inside.
  const widened = stretches.map(([from, to]) => [addDays(from, -2), to === OPEN ? OPEN : addDays(to, 1)] as const);
  const near = (day: string) => widened.some(([from, to]) => from <= day && day < to);
  // Inside the stretches the verdict changes where they begin, where a member comes, goes or
  // reaches the elderly age, and the day after an admission's (or the establishment's) anniversary.
  const days = new Set<string>(stretches.map(([from]) => from));
  const add = (day: string | null) => {
    if (day !== null && inside(day)) days.add(day);
  };
  const around = (day: string) => {
    if (near(day)) for (const d of [addDays(day, -1), day, addDays(day, 1), addDays(day, 2)]) add(d);
  };
  for (const p of placed) {
    for (const d of [p.startOn, p.endOn, p.admittedOn, p.leftOn]) add(d);
    around(anniversary(p.birthDate, policy.elderlyAge));
  }
  const sortedAdmissions = [...admissions].sort();
  for (const since of [cell.establishedOn, ...sortedAdmissions]) {
    add(since);
    around(anniversary(since, policy.yearsWithoutAdmission));
  }
  // Where a stretch ends the cell stops being at risk: those days are judged "not at risk".
  const judged = [...days].map((day) => [day, assessOn(cell, placed, sortedAdmissions, day, policy)] as const);
  for (const [, to] of stretches) if (to !== OPEN) judged.push([to, false]);
  judged.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const spans: Span[] = [];
  let open: string | null = null;
  for (const [day, isAtRisk] of judged) {
    if (isAtRisk && open === null) open = day;
    if (!isAtRisk && open !== null) {
      spans.push({ cellId: cell.id, startOn: open, endOn: day });
      open = null;
    }
  }
  if (open !== null) spans.push({ cellId: cell.id, startOn: open, endOn: cell.dissolvedOn });
  return spans;
}

/** The policy's verdict on one day, from the cell's rows. */
function assessOn(cell: CellLife, placed: PlacedMember[], admissions: string[], day: string, policy: RiskPolicy) {
  const bornBy = elderlyBornBy(day, policy);
  let memberCount = 0;
  let elderlyCount = 0;
  for (const p of placed) {
    if (!within(day, p.startOn, p.endOn) || !within(day, p.admittedOn, p.leftOn)) continue;
    memberCount++;
    if (p.birthDate <= bornBy) elderlyCount++;
  }
  let lastAdmissionOn: string | null = null;
  for (const a of admissions) if (a <= day) lastAdmissionOn = a;
  const figures = { cellId: cell.id, establishedOn: cell.establishedOn, memberCount, elderlyCount, lastAdmissionOn };
  return assessRisk(figures, day, policy).isAtRisk;
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
