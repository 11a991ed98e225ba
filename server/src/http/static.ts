// Serves the built widgets and their pages: /widgets/* from widgets/dist, /demo/, /gallery/ and the
// admin page /admin/import/ (built from widgets/src/admin).
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { repoRoot } from '../config.ts';
import { type Encoded, encodeAll } from './encoding.ts';
import { decodePath } from './http-error.ts';

export const widgetsDist = resolve(repoRoot, 'widgets/dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

const ROUTES: [prefix: string, folder: string][] = [
  ['/widgets/', widgetsDist],
  ['/demo/', resolve(widgetsDist, 'demo')],
  ['/gallery/', resolve(widgetsDist, 'gallery')],
  ['/admin/', resolve(widgetsDist, 'admin')],
];

export interface StaticFile {
  /** The file's bytes, and brotli and gzip forms made once (at best compression). */
  body: Encoded;
  type: string;
}

/** Files read and compressed once, until they change on disk (a rebuild of the widgets). */
const memo = new Map<string, { mtimeMs: number; file: StaticFile }>();

/** The file a path names, or null; never a file outside the served folders; 400 for a malformed path. */
export async function staticFile(pathname: string): Promise<StaticFile | null> {
  for (const [prefix, folder] of ROUTES) {
    if (!pathname.startsWith(prefix)) continue;
    let rest = decodePath(pathname.slice(prefix.length));
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = resolve(folder, rest);
    if (!file.startsWith(folder + sep)) return null;
    const type = TYPES[extname(file)];
    if (!type) return null;
    try {
      const { mtimeMs } = await stat(file);
      const known = memo.get(file);
      if (known && known.mtimeMs === mtimeMs) return known.file;
      const found = { body: encodeAll(await readFile(file), true), type };
      memo.set(file, { mtimeMs, file: found });
      return found;
    } catch {
      return null;
    }
  }
  return null;
}
