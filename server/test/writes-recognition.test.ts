// Recognition after probation, on SQLite and PostgreSQL: the cell's votes are proposals counted
// against its roster; the committee's decision makes a full member (from the end of probation) or
// removes (closing the placement in the same transaction); three votes without two thirds either
// way go to the superior committee; votes and decisions read only in reach.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { fingerprint } from './fixture.ts';
import { gql } from './support.ts';
import { engines, expectAuthorised, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));
const VOTES = 'recognitionVotes { on votesFor votesAgainst votesEligible proposal }';
const vote = (memberId: string, on: string, votesFor: number) => ({ memberId, on, votesFor });

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

  const decision = (memberId: string, on: string, recognised: boolean) => ({
    memberId,
    on,
    recognised,
    by: 'Ban Thường vụ Huyện ủy',
    decision: `Quyết định ngày ${on}`,
  });

  test('votes are proposals against the roster; three without two thirds go to the superior committee', async () => {
    const t = world.tokens.hoa;
    const m9 = member(9); // admitted 2016-02-01 in thanh-hoa-xom-4, whose roster holds two full members
    await expectViolation('recordRecognitionVote', vote(m9, '2017-01-31', 2), t, 'PROBATION_NOT_OVER', 'on');
    expect(await overdueMembers('2017-06-01')).toContain(m9);
    const first = await expectAuthorised('recordRecognitionVote', vote(m9, '2017-02-10', 1), {
      inside: t,
      outside: world.tokens.duc,
    });
    expect(first.errors).toBeUndefined();
    expect(await overdueMembers('2017-06-01')).not.toContain(m9); // the cell voted
    await expectViolation('recordRecognitionVote', vote(m9, '2017-02-10', 1), t, 'VOTE_NOT_AFTER_PREVIOUS', 'on');
    await expectViolation('recordRecognitionVote', vote(m9, '2017-03-01', 3), t, 'VOTES_INVALID', 'votesFor');
    await expectViolation(
      'recordRecognitionVote',
      { ...vote(m9, '2017-03-01', 1), votesEligible: 3 },
      t,
      'VOTE_BASE_MISMATCH',
      'votesEligible',
    );
    // One of two is no proposal: the committee has nothing to decide on yet.
    await expectViolation(
      'decideRecognition',
      decision(m9, '2017-02-20', false),
      t,
      'RECOGNITION_NOT_PROPOSED',
      'memberId',
    );
    const select = `officialOn leftOn leftReason placements { endOn } ${VOTES} recognitionDecision { recognised referred }`;
    await mutate('recordRecognitionVote', vote(m9, '2017-03-10', 1), t);
    const third = await mutate('recordRecognitionVote', { ...vote(m9, '2017-04-10', 0), votesAgainst: 1 }, t, select);
    // Votes never change the member's standing: removal is always a committee's decision.
    expect(third.data).toEqual({
      officialOn: null,
      leftOn: null,
      leftReason: null,
      placements: [{ endOn: null }],
      recognitionVotes: ['2017-02-10', '2017-03-10', '2017-04-10'].map((on, i) => ({
        on,
        votesFor: i < 2 ? 1 : 0,
        votesAgainst: i < 2 ? 0 : 1,
        votesEligible: 2,
        proposal: 'NONE',
      })),
      recognitionDecision: null,
    });
    await expectViolation('recordRecognitionVote', vote(m9, '2017-05-10', 2), t, 'RECOGNITION_REFERRED', 'memberId');
    const removed = await mutate('decideRecognition', decision(m9, '2017-05-20', false), t, select);
    expect(removed.data).toMatchObject({
      officialOn: null,
      leftOn: '2017-05-20',
      leftReason: 'REMOVED_AFTER_PROBATION',
      placements: [{ endOn: '2017-05-20' }],
      recognitionDecision: { recognised: false, referred: true },
    });
    const event = await prisma().auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([event.action, event.entityId, JSON.parse(event.after!).leftReason]).toEqual([
      'decideRecognition',
      '9',
      'REMOVED_AFTER_PROBATION',
    ]);
    await expectViolation('decideRecognition', decision(m9, '2017-06-01', true), t, 'MEMBER_LEFT', 'memberId');
  });

  test('the committee’s decision on the cell’s proposal: a full member from the day the probation ended', async () => {
    const t = world.tokens.hoa;
    const id = await probationary('2016-01-15'); // in thanh-hoa-xom-3: six full members
    const proposed = await mutate('recordRecognitionVote', vote(id, '2017-01-20', 4), t, `officialOn ${VOTES}`);
    expect(proposed.error ?? proposed.errors).toBeUndefined();
    expect(proposed.data).toEqual({
      officialOn: null,
      recognitionVotes: [{ on: '2017-01-20', votesFor: 4, votesAgainst: 0, votesEligible: 6, proposal: 'RECOGNISE' }],
    });
    await expectViolation('decideRecognition', { ...decision(id, '2017-02-20', true), by: ' ' }, t, 'REQUIRED', 'by');
    await expectViolation('decideRecognition', decision(id, '2017-01-19', true), t, 'DATE_BEFORE_PREVIOUS_STEP', 'on');
    const decided = await mutate(
      'decideRecognition',
      decision(id, '2017-02-20', true),
      t,
      'officialOn recognitionDecision { on recognised by referred }',
    );
    expect(decided.data).toEqual({
      officialOn: '2017-01-15',
      recognitionDecision: { on: '2017-02-20', recognised: true, by: 'Ban Thường vụ Huyện ủy', referred: false },
    });
    await expectViolation('recordRecognitionVote', vote(id, '2017-03-20', 4), t, 'ALREADY_FULL_MEMBER', 'memberId');
    // recogniseMember records a vote that must propose recognition. The roster now holds seven full
    // members (the one just recognised counts from 15 January); two excused and absent leave the base.
    const other = await probationary('2016-01-16');
    await expectViolation('recogniseMember', vote(other, '2017-02-01', 4), t, 'VOTE_SHARE_TOO_LOW', 'votesFor');
    const excused = { ...vote(other, '2017-02-01', 4), absentExcused: [member(1), member(2)] };
    const recognised = await mutate('recogniseMember', excused, t, `officialOn ${VOTES}`);
    expect(recognised.error ?? recognised.errors).toBeUndefined();
    expect(recognised.data).toEqual({
      officialOn: null,
      recognitionVotes: [{ on: '2017-02-01', votesFor: 4, votesAgainst: 0, votesEligible: 5, proposal: 'RECOGNISE' }],
    });
  });

  test('no vote for a member who left; a removal that would overlap placements writes nothing', async () => {
    const t = world.tokens.hoa;
    const gone = await probationary('2016-01-04');
    await mutate('recordLeaving', { memberId: gone, on: '2017-01-10', reason: 'MOVED_AWAY' }, t);
    await expectViolation('recordRecognitionVote', vote(gone, '2017-02-01', 3), t, 'MEMBER_LEFT', 'memberId');
    const moved = await probationary('2016-01-05');
    await mutate('recordRecognitionVote', { ...vote(moved, '2017-01-10', 0), votesAgainst: 5 }, t);
    await mutate('transferMember', { memberId: moved, toCellCode: 'thanh-hoa-xom-4', on: '2017-03-01' }, t);
    const before = await fingerprint();
    await expectViolation('decideRecognition', decision(moved, '2017-03-01', false), t, 'PLACEMENT_OVERLAP', 'on');
    expect(await fingerprint()).toBe(before);
    const removed = await mutate('decideRecognition', decision(moved, '2017-03-02', false), t, 'leftOn leftReason');
    expect(removed.data).toEqual({ leftOn: '2017-03-02', leftReason: 'REMOVED_AFTER_PROBATION' });
  });

  test('votes are read only by tokens reaching the member’s cell', async () => {
    const id = await probationary('2016-01-06');
    await mutate('recordRecognitionVote', vote(id, '2017-01-10', 1), world.tokens.hoa);
    const query = `{ node(id: "${id}") { ... on Member { admittedOn ${VOTES} } } }`;
    const inside = await gql(query, {}, world.tokens.viewer);
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.node.recognitionVotes).toEqual([
      { on: '2017-01-10', votesFor: 1, votesAgainst: 0, votesEligible: 6, proposal: 'NONE' },
    ]);
    const outside = await gql(query, {}, world.tokens.duc);
    expect(outside.data!.node).toBeNull();
    expect(new Set(outside.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    const anonymous = await gql(query);
    expect(anonymous.data!.node).toBeNull();
    expect(new Set(anonymous.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
