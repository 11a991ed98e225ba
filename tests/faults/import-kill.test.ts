// `ketnap import FILE --commit` is killed (SIGKILL) in the middle of its one transaction, on SQLite
// and on PostgreSQL (issue 11: all or nothing). Proves nothing of the file was written: no member
// of it, no audit event, the same rows in the base and derived tables, the district's member count
// as the read path reads it unchanged; SQLite's integrity_check says ok. Then the same file
// imported to the end writes every member once (one placement, one audit event each), and a third
// run finds every row unchanged and writes only its summary audit event.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@ketnap/server/src/db/client.ts';
import { type RawConnection, rawConnect } from '@ketnap/server/src/db/raw.ts';
import { useDatabase } from '@ketnap/server/src/db.ts';
import { MEMBER_COLUMNS } from '@ketnap/server/src/import/columns.ts';
import { writeRows } from '@ketnap/server/src/import/sheets.ts';
import { memberCounts } from '@ketnap/server/src/read/figures.ts';
import { prepareDatabase } from '@ketnap/server/src/seed/prepare.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverBin } from '../scale/instance.ts';
import { sharedDatabase, sharedPostgresUp, until } from './services.ts';

const ROWS = 20_000;
/** The file's party card numbers all start so; the demo data has none that do. */
const CARD = 'KN-';
/** The day the district's figure is read on: after every admission of the file. */
const DAY = '2020-01-01';
/** The tables an import writes: its base rows and what is derived from them. */
const WRITTEN = ['Member', 'Placement', 'AuditEvent', 'SubtreeDay', 'ReportDay', 'CellRiskSpan', 'GrassrootsDay'];

const engines = ['sqlite', ...((await sharedPostgresUp()) ? ['postgres'] : [])];

const count = async (db: RawConnection, sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: number | string }>(sql, params))[0]?.n);

