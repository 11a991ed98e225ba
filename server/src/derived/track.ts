// Keeping the derived tables true inside each write's own transaction. A write says which members
// and organisations it is about to change (before changing them); when it has finished, those
// members' contributions are computed again and the difference applied, and the cells concerned
// get their risk spans derived again. write() calls settle() itself.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { num } from '../read/sql.ts';
import { activeRiskPolicy } from '../rules/risk.ts';
import { appendGrassrootsDifference, type GrassrootsChanges, grassrootsContributions } from './grassroots-days.ts';
import { refreshRiskSpans } from './risk-spans.ts';
import { idConditions, inSlices, join, type Queryable, sql, viaTransaction } from './sql.ts';
import {
  addContributionsOfNew,
  applyDifference,
  type Contributions,
  contributionsOf,
  type Link,
  type NewMember,
  noContributions,
} from './subtree-days.ts';

type Tx = Prisma.TransactionClient;

interface Pending {
  q: Queryable;
  members: Set<number>;
  cells: Set<number>;
  before: Contributions;
  /** What members recorded from their rows (addNewMembers) contribute, and their cells' links. */
  created: Contributions;
  links: Map<number, Link[]>;
  /** Organisations whose grassroots contributions were noted, and those contributions. */
  organisations: Set<number>;
  grassrootsBefore: GrassrootsChanges;
  /** Organisations whose public answers change without their derived rows changing. */
  concerned: Set<number>;
}

const pending = new WeakMap<Tx, Pending>();

function of(tx: Tx): Pending {
  let found = pending.get(tx);
  if (!found) {
    found = {
      q: viaTransaction(tx),
      members: new Set(),
      cells: new Set(),
      before: noContributions(),
      created: noContributions(),
      links: new Map(),
      organisations: new Set(),
      grassrootsBefore: new Map(),
      concerned: new Set(),
    };
    pending.set(tx, found);
  }
  return found;
}

/** The cells the members are or were placed in, or were admitted by (sliced: an import adds 100,000). */
async function cellsOfMembers(q: Queryable, memberIds: number[]): Promise<number[]> {
  const cells = new Set<number>();
  await idConditions(memberIds, async (on) => {
    const rows = await q.rows<{ id: unknown }>(sql`
      SELECT "cellId" AS "id" FROM "Placement" WHERE ${on(sql`"memberId"`)}
      UNION SELECT "admittedInId" AS "id" FROM "Member" WHERE ${on(sql`"id"`)}`);
    for (const r of rows) cells.add(num(r.id));
  });
  return [...cells];
}

/** Members that exist and are about to change: their present contributions are noted first. */
export async function touchMembers(tx: Tx, ids: readonly number[]): Promise<void> {
  const state = of(tx);
  const fresh = [...new Set(ids)].filter((id) => !state.members.has(id));
  if (fresh.length === 0) return;
  for (const id of fresh) state.members.add(id);
  const noted = await contributionsOf(state.q, fresh);
  state.before.totals.addAll(noted.totals, 1);
  state.before.report.addAll(noted.report, 1);
  for (const cell of await cellsOfMembers(state.q, fresh)) state.cells.add(cell);
}

/** Members created by this write: they contributed nothing before it. */
export function addMembers(tx: Tx, ids: readonly number[]): void {
  const state = of(tx);
  for (const id of ids) state.members.add(id);
}

/**
 * Members created by this write, as it recorded them (NewMember: one open placement in the
 * admitting cell from the admission day): what they contribute is summed now from these rows,
 * not read back at the end (an import records 100,000). Changed later in the same write, such a
 * member is touched as any other: its rows as recorded are then read as its contribution before.
 */
export async function addNewMembers(tx: Tx, members: readonly NewMember[]): Promise<void> {
  const state = of(tx);
  await addContributionsOfNew(state.q, members, state.links, state.created);
  for (const m of members) state.cells.add(m.cell);
}

