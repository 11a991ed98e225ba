// What the embed suites share: the widgets' persisted operations as their build writes the
// manifest (the sha256 of each file → its text), without building the widgets.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../src/config.ts';

export function widgetsManifest(): Record<string, string> {
  const dir = resolve(repoRoot, 'widgets/src/operations');
  const texts = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(join(dir, file), 'utf8'));
  return Object.fromEntries(texts.map((text) => [createHash('sha256').update(text).digest('hex'), text]));
}
