// Two staff writing about the same member at the same moment: exactly one transfer wins and the
// member's placements never overlap; sixty staff moving sixty members between the same two cells
// at once: every write commits (SQLite and PostgreSQL). One process runs its writes one after
// another (they share the derived data of those cells); writes of several instances meet in the
// database, whose serialization failures are retried (tests/scale/instances.test.ts).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { prisma } from '../src/db.ts';
import { isSerializationFailure } from '../src/domain/write.ts';
import { CELL } from './fixture.ts';
import { engines, miniWorldSuite, mutate } from './writes-support.ts';

describe.each(engines)('concurrent writes on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('two transfers of one member on the same day: one succeeds, one is refused, no overlap', async () => {
    const memberId = encodeGlobalID('Member', '7');
    const results = await Promise.all(
      ['thanh-hoa-xom-3', 'thanh-duc-xom-1'].map((toCellCode) =>
        mutate('transferMember', { memberId, toCellCode, on: '2017-03-01' }, world.tokens.admin),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(results.map((r) => r.typename).sort()).toEqual(['TransferMemberSuccess', 'ValidationError']);
    const placements = await prisma().placement.findMany({ where: { memberId: 7 }, orderBy: { startOn: 'asc' } });
    expect(placements).toHaveLength(2);
    expect(placements[0]?.endOn).toBe('2017-03-01');
    expect(placements[1]).toMatchObject({ startOn: '2017-03-01', endOn: null });
    const audits = await prisma().auditEvent.count({ where: { action: { contains: 'transfer' } } });
    expect(audits).toBe(1);
  });

  test('sixty transfers of sixty different members at once all commit', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const member = await prisma().member.create({
        data: {
          fullName: `Đảng viên đồng thời ${i}`,
          birthDate: '1980-01-01',
          admittedOn: '2010-01-01',
          admittedInId: CELL.xom3,
          officialOn: '2011-01-01',
          placements: { create: { cellId: CELL.xom3, startOn: '2010-01-01' } },
        },
      });
      ids.push(member.id);
    }
    const auditsBefore = await prisma().auditEvent.count();
    const results = await Promise.all(
      ids.map((id) =>
        mutate(
          'transferMember',
          { memberId: encodeGlobalID('Member', String(id)), toCellCode: 'thanh-hoa-xom-4', on: '2017-05-02' },
          world.tokens.admin,
        ),
      ),
    );
    expect(results.map((r) => r.errors?.[0]?.message ?? r.typename)).toEqual(ids.map(() => 'TransferMemberSuccess'));
    const moved = await prisma().placement.count({ where: { memberId: { in: ids }, cellId: CELL.xom4, endOn: null } });
    expect(moved).toBe(60);
    expect(await prisma().auditEvent.count()).toBe(auditsBefore + 60);
    // Every connection went back to the pool, even those whose COMMIT failed: closing returns.
    const closed = await Promise.race([
      prisma()
        .$disconnect()
        .then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('a connection was never released'), 15_000)),
    ]);
    expect(closed).toBe('closed');
  });
});

describe('serialization failures', () => {
  it('are recognised however the driver reports them', () => {
    // The pg adapter's DriverAdapterError: the kind is in `cause`, the message need not say 40001.
    expect(isSerializationFailure({ message: 'Transaction failed', cause: { kind: 'TransactionWriteConflict' } })).toBe(
      true,
    );
    expect(isSerializationFailure({ code: 'P2034', message: 'write conflict' })).toBe(true);
    expect(isSerializationFailure({ meta: { code: '40P01' }, message: '' })).toBe(true);
    expect(isSerializationFailure({ message: 'Unique constraint failed' })).toBe(false);
  });
});
