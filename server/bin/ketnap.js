#!/usr/bin/env node
// The `ketnap` command. Runs the build (dist/ketnap.mjs, made by `pnpm install` and `pnpm start`
// with esbuild: no TypeScript compiled at run time) when it is newer than every source it was
// built from; otherwise the TypeScript sources through tsx, so that an edit is never ignored.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const built = here('../dist/ketnap.mjs');
const sources = [
  here('../src'),
  here('../package.json'),
  here('../../prisma/generated'),
  here('../../prisma/datasets'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(`${path}/${name}`)), stat.mtimeMs);
}

if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) {
  await import(built);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
