// `pnpm start`: builds the widgets only when their sources changed since the last build, then
// runs the server in this same process (one process: Ctrl-C stops it cleanly, exit code 0).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const widgets = join(repo, 'widgets');
const fresh = spawnSync(process.execPath, ['widgets/scripts/stamp.mjs', 'check'], { cwd: repo }).status === 0;
if (!fresh) {
  // The widgets' own build script, run as pnpm would run it (its node_modules/.bin first on PATH).
  const { scripts } = JSON.parse(readFileSync(join(widgets, 'package.json'), 'utf8'));
  const PATH = [join(widgets, 'node_modules/.bin'), join(repo, 'node_modules/.bin'), process.env.PATH].join(delimiter);
  const build = spawnSync(scripts.build, {
    cwd: widgets,
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, PATH },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv = [process.argv[0] ?? 'node', 'ketnap', 'start', ...process.argv.slice(2)];
await import('../server/bin/ketnap.js');
