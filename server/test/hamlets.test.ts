// Hamlets on SQLite and PostgreSQL: recorded, moved and served through the mutations (authorised,
// validated, audited), followed through merges of their cell or commune, and Đề án 01/ĐA-TU/2016's
// public figures (without a cell, without a member, cell at risk) for an organisation and the
// country, in as many statements for one organisation as for several; where members live stays private.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { gql, statements } from './support.ts';
import { engines, expectAuthorised, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));
const hamlet = (code: string, communeCode: string, cellCode?: string) => ({
  code,
  name: `Xóm ${code}`,
  kind: 'XOM',
  communeCode,
  establishedOn: '1990-01-01',
  ...(cellCode ? { cellCode } : {}),
});
const COUNTS = 'hamlets withoutCell withoutMember cellAtRisk';
const figures = async (code: string, day: string, token?: string) =>
  (await gql(`{ organisation(code: "${code}") { hamletCounts(asOf: "${day}") { ${COUNTS} } } }`, {}, token)).data!
    .organisation.hamletCounts;
const listed = async (code: string, day: string, concern: string) =>
  (
    await gql(
      `{ organisation(code: "${code}") { hamlets(asOf: "${day}", concern: ${concern}) { hamlet { code } cell { code } commune { code } memberCount isCellAtRisk } } }`,
    )
  ).data!.organisation.hamlets;

