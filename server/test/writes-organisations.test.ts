// The tree written through the API, on SQLite and PostgreSQL: create, rename, move, dissolve and
// merge, with the closure kept true (children and counts as of a day follow), and who may write.

import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { prisma } from '../src/db.ts';
import { CELL } from './fixture.ts';
import { gql } from './support.ts';
import {
  engines,
  expectAuthorised,
  expectForbidden,
  expectViolation,
  miniWorldSuite,
  mutate,
} from './writes-support.ts';

const children = async (code: string, asOf: string) =>
  (
    await gql(`{ organisation(code: "${code}") { children(asOf: "${asOf}") { code } } }`)
  ).data!.organisation.children.map((c: { code: string }) => c.code);
const members = async (code: string, asOf: string) =>
  (await gql(`{ organisation(code: "${code}") { memberCount(asOf: "${asOf}") } }`)).data!.organisation.memberCount;

describe.each(engines)('organisation writes on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);
  let district: string;
  let cellEditor: string;
  beforeAll(async () => {
    if (!available) return;
    district = (await createToken({ name: 'Ban Tổ chức Huyện ủy', role: 'EDITOR', organisationCode: 'thanh-chuong' }))
      .secret;
    cellEditor = (await createToken({ name: 'Chi bộ xóm 3', role: 'EDITOR', organisationCode: 'thanh-hoa-xom-3' }))
      .secret;
  });
  const cell = {
    code: 'thanh-hoa-xom-10',
    name: 'Chi bộ xóm 10',
    kind: 'SUBORDINATE_CELL',
    parentCode: 'thanh-hoa',
    establishedOn: '2017-01-15',
  };

  test('createOrganisation: a new cell appears in its parent’s tree from its first day', async () => {
    await expectAuthorised('createOrganisation', cell, { inside: world.tokens.hoa, outside: world.tokens.duc });
    expect(await children('thanh-hoa', '2017-01-15')).toContain('thanh-hoa-xom-10');
    expect(await children('thanh-hoa', '2017-01-14')).not.toContain('thanh-hoa-xom-10');
    const t = world.tokens.hoa;
    await expectViolation('createOrganisation', cell, t, 'CODE_TAKEN', 'code');
    await expectViolation('createOrganisation', { ...cell, code: 'Xóm 11' }, t, 'CODE_INVALID', 'code');
    await expectViolation(
      'createOrganisation',
      { ...cell, code: 'x11', parentCode: 'thanh-hoa-xom-3' },
      t,
      'PARENT_IS_CELL',
      'parentCode',
    );
    await expectViolation(
      'createOrganisation',
      { ...cell, code: 'x11', establishedOn: '1940-01-01' },
      t,
      'ORGANISATION_NOT_ACTIVE',
      'parentCode',
    );
    await expectViolation('createOrganisation', { ...cell, code: 'x11', name: ' ' }, t, 'REQUIRED', 'name');
  });

  test('the tree’s shape of each era: districts until 2025-07-01, then communes under the province', async () => {
    const t = world.tokens.admin;
    const made = async (input: Record<string, unknown>) => {
      const result = await mutate('createOrganisation', input, t);
      expect(result.errors ?? result.error).toBeUndefined();
      return (await prisma().organisation.findUnique({ where: { code: String(input.code) } }))?.kind;
    };
    const commune = { code: 'shape-1', name: 'Xã thử', kind: 'GRASSROOTS_COMMITTEE', sector: 'COMMUNE' };
    // Before the reform a commune sits under a district, not under the province; from it, the reverse.
    await expectViolation(
      'createOrganisation',
      { ...commune, parentCode: 'nghe-an', establishedOn: '2025-06-30' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    await expectViolation(
      'createOrganisation',
      { ...commune, parentCode: 'thanh-chuong', establishedOn: '2025-07-01' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    expect(await made({ ...commune, parentCode: 'nghe-an', establishedOn: '2025-07-01' })).toBe('GRASSROOTS_COMMITTEE');
    const district = { code: 'shape-2', name: 'Huyện thử', kind: 'DISTRICT', parentCode: 'nghe-an' };
    await expectViolation(
      'createOrganisation',
      { ...district, establishedOn: '2025-07-01' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    expect(await made({ ...district, establishedOn: '2025-06-30' })).toBe('DISTRICT');
    // A district under a commune, a hamlet cell straight under a district: never.
    await expectViolation(
      'createOrganisation',
      { ...district, code: 'shape-3', parentCode: 'thanh-hoa', establishedOn: '2017-01-01' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    const hamletCell = { code: 'shape-4', name: 'Chi bộ thử', kind: 'SUBORDINATE_CELL', establishedOn: '2017-01-01' };
    await expectViolation(
      'createOrganisation',
      { ...hamletCell, parentCode: 'thanh-chuong' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    await expectViolation(
      'moveOrganisation',
      { code: 'thanh-hoa-xom-3', parentCode: 'thanh-chuong', on: '2017-02-01' },
      t,
      'TREE_SHAPE',
      'parentCode',
    );
    expect(await prisma().organisation.findUnique({ where: { code: 'shape-3' } })).toBeNull();
    expect(await prisma().organisation.findUnique({ where: { code: 'shape-4' } })).toBeNull();
  });

  test('renameOrganisation', async () => {
    await expectAuthorised(
      'renameOrganisation',
      { code: 'thanh-hoa-xom-3', name: 'Chi bộ xóm Ba' },
      { inside: world.tokens.hoa, outside: world.tokens.duc },
    );
    expect((await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-hoa-xom-3' } })).name).toBe(
      'Chi bộ xóm Ba',
    );
    await expectViolation(
      'renameOrganisation',
      { code: 'thanh-hoa-xom-3', name: '' },
      world.tokens.hoa,
      'REQUIRED',
      'name',
    );
  });

  test('moveOrganisation: from a date, history kept; both parents in reach', async () => {
    const move = { code: 'thanh-hoa-xom-10', parentCode: 'thanh-duc', on: '2017-06-01' };
    await expectAuthorised('moveOrganisation', move, { inside: district, outside: world.tokens.hoa });
    expect(await children('thanh-duc', '2017-06-01')).toContain('thanh-hoa-xom-10');
    expect(await children('thanh-hoa', '2017-05-31')).toContain('thanh-hoa-xom-10');
    expect(await children('thanh-hoa', '2017-06-01')).not.toContain('thanh-hoa-xom-10');
    // Writing reaches the subtree as it stands today: the moved cell is now thanh-duc's to write.
    const rename = { code: 'thanh-hoa-xom-10', name: 'Chi bộ xóm Mười' };
    expectForbidden(await mutate('renameOrganisation', rename, world.tokens.hoa));
    const renamed = await mutate('renameOrganisation', rename, world.tokens.duc);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.error).toBeUndefined();
    await expectViolation(
      'moveOrganisation',
      { ...move, on: '2017-05-01', parentCode: 'thanh-hoa' },
      district,
      'SAME_PARENT',
      'parentCode',
    );
    await expectViolation('moveOrganisation', move, district, 'DATE_BEFORE_PREVIOUS_STEP', 'on');
    // History entered out of order: a move dated before the one recorded lasts until it.
    const earlier = await mutate('moveOrganisation', { ...move, on: '2017-03-01' }, district);
    expect(earlier.errors ?? earlier.error).toBeUndefined();
    expect(await children('thanh-hoa', '2017-02-28')).toContain('thanh-hoa-xom-10');
    expect(await children('thanh-hoa', '2017-03-01')).not.toContain('thanh-hoa-xom-10');
    expect(await children('thanh-duc', '2017-03-01')).toContain('thanh-hoa-xom-10');
    expect(await children('thanh-duc', '2017-06-01')).toContain('thanh-hoa-xom-10');
    await expectViolation(
      'moveOrganisation',
      { code: 'thanh-chuong', parentCode: 'thanh-hoa', on: '2017-07-01' },
      world.tokens.admin,
      'CYCLE',
      'parentCode',
    );
    await expectViolation(
      'moveOrganisation',
      { ...move, parentCode: 'thanh-hoa-xom-3', on: '2017-07-01' },
      district,
      'PARENT_IS_CELL',
      'parentCode',
    );
  });

  test('dissolveOrganisation: an empty cell; a cell with members only by merging, its members follow', async () => {
    // (A dissolved cell is written where it stood on its last day: the district reaches it.)
    await expectAuthorised(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-10', on: '2017-08-01' },
      { inside: district, outside: cellEditor },
    );
    expect(await children('thanh-duc', '2017-08-01')).not.toContain('thanh-hoa-xom-10');
    await expectViolation(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-10', on: '2017-09-01' },
      district,
      'ORGANISATION_NOT_ACTIVE',
      'on',
    );
    const t = world.tokens.hoa;
    await expectViolation(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-4', on: '2017-09-01' },
      t,
      'NOT_EMPTY',
      'mergeIntoCode',
    );
    await expectViolation(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-4', on: '2017-09-01', mergeIntoCode: 'thanh-hoa' },
      t,
      'MERGE_KIND',
      'mergeIntoCode',
    );
    expectForbidden(
      await mutate(
        'dissolveOrganisation',
        { code: 'thanh-hoa-xom-4', on: '2017-09-01', mergeIntoCode: 'thanh-duc-xom-1' },
        t,
      ),
    );
    const [a, b] = [await members('thanh-hoa-xom-3', '2017-09-01'), await members('thanh-hoa-xom-4', '2017-08-31')];
    // Candidates of the merged cell on their way follow it; those whose path has ended stay where they were.
    const xom4 = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-hoa-xom-4' } });
    const candidate = (stage: string) =>
      prisma().candidate.create({
        data: {
          fullName: `Ứng viên ${stage}`,
          birthDate: '1996-06-06',
          cellId: xom4.id,
          source: 'YOUTH_UNION',
          stage: stage as never,
          stageOn: '2017-07-01',
        },
      });
    const [onTheWay, withdrawn] = [await candidate('CELL_VOTED'), await candidate('WITHDRAWN')];
    await expectAuthorised(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-4', on: '2017-09-01', mergeIntoCode: 'thanh-hoa-xom-3' },
      { inside: t, outside: world.tokens.duc },
    );
    expect(await members('thanh-hoa-xom-3', '2017-09-01')).toBe(a + b);
    expect(await members('thanh-hoa', '2017-09-01')).toBe(a + b);
    const merged = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-hoa-xom-4' } });
    expect([merged.dissolvedOn, merged.mergedIntoId]).toEqual(['2017-09-01', 4]);
    const moved = await prisma().candidate.findMany({ where: { id: { in: [onTheWay.id, withdrawn.id] } } });
    expect(Object.fromEntries(moved.map((c) => [c.stage, c.cellId]))).toEqual({ CELL_VOTED: 4, WITHDRAWN: xom4.id });
  });

  test('a placement lies within its cell’s life: one entered in a cell merged since follows the merge', async () => {
    const t = world.tokens.admin;
    // thanh-hoa-xom-4 merged into thanh-hoa-xom-3 on 2017-09-01 (above); member 13 is in thanh-duc-xom-1.
    const late = await mutate(
      'transferMember',
      { memberId: encodeGlobalID('Member', '13'), toCellCode: 'thanh-hoa-xom-4', on: '2017-08-01' },
      t,
    );
    expect(late.errors ?? late.error).toBeUndefined();
    const spans = await prisma().placement.findMany({ where: { memberId: 13 }, orderBy: { startOn: 'asc' } });
    expect(spans.map((p) => [p.cellId, p.startOn, p.endOn])).toEqual([
      [CELL.duc1, '2005-06-01', '2017-08-01'],
      [CELL.xom4, '2017-08-01', '2017-09-01'],
      [CELL.xom3, '2017-09-01', null],
    ]);
    expect(await members('thanh-hoa-xom-4', '2017-08-15')).toBe((await members('thanh-hoa-xom-4', '2017-07-31')) + 1);
    // A cell dissolved without a merge ends the span a placement may have: refused, nothing written.
    await expectViolation(
      'transferMember',
      { memberId: encodeGlobalID('Member', '12'), toCellCode: 'thanh-hoa-xom-9', on: '2010-01-01' },
      t,
      'PLACEMENT_OUTLIVES_CELL',
      'toCellCode',
    );
    expect(await prisma().placement.count({ where: { memberId: 12 } })).toBe(1);
  });
  test('a dissolution or a merge dated before changes already recorded: the same checks, history kept', async () => {
    const t = world.tokens.admin;
    const ok = async (name: string, input: Record<string, unknown>) => {
      const r = await mutate(name, input, t);
      expect(r.errors ?? r.error).toBeUndefined();
    };
    const create = (code: string, parentCode: string, kind = 'SUBORDINATE_CELL') =>
      ok('createOrganisation', { code, name: `Tổ chức ${code}`, kind, parentCode, establishedOn: '2016-01-01' });
    const linksOf = async (code: string) =>
      (
        await prisma().organisationParent.findMany({
          where: { organisation: { code } },
          include: { parent: true },
          orderBy: { startOn: 'asc' },
        })
      ).map((l) => [l.parent.code, l.startOn, l.endOn]);
    // A cell moved on 2017-06-01, dissolved as of 2017-03-01: the later move goes with it.
    await create('thanh-hoa-xom-11', 'thanh-hoa');
    await ok('moveOrganisation', { code: 'thanh-hoa-xom-11', parentCode: 'thanh-duc', on: '2017-06-01' });
    await expectViolation(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-11', on: '2017-06-01' },
      t,
      'DATE_BEFORE_PREVIOUS_STEP',
      'on',
    );
    await ok('dissolveOrganisation', { code: 'thanh-hoa-xom-11', on: '2017-03-01' });
    expect(await linksOf('thanh-hoa-xom-11')).toEqual([['thanh-hoa', '2016-01-01', '2017-03-01']]);
    expect(await children('thanh-hoa', '2017-02-28')).toContain('thanh-hoa-xom-11');
    expect(await children('thanh-hoa', '2017-03-01')).not.toContain('thanh-hoa-xom-11');
    expect(await children('thanh-duc', '2017-06-01')).not.toContain('thanh-hoa-xom-11');
    const audit = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'dissolveOrganisation' },
      orderBy: { id: 'desc' },
    });
    expect(JSON.parse(audit.after ?? '{}').removedParentLinks).toHaveLength(1);
    // Dissolved already: an earlier date is a correction, not a second dissolution.
    await expectViolation(
      'dissolveOrganisation',
      { code: 'thanh-hoa-xom-11', on: '2017-02-01' },
      t,
      'ALREADY_DISSOLVED',
      'on',
    );

    // A cell merged between a member's arrival and departure: the member goes on in the target until leaving.
    await create('thanh-hoa-xom-12', 'thanh-hoa');
    const two = encodeGlobalID('Member', '2');
    await ok('transferMember', { memberId: two, toCellCode: 'thanh-hoa-xom-12', on: '2016-06-01' });
    await ok('transferMember', { memberId: two, toCellCode: 'thanh-duc-xom-1', on: '2017-08-01' });
    const merge = { code: 'thanh-hoa-xom-12', on: '2017-05-01', mergeIntoCode: 'thanh-hoa-xom-4' };
    await expectViolation('dissolveOrganisation', { ...merge, mergeIntoCode: null }, t, 'NOT_EMPTY', 'mergeIntoCode');
    // What began in it on or after the day cannot be: the member arrived on 2016-06-01.
    await expectViolation('dissolveOrganisation', { ...merge, on: '2016-06-01' }, t, 'PLACEMENT_OVERLAP', 'on');
    const xom4 = await members('thanh-hoa-xom-4', '2017-06-01');
    await ok('dissolveOrganisation', merge);
    const spans = await prisma().placement.findMany({ where: { memberId: 2 }, orderBy: { startOn: 'asc' } });
    expect(spans.map((p) => [p.cellId, p.startOn, p.endOn]).slice(-3)).toEqual([
      [expect.any(Number), '2016-06-01', '2017-05-01'],
      [CELL.xom4, '2017-05-01', '2017-08-01'],
      [CELL.duc1, '2017-08-01', null],
    ]);
    expect(await members('thanh-hoa-xom-4', '2017-06-01')).toBe(xom4 + 1);
    expect(await members('thanh-hoa-xom-12', '2017-04-30')).toBe(1);

    // A committee merged as of 2017-03-01, before its cell moved away (2017-06-01) and before the
    // 2025 reform put it under the province: the cell follows the merge until its move; the reform's link goes.
    await create('thanh-moi', 'thanh-chuong', 'GRASSROOTS_COMMITTEE');
    await create('thanh-moi-xom-1', 'thanh-moi');
    await ok('moveOrganisation', { code: 'thanh-moi-xom-1', parentCode: 'thanh-duc', on: '2017-06-01' });
    await ok('moveOrganisation', { code: 'thanh-moi', parentCode: 'nghe-an', on: '2025-07-01' });
    await ok('dissolveOrganisation', { code: 'thanh-moi', on: '2017-03-01', mergeIntoCode: 'thanh-hoa' });
    expect(await linksOf('thanh-moi-xom-1')).toEqual([
      ['thanh-moi', '2016-01-01', '2017-03-01'],
      ['thanh-hoa', '2017-03-01', '2017-06-01'],
      ['thanh-duc', '2017-06-01', null],
    ]);
    expect(await linksOf('thanh-moi')).toEqual([['thanh-chuong', '2016-01-01', '2017-03-01']]);
    expect(await children('thanh-hoa', '2017-04-01')).toContain('thanh-moi-xom-1');
    expect(await children('thanh-duc', '2017-06-01')).toContain('thanh-moi-xom-1');
    expect(await children('nghe-an', '2025-07-01')).not.toContain('thanh-moi');
  });
});
