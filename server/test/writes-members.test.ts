// A member's life written through the API, on SQLite and PostgreSQL: recorded with a history,
// transferred, recognised, leaving; who may write; each rule refusing and writing nothing.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { gql } from './support.ts';
import {
  engines,
  expectAuthorised,
  expectForbidden,
  expectViolation,
  miniWorldSuite,
  mutate,
} from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));

describe.each(engines)('member writes on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('recordMember: a member with their history; rules on the history', async () => {
    const input = {
      fullName: 'Phan Văn Cũ',
      birthDate: '1970-01-01',
      admittedOn: '2001-01-01',
      officialOn: '2002-01-01',
      placements: [
        { cellCode: 'thanh-hoa-xom-3', startOn: '2001-01-01' },
        { cellCode: 'thanh-hoa-xom-4', startOn: '2010-05-01' },
      ],
    };
    const { data } = await expectAuthorised('recordMember', input, {
      inside: world.tokens.hoa,
      outside: world.tokens.duc,
    });
    expect(data).toEqual({ __typename: 'Member' });
    const recorded = await prisma().member.findFirstOrThrow({
      where: { fullName: 'Phan Văn Cũ' },
      include: { placements: { orderBy: { startOn: 'asc' } } },
    });
    expect(recorded.placements.map((p) => [p.cellId, p.startOn, p.endOn])).toEqual([
      [4, '2001-01-01', '2010-05-01'],
      [5, '2010-05-01', null],
    ]);
    const t = world.tokens.hoa;
    await expectViolation(
      'recordMember',
      { ...input, admittedOn: '2000-06-01' },
      t,
      'FIRST_PLACEMENT_NOT_ADMISSION',
      'placements',
    );
    await expectViolation(
      'recordMember',
      { ...input, placements: [input.placements[0], { ...input.placements[1], startOn: '2001-01-01' }] },
      t,
      'PLACEMENT_OVERLAP',
      'placements',
    );
    await expectViolation(
      'recordMember',
      { ...input, officialOn: '2001-06-01' },
      t,
      'PROBATION_NOT_OVER',
      'officialOn',
    );
    await expectViolation(
      'recordMember',
      {
        ...input,
        admittedOn: '2016-02-01',
        officialOn: null,
        placements: [{ cellCode: 'thanh-hoa-xom-9', startOn: '2016-02-01' }],
      },
      t,
      'ORGANISATION_NOT_ACTIVE',
      'placements',
    );
    await expectViolation('recordMember', { ...input, birthDate: '2002-01-01' }, t, 'BIRTH_DATE_AFTER', 'birthDate');
    await expectViolation('recordMember', { ...input, fullName: '' }, t, 'REQUIRED', 'fullName');
    // A history that passes through another commune needs a token reaching both.
    expectForbidden(
      await mutate(
        'recordMember',
        { ...input, placements: [input.placements[0], { cellCode: 'thanh-duc-xom-1', startOn: '2010-05-01' }] },
        t,
      ),
    );
  });

  test('transferMember: ends one placement and starts the next on the same day; both cells in reach', async () => {
    const count = async () =>
      (await gql(`{ organisation(code: "thanh-hoa-xom-3") { memberCount(asOf: "2017-03-01") } }`)).data!.organisation
        .memberCount;
    const before = await count();
    await expectAuthorised(
      'transferMember',
      { memberId: member(7), toCellCode: 'thanh-hoa-xom-3', on: '2017-03-01' },
      { inside: world.tokens.hoa, outside: world.tokens.duc },
    );
    expect(await count()).toBe(before + 1);
    const placements = await prisma().placement.findMany({ where: { memberId: 7 }, orderBy: { startOn: 'asc' } });
    expect(placements.map((p) => [p.cellId, p.startOn, p.endOn])).toEqual([
      [5, '1999-01-01', '2017-03-01'],
      [4, '2017-03-01', null],
    ]);
    expectForbidden(
      await mutate(
        'transferMember',
        { memberId: member(8), toCellCode: 'thanh-duc-xom-1', on: '2017-03-01' },
        world.tokens.hoa,
      ),
    );
    const t = world.tokens.hoa;
    await expectViolation(
      'transferMember',
      { memberId: member(7), toCellCode: 'thanh-hoa-xom-3', on: '2017-04-01' },
      t,
      'SAME_CELL',
      'toCellCode',
    );
    await expectViolation(
      'transferMember',
      { memberId: member(7), toCellCode: 'thanh-hoa-xom-4', on: '2017-03-01' },
      t,
      'PLACEMENT_OVERLAP',
      'on',
    );
    await expectViolation(
      'transferMember',
      { memberId: member(8), toCellCode: 'thanh-hoa-xom-9', on: '2017-03-01' },
      t,
      'ORGANISATION_NOT_ACTIVE',
      'toCellCode',
    );
    await expectViolation(
      'transferMember',
      { memberId: member(8), toCellCode: 'thanh-hoa', on: '2017-03-01' },
      t,
      'NOT_A_CELL',
      'toCellCode',
    );
  });

  test('recogniseMember: after 12 months of probation, by two thirds, once', async () => {
    const t = world.tokens.hoa;
    await expectViolation(
      'recogniseMember',
      { memberId: member(9), on: '2017-01-31', votesFor: 3, votesEligible: 3 },
      t,
      'PROBATION_NOT_OVER',
      'on',
    );
    await expectViolation(
      'recogniseMember',
      { memberId: member(9), on: '2017-02-10', votesFor: 1, votesEligible: 3 },
      t,
      'VOTE_SHARE_TOO_LOW',
      'votesFor',
    );
    await expectAuthorised(
      'recogniseMember',
      { memberId: member(9), on: '2017-02-10', votesFor: 2, votesEligible: 3 },
      { inside: t, outside: world.tokens.duc },
    );
    expect((await prisma().member.findUniqueOrThrow({ where: { id: 9 } })).officialOn).toBe('2017-02-10');
    await expectViolation(
      'recogniseMember',
      { memberId: member(9), on: '2017-03-10', votesFor: 3, votesEligible: 3 },
      t,
      'ALREADY_FULL_MEMBER',
      'memberId',
    );
  });

  test('recordLeaving: closes the placement on the day; once', async () => {
    const t = world.tokens.hoa;
    await expectViolation(
      'recordLeaving',
      { memberId: member(8), on: '1998-01-01', reason: 'DIED' },
      t,
      'PLACEMENT_OVERLAP',
      'on',
    );
    await expectAuthorised(
      'recordLeaving',
      { memberId: member(8), on: '2017-05-01', reason: 'DIED' },
      { inside: t, outside: world.tokens.duc },
    );
    const m = await prisma().member.findUniqueOrThrow({ where: { id: 8 }, include: { placements: true } });
    expect([m.leftOn, m.leftReason, m.placements[0]?.endOn]).toEqual(['2017-05-01', 'DIED', '2017-05-01']);
    await expectViolation(
      'recordLeaving',
      { memberId: member(8), on: '2017-06-01', reason: 'MOVED_AWAY' },
      t,
      'MEMBER_LEFT',
      'memberId',
    );
    await expectViolation(
      'transferMember',
      { memberId: member(8), toCellCode: 'thanh-hoa-xom-3', on: '2017-06-01' },
      t,
      'MEMBER_LEFT',
      'memberId',
    );
    // A transfer dated before the leaving, entered after it: it splits the history; the member is
    // in one cell at a time, and in none after leaving.
    const count = async (code: string, day: string) =>
      (await gql(`{ organisation(code: "${code}") { memberCount(asOf: "${day}") } }`)).data!.organisation.memberCount;
    const [xom3Before, communeBefore] = [
      await count('thanh-hoa-xom-3', '2017-04-01'),
      await count('thanh-hoa', '2017-04-01'),
    ];
    const moved = await mutate(
      'transferMember',
      { memberId: member(8), toCellCode: 'thanh-hoa-xom-3', on: '2017-03-01' },
      t,
    );
    expect(moved.typename).toBe('TransferMemberSuccess');
    const history = await prisma().placement.findMany({ where: { memberId: 8 }, orderBy: { startOn: 'asc' } });
    expect(history.map((p) => [p.cellId, p.startOn, p.endOn])).toEqual([
      [5, '1999-01-01', '2017-03-01'],
      [4, '2017-03-01', '2017-05-01'],
    ]);
    expect(await count('thanh-hoa-xom-3', '2017-04-01')).toBe(xom3Before + 1);
    expect(await count('thanh-hoa', '2017-04-01')).toBe(communeBefore);
    expect(await count('thanh-hoa-xom-3', '2017-05-01')).toBe(xom3Before);
  });
});
