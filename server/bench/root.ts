// The README's first query on the whole country, uncached, against the same figures computed by
// hand-written SQL over the base tables (the slow way: from rows), and against the same query on
// one commune, on a generated nation; with the process's memory after it. Then the board's report
// for the whole country the same way (bench/report.ts).
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { prisma, useDatabase } from '../src/db.ts';
import { admissionsFromRows, grassrootsFromRows, memberCountsFromRows } from '../src/derived/from-rows.ts';
import { cellFigures } from '../src/read/risk.ts';
import { activeRiskPolicy, assessRisk } from '../src/rules/risk.ts';
import { createApp } from '../src/yoga.ts';
import { median, ROUNDS } from './median.ts';
import { benchReport } from './report.ts';

/** The README's first query, on the whole country or on one organisation. */
const FIELDS = `
    memberCount(asOf: "2017-07-31")
    grassrootsCount(asOf: "2017-01-01") { total bySector { sector committees cells } }
    admissionCount(from: "2017-01-01", to: "2017-07-31")
    atRiskCount(asOf: "2017-01-01")
    atRiskCells(asOf: "2017-01-01", first: 20) { cell { name parent(asOf: "2017-01-01") { name } } memberCount elderlyCount yearsWithoutAdmission }`;
const COUNTRY = `{ answer: country { ${FIELDS} } }`;
const ONE = `query One($code: String!) { answer: organisation(code: $code) { name ${FIELDS}
    recoveredCount(from: "2017-01-01", to: "2017-07-31")
    recoveredCells(from: "2017-01-01", to: "2017-07-31", first: 20) { cell { name } admitted } } }`;

const here = fileURLToPath(new URL('.', import.meta.url));

interface First {
  memberCount: number;
  admissionCount: number;
  atRiskCount: number;
}

export async function benchRoot(url: string): Promise<string[]> {
  const database = useDatabase(url);
  const app = createApp();
  const graphql = async <T>(query: string, variables?: Record<string, unknown>): Promise<{ answer: T }> => {
    const response = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: { answer: T }; errors?: unknown };
    if (!body.data?.answer) throw new Error(`the query failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const ask = async (code: string | null): Promise<First> =>
    (await (code === null ? graphql<First>(COUNTRY) : graphql<First>(ONE, { code }))).answer;
  const provinces = (
    await prisma().$queryRawUnsafe<{ id: unknown }[]>(`SELECT "id" FROM "Organisation" WHERE "kind" = 'PROVINCIAL'`)
  ).map((p) => Number(p.id));
  const [commune] = await prisma().$queryRawUnsafe<{ code: string }[]>(
    `SELECT "code" FROM "Organisation" WHERE "kind" = 'GRASSROOTS_COMMITTEE' AND "sector" = 'COMMUNE'
       AND "establishedOn" <= '2017-01-01' AND ("dissolvedOn" IS NULL OR "dissolvedOn" > '2017-07-31') ORDER BY "id" LIMIT 1`,
  );
  if (!commune) throw new Error('no commune in the generated nation');
  const policy = activeRiskPolicy();
  const total = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  // The same figures from rows, every province together: members, admissions, grassroots, every cell assessed.
  const fromRows = async () => {
    const members = await memberCountsFromRows(provinces, '2017-07-31');
    const admitted = await admissionsFromRows(provinces, '2017-01-01', '2017-07-31');
    await grassrootsFromRows(provinces, '2017-01-01');
    const cells = [...(await cellFigures(provinces, '2017-01-01', policy)).values()].flat();
    const atRisk = cells.filter((c) => assessRisk(c, '2017-01-01', policy).isAtRisk);
    return { memberCount: total(members), admissionCount: total(admitted), atRisk: atRisk.length };
  };
  const ours = await ask(null);
  const rootMs = await median(() => ask(null));
  const communeMs = await median(() => ask(commune.code));
  // Measured before the slow way runs (it holds every cell's figures in memory).
  const rss = process.memoryUsage().rss / 2 ** 20;
  const slow = await fromRows();
  if (
    ours.memberCount !== slow.memberCount ||
    ours.admissionCount !== slow.admissionCount ||
    ours.atRiskCount !== slow.atRisk
  )
    throw new Error(`the two ways disagree on the country: ${JSON.stringify({ ours, slow })}`);
  const rowsMs = await median(fromRows);
  const report = await benchReport(graphql, commune.code);
  await database.prisma.$disconnect();
  return [
    `  README's first query, uncached (POST), ${ROUNDS} rounds, medians, on ${database.dialect}:`,
    `    the whole country (${provinces.length} provinces, ${ours.memberCount.toLocaleString('en')} members on 2017-07-31, ${slow.atRisk} cells at risk): ${rootMs.toFixed(1)} ms`,
    `    one commune (${commune.code}): ${communeMs.toFixed(1)} ms`,
    `    the same figures by hand-written SQL over the base tables: ${rowsMs.toFixed(1)} ms`,
    `    country / hand-written SQL = ${(rootMs / rowsMs).toFixed(3)}× (target ≤ 0.05×); country / commune = ${(rootMs / communeMs).toFixed(2)}× (target ≤ 3×)`,
    `    process memory after our queries: ${rss.toFixed(0)} MB resident (target < 400 MB)`,
    ...report,
  ];
}

/**
 * benchRoot in a process of its own, so that the memory it reports is a querying process's, not
 * that of the process which has just generated and loaded the nation.
 */
export async function benchRootApart(url: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(join(here, '../node_modules/.bin/tsx'), [join(here, 'root.ts'), url], {
    env: { ...process.env, KETNAP_LOG: 'silent' },
    maxBuffer: 1 << 20,
  });
  return stdout.trimEnd().split('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const url = process.argv[2];
  if (!url) throw new Error('usage: tsx bench/root.ts DATABASE_URL');
  process.stdout.write(`${(await benchRoot(url)).join('\n')}\n`);
}
