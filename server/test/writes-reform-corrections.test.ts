// Corrections of reforms written through the API, on SQLite and PostgreSQL: who may void a move,
// a rename or a dissolution, each refusal with its code and the input field at fault (nothing written), and the
// organisation's own history (Organisation.changes). That a voided reform equals the reform never
// entered is reform-corrections.test.ts.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { gql } from './support.ts';
import { engines, expectAuthorised, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const reason = 'Nhập sai (theo quyết định gốc)';
const linksOf = async (code: string) =>
  (
    await prisma().organisationParent.findMany({
      where: { organisation: { code } },
      orderBy: { startOn: 'asc' },
      include: { parent: true },
    })
  ).map((l) => [l.parent.code, l.startOn, l.endOn]);

describe.each(engines)('reform corrections on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  /** Setup by an admin (not under test); each must succeed. */
  const setup = async (name: string, input: Record<string, unknown>) =>
    expect((await mutate(name, input, world.tokens.admin)).error).toBeUndefined();
  const section = (code: string) =>
    setup('createOrganisation', {
      code,
      name: `Đảng ủy bộ phận ${code}`,
      kind: 'SECTION_COMMITTEE',
      parentCode: 'thanh-hoa',
      establishedOn: '2000-01-01',
    });
  const move = (code: string, parentCode: string, on: string) => setup('moveOrganisation', { code, parentCode, on });

  test('voidMove: the move named by its day, parents alive, later merges kept; both parents in reach', async () => {
    const t = world.tokens.hoa;
    await section('bo-phan-1');
    await section('bo-phan-2');
    await section('bo-phan-3');
    await move('thanh-hoa-xom-3', 'bo-phan-1', '2010-01-01');
    const which = { code: 'thanh-hoa-xom-3', on: '2010-01-01', reason };
    await expectViolation('voidMove', { ...which, reason: ' ' }, t, 'REQUIRED', 'reason');
    // An unknown code is outside every editor's reach: an admin is told it is not found.
    await expectViolation('voidMove', { ...which, code: 'khong-co' }, world.tokens.admin, 'NOT_FOUND', 'code');
    await expectViolation('voidMove', { ...which, on: '2010-01-02' }, t, 'NOT_FOUND', 'on');
    // The first link is the organisation's creation, not a move.
    await expectViolation('voidMove', { ...which, on: '1960-01-01' }, t, 'NOT_FOUND', 'on');
    // xom 4 went from bộ phận 2 to bộ phận 1; bộ phận 2 was dissolved since: it cannot hold xom 4 again.
    await move('thanh-hoa-xom-4', 'bo-phan-2', '2005-01-01');
    await move('thanh-hoa-xom-4', 'bo-phan-1', '2008-01-01');
    await setup('dissolveOrganisation', { code: 'bo-phan-2', on: '2012-01-01' });
    const xom4 = { code: 'thanh-hoa-xom-4', on: '2008-01-01', reason };
    await expectViolation('voidMove', xom4, t, 'ORGANISATION_NOT_ACTIVE', 'on');
    // xom 9 went under bộ phận 3, which later merged into bộ phận 1 (xom 9 followed the merge).
    await move('thanh-hoa-xom-9', 'bo-phan-3', '2009-01-01');
    await setup('dissolveOrganisation', { code: 'bo-phan-3', on: '2011-01-01', mergeIntoCode: 'bo-phan-1' });
    const xom9 = { code: 'thanh-hoa-xom-9', on: '2009-01-01', reason };
    await expectViolation('voidMove', xom9, t, 'LATER_FACTS_DEPEND', 'on');
    // The link the merge made is no move either.
    await expectViolation('voidMove', { ...xom9, on: '2011-01-01' }, t, 'NOT_FOUND', 'on');
    await expectAuthorised('voidMove', which, { inside: t, outside: world.tokens.duc });
    expect(await linksOf('thanh-hoa-xom-3')).toEqual([['thanh-hoa', '1960-01-01', null]]);
    const closure = await prisma().organisationAncestry.findMany({
      where: { descendant: { code: 'thanh-hoa-xom-3' }, ancestor: { code: 'bo-phan-1' } },
    });
    expect(closure).toEqual([]);
    // Voided once: the move is gone.
    await expectViolation('voidMove', which, t, 'NOT_FOUND', 'on');
    const query = `{ organisation(code: "thanh-hoa-xom-3") { changes { action reason after } } }`;
    const changes = (await gql(query, {}, t)).data!.organisation.changes as { action: string; reason: string }[];
    expect(changes.find((c) => c.action === 'voidMove')?.reason).toBe(reason);
  });

  test('voidRename: the name before the last rename comes back, one rename at a time', async () => {
    const t = world.tokens.duc;
    const which = { code: 'thanh-duc-xom-1', reason };
    await expectViolation('voidRename', which, t, 'NOT_FOUND', 'code');
    await setup('renameOrganisation', { code: 'thanh-duc-xom-1', name: 'Chi bộ xóm Một' });
    await setup('renameOrganisation', { code: 'thanh-duc-xom-1', name: 'Chi bộ xóm 1 (sai)' });
    await expectViolation('voidRename', { ...which, reason: '' }, t, 'REQUIRED', 'reason');
    await expectAuthorised('voidRename', which, { inside: t, outside: world.tokens.hoa });
    const name = async () => (await prisma().organisation.findUniqueOrThrow({ where: { code: which.code } })).name;
    expect(await name()).toBe('Chi bộ xóm Một');
    expect((await mutate('voidRename', which, t)).error).toBeUndefined();
    expect(await name()).toBe('Tổ chức thanh-duc-xom-1');
    await expectViolation('voidRename', which, t, 'NOT_FOUND', 'code');
  });

  test('voidDissolution: only one it can undo exactly, nothing resting on it; target in reach', async () => {
    const t = world.tokens.hoa;
    const which = { code: 'thanh-hoa-xom-4', reason };
    await expectViolation('voidDissolution', which, t, 'NOT_FOUND', 'code');
    // Dissolved in the data set loaded: nothing kept of what it changed.
    await expectViolation('voidDissolution', { ...which, code: 'thanh-hoa-xom-9' }, t, 'NOT_FOUND', 'code');
    await setup('dissolveOrganisation', {
      code: 'thanh-hoa-xom-4',
      on: '2017-01-01',
      mergeIntoCode: 'thanh-hoa-xom-3',
    });
    await expectViolation('voidDissolution', { ...which, reason: ' ' }, t, 'REQUIRED', 'reason');
    // Member 7 came to xom 3 with the merger, and was transferred on from there since.
    const member7 = encodeGlobalID('Member', '7');
    await setup('transferMember', { memberId: member7, toCellCode: 'thanh-duc-xom-1', on: '2018-01-01' });
    await expectViolation('voidDissolution', which, t, 'LATER_FACTS_DEPEND', 'code');
    await setup('createOrganisation', {
      code: 'thanh-hoa-xom-10',
      name: 'Chi bộ xóm 10',
      kind: 'SUBORDINATE_CELL',
      parentCode: 'thanh-hoa',
      establishedOn: '2000-01-01',
    });
    await setup('dissolveOrganisation', { code: 'thanh-hoa-xom-10', on: '2010-01-01' });
    const xom10 = { code: 'thanh-hoa-xom-10', reason };
    await expectAuthorised('voidDissolution', xom10, { inside: t, outside: world.tokens.duc });
    const org = await prisma().organisation.findUniqueOrThrow({ where: { code: xom10.code } });
    expect([org.dissolvedOn, org.mergedIntoId]).toEqual([null, null]);
    expect(await linksOf(xom10.code)).toEqual([['thanh-hoa', '2000-01-01', null]]);
    // Voided once: it is not dissolved any more.
    await expectViolation('voidDissolution', xom10, t, 'NOT_FOUND', 'code');
  });
});