describe.each(engines)('hamlets on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('recorded by the commune’s editor (audited); refused to others and on bad input, nothing written', async () => {
    await expectAuthorised('createHamlet', hamlet('hoa-xom-3', 'thanh-hoa', 'thanh-hoa-xom-3'), {
      inside: world.tokens.hoa,
      outside: world.tokens.duc,
    });
    const t = world.tokens.hoa;
    await expectViolation('createHamlet', hamlet('Xóm 1', 'thanh-hoa'), t, 'CODE_INVALID', 'code');
    await expectViolation('createHamlet', hamlet('hoa-xom-3', 'thanh-hoa'), t, 'CODE_TAKEN', 'code');
    await expectViolation('createHamlet', { ...hamlet('hoa-x', 'thanh-hoa'), name: ' ' }, t, 'REQUIRED', 'name');
    await expectViolation('createHamlet', hamlet('hoa-x', 'thanh-hoa-xom-4'), t, 'NOT_A_COMMUNE', 'communeCode');
    await expectViolation(
      'createHamlet',
      { ...hamlet('hoa-x', 'thanh-hoa', 'thanh-hoa-xom-4'), establishedOn: '1940-01-01' },
      t,
      'ORGANISATION_NOT_ACTIVE',
      'communeCode',
    );
    const admin = world.tokens.admin;
    await expectViolation(
      'createHamlet',
      hamlet('hoa-x', 'thanh-hoa', 'thanh-duc-xom-1'),
      admin,
      'CELL_OUTSIDE_COMMUNE',
      'cellCode',
    );
    await expectViolation('createHamlet', hamlet('hoa-x', 'thanh-hoa', 'thanh-hoa'), t, 'NOT_A_CELL', 'cellCode');
    // Two hamlets more: one with no cell, one served by the at-risk cell of Thanh Đức.
    expect((await mutate('createHamlet', hamlet('hoa-xom-5', 'thanh-hoa'), t)).typename).toBe('CreateHamletSuccess');
    const duc = hamlet('duc-ban-1', 'thanh-duc', 'thanh-duc-xom-1');
    expect((await mutate('createHamlet', { ...duc, kind: 'BAN' }, world.tokens.duc)).typename).toBe(
      'CreateHamletSuccess',
    );
  });

  test('residences are recorded by the member’s cell and stay private; their counts are public', async () => {
    for (const id of [1, 2, 3]) {
      const input = { memberId: member(id), hamletCode: 'hoa-xom-3', startOn: '2000-01-01' };
      if (id === 1)
        await expectAuthorised('recordResidence', input, { inside: world.tokens.hoa, outside: world.tokens.duc });
      else expect((await mutate('recordResidence', input, world.tokens.hoa)).typename).toBe('RecordResidenceSuccess');
    }
    const input = { memberId: member(10), hamletCode: 'duc-ban-1', startOn: '2000-01-01' };
    expect((await mutate('recordResidence', input, world.tokens.duc)).typename).toBe('RecordResidenceSuccess');
    const t = world.tokens.hoa;
    const again = { memberId: member(1), hamletCode: 'hoa-xom-3', startOn: '2005-01-01' };
    await expectViolation('recordResidence', again, t, 'UNCHANGED', 'hamletCode');
    await expectViolation(
      'recordResidence',
      { ...again, startOn: '2000-01-01', hamletCode: 'hoa-xom-5' },
      t,
      'DATE_BEFORE_PREVIOUS_STEP',
      'startOn',
    );
    await expectViolation('recordResidence', { ...again, hamletCode: 'no-such' }, t, 'NOT_FOUND', 'hamletCode');
    await expectViolation('recordResidence', { ...again, startOn: '1980-01-01' }, t, 'HAMLET_NOT_ACTIVE', 'hamletCode');
    const q = `{ node(id: "${member(1)}") { ... on Member { residences { hamlet { code } startOn endOn } } } }`;
    const anonymous = await gql(q);
    expect(anonymous.data?.node ?? null).toBeNull();
    expect((await gql(q, {}, world.tokens.duc)).data?.node ?? null).toBeNull();
    expect((await gql(q, {}, world.tokens.viewer)).data!.node.residences).toEqual([
      { hamlet: { code: 'hoa-xom-3' }, startOn: '2000-01-01', endOn: null },
    ]);
  });

  test('Đề án 01: the three counts and lists for an organisation and the country, public', async () => {
    const day = '2017-01-01';
    const district = { hamlets: 3, withoutCell: 1, withoutMember: 1, cellAtRisk: 1 };
    expect(await figures('thanh-chuong', day)).toEqual(district);
    expect(await figures('thanh-hoa', day)).toEqual({ hamlets: 2, withoutCell: 1, withoutMember: 1, cellAtRisk: 0 });
    expect(await figures('thanh-duc-xom-1', day)).toEqual({
      hamlets: 0,
      withoutCell: 0,
      withoutMember: 0,
      cellAtRisk: 0,
    });
    // Before the hamlets existed, nothing.
    expect((await figures('thanh-chuong', '1989-12-31')).hamlets).toBe(0);
    expect(await listed('thanh-chuong', day, 'WITHOUT_CELL')).toEqual([
      {
        hamlet: { code: 'hoa-xom-5' },
        cell: null,
        commune: { code: 'thanh-hoa' },
        memberCount: 0,
        isCellAtRisk: false,
      },
    ]);
    expect((await listed('thanh-chuong', day, 'WITHOUT_MEMBER')).map((h: any) => h.hamlet.code)).toEqual(['hoa-xom-5']);
    expect(await listed('thanh-chuong', day, 'CELL_AT_RISK')).toEqual([
      {
        hamlet: { code: 'duc-ban-1' },
        cell: { code: 'thanh-duc-xom-1' },
        commune: { code: 'thanh-duc' },
        memberCount: 1,
        isCellAtRisk: true,
      },
    ]);
    const all = await gql(
      `{ organisation(code: "thanh-chuong") { hamlets(asOf: "${day}", first: 2, offset: 1) { hamlet { code } memberCount } } }`,
    );
    expect(all.data!.organisation.hamlets).toEqual([
      { hamlet: { code: 'hoa-xom-3' }, memberCount: 3 },
      { hamlet: { code: 'hoa-xom-5' }, memberCount: 0 },
    ]);
    const country = await gql(
      `{ country { hamletCounts(asOf: "${day}") { ${COUNTS} } hamlets(asOf: "${day}", concern: CELL_AT_RISK) { hamlet { code } } } }`,
    );
    expect(country.data!.country).toEqual({ hamletCounts: district, hamlets: [{ hamlet: { code: 'duc-ban-1' } }] });
    const bad = await gql(
      `{ organisation(code: "thanh-chuong") { hamlets(asOf: "${day}", first: 501) { memberCount } } }`,
    );
    expect(bad.errors?.[0]?.extensions?.argument).toBe('first');
  });

  test('the figures cost the same statements for one organisation and for all its children', async () => {
    const count = async (query: string) => {
      statements.length = 0;
      expect((await gql(query)).errors).toBeUndefined();
      return statements.length;
    };
    for (const field of [
      `hamletCounts(asOf: "2017-01-01") { ${COUNTS} }`,
      'hamlets(asOf: "2017-01-01", concern: WITHOUT_MEMBER) { hamlet { code } cell { code } commune { code } memberCount }',
    ]) {
      const one = await count(`{ organisation(code: "thanh-chuong") { ${field} } }`);
      expect(await count(`{ organisation(code: "thanh-chuong") { children { ${field} } } }`)).toBe(one + 1);
    }
  });

  test('a hamlet moves to another commune, changes cell or has none, from a day', async () => {
    const t = world.tokens.admin;
    const move = { hamletCode: 'hoa-xom-5', communeCode: 'thanh-duc', on: '2017-06-01' };
    await expectAuthorised(
      'assignHamletCell',
      { hamletCode: 'hoa-xom-5', cellCode: 'thanh-hoa-xom-4', on: '2017-03-01' },
      {
        inside: world.tokens.hoa,
        outside: world.tokens.duc,
      },
    );
    // Thanh Hòa's editor cannot move it into Thanh Đức alone: both communes are written about.
    expect((await mutate('assignHamletCommune', move, world.tokens.hoa)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    await expectViolation('assignHamletCommune', { ...move, communeCode: 'thanh-hoa' }, t, 'UNCHANGED', 'communeCode');
    await expectViolation(
      'assignHamletCommune',
      { ...move, communeCode: 'thanh-duc-xom-1' },
      t,
      'NOT_A_COMMUNE',
      'communeCode',
    );
    await expectViolation(
      'assignHamletCell',
      { hamletCode: 'hoa-xom-5', cellCode: 'thanh-duc-xom-1', on: '2017-04-01' },
      t,
      'CELL_OUTSIDE_COMMUNE',
      'cellCode',
    );
    await expectViolation(
      'assignHamletCell',
      { hamletCode: 'hoa-xom-5', cellCode: 'thanh-hoa-xom-4', on: '2017-04-01' },
      t,
      'UNCHANGED',
      'cellCode',
    );
    expect((await mutate('assignHamletCommune', move, t)).typename).toBe('AssignHamletCommuneSuccess');
    // Thanh Hòa's cell stopped serving it on the move; the days before keep both.
    expect(await figures('thanh-duc', '2017-06-01')).toMatchObject({ hamlets: 2, withoutCell: 1 });
    expect(await figures('thanh-hoa', '2017-05-31')).toMatchObject({ hamlets: 2, withoutCell: 0 });
    expect(await figures('thanh-hoa', '2017-01-01')).toMatchObject({ hamlets: 2, withoutCell: 1 });
    // No cell from a day: the at-risk hamlet then counts as without a cell, no longer at risk.
    const none = { hamletCode: 'duc-ban-1', on: '2017-09-01' };
    expect((await mutate('assignHamletCell', none, world.tokens.duc)).typename).toBe('AssignHamletCellSuccess');
    expect(await figures('thanh-duc', '2017-09-01')).toEqual({
      hamlets: 2,
      withoutCell: 2,
      withoutMember: 1,
      cellAtRisk: 0,
    });
    const audit = await prisma().auditEvent.findFirst({ where: { action: 'assignHamletCommune' } });
    expect(JSON.parse(audit!.after!).endedCellService.cellId).toBeGreaterThan(0);
  });

  test('a merged cell goes on serving as the cell it merged into; a merged commune takes its hamlets', async () => {
    const t = world.tokens.admin;
    const merge = { code: 'thanh-hoa-xom-3', on: '2018-01-01', mergeIntoCode: 'thanh-hoa-xom-4' };
    expect((await mutate('dissolveOrganisation', merge, t)).typename).toBe('DissolveOrganisationSuccess');
    const cells = await gql('{ hamlet(code: "hoa-xom-3") { cells { cell { code } startOn endOn } } }');
    expect(cells.data!.hamlet.cells).toEqual([
      { cell: { code: 'thanh-hoa-xom-3' }, startOn: '1990-01-01', endOn: '2018-01-01' },
      { cell: { code: 'thanh-hoa-xom-4' }, startOn: '2018-01-01', endOn: null },
    ]);
    expect((await figures('thanh-hoa', '2018-01-01')).withoutCell).toBe(0);
    // A commune with hamlets (and nothing else) is merged, never dissolved empty-handed.
    const commune = {
      code: 'thanh-moi',
      name: 'Đảng bộ xã Mới',
      kind: 'GRASSROOTS_COMMITTEE',
      sector: 'COMMUNE',
      parentCode: 'thanh-chuong',
      establishedOn: '2010-01-01',
    };
    expect((await mutate('createOrganisation', commune, t)).typename).toBe('CreateOrganisationSuccess');
    const xom = { ...hamlet('moi-xom-1', 'thanh-moi'), establishedOn: '2010-01-01' };
    expect((await mutate('createHamlet', xom, t)).typename).toBe('CreateHamletSuccess');
    const empty = { code: 'thanh-moi', on: '2019-01-01' };
    await expectViolation('dissolveOrganisation', empty, t, 'HAMLETS_REMAIN', 'mergeIntoCode');
    const taken = { ...empty, mergeIntoCode: 'thanh-hoa' };
    expect((await mutate('dissolveOrganisation', taken, t)).typename).toBe('DissolveOrganisationSuccess');
    const communes = { code: 'thanh-duc', on: '2019-01-01', mergeIntoCode: 'thanh-hoa' };
    expect((await mutate('dissolveOrganisation', communes, t)).typename).toBe('DissolveOrganisationSuccess');
    expect((await figures('thanh-hoa', '2019-01-01')).hamlets).toBe(4);
    expect((await figures('thanh-chuong', '2019-01-01')).hamlets).toBe(4);
    const history = await gql('{ hamlet(code: "duc-ban-1") { communes { commune { code } startOn endOn } } }');
    expect(history.data!.hamlet.communes).toEqual([
      { commune: { code: 'thanh-duc' }, startOn: '1990-01-01', endOn: '2019-01-01' },
      { commune: { code: 'thanh-hoa' }, startOn: '2019-01-01', endOn: null },
    ]);
  });

  test('a hamlet dissolved keeps no residents: merged, they live in the hamlet it merged into', async () => {
    const t = world.tokens.admin;
    const on = '2020-01-01';
    await expectViolation('dissolveHamlet', { code: 'hoa-xom-3', on }, t, 'HAMLET_RESIDENTS_REMAIN', 'mergeIntoCode');
    await expectViolation(
      'dissolveHamlet',
      { code: 'hoa-xom-3', on, mergeIntoCode: 'hoa-xom-3' },
      t,
      'HAMLET_MERGE_SELF',
      'mergeIntoCode',
    );
    await expectAuthorised(
      'dissolveHamlet',
      { code: 'hoa-xom-3', on, mergeIntoCode: 'hoa-xom-5' },
      {
        inside: world.tokens.hoa,
        outside: world.tokens.duc,
      },
    );
    expect(await figures('thanh-hoa', on)).toMatchObject({ hamlets: 3 });
    const moved = (await listed('thanh-hoa', on, 'WITHOUT_CELL')).filter((h: any) => h.hamlet.code !== 'moi-xom-1');
    expect(moved).toEqual([
      {
        hamlet: { code: 'duc-ban-1' },
        cell: null,
        commune: { code: 'thanh-hoa' },
        memberCount: 1,
        isCellAtRisk: false,
      },
      {
        hamlet: { code: 'hoa-xom-5' },
        cell: null,
        commune: { code: 'thanh-hoa' },
        memberCount: 3,
        isCellAtRisk: false,
      },
    ]);
    await expectViolation('dissolveHamlet', { code: 'hoa-xom-3', on: '2021-01-01' }, t, 'HAMLET_NOT_ACTIVE', 'code');
  });
});
