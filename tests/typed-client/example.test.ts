// The typed client example runs against a real server: found by name, figures as typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Running, startServer } from '@ketnap/server/src/main.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { admissionsOf } from './example.ts';

let running: Running;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-typed-'));
beforeAll(async () => {
  running = await startServer({ databaseUrl: `file:${join(dir, 't.db')}`, port: 0 });
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('finds Thanh Chương by name and reads its 252 admissions, typed', async () => {
  expect(await admissionsOf(running.url, 'Thanh Chương')).toEqual({
    name: 'Đảng bộ huyện Thanh Chương',
    admitted: 252,
  });
});
