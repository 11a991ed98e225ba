// Compiles the command line and server into ES modules (server/dist/ketnap.mjs and its chunks,
// loaded only by the commands that need them) with esbuild,
// so that `ketnap` starts without compiling TypeScript at run time. Dependencies stay in
// node_modules; our workspace's TypeScript (the generated Prisma clients included) is bundled.
// Run by `pnpm install` (postinstall) and by `pnpm start`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const server = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${server}/package.json`, 'utf8')) as { dependencies: Record<string, string> };
const external = Object.keys(pkg.dependencies)
  .filter((name) => !name.startsWith('@ketnap/'))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: [`${server}/src/cli.ts`],
  outdir: `${server}/dist`,
  entryNames: 'ketnap',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...external, '@prisma/client-runtime-utils', '@prisma/client/*'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
});
