// The routes of the Charter (Art. 4) written through the API, on SQLite and PostgreSQL: who
// introduces a candidate (two full members; the Youth Union and one, of youth age; the trade union
// and one, above it, where the workplace has one), just inside and just outside the age boundary;
// and who votes (a grassroots cell has no grassroots committee above it: no committee vote).
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { gql } from './support.ts';
import { candidateAt, engines, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const known = (id: number) => ({ memberId: encodeGlobalID('Member', String(id)), knownSince: '2015-01-01' });
const youthUnion = { youthUnion: 'Ban Chấp hành Đoàn xã Thanh Hòa' };
const tradeUnion = { tradeUnion: 'Ban Chấp hành Công đoàn Trường THCS Thanh Hòa' };
/** On 2017-02-01, the day of the introductions below: 30 years and 0 months, and 30 years and 1 month. */
const YOUTH = '1987-01-02';
const ABOVE = '1987-01-01';
const idOf = (id: string) => Number(decodeGlobalID(id).id);

describe.each(engines)('candidate routes on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);
  const introduce = async (extra: Record<string, unknown>, input: Record<string, unknown>) => ({
    candidateId: await candidateAt('VERIFIED', '2017-01-01', extra),
    stage: 'INTRODUCED',
    on: '2017-02-01',
    actingBody: 'Chi bộ xóm 3',
    ...input,
  });
  const accepted = async (input: Record<string, unknown>) => {
    const result = await mutate('advanceCandidate', input, world.tokens.hoa, 'stage');
    expect(result.errors ?? result.error).toBeUndefined();
    expect(result.data).toEqual({ stage: 'INTRODUCED' });
    return prisma().candidate.findUniqueOrThrow({
      where: { id: idOf(input.candidateId as string) },
      include: { introductions: { orderBy: { id: 'asc' } } },
    });
  };
  const refused = async (input: Record<string, unknown>, code: string, field: string) =>
    expectViolation('advanceCandidate', input, world.tokens.hoa, code, field);

  test('of youth age (up to 30 years and 0 months): a Youth Union member, its committee and one full member', async () => {
    const youth = { birthDate: YOUTH, isYouthUnionMember: true };
    const done = await accepted(await introduce(youth, { introducers: [youthUnion, known(1)] }));
    expect(done.introductions.map((i) => [i.youthUnion, i.tradeUnion, i.memberId])).toEqual([
      [youthUnion.youthUnion, null, null],
      [null, null, 1],
    ]);
    await refused(
      await introduce(youth, { introducers: [known(1), known(2)] }),
      'YOUTH_UNION_INTRODUCTION_REQUIRED',
      'introducers',
    );
    // A trade union at work changes nothing while of youth age.
    const unionised = { ...youth, isTradeUnionMember: true, workplaceHasTradeUnion: true };
    await refused(
      await introduce(unionised, { introducers: [tradeUnion, known(1)] }),
      'TRADE_UNION_ROUTE_NOT_ALLOWED',
      'introducers',
    );
    // Not a Youth Union member: refused; the membership given with the step is recorded and judged.
    const notMember = await introduce(
      { birthDate: YOUTH, isYouthUnionMember: false },
      { introducers: [youthUnion, known(1)] },
    );
    await refused(notMember, 'YOUTH_UNION_MEMBER_REQUIRED', 'isYouthUnionMember');
    expect((await accepted({ ...notMember, isYouthUnionMember: true })).isYouthUnionMember).toBe(true);
  });

  test('just above youth age (30 years and 1 month): two full members, or the trade union and one where there is one', async () => {
    const above = { birthDate: ABOVE, isYouthUnionMember: true };
    await refused(
      await introduce(above, { introducers: [youthUnion, known(1)] }),
      'YOUTH_UNION_ROUTE_NOT_ALLOWED',
      'introducers',
    );
    await accepted(await introduce(above, { introducers: [known(1), known(2)] }));
    await refused(
      await introduce(above, { introducers: [tradeUnion, known(1)] }),
      'TRADE_UNION_ROUTE_NOT_ALLOWED',
      'introducers',
    );
    const workplace = { ...above, workplaceHasTradeUnion: true };
    await refused(
      await introduce(workplace, { introducers: [tradeUnion, known(1)] }),
      'TRADE_UNION_MEMBER_REQUIRED',
      'isTradeUnionMember',
    );
    const member = { ...workplace, isTradeUnionMember: true };
    await refused(
      await introduce(member, { introducers: [known(1), known(2)] }),
      'TRADE_UNION_INTRODUCTION_REQUIRED',
      'introducers',
    );
    const done = await accepted(await introduce(member, { introducers: [tradeUnion, known(1)] }));
    expect(done.introductions.map((i) => [i.youthUnion, i.tradeUnion, i.memberId])).toEqual([
      [null, tradeUnion.tradeUnion, null],
      [null, null, 1],
    ]);
    // Each introducer is one member or one organisation.
    await refused(
      await introduce(member, { introducers: [{ ...tradeUnion, ...known(2) }, known(1)] }),
      'INTRODUCER_INVALID',
      'introducers',
    );
    await refused(await introduce(member, { introducers: [{}, known(1)] }), 'INTRODUCER_INVALID', 'introducers');
  });

  test('recordCandidate records the trade union memberships, read back on the candidate', async () => {
    const recorded = await mutate(
      'recordCandidate',
      {
        cellCode: 'thanh-hoa-xom-3',
        fullName: 'Phan Văn Công',
        birthDate: '1980-04-04',
        source: 'TRADE_UNION',
        isTradeUnionMember: true,
        workplaceHasTradeUnion: true,
        sourcedOn: '2017-02-01',
        actingBody: 'Công đoàn Trường THCS Thanh Hòa',
      },
      world.tokens.hoa,
      'isYouthUnionMember isTradeUnionMember workplaceHasTradeUnion',
    );
    expect(recorded.data).toEqual({
      isYouthUnionMember: false,
      isTradeUnionMember: true,
      workplaceHasTradeUnion: true,
    });
  });

  test('a grassroots cell has no committee vote: its vote goes straight to the decision', async () => {
    const admin = world.tokens.admin;
    const created = await mutate(
      'createOrganisation',
      {
        code: 'thanh-chuong-thpt',
        name: 'Chi bộ Trường THPT Thanh Chương',
        kind: 'GRASSROOTS_CELL',
        sector: 'AGENCY',
        parentCode: 'thanh-chuong',
        establishedOn: '2010-01-01',
      },
      admin,
    );
    expect(created.errors ?? created.error).toBeUndefined();
    const cell = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-chuong-thpt' } });
    const voted = () => candidateAt('CELL_VOTED', '2017-03-01', { cellId: cell.id });
    const step = (candidateId: string, stage: string, extra = {}) => ({
      candidateId,
      stage,
      on: '2017-03-10',
      actingBody: 'x',
      ...extra,
    });
    const committee = { votesFor: 9, votesEligible: 11 };
    await expectViolation(
      'advanceCandidate',
      step(await voted(), 'COMMITTEE_VOTED', committee),
      admin,
      'NO_GRASSROOTS_COMMITTEE',
      'stage',
    );
    const id = await voted();
    const decided = await mutate('advanceCandidate', step(id, 'DECIDED'), admin, 'stage');
    expect(decided.errors ?? decided.error).toBeUndefined();
    const admitted = await mutate(
      'admitCandidate',
      { candidateId: id, on: '2017-03-20', actingBody: 'Chi bộ Trường THPT Thanh Chương' },
      admin,
      'stage member { admittedIn { code } }',
    );
    expect(admitted.data).toEqual({ stage: 'ADMITTED', member: { admittedIn: { code: 'thanh-chuong-thpt' } } });
    const events = await gql(`{ node(id: "${id}") { ... on Candidate { events { stage } } } }`, {}, admin);
    expect(events.data!.node.events.map((e: { stage: string }) => e.stage)).toEqual([
      'CELL_VOTED',
      'DECIDED',
      'ADMITTED',
    ]);
    // A cell under a grassroots committee still needs the committee's vote.
    const ordinary = await candidateAt('CELL_VOTED', '2017-03-01');
    await expectViolation('advanceCandidate', step(ordinary, 'DECIDED'), admin, 'STAGE_ORDER', 'stage');
    const voteOk = await mutate('advanceCandidate', step(ordinary, 'COMMITTEE_VOTED', committee), admin, 'stage');
    expect(voteOk.data).toEqual({ stage: 'COMMITTEE_VOTED' });
  });
});
