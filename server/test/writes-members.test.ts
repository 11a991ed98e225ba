// A member's life written through the API, on SQLite and PostgreSQL: recorded with a history,
// transferred, recognised, leaving; who may write; each rule refusing and writing nothing.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
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

  test('recogniseMember proposes, the committee decides: full member from the end of probation, once', async () => {
    const t = world.tokens.hoa;
    // Member 9, admitted 2016-02-01 in thanh-hoa-xom-4, whose roster holds two full members.
    const vote = (on: string, votesFor: number) => ({ memberId: member(9), on, votesFor });
    await expectViolation('recogniseMember', vote('2017-01-31', 2), t, 'PROBATION_NOT_OVER', 'on');
    await expectViolation('recogniseMember', vote('2017-02-10', 1), t, 'VOTE_SHARE_TOO_LOW', 'votesFor');
    await expectAuthorised('recogniseMember', vote('2017-02-10', 2), { inside: t, outside: world.tokens.duc });
    expect((await prisma().member.findUniqueOrThrow({ where: { id: 9 } })).officialOn).toBeNull();
    const decision = { memberId: member(9), on: '2017-02-20', recognised: true, by: 'Đảng ủy xã', decision: 'QĐ 3' };
    await expectAuthorised('decideRecognition', decision, { inside: t, outside: world.tokens.duc });
    expect((await prisma().member.findUniqueOrThrow({ where: { id: 9 } })).officialOn).toBe('2017-02-01');
    await expectViolation('recogniseMember', vote('2017-03-10', 2), t, 'ALREADY_FULL_MEMBER', 'memberId');
  });

  test('correctMember: a mistyped admission corrected with its reason; figures follow; the record keeps its history', async () => {
    const t = world.tokens.duc;
    const admissions = async (from: string, to: string) =>
      (await gql(`{ organisation(code: "thanh-duc") { admissionCount(from: "${from}", to: "${to}") } }`)).data!
        .organisation.admissionCount;
    const [in1971, in1970] = [
      await admissions('1971-01-01', '1971-12-31'),
      await admissions('1970-01-01', '1970-12-31'),
    ];
    const before = await fingerprint();
    await expectViolation(
      'correctMember',
      { memberId: member(10), reason: ' ', admittedOn: '1971-01-01' },
      t,
      'REQUIRED',
      'reason',
    );
    await expectViolation(
      'correctMember',
      { memberId: member(10), reason: 'Nhập sai', birthDate: '1971-02-01', admittedOn: '1971-01-01' },
      t,
      'BIRTH_DATE_AFTER',
      'birthDate',
    );
    expect(await fingerprint()).toBe(before);
    const fix = {
      memberId: member(10),
      reason: 'Nhập sai năm kết nạp (theo quyết định gốc)',
      admittedOn: '1971-01-01',
    };
    await expectAuthorised('correctMember', fix, { inside: t, outside: world.tokens.hoa });
    expect([await admissions('1971-01-01', '1971-12-31'), await admissions('1970-01-01', '1970-12-31')]).toEqual([
      in1971 + 1,
      in1970 - 1,
    ]);
    const placements = await prisma().placement.findMany({ where: { memberId: 10 } });
    expect(placements.map((p) => [p.startOn, p.endOn])).toEqual([['1971-01-01', null]]);
    // Who changed this and when: the record's own history, for those who may read the member.
    const query = `{ node(id: "${member(10)}") { ... on Member { changes { action actorName reason before after } } } }`;
    const history = (await gql(query, {}, t)).data!.node.changes;
    const last = history.at(-1);
    expect([last.action, last.actorName, last.reason]).toEqual(['correctMember', 'editor thanh-duc', fix.reason]);
    expect([JSON.parse(last.before).admittedOn, JSON.parse(last.after).admittedOn]).toEqual([
      '1970-01-01',
      '1971-01-01',
    ]);
    // Nobody else reads it: an anonymous caller gets no history.
    expect((await gql(query)).data!.node?.changes ?? null).toBeNull();
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
