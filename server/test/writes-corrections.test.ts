// Corrections written through the API, on SQLite and PostgreSQL: who may correct, each refusal
// with its code and the input field at fault (nothing written), and the record's own history
// (Member.changes, Candidate.changes, Organisation.changes): who, when, before, after, why.
// That a correction equals the right value entered first is corrections.test.ts.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { gql } from './support.ts';
import { candidateAt, engines, expectAuthorised, expectViolation, miniWorldSuite } from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));
const candidate = (id: number) => encodeGlobalID('Candidate', String(id));
const reason = 'Nhập sai (theo hồ sơ gốc)';
const placements = async (memberId: number) =>
  (await prisma().placement.findMany({ where: { memberId }, orderBy: { startOn: 'asc' } })).map((p) => [
    p.cellId,
    p.startOn,
    p.endOn,
  ]);

describe.each(engines)('corrections on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('correctPlacement and voidTransfer: rules of a first entry, both cells in reach, history kept', async () => {
    const t = world.tokens.hoa;
    const transfer = { memberId: member(7), toCellCode: 'thanh-hoa-xom-3', on: '2010-05-01' };
    await expectAuthorised('transferMember', transfer, { inside: t, outside: world.tokens.duc });
    const which = { memberId: member(7), placementStartOn: '2010-05-01', reason };
    await expectViolation('correctPlacement', { ...which, reason: ' ' }, t, 'REQUIRED', 'reason');
    await expectViolation(
      'correctPlacement',
      { ...which, placementStartOn: '2010-05-02' },
      t,
      'NOT_FOUND',
      'placementStartOn',
    );
    // Before the admission (1999-01-01), the previous placement's start: out of order.
    await expectViolation('correctPlacement', { ...which, startOn: '1999-01-01' }, t, 'PLACEMENT_OVERLAP', 'startOn');
    await expectViolation('correctPlacement', { ...which, cellCode: 'thanh-hoa-xom-4' }, t, 'SAME_CELL', 'cellCode');
    await expectViolation('correctPlacement', { ...which, cellCode: 'thanh-hoa' }, t, 'NOT_A_CELL', 'cellCode');
    // xom 9 was dissolved on 2016-01-01 without a merge: a placement there would outlive it.
    await expectViolation(
      'correctPlacement',
      { ...which, cellCode: 'thanh-hoa-xom-9' },
      t,
      'PLACEMENT_OUTLIVES_CELL',
      'cellCode',
    );
    await expectViolation(
      'correctPlacement',
      { ...which, placementStartOn: '1999-01-01', startOn: '1999-02-01' },
      t,
      'ADMISSION_PLACEMENT',
      'startOn',
    );
    // A cell of thanh-duc: an editor of thanh-hoa alone may not put the member there.
    await expectAuthorised(
      'correctPlacement',
      { ...which, startOn: '2012-03-01' },
      { inside: t, outside: world.tokens.duc },
    );
    expect(await placements(7)).toEqual([
      [5, '1999-01-01', '2012-03-01'],
      [4, '2012-03-01', null],
    ]);
    const forbidden = await gql(
      `mutation($input: CorrectPlacementInput!) { correctPlacement(input: $input) { __typename } }`,
      { input: { ...which, placementStartOn: '2012-03-01', cellCode: 'thanh-duc-xom-1' } },
      t,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admission = { ...which, placementStartOn: '1999-01-01' };
    await expectViolation('voidTransfer', admission, t, 'ADMISSION_PLACEMENT', 'placementStartOn');
    await expectAuthorised(
      'voidTransfer',
      { ...which, placementStartOn: '2012-03-01' },
      { inside: t, outside: world.tokens.duc },
    );
    expect(await placements(7)).toEqual([[5, '1999-01-01', null]]);
    const query = `{ node(id: "${member(7)}") { ... on Member { changes { action reason before after } } } }`;
    const history = (await gql(query, {}, t)).data!.node.changes as { action: string; reason: string | null }[];
    expect(history.map((e) => [e.action, e.reason])).toEqual([
      ['transferMember', null],
      ['correctPlacement', reason],
      ['voidTransfer', reason],
    ]);
  });

  test('correctLeaving and voidLeaving: a leaving to correct, not a committee’s removal', async () => {
    const t = world.tokens.duc;
    await expectViolation(
      'correctLeaving',
      { memberId: member(11), reason, leftOn: '2016-01-01' },
      t,
      'NOT_FOUND',
      'memberId',
    );
    await expectAuthorised(
      'recordLeaving',
      { memberId: member(11), on: '2016-01-01', reason: 'DIED' },
      { inside: t, outside: world.tokens.hoa },
    );
    const fix = { memberId: member(11), reason };
    await expectViolation('correctLeaving', { ...fix, leftOn: '1975-01-01' }, t, 'PLACEMENT_OVERLAP', 'leftOn');
    await expectViolation(
      'correctLeaving',
      { ...fix, leftReason: 'REMOVED_AFTER_PROBATION' },
      t,
      'LEAVING_BY_DECISION',
      'leftReason',
    );
    await expectViolation('voidLeaving', { ...fix, reason: '' }, t, 'REQUIRED', 'reason');
    await expectAuthorised(
      'correctLeaving',
      { ...fix, leftOn: '2018-07-01', leftReason: 'MOVED_AWAY' },
      { inside: t, outside: world.tokens.hoa },
    );
    expect(await placements(11)).toEqual([[7, '1975-01-01', '2018-07-01']]);
    const risk = async () =>
      (await gql('{ organisation(code: "thanh-duc-xom-1") { risk(asOf: "2019-01-01") { isAtRisk memberCount } } }'))
        .data!.organisation.risk;
    expect(await risk()).toEqual({ isAtRisk: false, memberCount: 3 });
    await expectAuthorised('voidLeaving', fix, { inside: t, outside: world.tokens.hoa });
    expect(await placements(11)).toEqual([[7, '1975-01-01', null]]);
    expect(await prisma().member.findUniqueOrThrow({ where: { id: 11 } })).toMatchObject({
      leftOn: null,
      leftReason: null,
    });
    expect(await risk()).toEqual({ isAtRisk: true, memberCount: 4 });
  });

  test('correctCandidateStep and voidCandidateStep: the path judged again; only the last step voided', async () => {
    const t = world.tokens.hoa;
    const id = await candidateAt('TRAINED', '2016-06-01', {}, [{ stage: 'SOURCED', on: '2016-03-01' }]);
    const which = { candidateId: id, stage: 'TRAINED', reason };
    await expectViolation('correctCandidateStep', { ...which, stage: 'APPLIED' }, t, 'NOT_FOUND', 'stage');
    await expectViolation('correctCandidateStep', { ...which, votesFor: 3 }, t, 'NOT_FOR_THIS_STEP', 'votesFor');
    await expectViolation('correctCandidateStep', { ...which, on: '2016-02-01' }, t, 'DATE_BEFORE_PREVIOUS_STEP', 'on');
    await expectViolation(
      'correctCandidateStep',
      { ...which, certificateOn: '2016-07-01' },
      t,
      'CERTIFICATE_MISSING',
      'certificateOn',
    );
    await expectAuthorised(
      'correctCandidateStep',
      { ...which, on: '2016-06-10', certificateOn: '2016-06-05', actingBody: 'Trung tâm Chính trị huyện' },
      { inside: t, outside: world.tokens.duc },
    );
    const c = await prisma().candidate.findUniqueOrThrow({ where: { id: 2 }, include: { events: true } });
    expect([c.stageOn, c.certificateOn, c.events.find((e) => e.stage === 'TRAINED')?.actingBody]).toEqual([
      '2016-06-10',
      '2016-06-05',
      'Trung tâm Chính trị huyện',
    ]);
    // The seeded candidate voted in its cell on 2016-12-01: a vote of 3 of the 6 full members is short.
    const vote = { candidateId: candidate(1), stage: 'CELL_VOTED', reason };
    await expectViolation('correctCandidateStep', { ...vote, votesFor: 3 }, t, 'VOTE_SHARE_TOO_LOW', 'votesFor');
    await expectViolation(
      'correctCandidateStep',
      { ...vote, votesEligible: 8 },
      t,
      'VOTE_BASE_MISMATCH',
      'votesEligible',
    );
    await expectViolation('voidCandidateStep', { ...which, stage: 'SOURCED' }, t, 'STEP_NOT_LAST', 'stage');
    await expectAuthorised('voidCandidateStep', which, { inside: t, outside: world.tokens.duc });
    expect(await prisma().candidate.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({
      stage: 'SOURCED',
      stageOn: '2016-03-01',
      certificateOn: null,
    });
    await expectViolation('voidCandidateStep', { ...which, stage: 'SOURCED' }, t, 'FIRST_STEP_NOT_VOIDABLE', 'stage');
    const query = `{ node(id: "${id}") { ... on Candidate { changes { action actorName reason } } } }`;
    expect((await gql(query, {}, t)).data!.node.changes).toEqual([
      { action: 'correctCandidateStep', actorName: 'editor thanh-hoa', reason },
      { action: 'voidCandidateStep', actorName: 'editor thanh-hoa', reason },
    ]);
    expect((await gql(query)).data!.node?.changes ?? null).toBeNull();
  });

  test('a voided ceremony is refused once the member has a history of their own', async () => {
    const t = world.tokens.hoa;
    const step = (stage: string, on: string, extra = {}) =>
      expectAuthorised(
        'advanceCandidate',
        { candidateId: candidate(1), stage, on, actingBody: 'Huyện ủy', ...extra },
        { inside: t, outside: world.tokens.duc },
      );
    await step('COMMITTEE_VOTED', '2016-12-20', { votesFor: 7, votesEligible: 9 });
    await step('DECIDED', '2017-01-10');
    await step('ADMITTED', '2017-02-15');
    const made = await prisma().member.findUniqueOrThrow({ where: { candidateId: 1 } });
    await expectAuthorised(
      'transferMember',
      { memberId: member(made.id), toCellCode: 'thanh-hoa-xom-4', on: '2017-06-01' },
      { inside: t, outside: world.tokens.duc },
    );
    const ceremony = { candidateId: candidate(1), stage: 'ADMITTED', reason };
    await expectViolation('voidCandidateStep', ceremony, t, 'LATER_FACTS_DEPEND', 'stage');
    // The ceremony's day corrected after the transfer: the member's admission follows, their history checked.
    await expectViolation('correctCandidateStep', { ...ceremony, on: '2017-06-02' }, t, 'CEREMONY_LATE', 'on');
    await expectAuthorised(
      'correctCandidateStep',
      { ...ceremony, on: '2017-02-20' },
      { inside: t, outside: world.tokens.duc },
    );
    expect(await placements(made.id)).toEqual([
      [4, '2017-02-20', '2017-06-01'],
      [5, '2017-06-01', null],
    ]);
  });

  test('Organisation.changes: who changed an organisation, for those who reach it', async () => {
    const t = world.tokens.hoa;
    const rename = { code: 'thanh-hoa-xom-4', name: 'Chi bộ xóm 4 (tên mới)' };
    await expectAuthorised('renameOrganisation', rename, { inside: t, outside: world.tokens.duc });
    const query = `{ organisation(code: "thanh-hoa-xom-4") { changes { action actorName after } } }`;
    expect((await gql(query)).data?.organisation?.changes ?? null).toBeNull();
    const [event] = (await gql(query, {}, t)).data!.organisation.changes;
    expect([event.action, event.actorName, JSON.parse(event.after).name]).toEqual([
      'renameOrganisation',
      'editor thanh-hoa',
      rename.name,
    ]);
  });
});
