// The import's speed: BENCH_IMPORT_ROWS (100,000) member rows written to a CSV here, checked
// (preview) and committed through importMembers, against raw multi-row INSERTs (400 rows a
// statement, `?` parameters) of the very rows the import wrote, read back, into copies of their
// tables (indexes and foreign keys included), each in one transaction:
// - the member rows alone, through the Prisma client the import's transaction belongs to (the naive
//   way, which the target's ratio has compared with since the import was built);
// - the member rows alone on that transaction's driver connection, which the import writes through
//   (db/driver.ts);
// - all the base rows it wrote on that connection: per member a Member row, its first placement and
//   its audit event (the rate of raw inserts of the same rows).
// BENCH_IMPORT_ROUNDS (3) rounds a database, each on a fresh one; prints the median ratios beside each
// round's, and the JavaScript heap's peak; asserts nothing about time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Actor } from '../src/context.ts';
import { driverConnection } from '../src/db/driver.ts';
import { insertTuples } from '../src/db/insert.ts';
import { type RawConnection, rawConnect } from '../src/db/raw.ts';
import { viaClient } from '../src/db/via-client.ts';
import { useDatabase } from '../src/db.ts';
import { MEMBER_COLUMNS } from '../src/import/columns.ts';
import { importMembers } from '../src/import/members-import.ts';
import { writeRows } from '../src/import/sheets.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { middle } from './median.ts';
import { scratchTables } from './nation.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

const admin: Actor = { tokenId: 0, name: 'pnpm bench (import)', role: 'ADMIN', organisationId: null };
/** The base rows an import writes per member: the member, its first placement, its audit event. */
const BASE_TABLES = ['Member', 'Placement', 'AuditEvent'] as const;
type BaseTable = (typeof BASE_TABLES)[number];
/**
 * Their columns the import fills. Of Member, those the roster's rows hold: the others stay empty in
 * every row (the report's attributes false or NULL), as the table's defaults leave them.
 */
