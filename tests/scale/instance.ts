// Starts a real `ketnap start` process on a free port and stops it with SIGTERM.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const serverBin = fileURLToPath(new URL('../../server/bin/ketnap.js', import.meta.url));

export interface Instance {
  url: string;
  process: ChildProcess;
  /** What the process has logged so far (JSON lines on stderr). */
  logs(): string;
  stop(): Promise<void>;
}

export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [serverBin, 'start'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', KETNAP_LOG: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`instance did not start:\n${logs}`)), 120_000);
    child.stderr?.on('data', (chunk) => {
      logs += String(chunk);
      const match = /"port":(\d+)[^\n]*"message":"ketnap is serving"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        ok(Number(match[1]));
      }
    });
    child.on('exit', (code) => fail(new Error(`instance exited with ${code}:\n${logs}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    logs: () => logs,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.on('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/** An admin token made with the command line, as an operator would. */
export async function adminToken(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [serverBin, 'token', 'create', '--role', 'admin', '--name', 'scale test'],
    { env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  const secret = stdout.trim().split('\n').at(-1);
  if (!secret?.startsWith('ktn_')) throw new Error(`no token in: ${stdout}`);
  return secret;
}
