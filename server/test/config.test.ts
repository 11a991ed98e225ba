// One configuration: every variable the code reads is in the table, the README's table is the
// one the code makes, a bad value stops the start naming the variable, a busy port says PORT.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, configTable, repoRoot, VARIABLES } from '../src/config.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sources(path)
      : path.endsWith('.ts') && !path.endsWith('.test.ts')
        ? [path]
        : [];
  });

describe('configuration', () => {
  it('lists every variable the server reads, and the README shows the same table', () => {
    const named = new Set(VARIABLES.map((v) => v.name));
    const read = new Set(
      sources(resolve(repoRoot, 'server/src'))
        .flatMap((file) => [
          ...readFileSync(file, 'utf8').matchAll(/\b(KETNAP_[A-Z_]+|RISK_[A-Z_]+|REDIS_URL|DATABASE_URL)\b/g),
        ])
        .map((m) => m[1]),
    );
    expect([...read].filter((name) => !named.has(name as string))).toEqual([]);
    expect(readFileSync(resolve(repoRoot, 'README.md'), 'utf8')).toContain(configTable());
  });

  it('refuses bad values, naming every variable at fault', () => {
    expect(configFromEnv({}).port).toBe(4000);
    const bad = {
      PORT: 'http',
      KETNAP_RATE_LIMIT: 'lots',
      KETNAP_ADMIN_ORIGINS: 'board.example',
      RISK_MIN_MEMBERS: '-1',
    };
    try {
      configFromEnv(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of Object.keys(bad)) expect(message).toContain(name);
    }
  });

  it('says which variable to change when the port is taken, in one line', async () => {
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    const run = promisify(execFile)(
      process.execPath,
      [resolve(repoRoot, 'server/bin/ketnap.js'), 'start', '--no-seed'],
      {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: 'file::memory:',
          KETNAP_LOG: 'silent',
        },
      },
    );
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    taken.close();
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toMatch(/PORT \d+ is already in use/);
  }, 60_000);
});
