// Checking members rows against the database a chunk at a time, and (when committing) recording
// the new ones: the cell existed on the admission day and lies in the importer's subtree; the
// party card, citizen ID and ketnap ID name one person at most; a person already recorded is
// "unchanged" when the row says what the record says; a row that says otherwise about recorded
// facts (admission date, admitting cell, recognition, gender, the report's attributes) is a
// correction made through correctMember (changes.ts); a different name or birth date for the same
// numbers is a row error. The same code runs for a preview (writing nothing: on SQLite outside any
// transaction, on PostgreSQL in a read-only one) and for the commit (inside write()), its own
// statements on the driver connection (db/driver.ts).

import type { Actor } from '../context.ts';
import { driverConnection } from '../db/driver.ts';
import type { RawConnection } from '../db/raw.ts';
import { db as processDatabase } from '../db.ts';
import type { Tx } from '../domain/write.ts';
import { num } from '../read/sql.ts';
import { covers } from '../rules/dates.ts';
import { isCellKind } from '../rules/kinds.ts';
import { type Violation, violation } from '../rules/violations.ts';
import { type Change, MemberChanges } from './changes.ts';
import {
  differences,
  existingMembers,
  type PendingRow,
  personKey,
  recordMembers,
  UnidentifiedMembers,
} from './member-records.ts';
import type { MemberRow } from './rows.ts';

interface CellInfo {
  id: number;
  code: string;
  kind: string;
  establishedOn: string;
  dissolvedOn: string | null;
  inScope: boolean;
}

/**
 * Rows checked with the database per round trip: bounded memory, few statements. Two numbers a row
 * in one `IN` list stay under the 999 parameters Prisma allows a SQLite statement.
 */
export const CHUNK = 400;

export class MemberChecker {
  private readonly cells = new Map<string, CellInfo | null>();
  /** Count of rows found new (recorded when committing) and unchanged. */
  created = 0;
  unchanged = 0;
  private readonly changes: MemberChanges;
  /** The same connection, for the statements written by hand (many values, past the query compiler). */
  private conn: RawConnection | undefined;
  /** Members recorded without any identifier, asked about from the first chunk on. */
  private unidentified: UnidentifiedMembers | undefined;

  constructor(
    private readonly db: Tx,
    private readonly options: { actor: Actor; commit: boolean; today: string; scopeRootId: number | null },
    private readonly refuse: (row: PendingRow, violations: Violation[]) => void,
    private readonly hasRefusals: () => boolean,
    name: string,
  ) {
    this.changes = new MemberChanges(db, { ...options, name }, refuse, hasRefusals);
  }

  /** Rows changing a recorded member. */
  get changed() {
    return this.changes.count;
  }

  private async loadCells(codes: string[]) {
    const fresh = [...new Set(codes)].filter((c) => !this.cells.has(c));
    if (fresh.length === 0) return;
    const found = await this.db.organisation.findMany({
      where: { code: { in: fresh } },
      select: { id: true, code: true, kind: true, establishedOn: true, dissolvedOn: true },
    });
    const reached = new Set<number>();
    const root = this.options.scopeRootId;
    if (root !== null && found.length > 0) {
      // As auth/reach.ts writes: the subtree as it stands today, a dissolved cell where it stood last.
      const links = await this.db.organisationAncestry.findMany({
        where: { ancestorId: root, descendantId: { in: found.map((c) => c.id) }, startOn: { lte: this.options.today } },
        select: { descendantId: true, endOn: true },
      });
      const byId = new Map(found.map((c) => [c.id, c]));
      for (const l of links)
        if (l.endOn === null || l.endOn > this.options.today || l.endOn === byId.get(l.descendantId)?.dissolvedOn)
          reached.add(l.descendantId);
    }
    for (const code of fresh) this.cells.set(code, null);
    for (const c of found) this.cells.set(c.code, { ...c, inScope: root === null || reached.has(c.id) });
  }

