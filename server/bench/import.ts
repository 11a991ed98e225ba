// The import's speed: BENCH_IMPORT_ROWS (100,000) member rows written to a CSV here, checked
// (preview) and committed through importMembers, against raw multi-row INSERTs of the same member
// rows into a copy of Member, in one transaction: through the Prisma client the import's
// transaction belongs to (the naive way: `?` parameters, 400 rows a statement, which the target's
// ratio compares with), and the same statements on that transaction's driver connection, which the
// import writes through (db/driver.ts: the strict limit). Prints the ratios per member row and per
// row written, and the JavaScript heap's peak; asserts nothing about time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Actor } from '../src/context.ts';
import { driverConnection } from '../src/db/driver.ts';
import { insertTuples } from '../src/db/insert.ts';
import type { RawConnection } from '../src/db/raw.ts';
import { viaClient } from '../src/db/via-client.ts';
import { useDatabase } from '../src/db.ts';
import { MEMBER_COLUMNS } from '../src/import/columns.ts';
import { importMembers } from '../src/import/members-import.ts';
import { writeRows } from '../src/import/sheets.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { scratchTable } from './nation.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

const admin: Actor = { tokenId: 0, name: 'pnpm bench (import)', role: 'ADMIN', organisationId: null };
/** The Member columns the import fills from the roster (the raw rows fill the same). */
const RAW_COLUMNS = [
  'id',
  'fullName',
  'birthDate',
  'gender',
  'admittedOn',
  'admittedInId',
  'officialOn',
  'partyCardNumber',
];
/** A full collection, so that heap figures count live objects (V8's flag set at run time). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const dmy = (date: string) => date.split('-').reverse().join('/');

/** The i-th member of the roster, as the Member row holds it: admitted at 22 to 40 and recognised a year later. */
const member = (i: number, cells: readonly { id: number; code: string }[]) => ({
  fullName: `Đảng viên Nhập ${i}`,
  birthDate: iso(1960 + (i % 30), 1 + (i % 12), 1 + (i % 28)),
  gender: i % 2 ? 'FEMALE' : 'MALE',
  admittedOn: iso(2000 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
  cell: cells[i % cells.length]!,
  officialOn: iso(2001 + (i % 10), 1 + ((i >> 3) % 12), 1 + (i % 28)),
  partyCardNumber: `BN${String(i).padStart(8, '0')}`,
});

/** A roster of `rows` members spread over the cells. */
async function writeRoster(path: string, rows: number, cells: readonly { id: number; code: string }[]): Promise<void> {
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

/** The tables an import writes: its base rows (member, placement, audit event) and what is derived from them. */
const WRITTEN = ['Member', 'Placement', 'AuditEvent', 'SubtreeDay', 'ReportDay', 'GrassrootsDay', 'CellRiskSpan'];

async function rowsIn(conn: RawConnection): Promise<number> {
  let total = 0;
  for (const table of WRITTEN) {
    const [count] = await conn.query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "${table}"`);
    total += Number(count?.n);
  }
  return total;
}

/** The import on SQLite, then on PostgreSQL (a scratch database; skipped with BENCH_IMPORT_POSTGRES=0). */
export async function benchImports(): Promise<string> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'ketnap-bench-import-'));
  try {
    const lines = [
      `import of ${rows.toLocaleString('en')} member rows from a CSV against raw multi-row INSERTs of as many member rows, same connection:`,
      ...(await benchImport(`file:${join(dir, 'import.db')}`, rows, dir)),
    ];
    if (process.env.BENCH_IMPORT_POSTGRES !== '0') {
      const measured = await withScratchPostgres((url) => benchImport(url, rows, dir));
      lines.push(...(typeof measured === 'string' ? [measured] : measured));
    }
    return `${lines.join('\n')}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchImport(url: string, rows: number, dir: string): Promise<string[]> {
  const database = useDatabase(url);
  try {
    await prepareDatabase(database);
    const cells = await database.prisma.organisation.findMany({
      where: { kind: 'SUBORDINATE_CELL', dissolvedOn: null, establishedOn: { lte: '2000-01-01' } },
      select: { id: true, code: true },
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
    const rowsBefore = await rowsIn(conn);
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

    const written = (await rowsIn(conn)) - rowsBefore;
    for (const statement of await scratchTable(conn)) await conn.exec(statement);
    // The same member rows the file holds: the database's indexes do the same work for both.
    const tuples = Array.from({ length: rows }, (_, i) => {
      const m = member(i, cells);
      return [i + 1, m.fullName, m.birthDate, m.gender, m.admittedOn, m.cell.id, m.officialOn, m.partyCardNumber];
    });
    start = performance.now();
    await database.prisma.$transaction(
      async (tx) => {
        await insertTuples(viaClient(tx, database.dialect), 'BenchMember', RAW_COLUMNS, tuples);
      },
      { timeout: 600_000 },
    );
    const rawMs = performance.now() - start;
    await conn.exec('DELETE FROM "BenchMember"');
    start = performance.now();
    await database.prisma.$transaction(
      async (tx) => {
        await insertTuples(await driverConnection(database, tx), 'BenchMember', RAW_COLUMNS, tuples);
      },
      { timeout: 600_000 },
    );
    const driverMs = performance.now() - start;
    await conn.exec('DROP TABLE "BenchMember"');

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
    return [
      `  ${database.dialect}: preview ${s(previewMs)}, commit ${s(commitMs)}; raw through the client ${s(rawMs)}, raw on its driver connection ${s(driverMs)}`,
      `    per member row: raw / commit = ${(rawMs / commitMs).toFixed(2)}×; raw / (preview + commit) = ${(rawMs / (previewMs + commitMs)).toFixed(2)}× (target ≥ 0.3×)`,
      `    per member row against raw INSERTs on the driver connection: raw / commit = ${(driverMs / commitMs).toFixed(2)}×`,
      `    per row written (${written.toLocaleString('en')} rows: members, placements, audit events, derived rows): ${(written / commitMs / (rows / rawMs)).toFixed(2)}×`,
      `    JavaScript heap: ${mb(heapBefore)} live before, at most ${mb(heapPeak)} while the import ran (garbage included), ${mb(heapAfter)} live after`,
    ];
  } finally {
    await database.prisma.$disconnect();
  }
}
