// The driver connection under a Prisma transaction (db/driver.ts), on both databases: what is
// written there belongs to the transaction (seen by its own statements, gone when it rolls back,
// kept when it commits), and it passes no statement through Prisma's client (each is still told
// to the statement log that metrics time).
import { describe, expect } from 'vitest';
import { driverConnection } from '../src/db/driver.ts';
import { insertNumbered, insertRows } from '../src/db/insert.ts';
import { db, prisma } from '../src/db.ts';
import { driverStatements, statements } from './support.ts';
import { engines, miniWorldSuite } from './writes-support.ts';

const COLUMNS = ['at', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after'];
const event = (action: string, i: number) => [
  new Date(),
  'driver test',
  'ADMIN',
  action,
  'Member',
  String(i),
  null,
  null,
];
const count = (action: string) => prisma().auditEvent.count({ where: { action } });

describe.each(engines)('the driver connection of a transaction, %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('writes inside the transaction, past the client', async () => {
    let seenInside = -1;
    let sentThroughClient = -1;
    let sentOnDriver = -1;
    await expect(
      prisma().$transaction(async (tx) => {
        const conn = await driverConnection(db(), tx);
        const [before, onDriver] = [statements.length, driverStatements.length];
        await insertRows(conn, 'AuditEvent', COLUMNS, [event('rolledBack', 1), event('rolledBack', 2)]);
        sentThroughClient = statements.length - before;
        sentOnDriver = driverStatements.length - onDriver;
        seenInside = await tx.auditEvent.count({ where: { action: 'rolledBack' } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(seenInside).toBe(2);
    // Past the client, and still told to the metrics.
    expect(sentThroughClient).toBe(0);
    expect(sentOnDriver).toBeGreaterThan(0);
    expect(await count('rolledBack')).toBe(0);

    const ids = await prisma().$transaction(async (tx) =>
      insertNumbered(await driverConnection(db(), tx), 'AuditEvent', COLUMNS, [event('kept', 1), event('kept', 2)]),
    );
    const kept = await prisma().auditEvent.findMany({ where: { action: 'kept' }, orderBy: { id: 'asc' } });
    // Each id answered is its own row's, in the rows' order.
    expect(kept.map((e) => [e.id, e.entityId])).toEqual([
      [ids[0], '1'],
      [ids[1], '2'],
    ]);
  });

  test('two transactions at once each write on their own connection', async () => {
    if (engine === 'sqlite') return; // one connection, one transaction at a time
    let release: () => void = () => {};
    const waiting = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = prisma().$transaction(async (tx) => {
      await insertRows(await driverConnection(db(), tx), 'AuditEvent', COLUMNS, [event('first', 1)]);
      await waiting;
      throw new Error('first rolls back');
    });
    await prisma().$transaction(async (tx) => {
      await insertRows(await driverConnection(db(), tx), 'AuditEvent', COLUMNS, [event('second', 1)]);
      expect(await tx.auditEvent.count({ where: { action: 'first' } })).toBe(0);
    });
    release();
    await expect(first).rejects.toThrow('first rolls back');
    expect([await count('first'), await count('second')]).toEqual([0, 1]);
  });

  test('after the client disconnects and connects again, the new connection', async () => {
    // The client itself, as a preview reads (outside a transaction), before and after.
    const members = async () => {
      const conn = await driverConnection(db(), prisma());
      return conn.query<{ n: unknown }>('SELECT COUNT(*) AS "n" FROM "Member"');
    };
    const before = await members();
    await prisma().$disconnect();
    expect(await members()).toEqual(before);
    await prisma().$transaction(async (tx) =>
      insertRows(await driverConnection(db(), tx), 'AuditEvent', COLUMNS, [event('reconnected', 1)]),
    );
    expect(await count('reconnected')).toBe(1);
  });
});
