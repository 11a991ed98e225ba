// The cached widget GET against a bare node:http server sending the same bytes: both servers and
// the load generator each in a process of their own, measured A B A B in one run; the 304 path
// too. Reports requests per second and the ratio ours / bare.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = fileURLToPath(new URL('.', import.meta.url));
const tsx = join(here, '../node_modules/.bin/tsx');
const ketnapBin = join(here, '../bin/ketnap.js');

interface Server {
  url: string;
  stop(): void;
}

/** Starts a process and waits for `ready` to find the port in its output. */
function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Server> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port in:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const port = ready.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      // From here on the output (the request log) is drained, not kept: keeping it and searching it
      // again on every chunk cost this process more CPU than the servers it measures.
      child.stdout.off('data', onData).resume();
      child.stderr.off('data', onData).resume();
      resolve({ url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

async function load(url: string, seconds: number, ifNoneMatch = ''): Promise<number> {
  const { stdout } = await promisify(execFile)(tsx, [
    join(here, 'load/client.ts'),
    url,
    '32',
    String(seconds),
    ifNoneMatch,
  ]);
  const { requests } = JSON.parse(stdout) as { requests: number };
  return requests / seconds;
}

export interface Throughput {
  oursRps: number;
  bareRps: number;
  ours304Rps: number;
  bare304Rps: number;
}

/** `path` is a persisted widget GET on a database ketnap can open at `databaseUrl`. */
export async function throughput(databaseUrl: string, path: string, dir: string, rounds = 3): Promise<Throughput> {
  const ours = await startProcess(
    process.execPath,
    [ketnapBin, 'start', '--no-seed'],
    { DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', KETNAP_LOG: '' },
    /"port":(\d+)[^\n]*"message":"ketnap is serving"/,
  );
  try {
    const first = await fetch(ours.url + path, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await first.arrayBuffer());
    if (first.status !== 200) throw new Error(`the widget GET answered ${first.status}`);
    const skip = ['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'];
    const headers = Object.fromEntries([...first.headers].filter(([name]) => !skip.includes(name)));
    const identityEtag = first.headers.get('etag') ?? '';
    const revalidated = await fetch(ours.url + path, {
      headers: { 'accept-encoding': 'identity', 'if-none-match': identityEtag },
    });
    if (revalidated.status !== 304) throw new Error(`the revalidation answered ${revalidated.status}`);
    const notModified = Object.fromEntries([...revalidated.headers].filter(([name]) => !skip.includes(name)));
    const file = join(dir, 'raw-answer.json');
    writeFileSync(file, JSON.stringify({ headers, notModified, body: body.toString('base64') }));
    const bare = await startProcess(tsx, [join(here, 'load/raw-server.ts'), file], {}, /^(\d+)$/m);
    try {
      const oursIdentity = `${ours.url}${path}`;
      const result: Throughput = { oursRps: 0, bareRps: 0, ours304Rps: 0, bare304Rps: 0 };
      for (let round = 0; round < rounds; round++) {
        result.oursRps += (await load(oursIdentity, 2)) / rounds;
        result.bareRps += (await load(bare.url + path, 2)) / rounds;
        result.ours304Rps += (await load(oursIdentity, 2, identityEtag)) / rounds;
        result.bare304Rps += (await load(bare.url + path, 2, identityEtag)) / rounds;
      }
      return result;
    } finally {
      bare.stop();
    }
  } finally {
    ours.stop();
  }
}
