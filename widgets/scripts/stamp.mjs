// Whether widgets/dist was built from the sources as they are: a hash of every input of the
// build, written into dist after a build (`write`) and compared before a start (`check`, exit 1
// when a build is needed). Plain JavaScript, so that checking costs no compilation.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INPUTS = [
  'src',
  'public',
  'scripts',
  'package.json',
  'vite.config.ts',
  'vite.classic.config.ts',
  'custom-elements-manifest.config.mjs',
  '../server/schema.graphql',
];
const stampFile = join(root, 'dist', '.build-stamp');

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

export function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(root, input)))) {
    hash.update(file.slice(root.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const [command] = process.argv.slice(2);
if (command === 'write') writeFileSync(stampFile, `${inputsHash()}\n`);
else if (command === 'check') {
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  process.exit(built === inputsHash() ? 0 : 1);
}
