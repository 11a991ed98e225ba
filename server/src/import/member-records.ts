// The members import's statements, written by hand on the import's own connection (a chunk's values
// as one JSON parameter, past the client's query compiler): finding the people a chunk's rows name,
// telling how a row differs from the record, the members recorded without any number that a row
// would double, and recording a chunk's new members with their placements and audit events.
import type { Actor } from '../context.ts';
import { insertNumbered, insertRows } from '../db/insert.ts';
import { inList, joinedToList } from '../db/json-list.ts';
import type { RawConnection } from '../db/raw.ts';
import { addNewMembers } from '../derived/track.ts';
import type { Tx } from '../domain/write.ts';
import { num } from '../read/sql.ts';
import { nameKey } from './cells.ts';
import type { Change } from './changes.ts';
import type { MemberField } from './columns.ts';
import type { MemberRow } from './rows.ts';

/** A row of the file, where it came from. */
export interface PendingRow {
  sheet: string;
  row: number;
  member: MemberRow;
}

export interface Existing {
  id: number;
  fullName: string;
  birthDate: string;
  gender: MemberRow['gender'];
  admittedOn: string;
  officialOn: string | null;
  admittedInId: number;
  partyCardNumber: string | null;
  citizenId: string | null;
  ethnicity: string | null;
  religion: string | null;
  education: MemberRow['education'];
  isYouthUnionMember: boolean;
}

/** The Member columns a roster row fills, in the order record() lists them. */
const MEMBER_INSERT = [
  'fullName',
  'birthDate',
  'gender',
  'admittedOn',
  'officialOn',
  'admittedInId',
  'partyCardNumber',
  'citizenId',
  'ethnicity',
  'religion',
  'education',
  'isYouthUnionMember',
];

/** A unique text column of Member and its index (Prisma's name). */
const TEXT = (column: string) => ({ type: 'text' as const, index: `Member_${column}_key` });

/** The recorded members a chunk's rows name by party card, citizen ID or ketnap ID (each list one JSON parameter). */
export async function existingMembers(conn: RawConnection, rows: PendingRow[]): Promise<Existing[]> {
  const lists = [
    { column: 'partyCardNumber', list: TEXT('partyCardNumber'), values: rows.map((r) => r.member.partyCardNumber) },
    { column: 'citizenId', list: TEXT('citizenId'), values: rows.map((r) => r.member.citizenId) },
    { column: 'id', list: { type: 'int' as const }, values: rows.map((r) => r.member.ketnapId) },
  ].flatMap((l) => {
    const values = l.values.filter((v) => v !== null);
    return values.length > 0 ? [{ ...l, values }] : [];
  });
  if (lists.length === 0) return [];
  const found = await conn.query<Existing & { id: unknown; admittedInId: unknown; isYouthUnionMember: unknown }>(
    lists
      .map(
        (l) => `SELECT m."id", m."fullName", m."birthDate", CAST(m."gender" AS TEXT) AS "gender", m."admittedOn",
         m."officialOn", m."admittedInId", m."partyCardNumber", m."citizenId", m."ethnicity", m."religion",
         CAST(m."education" AS TEXT) AS "education", m."isYouthUnionMember"
       FROM ${joinedToList(conn, 'Member', 'm', l.column, l.list)}`,
      )
      .join(' UNION '),
    lists.map((l) => JSON.stringify(l.values)),
  );
  // SQLite answers a boolean as 0 or 1.
  return found.map((e) => ({
    ...e,
    id: num(e.id),
    admittedInId: num(e.admittedInId),
    isYouthUnionMember: Boolean(num(e.isYouthUnionMember)),
  }));
}

/**
 * Where a row and the record of the same person disagree: a different name, birth date or number is
 * an identity conflict (another person); other recorded facts the row states differently (the
 * report's attributes among them), and numbers the record lacks, are a change. An empty optional
 * cell says nothing: an import never clears a recorded attribute.
 */
export function differences(
  m: MemberRow,
  cellId: number,
  e: Existing,
): { conflict: MemberField } | { change: Change } | null {
  if (nameKey(m.fullName) !== nameKey(e.fullName)) return { conflict: 'fullName' };
  if (m.birthDate !== e.birthDate) return { conflict: 'birthDate' };
  for (const field of ['partyCardNumber', 'citizenId'] as const)
    if (m[field] && e[field] && m[field] !== e[field]) return { conflict: field };
  const change: Change = {};
  if (m.partyCardNumber && !e.partyCardNumber) change.partyCardNumber = m.partyCardNumber;
  if (m.citizenId && !e.citizenId) change.citizenId = m.citizenId;
  if (m.admittedOn !== e.admittedOn) change.admittedOn = m.admittedOn;
  if (cellId !== e.admittedInId) change.admittedInCellCode = m.cellCode;
  if (m.officialOn && m.officialOn !== e.officialOn) change.officialOn = m.officialOn;
  if (m.gender && m.gender !== e.gender) change.gender = m.gender;
  for (const field of ['ethnicity', 'religion', 'education'] as const)
    if (m[field] && m[field] !== e[field]) Object.assign(change, { [field]: m[field] });
  if (m.isYouthUnionMember !== null && m.isYouthUnionMember !== e.isYouthUnionMember)
    change.isYouthUnionMember = m.isYouthUnionMember;
  return Object.keys(change).length > 0 ? { change } : null;
}

