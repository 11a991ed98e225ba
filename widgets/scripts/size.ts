// Prints the gzip size of the embed bundle; fails above the hard limit (the budget is 12 KB). The
// English words, fetched only by English pages, are printed apart.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;
const LIMIT = 15 * 1024;
let failed = false;
for (const file of ['ketnap.js', 'ketnap.classic.js']) {
  const bytes = readFileSync(new URL(`../dist/${file}`, import.meta.url));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const note = gz > LIMIT ? 'OVER THE 15 KB LIMIT' : gz > BUDGET ? 'over the 12 KB budget' : 'within the 12 KB budget';
  process.stdout.write(
    `${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(2)} KB gzip (${note})\n`,
  );
  if (gz > LIMIT) failed = true;
}
const english = readFileSync(new URL('../dist/ketnap-en.js', import.meta.url));
process.stdout.write(
  `ketnap-en.js (English pages only): ${(gzipSync(english, { level: 9 }).length / 1024).toFixed(2)} KB gzip\n`,
);
process.exit(failed ? 1 : 0);
