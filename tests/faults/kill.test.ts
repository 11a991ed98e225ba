// An instance is killed (SIGKILL) in the middle of a burst of concurrent writes, on SQLite and on
// PostgreSQL. Proves the database it leaves is whole: every member still has a placement, no two
// placements of a member overlap, every member who has not left has exactly one open placement;
// the writes that committed are exactly those with an audit event; every write answered as a
// success is among them and no write answered as a failure is; SQLite's integrity_check says ok.
// Then the instance starts again on the same database and serves the right figure and new writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RawConnection, rawConnect } from '@ketnap/server/src/db/raw.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startInstance } from '../scale/instance.ts';
import { sharedDatabase, sharedPostgresUp, until } from './services.ts';
import { memberGlobalId, mutate, newMember, RECORD_MEMBER, readyz, TRANSFER_MEMBER, widgetRead } from './support.ts';

/** The transfers' day: after every placement of the demo data. */
const ON = '2018-02-01';
const TRANSFERS = 60;
/** The process is killed as soon as this many writes of each kind have answered success. */
const KILL_AFTER = 3;
const NAME = 'Ghi Trước Khi Tắt';
const ENV = { KETNAP_RATE_LIMIT: '100000/60s' };

const engines = ['sqlite', ...((await sharedPostgresUp()) ? ['postgres'] : [])];

const count = async (db: RawConnection, sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: number | string }>(sql, params))[0]?.n);
const ids = async (db: RawConnection, sql: string, params: unknown[] = []) =>
  (await db.query<{ id: number | string }>(sql, params)).map((r) => Number(r.id)).sort((x, y) => x - y);

/** Members to transfer (in place, not left) and, for each, an active cell other than theirs. */
async function transfersToMake(url: string) {
  const db = await rawConnect(url);
  try {
    const cells = await db.query<{ id: number; code: string }>(
      `SELECT id, code FROM "Organisation" WHERE kind = 'SUBORDINATE_CELL' AND "dissolvedOn" IS NULL ORDER BY id LIMIT 2`,
    );
    const members = await db.query<{ id: number; cell: number }>(
      `SELECT m.id AS id, p."cellId" AS cell FROM "Member" m
       JOIN "Placement" p ON p."memberId" = m.id AND p."endOn" IS NULL
       WHERE m."leftOn" IS NULL AND p."startOn" < ? ORDER BY m.id LIMIT ${TRANSFERS}`,
      [ON],
    );
    const [first, second] = cells as [{ id: number; code: string }, { id: number; code: string }];
    return members.map((m) => ({ memberId: m.id, toCellCode: m.cell === first.id ? second.code : first.code }));
  } finally {
    await db.close();
  }
}

/** The placements' invariants, whatever was written. */
async function expectPlacementsWhole(db: RawConnection) {
  const withoutPlacement = `SELECT COUNT(*) AS n FROM "Member" m
    WHERE NOT EXISTS (SELECT 1 FROM "Placement" p WHERE p."memberId" = m.id)`;
  expect(await count(db, withoutPlacement)).toBe(0);
  const overlapping = `SELECT COUNT(*) AS n FROM "Placement" a JOIN "Placement" b ON a."memberId" = b."memberId"
    AND a.id < b.id AND a."startOn" < COALESCE(b."endOn", '9999-12-31') AND b."startOn" < COALESCE(a."endOn", '9999-12-31')`;
  expect(await count(db, overlapping)).toBe(0);
  const openNotOne = `SELECT COUNT(*) AS n FROM "Member" m WHERE m."leftOn" IS NULL
    AND (SELECT COUNT(*) FROM "Placement" p WHERE p."memberId" = m.id AND p."endOn" IS NULL) <> 1`;
  expect(await count(db, openNotOne)).toBe(0);
}