const BASE_COLUMNS: Record<BaseTable, string[]> = {
  Member: ['id', 'fullName', 'birthDate', 'gender', 'admittedOn', 'admittedInId', 'officialOn', 'partyCardNumber'],
  Placement: ['memberId', 'cellId', 'startOn', 'endOn'],
  AuditEvent: ['at', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after'],
};

/** The highest id of each base table. */
async function lastIdsOf(conn: RawConnection): Promise<Record<BaseTable, number>> {
  const last = {} as Record<BaseTable, number>;
  for (const table of BASE_TABLES) {
    const [row] = await conn.query<{ id: unknown }>(`SELECT MAX("id") AS "id" FROM "${table}"`);
    last[table] = Number(row?.id ?? 0);
  }
  return last;
}

/** The base rows the import wrote, as it wrote them (the raw inserts write them again). */
async function importedRows(url: string, after: Record<BaseTable, number>) {
  const reader = await rawConnect(url);
  try {
    const rows = {} as Record<BaseTable, unknown[][]>;
    for (const table of BASE_TABLES) {
      const columns = BASE_COLUMNS[table];
      const found = await reader.query<Record<string, unknown>>(
        `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE "id" > ? ORDER BY "id"`,
        [after[table]],
      );
      rows[table] = found.map((r) => columns.map((c) => r[c]));
    }
    return rows;
  } finally {
    await reader.close();
  }
}

/** A full collection, so that heap figures count live objects (V8's flag set at run time). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const dmy = (date: string) => date.split('-').reverse().join('/');

/** The i-th member of the roster: admitted at 22 to 40 and recognised a year later. */
const member = (i: number, cells: readonly { code: string }[]) => ({
  fullName: `Đảng viên Nhập ${i}`,
  birthDate: iso(1960 + (i % 30), 1 + (i % 12), 1 + (i % 28)),
  gender: i % 2 ? 'FEMALE' : 'MALE',
  admittedOn: iso(2000 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
  cell: cells[i % cells.length]!,
  officialOn: iso(2001 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
  partyCardNumber: `BN${String(i).padStart(8, '0')}`,
});

/** A roster of `rows` members spread over the cells. */
async function writeRoster(path: string, rows: number, cells: readonly { code: string }[]): Promise<void> {
  const sheet = writeRows(path, 'Dang vien');
  sheet.add(
    MEMBER_COLUMNS.map((c) => c.header),
    'header',
  );
  for (let i = 0; i < rows; i++) {
    const { cell, ...m } = member(i, cells);
    const values: Record<string, string> = {
      ...m,
      birthDate: dmy(m.birthDate),
      gender: m.gender === 'FEMALE' ? 'Nữ' : 'Nam',
      admittedOn: dmy(m.admittedOn),
      officialOn: dmy(m.officialOn),
      cellCode: cell.code,
    };
    sheet.add(MEMBER_COLUMNS.map((c) => values[c.field] ?? null));
  }
  await sheet.close();
}

/** Rounds of the import per database: runs on one machine move by a quarter either way. */
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);

/**
 * The import on SQLite, then on PostgreSQL (a scratch database; skipped with
 * BENCH_IMPORT_POSTGRES=0), BENCH_IMPORT_ROUNDS times each on a database of its own.
 */
export async function benchImports(): Promise<string> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-bench-import-'));
  try {
    const lines = [
      `import of ${rows.toLocaleString('en')} member rows from a CSV against raw multi-row INSERTs of the rows it wrote, same connection:`,
    ];
    const sqlite: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) sqlite.push(await importRound(`file:${join(dir, `import-${r}.db`)}`, rows, dir));
    lines.push(...summary(sqlite));
    if (process.env.BENCH_IMPORT_POSTGRES !== '0') {
      const postgres: Round[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const round = await withScratchPostgres((url) => importRound(url, rows, dir));
        if (typeof round === 'string') {
          lines.push(round);
          break;
        }
        postgres.push(round);
      }
      if (postgres.length > 0) lines.push(...summary(postgres));
    }
    return `${lines.join('\n')}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One round's times (ms) and heap figures (bytes). */
interface Round {
  dialect: string;
  previewMs: number;
  commitMs: number;
  /** Raw INSERTs of the member rows through the client, of the member rows on the driver connection, of all the base rows there. */
  rawMs: number;
  driverMs: number;
  baseMs: number;
  baseRows: number;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
}

/** Medians of the rounds, and each round's ratio beside the median ratio. */
function summary(rounds: Round[]): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const of = (f: (r: Round) => number) => middle(rounds.map(f));
  const ratio = (f: (r: Round) => number) =>
    `${of(f).toFixed(2)}× (${rounds.map((r) => `${f(r).toFixed(2)}×`).join(', ')})`;
  const [first] = rounds;
  if (!first) return [];
  return [
    `  ${first.dialect}, medians of ${rounds.length} rounds: preview ${s(of((r) => r.previewMs))}, commit ${s(of((r) => r.commitMs))}`,
    '    raw multi-row INSERTs of the same rows in one transaction / commit, median (each round) (target ≥ 0.3×):',
    `      all it wrote (${first.baseRows.toLocaleString('en')} rows: members, placements, audit events), on its driver connection: ${s(of((r) => r.baseMs))}; ${ratio((r) => r.baseMs / r.commitMs)}`,
    `      the member rows alone, on its driver connection: ${s(of((r) => r.driverMs))}; ${ratio((r) => r.driverMs / r.commitMs)}`,
    `      the member rows alone, through the Prisma client (the naive way): ${s(of((r) => r.rawMs))}; ${ratio((r) => r.rawMs / r.commitMs)}; against preview + commit ${of((r) => r.rawMs / (r.previewMs + r.commitMs)).toFixed(2)}×`,
    `    JavaScript heap, the largest of the rounds: ${mb(Math.max(...rounds.map((r) => r.heapBefore)))} live before, at most ${mb(Math.max(...rounds.map((r) => r.heapPeak)))} while the import ran (garbage included), ${mb(Math.max(...rounds.map((r) => r.heapAfter)))} live after`,
  ];
}

async function importRound(url: string, rows: number, dir: string): Promise<Round> {
  const database = useDatabase(url);
  try {
    await prepareDatabase(database);
    const cells = await database.prisma.organisation.findMany({
      where: { kind: 'SUBORDINATE_CELL', dissolvedOn: null, establishedOn: { lte: '2000-01-01' } },
      select: { code: true },
      orderBy: { id: 'asc' },
    });
    const file = join(dir, `dang-vien-${database.dialect}.csv`);
    await writeRoster(file, rows, cells);
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 20);

    const conn = viaClient(database.prisma, database.dialect);
    const lastIds = await lastIdsOf(conn);
    let start = performance.now();
    const preview = await importMembers({ actor: admin, input: { file, commit: false } });
    const previewMs = performance.now() - start;
    start = performance.now();
    const committed = await importMembers({ actor: admin, input: { file, commit: true } });
    const commitMs = performance.now() - start;
    for (const report of [preview, committed])
      if (report.errors.length > 0 || report.new !== rows)
        throw new Error(`the import refused rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
    if (!committed.committed) throw new Error('the import did not commit');
    clearInterval(sampler);
    collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;

    const base = await importedRows(url, lastIds);
    for (const statement of await scratchTables(conn, BASE_TABLES)) await conn.exec(statement);
    /** Raw multi-row INSERTs of `tables`' rows in one transaction, through the client or on its driver connection. */
    const raw = async (tables: readonly BaseTable[], on: 'client' | 'driver') => {
      const begun = performance.now();
      await database.prisma.$transaction(
        async (tx) => {
          const target = on === 'client' ? viaClient(tx, database.dialect) : await driverConnection(database, tx);
          for (const table of tables) await insertTuples(target, `Bench${table}`, BASE_COLUMNS[table], base[table]);
        },
        { timeout: 600_000 },
      );
      const ms = performance.now() - begun;
      for (const table of [...tables].reverse()) await conn.exec(`DELETE FROM "Bench${table}"`);
      return ms;
    };
    const rawMs = await raw(['Member'], 'client');
    const driverMs = await raw(['Member'], 'driver');
    const baseMs = await raw(BASE_TABLES, 'driver');
    for (const table of [...BASE_TABLES].reverse()) await conn.exec(`DROP TABLE "Bench${table}"`);
    const baseRows = BASE_TABLES.reduce((n, t) => n + base[t].length, 0);

    return {
      dialect: database.dialect,
      previewMs,
      commitMs,
      rawMs,
      driverMs,
      baseMs,
      baseRows,
      heapBefore,
      heapPeak,
      heapAfter,
    };
  } finally {
    await database.prisma.$disconnect();
  }
}
