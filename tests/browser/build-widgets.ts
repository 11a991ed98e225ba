// Global setup: build widgets/dist (bundle, persisted-operation manifest, pages) before the
// tests, so a browser test never runs against a stale bundle. Skipped when dist is newer than
// every source file: other runs may be serving dist at the same time, and a build empties it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../../widgets/', import.meta.url));
const SOURCES = [
  'src',
  'public',
  'scripts',
  'package.json',
  'vite.config.ts',
  'vite.classic.config.ts',
  'vite.admin.config.ts',
];
const LAST_OUTPUT = 'dist/gallery/index.html';

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

export default function setup(): void {
  if (process.env.KETNAP_SKIP_WIDGETS_BUILD) return;
  const output = join(widgets, LAST_OUTPUT);
  const sources = Math.max(...SOURCES.map((s) => newestChange(join(widgets, s))));
  if (existsSync(output) && statSync(output).mtimeMs > sources) return;
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: widgets,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