/** Organisations whose public answers the write changes in rows not derived (candidates moved in, …). */
export function concern(tx: Tx, ids: readonly number[]): void {
  const state = of(tx);
  for (const id of ids) state.concerned.add(id);
}

/** Organisations created by this write: they contributed nothing before it (nor their cells). */
export function addOrganisations(tx: Tx, ids: readonly number[]): void {
  const state = of(tx);
  for (const id of ids) {
    state.organisations.add(id);
    state.cells.add(id);
  }
}

/**
 * Organisations about to change (their life, or their place in the tree): they and every
 * organisation below them are touched, and every member ever placed in (or admitted by) a cell of
 * their subtree.
 */
export async function touchOrganisations(tx: Tx, orgIds: readonly number[]): Promise<void> {
  if (orgIds.length === 0) return;
  const state = of(tx);
  const below = await state.q.rows<{ id: unknown }>(sql`
    SELECT DISTINCT "descendantId" AS "id" FROM "OrganisationAncestry" WHERE "ancestorId" IN (${join([...orgIds])})`);
  const cellIds = [...new Set([...orgIds, ...below.map((c) => num(c.id))])];
  for (const id of cellIds) state.cells.add(id);
  const fresh = cellIds.filter((id) => !state.organisations.has(id));
  for (const id of fresh) state.organisations.add(id);
  for (const [key, v] of await grassrootsContributions(state.q, fresh)) {
    const entry = state.grassrootsBefore.get(key) ?? { committees: 0, cells: 0 };
    entry.committees += v.committees;
    entry.cells += v.cells;
    state.grassrootsBefore.set(key, entry);
  }
  const members = await state.q.rows<{ id: unknown }>(sql`
    SELECT "memberId" AS "id" FROM "Placement" WHERE "cellId" IN (${join(cellIds)})
    UNION SELECT "id" FROM "Member" WHERE "admittedInId" IN (${join(cellIds)})`);
  await touchMembers(
    tx,
    members.map((m) => num(m.id)),
  );
}

/**
 * Called by write() when the write's own work is done, still inside its transaction. Returns the
 * codes of the organisations whose public answers the write may have changed (every ancestor, at
 * any time, of what it touched, and everything below a touched organisation); undefined when the
 * write touched nothing tracked here (the caller then treats every answer as changed).
 */
export async function settle(tx: Tx): Promise<string[] | undefined> {
  const state = pending.get(tx);
  if (!state) return undefined;
  pending.delete(tx);
  const members = [...state.members];
  const after = members.length > 0 ? await contributionsOf(state.q, members) : noContributions();
  after.totals.addAll(state.created.totals, 1);
  after.report.addAll(state.created.report, 1);
  await applyDifference(state.q, state.before, after);
  for (const cell of await cellsOfMembers(state.q, members)) state.cells.add(cell);
  const organisations = [...state.organisations];
  if (organisations.length > 0)
    await appendGrassrootsDifference(
      state.q,
      state.grassrootsBefore,
      await grassrootsContributions(state.q, organisations),
    );
  if (state.cells.size > 0) await refreshRiskSpans(state.q, [...state.cells], activeRiskPolicy());
  return scopesOf(state.q, [...new Set([...state.cells, ...organisations, ...state.concerned])]);
}

/** The codes of the organisations and of all their ancestors at any time. */
async function scopesOf(q: Queryable, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const codes = new Set<string>();
  await inSlices(ids, async (slice) => {
    const rows = await q.rows<{ code: string }>(sql`
      SELECT o."code" AS "code" FROM "OrganisationAncestry" a JOIN "Organisation" o ON o."id" = a."ancestorId"
      WHERE a."descendantId" IN (${join(slice)})
      UNION SELECT "code" FROM "Organisation" WHERE "id" IN (${join(slice)})`);
    for (const row of rows) codes.add(row.code);
  });
  return [...codes];
}
