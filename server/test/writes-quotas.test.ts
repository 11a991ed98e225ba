// Quotas, programmes and supervision written through the API, on SQLite and PostgreSQL, with the
// reports they feed: the quota allocation gap and the visits per leader and quarter.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { prisma } from '../src/db.ts';
import { fingerprint } from './fixture.ts';
import { gql } from './support.ts';
import {
  engines,
  expectAuthorised,
  expectForbidden,
  expectViolation,
  miniWorldSuite,
  mutate,
} from './writes-support.ts';

const leader = encodeGlobalID('Leader', '1');
const gaps = async (code: string) =>
  (
    await gql(
      `{ organisation(code: "${code}") { quotaAllocationGaps(asOf: "2017-06-01") { target childrenTarget childrenWithQuota children gap } } }`,
    )
  ).data!.organisation.quotaAllocationGaps;

describe.each(engines)('quota and supervision writes on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);
  let district: string;
  beforeAll(async () => {
    if (!available) return;
    district = (await createToken({ name: 'Ban Tổ chức Huyện ủy', role: 'EDITOR', organisationCode: 'thanh-chuong' }))
      .secret;
  });
  const quota = { organisationCode: 'thanh-hoa-xom-3', periodFrom: '2017-01-01', periodTo: '2017-12-31', target: 1 };

  test('assignQuota: the parent’s staff assign or change a target; the gap is reported, not forced', async () => {
    expect(await gaps('thanh-chuong')).toEqual([
      { target: 10, childrenTarget: 7, childrenWithQuota: 2, children: 2, gap: -3 },
    ]);
    await expectAuthorised('assignQuota', quota, { inside: world.tokens.hoa, outside: world.tokens.duc });
    expect(await gaps('thanh-hoa')).toEqual([
      { target: 4, childrenTarget: 1, childrenWithQuota: 1, children: 2, gap: -3 },
    ]);
    await mutate('assignQuota', { ...quota, target: 2 }, world.tokens.hoa);
    expect((await gaps('thanh-hoa'))[0].childrenTarget).toBe(2);
    expect(await prisma().quota.count({ where: { organisationId: 4 } })).toBe(1);
    // A commune does not set its own quota: the district does.
    expectForbidden(
      await mutate('assignQuota', { ...quota, organisationCode: 'thanh-hoa', target: 9 }, world.tokens.hoa),
    );
    expect(
      (await mutate('assignQuota', { ...quota, organisationCode: 'thanh-hoa', target: 5 }, district)).typename,
    ).toBe('AssignQuotaSuccess');
    const t = world.tokens.hoa;
    await expectViolation('assignQuota', { ...quota, periodTo: '2016-12-31' }, t, 'PERIOD_INVALID', 'periodTo');
    await expectViolation('assignQuota', { ...quota, target: -1 }, t, 'TARGET_INVALID', 'target');
    await expectViolation('assignQuota', { ...quota, programmeCode: 'nope' }, t, 'NOT_FOUND', 'programmeCode');
    await expectViolation(
      'assignQuota',
      { ...quota, programmeCode: 'de-an-01-2016', periodTo: '2021-12-31' },
      t,
      'PERIOD_OUTSIDE_PROGRAMME',
      'periodFrom',
    );
    await expectViolation(
      'assignQuota',
      { ...quota, organisationCode: 'thanh-hoa-xom-9' },
      world.tokens.admin,
      'ORGANISATION_NOT_ACTIVE',
      'organisationCode',
    );
  });

  test('createProgramme: admins only', async () => {
    const input = {
      code: 'de-an-02',
      name: 'Đề án 02',
      issuedBy: 'Huyện ủy',
      startOn: '2017-01-01',
      endOn: '2020-12-31',
    };
    const before = await fingerprint();
    expectForbidden(await mutate('createProgramme', input));
    expectForbidden(await mutate('createProgramme', input, district));
    expect(await fingerprint()).toBe(before);
    expect((await mutate('createProgramme', input, world.tokens.admin)).typename).toBe('CreateProgrammeSuccess');
    expect((await prisma().auditEvent.findFirst({ where: { action: 'createProgramme' } }))?.actorRole).toBe('ADMIN');
    await expectViolation('createProgramme', input, world.tokens.admin, 'CODE_TAKEN', 'code');
    await expectViolation(
      'createProgramme',
      { ...input, code: 'x', endOn: '2016-01-01' },
      world.tokens.admin,
      'PERIOD_INVALID',
      'endOn',
    );
  });

  test('assignLeader and recordVisit, and the visits per leader and quarter', async () => {
    const assign = {
      leaderName: 'Lãnh đạo Hai',
      leaderTitle: 'Ủy viên Ban Thường vụ',
      organisationCode: 'thanh-duc',
      startOn: '2017-01-01',
      zone: 'Vùng giữa',
    };
    await expectAuthorised('assignLeader', assign, { inside: world.tokens.duc, outside: world.tokens.hoa });
    const t = world.tokens.duc;
    await expectViolation('assignLeader', { ...assign, endOn: '2016-01-01' }, t, 'PERIOD_INVALID', 'endOn');
    await expectViolation('assignLeader', { ...assign, leaderName: null }, t, 'REQUIRED', 'leaderName');
    await expectViolation(
      'assignLeader',
      { ...assign, leaderId: encodeGlobalID('Leader', '99') },
      t,
      'NOT_FOUND',
      'leaderId',
    );
    await expectViolation(
      'assignLeader',
      { ...assign, startOn: '1949-01-01' },
      t,
      'ORGANISATION_NOT_ACTIVE',
      'startOn',
    );
    const visit = { leaderId: leader, cellCode: 'thanh-duc-xom-1', on: '2017-03-15' };
    await expectAuthorised('recordVisit', visit, { inside: t, outside: world.tokens.hoa });
    await expectViolation('recordVisit', { ...visit, cellCode: 'thanh-duc' }, t, 'NOT_A_CELL', 'cellCode');
    await expectViolation(
      'recordVisit',
      { ...visit, leaderId: encodeGlobalID('Leader', '99') },
      t,
      'NOT_FOUND',
      'leaderId',
    );
    const report = await gql(
      `{ organisation(code: "thanh-chuong") { visitsByQuarter(from: "2017-01-01", to: "2017-12-31") { leader { fullName title } quarter visits cells } } }`,
    );
    expect(report.data!.organisation.visitsByQuarter).toEqual([
      { leader: { fullName: 'Lãnh đạo Một', title: 'Phó Bí thư Huyện ủy' }, quarter: '2017-Q1', visits: 2, cells: 1 },
    ]);
  });
});