const dmy = (year: number, month: number, day: number) =>
  `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;

/** As server/bench/import.ts writes a roster: valid rows spread over `cells`, admitted 2000–2009. */
async function writeRoster(path: string, cells: string[]): Promise<void> {
  const sheet = writeRows(path, 'Dang vien');
  sheet.add(
    MEMBER_COLUMNS.map((c) => c.header),
    'header',
  );
  const values: Record<string, (i: number) => string> = {
    fullName: (i) => `Đảng viên Nhập ${i}`,
    birthDate: (i) => dmy(1960 + (i % 30), 1 + (i % 12), 1 + (i % 28)),
    gender: (i) => (i % 2 ? 'Nữ' : 'Nam'),
    admittedOn: (i) => dmy(2000 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
    officialOn: (i) => dmy(2001 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
    cellCode: (i) => cells[i % cells.length]!,
    partyCardNumber: (i) => `${CARD}${String(i).padStart(8, '0')}`,
  };
  for (let i = 0; i < ROWS; i++) sheet.add(MEMBER_COLUMNS.map((c) => values[c.field]?.(i) ?? null));
  await sheet.close();
}

type Ended = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** `ketnap import FILE --commit` as an operator runs it; `ended` settles when the process is gone. */
function startImport(url: string, file: string): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [serverBin, 'import', file, '--commit'], {
    env: { ...process.env, DATABASE_URL: url, KETNAP_LOG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let [stdout, stderr] = ['', ''];
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise<Ended>((ok) => child.on('close', (code, signal) => ok({ code, signal, stdout, stderr })));
  return { child, ended };
}

describe.each(engines)('SIGKILL during an import’s commit on %s', (engine) => {
  let url: string;
  let file: string;
  let db: RawConnection;
  let database: Database;
  let districtId: number;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-import-kill-'));

  beforeAll(async () => {
    if (engine === 'sqlite') {
      url = `file:${join(dir, 'import-kill.db')}`;
      cleanup = async () => undefined;
    } else {
      const shared = await sharedDatabase('ketnap_faults_import_kill');
      url = shared.url;
      cleanup = shared.drop;
    }
    // The test's own client too: memberCounts reads through it, as the read path does.
    database = useDatabase(url);
    await prepareDatabase(database);
    db = await rawConnect(url);
    const cells = await db.query<{ code: string }>(
      `SELECT code FROM "Organisation" WHERE kind = 'SUBORDINATE_CELL' AND "dissolvedOn" IS NULL
       AND "establishedOn" <= '2000-01-01' ORDER BY id`,
    );
    districtId = await count(db, `SELECT id AS n FROM "Organisation" WHERE kind = 'DISTRICT'`);
    file = join(dir, 'dang-vien.csv');
    await writeRoster(
      file,
      cells.map((c) => c.code),
    );
  });

  afterAll(async () => {
    await db?.close();
    await database?.prisma.$disconnect();
    await cleanup?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rows per written table, and the district's member count on DAY. */
  async function state(): Promise<Record<string, number>> {
    const rows: Record<string, number> = {};
    for (const table of WRITTEN) rows[table] = await count(db, `SELECT COUNT(*) AS n FROM "${table}"`);
    return { ...rows, district: (await memberCounts([districtId], DAY)).get(districtId) ?? 0 };
  }
  const fileMembers = () =>
    count(db, `SELECT COUNT(*) AS n FROM "Member" WHERE "partyCardNumber" LIKE ?`, [`${CARD}%`]);
  const events = (action: string) => count(db, `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE action = ?`, [action]);

  /** PostgreSQL: another session (the import's) holds Member's row-exclusive lock: it has inserted members. */
  const pgWriting = async () =>
    (
      await db.query<{ n: number }>(`SELECT 1 AS n FROM pg_locks
        WHERE relation = '"Member"'::regclass AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()`)
    ).length > 0;

  /**
   * Inside the commit, with thousands of rows written and not committed. PostgreSQL: the import's
   * session is writing members, and the member id sequence (which no rollback rewinds) has handed
   * out 5,000 ids. SQLite: another connection cannot take the write lock, and the write-ahead log
   * (emptied before the run) holds a megabyte of pages spilled from the open transaction.
   */
  async function midCommit(lastId: number): Promise<boolean> {
    if (engine === 'postgres')
      return (await pgWriting()) && (await count(db, `SELECT last_value AS n FROM "Member_id_seq"`)) >= lastId + 5_000;
    if (statSync(`${url.slice('file:'.length)}-wal`).size < 2 ** 20) return false;
    try {
      await db.exec('BEGIN IMMEDIATE');
      await db.exec('ROLLBACK');
      return false;
    } catch (error) {
      return /database is locked/.test((error as Error).message);
    }
  }

  it('writes nothing when killed, all of the file when run again, nothing new the third time', async () => {
    const before = await state();
    expect(await fileMembers()).toBe(0);
    const lastId = await count(db, `SELECT MAX(id) AS n FROM "Member"`);
    if (engine === 'sqlite') {
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      await db.exec('PRAGMA busy_timeout = 0'); // the probe answers at once
    }

    const killed = startImport(url, file);
    await Promise.race([
      until('the import is inside its commit', () => midCommit(lastId), 180_000),
      killed.ended.then((e) => Promise.reject(new Error(`the import ended first:\n${e.stdout}${e.stderr}`))),
    ]);
    killed.child.kill('SIGKILL');
    const end = await killed.ended;
    expect(end.signal).toBe('SIGKILL');
    expect(end.stdout, 'killed before it printed its report').toBe('');

    // PostgreSQL rolls the transaction back once it sees the connection gone.
    if (engine === 'postgres') await until('the killed session has ended', async () => !(await pgWriting()), 30_000);
    else await db.exec('PRAGMA busy_timeout = 10000');
    expect(await fileMembers()).toBe(0);
    expect((await events('importMember')) + (await events('importMembers'))).toBe(0);
    expect(await state()).toEqual(before);
    if (engine === 'sqlite') expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

    // The same file again, to the end: every member once, with its placement and audit event.
    const full = await startImport(url, file).ended;
    expect(full, full.stderr).toMatchObject({ code: 0, signal: null });
    expect(full.stdout).toMatch(/committed\n[\s\S]*new\s+20,000\s+\(written\)/);
    expect(await fileMembers()).toBe(ROWS);
    const placed = `SELECT COUNT(*) AS n FROM "Member" m WHERE m."partyCardNumber" LIKE ?
      AND (SELECT COUNT(*) FROM "Placement" p WHERE p."memberId" = m.id) = 1`;
    expect(await count(db, placed, [`${CARD}%`])).toBe(ROWS);
    const audited = `SELECT COUNT(DISTINCT a."entityId") AS n FROM "AuditEvent" a JOIN "Member" m
      ON a."entityId" = CAST(m.id AS TEXT) WHERE a.action = 'importMember' AND m."partyCardNumber" LIKE ?`;
    expect(await count(db, audited, [`${CARD}%`])).toBe(ROWS);
    expect(await events('importMember')).toBe(ROWS);
    const after = await state();
    expect(after).toMatchObject({
      Member: before.Member! + ROWS,
      Placement: before.Placement! + ROWS,
      AuditEvent: before.AuditEvent! + ROWS + 1, // and the run's summary event
      district: before.district! + ROWS, // the derived tables followed
    });

    // A third time: every row unchanged; only the summary audit event of the run is written.
    const again = await startImport(url, file).ended;
    expect(again, again.stderr).toMatchObject({ code: 0, signal: null });
    expect(again.stdout).toMatch(/new\s+0\s[\s\S]*changed\s+0\s[\s\S]*unchanged\s+20,000/);
    expect(await state()).toEqual({ ...after, AuditEvent: after.AuditEvent! + 1 });
    expect(await events('importMembers')).toBe(2);
  }, 600_000);
});
