// The candidate's path written through the API, on SQLite and PostgreSQL: the whole admission,
// every rule refusing with its code and field and writing nothing, and who may write.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { CELL, fingerprint } from './fixture.ts';
import { app, gql } from './support.ts';
import {
  candidateAt,
  engines,
  expectAuthorised,
  expectForbidden,
  expectViolation,
  miniWorldSuite,
  mutate,
} from './writes-support.ts';

const member = (id: number) => encodeGlobalID('Member', String(id));
const candidate = (id: number) => encodeGlobalID('Candidate', String(id));
const known = (id: number, knownSince = '2015-01-01') => ({ memberId: member(id), knownSince });

describe.each(engines)('candidate writes on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('the whole path, sourced to admitted, adds one admission and lifts the cell out of risk', async () => {
    const publicFigures = async () =>
      (
        await gql(
          `{ organisation(code: "thanh-chuong") { admissionCount(from: "2017-01-01", to: "2017-12-31") } cell: organisation(code: "thanh-duc-xom-1") { risk(asOf: "2017-05-01") { isAtRisk memberCount lastAdmissionOn } } }`,
        )
      ).data!;
    const before = await publicFigures();
    expect(before.cell.risk).toMatchObject({ isAtRisk: true, memberCount: 4, lastAdmissionOn: '2005-06-01' });
    const t = world.tokens.duc;
    const recorded = await mutate(
      'recordCandidate',
      {
        cellCode: 'thanh-duc-xom-1',
        fullName: 'Trần Thị Thử',
        birthDate: '1995-05-05',
        isYouthUnionMember: true,
        source: 'YOUTH_UNION',
        sourcedOn: '2017-01-05',
        actingBody: 'Đoàn xã Thanh Đức',
      },
      t,
      'id stage fullName',
    );
    expect(recorded.data).toMatchObject({ stage: 'SOURCED', fullName: 'Trần Thị Thử' });
    const id = recorded.data!.id;
    const steps: Record<string, unknown>[] = [
      {
        stage: 'TRAINED',
        on: '2017-01-20',
        actingBody: 'Trung tâm bồi dưỡng chính trị huyện',
        certificateOn: '2017-01-20',
      },
      { stage: 'APPLIED', on: '2017-02-01', actingBody: 'Chi bộ xóm 1' },
      { stage: 'VERIFIED', on: '2017-02-15', actingBody: 'Chi bộ xóm 1' },
      // Of youth age: the grassroots Youth Union committee and one full member introduce her.
      {
        stage: 'INTRODUCED',
        on: '2017-02-20',
        actingBody: 'Chi bộ xóm 1',
        introducers: [{ youthUnion: 'Ban Chấp hành Đoàn xã Thanh Đức' }, known(10)],
      },
      { stage: 'CELL_VOTED', on: '2017-03-01', actingBody: 'Chi bộ xóm 1', votesFor: 3, votesEligible: 4 },
      {
        stage: 'COMMITTEE_VOTED',
        on: '2017-03-10',
        actingBody: 'Đảng ủy xã Thanh Đức',
        votesFor: 9,
        votesEligible: 11,
      },
      { stage: 'DECIDED', on: '2017-04-03', actingBody: 'Ban Thường vụ Huyện ủy' },
    ];
    for (const step of steps) {
      const r = await mutate('advanceCandidate', { candidateId: id, ...step }, t, 'stage stageOn');
      expect(r.errors ?? r.error).toBeUndefined();
      expect(r.data).toEqual({ stage: step.stage, stageOn: step.on });
    }
    const admitted = await mutate(
      'admitCandidate',
      { candidateId: id, on: '2017-04-20', actingBody: 'Chi bộ xóm 1' },
      t,
      `stage member { admittedOn fullName admittedIn { code } placements { cell { code } startOn endOn }
        partyAgeFrom before: partyAge(asOf: "2017-04-02") { years } partyAge(asOf: "2018-05-02") { years months } }`,
    );
    expect(admitted.data).toEqual({
      stage: 'ADMITTED',
      member: {
        // Party age runs from the committee's decision (3 April), not from the ceremony.
        partyAgeFrom: '2017-04-03',
        before: null,
        partyAge: { years: 1, months: 0 },
        admittedOn: '2017-04-20',
        fullName: 'Trần Thị Thử',
        admittedIn: { code: 'thanh-duc-xom-1' },
        placements: [{ cell: { code: 'thanh-duc-xom-1' }, startOn: '2017-04-20', endOn: null }],
      },
    });
    const after = await publicFigures();
    expect(after.organisation.admissionCount).toBe(before.organisation.admissionCount + 1);
    expect(after.cell.risk).toMatchObject({ isAtRisk: false, memberCount: 5, lastAdmissionOn: '2017-04-20' });
    const events = await gql(`{ node(id: "${id}") { ... on Candidate { events { stage on } } } }`, {}, t);
    expect(events.data!.node.events.map((e: { stage: string }) => e.stage)).toEqual([
      'SOURCED',
      ...steps.map((s) => s.stage),
      'ADMITTED',
    ]);
    // Nothing entered twice: admitting again is refused.
    await expectViolation(
      'admitCandidate',
      { candidateId: id, on: '2017-04-21', actingBody: 'x' },
      t,
      'STAGE_ORDER',
      'stage',
    );
  });

  test('recordCandidate: anonymous and other communes refused, the commune’s editor audited', async () => {
    const input = {
      cellCode: 'thanh-hoa-xom-3',
      fullName: 'Lê Văn Mới',
      birthDate: '1996-01-01',
      source: 'WOMENS_UNION',
      sourcedOn: '2017-02-01',
      actingBody: 'Hội Phụ nữ xã',
    };
    await expectAuthorised('recordCandidate', input, { inside: world.tokens.hoa, outside: world.tokens.duc });
    await expectViolation(
      'recordCandidate',
      { ...input, cellCode: 'thanh-hoa-xom-9' },
      world.tokens.hoa,
      'ORGANISATION_NOT_ACTIVE',
      'cellCode',
    );
    await expectViolation(
      'recordCandidate',
      { ...input, cellCode: 'thanh-hoa' },
      world.tokens.hoa,
      'NOT_A_CELL',
      'cellCode',
    );
    await expectViolation(
      'recordCandidate',
      { ...input, birthDate: '2017-03-01' },
      world.tokens.hoa,
      'BIRTH_DATE_AFTER',
      'birthDate',
    );
    await expectViolation('recordCandidate', { ...input, fullName: ' ' }, world.tokens.hoa, 'REQUIRED', 'fullName');
    expect((await mutate('recordCandidate', input, world.tokens.viewer)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    ); // Dates are real dates: refused before any resolver runs.
    const before = await fingerprint();
    const unreal = await mutate('recordCandidate', { ...input, birthDate: '1996-02-30' }, world.tokens.hoa);
    expect([unreal.errors?.[0]?.extensions?.code, unreal.data]).toEqual(['BAD_USER_INPUT', undefined]);
    expect(await fingerprint()).toBe(before);
  });

  test('advanceCandidate and admitCandidate: refused outside, audited inside', async () => {
    const id = await candidateAt('SOURCED', '2017-01-01');
    await expectAuthorised(
      'advanceCandidate',
      { candidateId: id, stage: 'WITHDRAWN', on: '2017-02-01', actingBody: 'Chi bộ' },
      { inside: world.tokens.hoa, outside: world.tokens.duc },
    );
    const decided = await candidateAt('DECIDED', '2017-03-01', {}, [{ stage: 'CELL_VOTED', on: '2017-02-01' }]);
    await expectAuthorised(
      'admitCandidate',
      { candidateId: decided, on: '2017-03-10', actingBody: 'Chi bộ' },
      { inside: world.tokens.hoa, outside: world.tokens.duc },
    );
  });

  test('moveCandidate: to another cell of the commune, audited; each rule refuses and writes nothing', async () => {
    const t = world.tokens.hoa;
    const id = await candidateAt('VERIFIED', '2017-03-01');
    const move = { candidateId: id, toCellCode: 'thanh-hoa-xom-4', on: '2017-03-10' };
    await expectViolation(
      'moveCandidate',
      { ...move, toCellCode: 'thanh-hoa-xom-3' },
      t,
      'CANDIDATE_SAME_CELL',
      'toCellCode',
    );
    await expectViolation('moveCandidate', { ...move, on: '2017-02-28' }, t, 'DATE_BEFORE_PREVIOUS_STEP', 'on');
    await expectViolation('moveCandidate', { ...move, toCellCode: 'thanh-hoa' }, t, 'NOT_A_CELL', 'toCellCode');
    const ended = await candidateAt('WITHDRAWN', '2017-03-01');
    await expectViolation('moveCandidate', { ...move, candidateId: ended }, t, 'CANDIDATE_PATH_ENDED', 'candidateId');
    // Into another commune: the commune's editor does not reach the target.
    expectForbidden(await mutate('moveCandidate', { ...move, toCellCode: 'thanh-duc-xom-1' }, t));
    await expectAuthorised('moveCandidate', move, { inside: t, outside: world.tokens.duc });
    const moved = await prisma().candidate.findUniqueOrThrow({ where: { id: Number(decodeGlobalID(id).id) } });
    const xom4 = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-hoa-xom-4' } });
    expect([moved.cellId, moved.stage]).toEqual([xom4.id, 'VERIFIED']);
  });

  test('each rule of the path refuses with its code and field and writes nothing', async () => {
    const t = world.tokens.hoa;
    /** Above youth age, no trade union at work: two full members introduce. */
    const adult = { birthDate: '1980-01-01' };
    const step = async (
      stage: string,
      stageOn: string,
      input: Record<string, unknown>,
      code: string,
      field: string,
      extra = {},
      events: { stage: string; on: string }[] = [],
    ) =>
      expectViolation(
        'advanceCandidate',
        { candidateId: await candidateAt(stage, stageOn, extra, events), actingBody: 'Chi bộ', ...input },
        t,
        code,
        field,
      );
    await step('SOURCED', '2017-01-01', { stage: 'APPLIED', on: '2017-02-01' }, 'STAGE_ORDER', 'stage');
    await step(
      'SOURCED',
      '2017-01-01',
      { stage: 'TRAINED', on: '2016-12-31', certificateOn: '2016-12-31' },
      'DATE_BEFORE_PREVIOUS_STEP',
      'on',
    );
    await step('SOURCED', '2017-01-01', { stage: 'TRAINED', on: '2017-02-01' }, 'CERTIFICATE_MISSING', 'certificateOn');
    await step(
      'VERIFIED',
      '2017-01-01',
      { stage: 'INTRODUCED', on: '2017-02-01', introducers: [known(1)] },
      'INTRODUCERS_COUNT',
      'introducers',
      adult,
    );
    // One member named twice is not two introducers.
    await step(
      'VERIFIED',
      '2017-01-01',
      { stage: 'INTRODUCED', on: '2017-02-01', introducers: [known(1), known(1)] },
      'INTRODUCERS_NOT_DISTINCT',
      'introducers',
      adult,
    );
    await step(
      'VERIFIED',
      '2017-01-01',
      { stage: 'INTRODUCED', on: '2017-02-01', introducers: [known(1), known(9)] },
      'INTRODUCER_NOT_FULL_MEMBER',
      'introducers',
      adult,
    );
    await step(
      'VERIFIED',
      '2017-01-01',
      { stage: 'INTRODUCED', on: '2017-02-01', introducers: [known(1), known(2, '2016-06-01')] },
      'INTRODUCER_KNOWN_TOO_SHORT',
      'introducers',
      adult,
    );
    await step(
      'VERIFIED',
      '2017-01-01',
      { stage: 'INTRODUCED', on: '2017-02-01', introducers: [{ youthUnion: 'Đoàn xã' }, known(1)] },
      'YOUTH_UNION_ROUTE_NOT_ALLOWED',
      'introducers',
      adult,
    );
    const vote = { stage: 'CELL_VOTED', on: '2017-02-01', votesFor: 4, votesEligible: 6 };
    await step('INTRODUCED', '2017-01-01', vote, 'AGE_OUT_OF_RANGE', 'birthDate', { birthDate: '2000-01-01' });
    await step('INTRODUCED', '2017-01-01', vote, 'AGE_OUT_OF_RANGE', 'birthDate', { birthDate: '1950-01-01' });
    await step('INTRODUCED', '2017-01-01', vote, 'CERTIFICATE_EXPIRED', 'certificateOn', {
      certificateOn: '2011-06-01',
    });
    await step('INTRODUCED', '2017-01-01', { ...vote, votesFor: 3 }, 'VOTE_SHARE_TOO_LOW', 'votesFor');
    await step('INTRODUCED', '2017-01-01', { ...vote, votesFor: null }, 'VOTES_MISSING', 'votesFor');
    // The base is the roster (six full members in xóm 3), not a number typed in: 2 of 3 is refused.
    await step(
      'INTRODUCED',
      '2017-01-01',
      { ...vote, votesFor: 2, votesEligible: 3 },
      'VOTE_BASE_MISMATCH',
      'votesEligible',
    );
    await step(
      'INTRODUCED',
      '2017-01-01',
      { ...vote, votesEligible: null, absentExcused: [member(9)] },
      'ABSENT_NOT_ON_ROSTER',
      'absentExcused',
    );
    await step(
      'INTRODUCED',
      '2017-01-01',
      { ...vote, votesFor: 3, votesEligible: null },
      'VOTE_SHARE_TOO_LOW',
      'votesFor',
    );
    await step(
      'CELL_VOTED',
      '2017-01-01',
      { stage: 'COMMITTEE_VOTED', on: '2017-02-01', votesFor: 1, votesEligible: 9 },
      'VOTE_SHARE_TOO_LOW',
      'votesFor',
    );
    await step('COMMITTEE_VOTED', '2017-01-10', { stage: 'DECIDED', on: '2017-06-01' }, 'DECISION_LATE', 'on', {}, [
      { stage: 'CELL_VOTED', on: '2017-01-02' },
    ]);
    await step('DECIDED', '2017-03-01', { stage: 'ADMITTED', on: '2017-06-01' }, 'CEREMONY_LATE', 'on');
    await step('DECIDED', '2015-12-01', { stage: 'ADMITTED', on: '2016-01-05' }, 'ORGANISATION_NOT_ACTIVE', 'on', {
      cellId: CELL.dissolved,
    });
    const english = await gql(
      `mutation { advanceCandidate(input: { candidateId: "${candidate(999)}", stage: TRAINED, on: "2017-01-01", actingBody: "x" }) { ... on ValidationError { code message } } }`,
      {},
      world.tokens.admin,
    );
    expect(english.data!.advanceCandidate).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy người vào Đảng.' });
  });

  test('the cell’s vote counts against its roster less the excused absentees, and records that base', async () => {
    const id = await candidateAt('INTRODUCED', '2017-01-01');
    const input = { candidateId: id, stage: 'CELL_VOTED', on: '2017-02-01', actingBody: 'Chi bộ xóm 3', votesFor: 3 };
    // Six full members; two exempt from activity were absent: 3 of 4 carries.
    const result = await mutate(
      'advanceCandidate',
      { ...input, absentExcused: [member(1), member(2)] },
      world.tokens.hoa,
    );
    expect(result.errors ?? result.error).toBeUndefined();
    const event = await prisma().candidateEvent.findFirstOrThrow({
      where: { candidateId: Number(decodeGlobalID(id).id), stage: 'CELL_VOTED' },
    });
    expect([event.votesFor, event.votesEligible]).toEqual([3, 4]);
  });

  test('messages follow Accept-Language: Vietnamese by default, English on request', async () => {
    const response = await app.fetch('http://ketnap.test/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': 'en-GB,en;q=0.9',
        authorization: `Bearer ${world.tokens.admin}`,
      },
      body: JSON.stringify({
        query: `mutation { admitCandidate(input: { candidateId: "${candidate(999)}", on: "2017-01-01", actingBody: "x" }) { ... on ValidationError { code field message messageVi } } }`,
      }),
    });
    const body = (await response.json()) as { data: { admitCandidate: Record<string, string> } };
    expect(body.data.admitCandidate).toEqual({
      code: 'NOT_FOUND',
      field: 'candidateId',
      message: 'No such candidate.',
      messageVi: 'Không tìm thấy người vào Đảng.',
    });
  });
});
