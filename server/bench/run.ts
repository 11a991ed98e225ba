// `pnpm bench`: the district's public figures, computed our way (SQL aggregates over the closure
// table, batched per request) against the naive way (load the rows, count in JavaScript), in one
// run on the same database; then the synthetic nation's load rate against raw multi-row INSERTs
// of constant member rows on the same connection (SQLite, and PostgreSQL when reachable); then the
// import of a members CSV (bench/import.ts) against raw multi-row INSERTs of the rows it wrote.
// Prints medians and ratios; asserts nothing about time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useDatabase } from '../src/db.ts';
import { widgetsDist } from '../src/http/static.ts';
import { prepareDatabase } from '../src/seed/prepare.ts';
import { createApp } from '../src/yoga.ts';
import { median, ROUNDS } from './median.ts';

const QUERY = `{ organisation(code: "thanh-chuong") {
  memberCount(asOf: "2017-07-31") admissionCount(from: "2017-01-01", to: "2017-07-31")
  atRiskCells(asOf: "2017-01-01") { cell { code } memberCount elderlyCount yearsWithoutAdmission } } }`;

import { benchImports } from './import.ts';
import { naiveDistrictFigures } from './naive.ts';
import { benchNations } from './nation.ts';
import { readPath } from './read-path.ts';
import { throughput } from './throughput.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-bench-'));
process.env.KETNAP_LOG = 'silent';
const database = useDatabase(process.env.BENCH_DATABASE_URL ?? `file:${join(dir, 'bench.db')}`);
await prepareDatabase(database);
const app = createApp();
const ours = async () => {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as {
    data: { organisation: { memberCount: number; admissionCount: number; atRiskCells: unknown[] } };
  };
  return body.data.organisation;
};

const a = await ours();
const b = await naiveDistrictFigures(database.prisma, 'thanh-chuong');
if (a.memberCount !== b.memberCount || a.admissionCount !== b.admissionCount || a.atRiskCells.length !== b.atRisk) {
  throw new Error(`the two ways disagree: ${JSON.stringify({ ours: a, naive: b })}`);
}
const oursMs = await median(ours);
const naiveMs = await median(() => naiveDistrictFigures(database.prisma, 'thanh-chuong'));
const LIMIT = 120;
const read = await readPath(LIMIT);
const cachedAnswer = await read.get();
await read.invalidate();
if (cachedAnswer !== (await read.get())) throw new Error('the cached answer differs from the computed one');
const cachedMs = await median(read.get);
const uncachedMs = await median(async () => {
  await read.invalidate();
  return read.get();
});
const quietMs = await median(read.get);
const limitedFlood = read.flood(8);
// Measured once the flood has spent its budget (or after 10 s): what a flood lasting minutes is like.
const warmUntil = Date.now() + 10_000;
while (limitedFlood.counts.limited === 0 && Date.now() < warmUntil) await new Promise((r) => setTimeout(r, 50));
const floodedMs = await median(read.get);
const limitedCounts = await limitedFlood.stop();
await read.close();
const open = await readPath(1_000_000_000);
await open.get();
const openFlood = open.flood(8);
await new Promise((r) => setTimeout(r, 2_000));
const unlimitedMs = await median(open.get);
const openCounts = await openFlood.stop();
await open.close();
const manifest = JSON.parse(readFileSync(resolve(widgetsDist, 'persisted-operations.json'), 'utf8')) as Record<
  string,
  string
>;
const atRiskId = Object.keys(manifest).find((key) => manifest[key]?.includes('query AtRisk'));
if (!atRiskId) throw new Error('build the widgets first: pnpm --filter @ketnap/widgets build');
const widgetPath = `/graphql?documentId=${atRiskId}&variables=${encodeURIComponent(
  JSON.stringify({ org: 'thanh-chuong', asOf: '2017-01-01', recoveredTo: '2017-07-31', withRecovered: true }),
)}`;
const rps = await throughput(database.url, widgetPath, dir);
process.stdout.write(
  [
    `dataset thanh-chuong-2017 on ${database.dialect}, ${ROUNDS} rounds each, medians:`,
    'district figures (members, admissions, at-risk cells):',
    `  ours  (GraphQL request, SQL aggregates): ${oursMs.toFixed(1)} ms`,
    `  naive (load rows, count in JavaScript):  ${naiveMs.toFixed(1)} ms`,
    `  naive / ours = ${(naiveMs / oursMs).toFixed(1)}×`,
    'widget read path (persisted GET of the at-risk list):',
    `  from the response cache: ${cachedMs.toFixed(2)} ms`,
    `  computed each time:      ${uncachedMs.toFixed(2)} ms`,
    `  computed / cached = ${(uncachedMs / cachedMs).toFixed(1)}×`,
    'cached widget read while one client floods with unique uncached queries (8 at a time):',
    `  no flood:                      ${quietMs.toFixed(2)} ms`,
    `  flood, rate limit ${LIMIT}/60s:     ${floodedMs.toFixed(2)} ms  (flood: ${limitedCounts.answered} answered, ${limitedCounts.limited} refused with 429)`,
    `  flood, no rate limit:          ${unlimitedMs.toFixed(2)} ms  (flood: ${openCounts.answered} answered)`,
    `  flooded / quiet = ${(floodedMs / quietMs).toFixed(1)}× with the limit, ${(unlimitedMs / quietMs).toFixed(1)}× without`,
    'cached widget GET over HTTP, 32 keep-alive connections from another process, requests/s:',
    `  ketnap:            ${rps.oursRps.toFixed(0)}    bare node:http sending the same bytes: ${rps.bareRps.toFixed(0)}    ketnap / bare = ${(rps.oursRps / rps.bareRps).toFixed(2)}×`,
    `  304 (If-None-Match): ${rps.ours304Rps.toFixed(0)}    bare: ${rps.bare304Rps.toFixed(0)}    ketnap / bare = ${(rps.ours304Rps / rps.bare304Rps).toFixed(2)}×`,
    '',
  ].join('\n'),
);
await database.prisma.$disconnect();
process.stdout.write(await benchNations(join(dir, 'nation.db')));
process.stdout.write(await benchImports());
rmSync(dir, { recursive: true, force: true });
