// Checks the demo dataset from the command line: `npx tsx prisma/datasets/thanh-chuong-2017/check.ts`
// prints each named check with ✓ or ✗ and its first problems, and exits with 1 when one fails.
// The test suite runs the same checks, one test each (server/test/dataset.test.ts).
import { World } from './check-tools.ts';
import { checks } from './checks.ts';
import { thanhChuong2017 } from './index.ts';

const started = performance.now();
const world = new World(thanhChuong2017());
const rows = Object.entries(world.data).flatMap(([table, v]) => (Array.isArray(v) ? [`${v.length} ${table}`] : []));
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`generated in ${Math.round(performance.now() - started)} ms: ${rows.join(', ')}`);

let failed = 0;
for (const check of checks) {
  const problems = check.problems(world);
  say(`${problems.length ? '✗' : '✓'} ${check.name}`);
  for (const problem of problems.slice(0, 10)) say(`    ${problem}`);
  if (problems.length > 10) say(`    … and ${problems.length - 10} more`);
  if (problems.length) failed++;
}
if (failed) {
  process.stderr.write(`${failed} of ${checks.length} checks fail\n`);
  process.exit(1);
}