  /**
   * The cell a row is placed in from its admission day, or the violation that refuses it. Whether the
   * importer may write there is asked only of rows that write (new or changed).
   */
  private cellOf(m: MemberRow): CellInfo | Violation {
    const cell = this.cells.get(m.cellCode);
    if (!cell) return violation('NOT_FOUND', 'cellCode', { thing: 'organisation', code: m.cellCode });
    if (!isCellKind(cell.kind)) return violation('NOT_A_CELL', 'cellCode', { code: m.cellCode });
    if (!covers(cell.establishedOn, cell.dissolvedOn, m.admittedOn))
      return violation('ORGANISATION_NOT_ACTIVE', 'cellCode', { code: m.cellCode, on: m.admittedOn });
    return cell;
  }

  /** Checks a chunk of rows that passed on their own; records the new ones when committing. */
  async check(rows: PendingRow[]): Promise<void> {
    if (rows.length === 0) return;
    this.conn ??= await driverConnection(processDatabase(), this.db);
    const conn = this.conn;
    await this.loadCells(rows.map((r) => r.member.cellCode));
    const existing = await existingMembers(conn, rows);
    const byCard = new Map(existing.filter((e) => e.partyCardNumber).map((e) => [e.partyCardNumber!, e]));
    const byId = new Map(existing.filter((e) => e.citizenId).map((e) => [e.citizenId!, e]));
    const byKetnapId = new Map(existing.map((e) => [e.id, e]));
    const fresh: { row: PendingRow; cellId: number }[] = [];
    const changed: { row: PendingRow; memberId: number; change: Change }[] = [];
    for (const row of rows) {
      const m = row.member;
      const cell = this.cellOf(m);
      if (!('id' in cell)) {
        this.refuse(row, [cell]);
        continue;
      }
      const known = m.ketnapId ? byKetnapId.get(m.ketnapId) : undefined;
      if (m.ketnapId && !known) {
        this.refuse(row, [violation('NOT_FOUND', 'ketnapId', { thing: 'member' })]);
        continue;
      }
      const found = [
        { field: 'ketnapId' as const, match: known },
        { field: 'partyCardNumber' as const, match: m.partyCardNumber ? byCard.get(m.partyCardNumber) : undefined },
        { field: 'citizenId' as const, match: m.citizenId ? byId.get(m.citizenId) : undefined },
      ].filter((f) => f.match);
      const other = found.find((f) => f.match!.id !== found[0]!.match!.id);
      if (other) {
        this.refuse(row, [violation('IMPORT_IDENTITY_CONFLICT', other.field)]);
        continue;
      }
      const match = found[0]?.match;
      const outside = !cell.inScope && violation('IMPORT_OUTSIDE_SCOPE', 'cellCode', { code: m.cellCode });
      if (!match) {
        if (outside) this.refuse(row, [outside]);
        else fresh.push({ row, cellId: cell.id });
        continue;
      }
      const differs = differences(m, cell.id, match);
      if (!differs) this.unchanged++;
      else if ('conflict' in differs) this.refuse(row, [violation('IMPORT_IDENTITY_CONFLICT', differs.conflict)]);
      else if (outside) this.refuse(row, [outside]);
      else changed.push({ row, memberId: match.id, change: differs.change });
    }
    await this.changes.apply(changed);
    if (!this.unidentified) {
      // The highest member id before this import recorded any.
      const [last] = await conn.query<{ id: unknown }>('SELECT MAX("id") AS "id" FROM "Member"');
      this.unidentified = new UnidentifiedMembers(conn, num(last?.id));
    }
    const unidentified = await this.unidentified.matching(fresh.map((f) => f.row.member));
    const created = fresh.filter(({ row }) => {
      const m = row.member;
      if (!unidentified.has(personKey(m))) return true;
      this.refuse(row, [violation('IMPORT_UNIDENTIFIED_MATCH', 'fullName')]);
      return false;
    });
    this.created += created.length;
    // Once a row is refused nothing will be kept: checking goes on, writing stops.
    if (this.options.commit && !this.hasRefusals()) await recordMembers(conn, this.db, this.options.actor, created);
  }
}