/** The writes of the burst that committed, each checked against its audit event. */
async function committedWrites(db: RawConnection): Promise<string[]> {
  const transferred = await ids(db, `SELECT "memberId" AS id FROM "Placement" WHERE "startOn" = ?`, [ON]);
  expect(transferred).toEqual(
    await ids(db, `SELECT "entityId" AS id FROM "AuditEvent" WHERE action = 'transferMember'`),
  );
  const recorded = await db.query<{ id: number; fullName: string }>(
    `SELECT id, "fullName" FROM "Member" WHERE "fullName" LIKE ? ORDER BY id`,
    [`${NAME}%`],
  );
  expect(recorded.map((r) => Number(r.id))).toEqual(
    await ids(db, `SELECT "entityId" AS id FROM "AuditEvent" WHERE action = 'recordMember'`),
  );
  return [...transferred.map((id) => `transfer ${id}`), ...recorded.map((r) => `record ${r.fullName}`)];
}

describe.each(engines)('SIGKILL during a burst of writes on %s', (engine) => {
  let url: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'ketnap-kill-'));
      url = `file:${join(dir, 'kill.db')}`;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const database = await sharedDatabase('ketnap_faults_kill');
      url = database.url;
      cleanup = database.drop;
    }
  });

  afterAll(async () => cleanup?.());

  it('leaves a whole database, and the instance starts again on it', async () => {
    const instance = await startInstance({ DATABASE_URL: url, ...ENV });
    const token = await adminToken(url);
    const transfers = await transfersToMake(url);
    expect(transfers).toHaveLength(TRANSFERS);
    // A record after every three transfers: both kinds are in flight when the process dies.
    const writes = transfers.flatMap((t, i) => {
      const transfer = { ...t, memberId: memberGlobalId(t.memberId), on: ON };
      const name = `${NAME} ${i}`;
      return [
        {
          key: `transfer ${t.memberId}`,
          send: () => mutate(instance.url, token, TRANSFER_MEMBER, { input: transfer }),
        },
        ...(i % 3 === 2
          ? [{ key: `record ${name}`, send: () => mutate(instance.url, token, RECORD_MEMBER, newMember(name)) }]
          : []),
      ];
    });

    const succeeded: string[] = [];
    const failed: string[] = [];
    await Promise.allSettled(
      writes.map(async (w) => {
        const answer = await w.send();
        const typename = Object.values(answer.data ?? {})[0]?.__typename ?? '';
        (typename.endsWith('Success') ? succeeded : failed).push(w.key);
        const done = (kind: string) => succeeded.filter((key) => key.startsWith(kind)).length;
        if (done('transfer') >= KILL_AFTER && done('record') >= KILL_AFTER) instance.process.kill('SIGKILL');
      }),
    );
    await instance.stop();
    expect(instance.process.signalCode).toBe('SIGKILL');
    expect(succeeded.length + failed.length, 'killed in the middle of the burst').toBeLessThan(writes.length);

    const db = await rawConnect(url);
    try {
      if (engine === 'postgres')
        await until('the killed sessions have ended', async () => {
          const others = `SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
          return (await count(db, others)) === 0;
        });
      await expectPlacementsWhole(db);
      const committed = await committedWrites(db);
      expect(committed).toEqual(expect.arrayContaining(succeeded));
      for (const key of failed) expect(committed).not.toContain(key);
      if (engine === 'sqlite') {
        expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        expect(await db.query('PRAGMA foreign_key_check')).toEqual([]);
      }

      // It starts again on the same database: the right figure, and new writes.
      const recorded = committed.filter((key) => key.startsWith('record')).length;
      const again = await startInstance({ DATABASE_URL: url, ...ENV });
      try {
        expect(await readyz(again.url)).toMatchObject({ code: 200, status: 'ready', database: 'up' });
        expect(await widgetRead(again.url)).toMatchObject({ status: 200, admissions: 252 + recorded });
        const write = await mutate(again.url, token, RECORD_MEMBER, newMember('Ghi Sau Khi Khởi Động Lại'));
        expect(write).toEqual({ data: { recordMember: { __typename: 'RecordMemberSuccess' } } });
        expect(await widgetRead(again.url)).toMatchObject({ status: 200, admissions: 253 + recorded });
      } finally {
        await again.stop();
      }
    } finally {
      await db.close();
    }
  });
});
