// Two staff writing about the same member at the same moment: exactly one transfer wins and the
// member's placements never overlap (SQLite and PostgreSQL).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
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
});
