// The `ketnap` command as a user runs it: help, start and a clean stop on SIGTERM, migrate, seed.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';

const bin = resolve(repoRoot, 'server/bin/ketnap.js');
const dir = mkdtempSync(join(tmpdir(), 'ketnap-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = (db: string) => ({ ...process.env, DATABASE_URL: `file:${join(dir, db)}`, KETNAP_LOG: '' });
const run = (args: string[], db = 'cli.db') => promisify(execFile)(process.execPath, [bin, ...args], { env: env(db) });

describe('ketnap command line', () => {
  it('--help lists the commands', async () => {
    const { stdout } = await run(['--help']);
    for (const command of ['start', 'serve', 'migrate', 'seed --dataset', 'token create'])
      expect(stdout).toContain(command);
  });

  it('migrate, then seed an empty database; refuses an unknown dataset and a second seed', async () => {
    expect((await run(['migrate'], 'seed.db')).stdout).toContain('applied');
    expect((await run(['migrate'], 'seed.db')).stdout).toContain('up to date');
    await expect(run(['seed', '--dataset', 'atlantis'], 'seed.db')).rejects.toThrow(/Unknown dataset "atlantis"/);
    expect((await run(['seed', '--dataset', 'thanh-chuong-2017'], 'seed.db')).stdout).toContain('loaded');
    await expect(run(['seed', '--dataset', 'thanh-chuong-2017'], 'seed.db')).rejects.toThrow(/already holds/);
  });

  it('starts, answers /healthz, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'start'], {
      env: { ...env('start.db'), PORT: '0', HOST: '127.0.0.1' },
    });
    let logs = '';
    child.stderr.on('data', (chunk) => {
      logs += String(chunk);
    });
    const port = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no start: ${logs}`)), 90_000);
      child.stderr.on('data', () => {
        const match = /"port":(\d+)/.exec(logs);
        if (match) {
          clearTimeout(timer);
          ok(Number(match[1]));
        }
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const exit = new Promise<number | null>((ok) => child.on('exit', ok));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(logs).toContain('shutting down');
  });
});