/** Who a member without numbers is: the name as people read it, the birth date, the admission day. */
export const personKey = (m: { fullName: string; birthDate: string; admittedOn: string }) =>
  `${nameKey(m.fullName)}|${m.birthDate}|${m.admittedOn}`;

/** Keys of unidentified members kept at most by one import: beyond, a chunk's dates are asked again. */
const KEPT_KEYS = 100_000;

/**
 * Members recorded without any identifier (before imports) that a row would double, as their
 * personKey. Only members numbered up to `lastBefore` (the highest id before
 * the import began) count: the import records none without a number. Each admission day is asked
 * about once, in the first chunk that names it, and its keys kept (up to KEPT_KEYS): asked again
 * for every chunk, the day's members the import had recorded meanwhile would be read each time
 * (a quadratic import on PostgreSQL, whose index cannot skip them by id as SQLite's does).
 */
export class UnidentifiedMembers {
  private readonly byDay = new Map<string, Set<string>>();
  private kept = 0;

  constructor(
    private readonly conn: RawConnection,
    private readonly lastBefore: number,
  ) {}

  /** The keys, among the rows', of members recorded without any identifier. */
  async matching(rows: MemberRow[]): Promise<Set<string>> {
    const days = [...new Set(rows.map((m) => m.admittedOn))].filter((d) => !this.byDay.has(d));
    const asked = new Map<string, Set<string>>(days.map((d) => [d, new Set()]));
    if (days.length > 0) {
      const found = await this.conn.query<{ fullName: string; birthDate: string; admittedOn: string }>(
        `SELECT "fullName", "birthDate", "admittedOn" FROM "Member"
         WHERE "id" <= ? AND "partyCardNumber" IS NULL AND "citizenId" IS NULL
           AND ${inList(this.conn, '"admittedOn"', 'text')}`,
        [this.lastBefore, JSON.stringify(days)],
      );
      for (const e of found) asked.get(e.admittedOn)?.add(personKey(e));
      if (this.kept + found.length <= KEPT_KEYS) {
        for (const [day, keys] of asked) this.byDay.set(day, keys);
        this.kept += found.length;
      }
    }
    const matching = new Set<string>();
    for (const m of rows) {
      const key = personKey(m);
      if ((this.byDay.get(m.admittedOn) ?? asked.get(m.admittedOn))?.has(key)) matching.add(key);
    }
    return matching;
  }
}

/**
 * An importMember audit event's `after`: the cells the row gave (an empty cell, null, says nothing:
 * a third less text), the admitting cell, and where the row came from. Built in one object, not
 * spread: it runs once per member.
 */
function auditAfter({ member, sheet, row }: PendingRow, cellId: number): string {
  const after: Record<string, unknown> = {};
  for (const key in member) {
    const value = member[key as keyof MemberRow];
    if (value !== null) after[key] = value;
  }
  after.admittedInId = cellId;
  after.source = { sheet, row };
  return JSON.stringify(after);
}

/** Records a chunk's new members: Member rows, their first placement, one audit event each. */
export async function recordMembers(
  conn: RawConnection,
  tx: Tx,
  actor: Actor,
  rows: { row: PendingRow; cellId: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  const ids = await insertNumbered(
    conn,
    'Member',
    MEMBER_INSERT,
    rows.map(({ row: { member: m }, cellId }) => [
      m.fullName,
      m.birthDate,
      m.gender,
      m.admittedOn,
      m.officialOn,
      cellId,
      m.partyCardNumber,
      m.citizenId,
      m.ethnicity,
      m.religion,
      m.education,
      m.isYouthUnionMember ?? false,
    ]),
  );
  // What they contribute to the derived tables, from the rows as written here (nothing read back).
  await addNewMembers(
    tx,
    rows.map(({ row: { member: m }, cellId }) => ({
      cell: cellId,
      admittedOn: m.admittedOn,
      birthDate: m.birthDate,
      gender: m.gender,
      ethnicity: m.ethnicity,
      religion: m.religion,
      education: m.education,
      youth: m.isYouthUnionMember ?? false,
    })),
  );
  await insertRows(
    conn,
    'Placement',
    ['memberId', 'cellId', 'startOn', 'endOn'],
    rows.map(({ row, cellId }, i) => [ids[i], cellId, row.member.admittedOn, null]),
  );
  // One audit event per member, as recordMember writes them through audit() (the audit trail is
  // where personal data of a write is kept), many to a statement.
  const { name, role } = actor;
  const at = new Date();
  await insertRows(
    conn,
    'AuditEvent',
    ['at', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after'],
    rows.map(({ row, cellId }, i) => [
      at,
      name,
      role,
      'importMember',
      'Member',
      String(ids[i]),
      null,
      auditAfter(row, cellId),
    ]),
  );
}
