// Prints the bytes the embed sends and fails the build above its limits: dist/ketnap.js (the ES
// module, every element in one file) at most 12 KB gzip, the classic script (the same, plus its
// English words and a wrapper) at most 13 KB. Measured as the server sends them (server/src/http/encoding.ts):
// gzip 9 or brotli 11. The English words, fetched only by English pages, are printed apart.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const LIMITS: Record<string, number> = { 'ketnap.js': 12 * 1024, 'ketnap.classic.js': 13 * 1024, 'ketnap-en.js': 0 };
let failed = false;
for (const [file, limit] of Object.entries(LIMITS)) {
  const bytes = readFileSync(new URL(`../dist/${file}`, import.meta.url));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const kb = (n: number) => (n / 1024).toFixed(2);
  const note = !limit ? 'English pages only' : `${gz > limit ? 'OVER' : 'within'} its ${limit / 1024} KB limit`;
  process.stdout.write(`${file}: ${kb(bytes.length)} KB, ${kb(gz)} KB gzip, ${kb(br)} KB brotli (${note})\n`);
  if (limit && gz > limit) failed = true;
}
process.exit(failed ? 1 : 0);
