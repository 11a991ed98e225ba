// Recognition votes after probation, on SQLite and PostgreSQL: each vote recorded, passed or
// failed; two thirds make a full member; the third failed vote removes the member in the same
// transaction; no vote before 12 months, after leaving or once full; votes read only in reach.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { fingerprint } from './fixture.ts';
import { gql } from './support.ts';
import { engines, expectAuthorised, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));
const VOTES = 'recognitionVotes { on votesFor votesEligible passed }';
const vote = (memberId: string, on: string, votesFor: number, votesEligible = 3) => ({
  memberId,
  on,
  votesFor,
  votesEligible,
});

describe.each(engines)('recognition votes on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);
  /** A probationary member of thanh-hoa-xom-3 admitted on `admittedOn`, recorded through the API. */
  const probationary = async (admittedOn: string) => {
    const input = {
      fullName: `Dự bị ${admittedOn}`,
      birthDate: '1995-01-01',
      admittedOn,
      placements: [{ cellCode: 'thanh-hoa-xom-3', startOn: admittedOn }],
    };
    return (await mutate('recordMember', input, world.tokens.admin, 'id')).data!.id as string;
  };
  const overdueMembers = async (asOf: string) =>
    (
      await gql(
        `{ organisation(code: "thanh-hoa") { overdueSteps(asOf: "${asOf}") { kind member { id } } } }`,
        {},
        world.tokens.hoa,
      )
    ).data!.organisation.overdueSteps.map((s: any) => s.member?.id);

  test('failed votes are recorded; the third removes the member (REMOVED_AFTER_PROBATION)', async () => {
    const t = world.tokens.hoa;
    const m9 = member(9); // admitted 2016-02-01 in thanh-hoa-xom-4
    await expectViolation('recordRecognitionVote', vote(m9, '2017-01-31', 3), t, 'PROBATION_NOT_OVER', 'on');
    expect(await overdueMembers('2017-06-01')).toContain(m9);
    const first = await expectAuthorised('recordRecognitionVote', vote(m9, '2017-02-10', 1), {
      inside: t,
      outside: world.tokens.duc,
    });
    expect(first.errors).toBeUndefined();
    expect(await overdueMembers('2017-06-01')).not.toContain(m9); // the cell voted
    await expectViolation('recordRecognitionVote', vote(m9, '2017-02-10', 3), t, 'VOTE_NOT_AFTER_PREVIOUS', 'on');
    await expectViolation('recordRecognitionVote', vote(m9, '2017-03-01', 4), t, 'VOTES_INVALID', 'votesFor');
    const select = `officialOn leftOn leftReason placements { endOn } ${VOTES}`;
    const second = await mutate('recordRecognitionVote', vote(m9, '2017-03-10', 1), t, select);
    expect(second.data).toMatchObject({ officialOn: null, leftOn: null, placements: [{ endOn: null }] });
    const third = await mutate('recordRecognitionVote', vote(m9, '2017-04-10', 0), t, select);
    expect(third.data).toEqual({
      officialOn: null,
      leftOn: '2017-04-10',
      leftReason: 'REMOVED_AFTER_PROBATION',
      placements: [{ endOn: '2017-04-10' }],
      recognitionVotes: ['2017-02-10', '2017-03-10', '2017-04-10'].map((on, i) => ({
        on,
        votesFor: i < 2 ? 1 : 0,
        votesEligible: 3,
        passed: false,
      })),
    });
    const event = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([event.action, event.entityId, JSON.parse(event.after!).leftReason]).toEqual([
      'recordRecognitionVote',
      '9',
      'REMOVED_AFTER_PROBATION',
    ]);
    await expectViolation('recordRecognitionVote', vote(m9, '2017-05-10', 3), t, 'MEMBER_LEFT', 'memberId');
  });

  test('two thirds make a full member from the vote’s day; no vote after that', async () => {
    const t = world.tokens.hoa;
    const id = await probationary('2016-01-15');
    await mutate('recordRecognitionVote', vote(id, '2017-01-20', 1), t);
    const passed = await mutate('recordRecognitionVote', vote(id, '2017-02-20', 2), t, `officialOn leftOn ${VOTES}`);
    expect(passed.data).toEqual({
      officialOn: '2017-02-20',
      leftOn: null,
      recognitionVotes: [
        { on: '2017-01-20', votesFor: 1, votesEligible: 3, passed: false },
        { on: '2017-02-20', votesFor: 2, votesEligible: 3, passed: true },
      ],
    });
    await expectViolation('recordRecognitionVote', vote(id, '2017-03-20', 3), t, 'ALREADY_FULL_MEMBER', 'memberId');
    // recogniseMember records its passing vote the same way, and refuses a failing one.
    const other = await probationary('2016-01-16');
    await expectViolation('recogniseMember', vote(other, '2017-02-01', 1), t, 'VOTE_SHARE_TOO_LOW', 'votesFor');
    const recognised = await mutate('recogniseMember', vote(other, '2017-02-01', 3), t, `officialOn ${VOTES}`);
    expect(recognised.data).toEqual({
      officialOn: '2017-02-01',
      recognitionVotes: [{ on: '2017-02-01', votesFor: 3, votesEligible: 3, passed: true }],
    });
  });

  test('no vote for a member who left; a removal that would overlap placements writes nothing', async () => {
    const t = world.tokens.hoa;
    const gone = await probationary('2016-01-04');
    await mutate('recordLeaving', { memberId: gone, on: '2017-01-10', reason: 'MOVED_AWAY' }, t);
    await expectViolation('recordRecognitionVote', vote(gone, '2017-02-01', 3), t, 'MEMBER_LEFT', 'memberId');
    const moved = await probationary('2016-01-05');
    await mutate('recordRecognitionVote', vote(moved, '2017-01-10', 1), t);
    await mutate('recordRecognitionVote', vote(moved, '2017-02-10', 1), t);
    await mutate('transferMember', { memberId: moved, toCellCode: 'thanh-hoa-xom-4', on: '2017-03-01' }, t);
    const before = await fingerprint();
    await expectViolation('recordRecognitionVote', vote(moved, '2017-03-01', 1), t, 'PLACEMENT_OVERLAP', 'on');
    expect(await fingerprint()).toBe(before);
    const removed = await mutate('recordRecognitionVote', vote(moved, '2017-03-02', 1), t, 'leftOn leftReason');
    expect(removed.data).toEqual({ leftOn: '2017-03-02', leftReason: 'REMOVED_AFTER_PROBATION' });
  });

  test('votes are read only by tokens reaching the member’s cell', async () => {
    const id = await probationary('2016-01-06');
    await mutate('recordRecognitionVote', vote(id, '2017-01-10', 1), world.tokens.hoa);
    const query = `{ node(id: "${id}") { ... on Member { admittedOn ${VOTES} } } }`;
    const inside = await gql(query, {}, world.tokens.viewer);
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.node.recognitionVotes).toEqual([
      { on: '2017-01-10', votesFor: 1, votesEligible: 3, passed: false },
    ]);
    const outside = await gql(query, {}, world.tokens.duc);
    expect(outside.data!.node).toBeNull();
    expect(new Set(outside.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const anonymous = await gql(query);
    expect(anonymous.data!.node).toBeNull();
    expect(new Set(anonymous.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
