// The synthetic nation's load rate against the plainest possible load on the same connection:
// the same number of member rows, constant, with the same multi-row INSERTs, into a scratch table
// of the same shape as Member (its definition, indexes and foreign keys taken from the migrations).

import { insertTuples } from '../src/db/insert.ts';
import { migrate } from '../src/db/migrate.ts';
import { type RawConnection, rawConnect } from '../src/db/raw.ts';
import { COLUMNS, loadNation, type NationSummary } from '../src/seed/nation/index.ts';
import { benchRootApart } from './root.ts';
import { withScratchPostgres } from './scratch-postgres.ts';

export interface NationBench {
  members: number;
  summary: NationSummary;
  nationMs: number;
  rawMs: number;
  /** Members per second of the nation's load over rows per second of the raw inserts. */
  ratio: number;
  /** Rows the load wrote into the derived tables (beside the base rows of the summary). */
  derivedRows: number;
  /** The README's first query on the root, on this nation. */
  root: string[];
}

/**
 * Statements that make Bench<Table> a copy of each table as the migrations left it: its columns,
 * indexes and foreign keys, read from the database itself. A key to another of the tables copied
 * points at its copy.
 */
export async function scratchTables(conn: RawConnection, tables: readonly string[] = ['Member']): Promise<string[]> {
  const rename = (s: string) =>
    tables.reduce((text, t) => text.replaceAll(`"${t}"`, `"Bench${t}"`).replaceAll(`"${t}_`, `"Bench${t}_`), s);
  const statements: string[] = [];
  for (const table of tables) {
    if (conn.dialect === 'sqlite') {
      const rows = await conn.query<{ sql: string | null }>(
        `SELECT "sql" FROM sqlite_master WHERE "tbl_name" = ? AND "sql" IS NOT NULL ORDER BY "type" DESC`,
        [table],
      );
      if (!rows.some((r) => r.sql?.startsWith('CREATE TABLE'))) throw new Error(`no table "${table}" to copy`);
      statements.push(...rows.map((r) => rename(String(r.sql))));
      continue;
    }
    const keys = await conn.query<{ name: string; definition: string }>(
      `SELECT conname::text AS "name", pg_get_constraintdef(oid) AS "definition" FROM pg_constraint
       WHERE conrelid = ?::regclass AND contype = 'f'`,
      [`"${table}"`],
    );
    statements.push(
      `CREATE TABLE "Bench${table}" (LIKE "${table}" INCLUDING ALL)`,
      ...keys.map((k) => `ALTER TABLE "Bench${table}" ADD CONSTRAINT "${rename(k.name)}" ${rename(k.definition)}`),
    );
  }
  return statements;
}

/** Loads a nation of `members` into the empty database at `url`, then times the raw inserts there. */
export async function benchNation(url: string, members: number): Promise<NationBench> {
  const conn = await rawConnect(url);
  try {
    await migrate(conn);
    let start = performance.now();
    const summary = await loadNation(conn, { members });
    const nationMs = performance.now() - start;
    let derivedRows = 0;
    for (const table of ['SubtreeDay', 'ReportDay', 'GrassrootsDay', 'CellRiskSpan']) {
      const [count] = await conn.query<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "${table}"`);
      derivedRows += Number(count?.n);
    }
    const root = await benchRootApart(url);

    for (const statement of await scratchTables(conn)) await conn.exec(statement);
    const [cell] = await conn.query<{ id: number }>(
      `SELECT "id" FROM "Organisation" WHERE "kind" = 'SUBORDINATE_CELL' ORDER BY "id" LIMIT 1`,
    );
    const rows = Array.from({ length: members }, (_, i) => [
      i + 1,
      'Đảng viên 0',
      '1970-01-01',
      'MALE',
      null,
      '1995-01-01',
      Number(cell?.id),
      '1996-01-01',
      null,
      null,
      null,
      // The report's attributes: none recorded, not of the Youth Union.
      null,
      null,
      null,
      false,
    ]);
    if (rows[0]?.length !== COLUMNS.Member.length) throw new Error('the raw rows do not fill the columns of Member');
    if (conn.dialect === 'sqlite') await conn.exec('PRAGMA cache_size = -65536');
    start = performance.now();
    await conn.exec('BEGIN');
    await insertTuples(conn, 'BenchMember', COLUMNS.Member, rows);
    await conn.exec('COMMIT');
    const rawMs = performance.now() - start;
    await conn.exec('DROP TABLE "BenchMember"');
    return { members, summary, nationMs, rawMs, ratio: rawMs / nationMs, derivedRows, root };
  } finally {
    await conn.close();
  }
}

const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms).toLocaleString('en');

function describe(engine: string, b: NationBench): string[] {
  const base = Object.values(b.summary.rows).reduce((a, n) => a + n, 0);
  const rows = base + b.derivedRows;
  return [
    `  ${engine}: nation ${(b.nationMs / 1000).toFixed(1)} s (${perSecond(b.members, b.nationMs)} members/s; ${base.toLocaleString('en')} base rows and ${b.derivedRows.toLocaleString('en')} derived rows, ${perSecond(rows, b.nationMs)} rows/s);`,
    `    raw constant member rows ${(b.rawMs / 1000).toFixed(1)} s (${perSecond(b.members, b.rawMs)} rows/s)`,
    `    nation / raw = ${b.ratio.toFixed(2)}× in members per second; ${((b.ratio * rows) / b.members).toFixed(2)}× in rows written per second, derived rows included (target ≥ 0.3×)`,
    ...b.root,
  ];
}

/**
 * The comparison on SQLite (a file at `sqliteFile`) and on PostgreSQL (a scratch database; skipped
 * when unreachable or BENCH_NATION_POSTGRES=0).
 */
export async function benchNations(sqliteFile: string): Promise<string> {
  const members = Number(process.env.BENCH_NATION_MEMBERS ?? 200_000);
  const lines = [
    `synthetic nation (${members.toLocaleString('en')} members) against raw multi-row INSERTs of as many constant member rows, same connection:`,
    ...describe('sqlite', await benchNation(`file:${sqliteFile}`, members)),
  ];
  if (process.env.BENCH_NATION_POSTGRES !== '0') {
    const measured = await withScratchPostgres(async (url) => describe('postgres', await benchNation(url, members)));
    lines.push(...(typeof measured === 'string' ? [measured] : measured));
  }
  return `${lines.join('\n')}\n`;
}
