// The admission decision's deadline, on SQLite and PostgreSQL: 60 working days after the cell's
// resolution, 90 once extendDecisionDeadline is on record; the DECIDED step and the overdue
// report both count it, at the edges.
import { describe, expect } from 'vitest';
import { addWorkingDays, defaultCalendar } from '../src/rules/working-days.ts';
import { gql } from './support.ts';
import { candidateAt, engines, expectAuthorised, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const CELL_VOTED = '2017-03-01';
const day = (n: number) => addWorkingDays(defaultCalendar, CELL_VOTED, n);
/** A candidate of thanh-hoa-xom-3 whose cell voted on CELL_VOTED, waiting for the decision. */
const waiting = () => candidateAt('COMMITTEE_VOTED', '2017-03-10', {}, [{ stage: 'CELL_VOTED', on: CELL_VOTED }]);
const decide = (candidateId: string, on: string, extra = {}) => ({
  candidateId,
  stage: 'DECIDED',
  on,
  actingBody: 'Ban Thường vụ Huyện ủy',
  ...extra,
});

describe.each(engines)('decision deadline on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('without an extension: the 60th working day is allowed, the 61st refused', async () => {
    const t = world.tokens.hoa;
    const late = await expectViolation('advanceCandidate', decide(await waiting(), day(61)), t, 'DECISION_LATE', 'on');
    expect(late.error?.messageEn).toContain(`60 working days of the cell’s resolution (by ${day(60)})`);
    const flagOnly = decide(await waiting(), day(61), { isExtended: true });
    await expectViolation('advanceCandidate', flagOnly, t, 'EXTENSION_NOT_RECORDED', 'isExtended');
    const onTime = await mutate('advanceCandidate', decide(await waiting(), day(60)), t, 'stage stageOn');
    expect(onTime.data).toEqual({ stage: 'DECIDED', stageOn: day(60) });
  });

  test('extendDecisionDeadline: refused outside, audited inside; then the 90th day is allowed, the 91st refused', async () => {
    const id = await waiting();
    const input = { candidateId: id, on: day(60) };
    await expectAuthorised('extendDecisionDeadline', input, { inside: world.tokens.hoa, outside: world.tokens.duc });
    const read = await gql(
      `{ node(id: "${id}") { ... on Candidate { decisionExtendedOn stage } } }`,
      {},
      world.tokens.hoa,
    );
    expect(read.data!.node).toEqual({ decisionExtendedOn: day(60), stage: 'COMMITTEE_VOTED' });
    const t = world.tokens.hoa;
    const late = await expectViolation('advanceCandidate', decide(id, day(91)), t, 'DECISION_LATE', 'on');
    expect(late.error?.messageEn).toContain(`90 working days of the cell’s resolution (by ${day(90)})`);
    const onTime = await mutate('advanceCandidate', decide(id, day(90), { isExtended: true }), t, 'stage stageOn');
    expect(onTime.data).toEqual({ stage: 'DECIDED', stageOn: day(90) });
  });

  test('an extension comes once, while the decision is awaited, within the 60 working days', async () => {
    const t = world.tokens.hoa;
    const extend = async (candidateId: string, on: string, code: string, field: string) =>
      expectViolation('extendDecisionDeadline', { candidateId, on }, t, code, field);
    await extend(await waiting(), day(61), 'EXTENSION_LATE', 'on');
    await extend(await waiting(), '2017-02-28', 'DATE_BEFORE_PREVIOUS_STEP', 'on');
    await extend(await candidateAt('INTRODUCED', '2017-02-01'), '2017-03-01', 'NOT_AWAITING_DECISION', 'candidateId');
    const once = await waiting();
    expect((await mutate('extendDecisionDeadline', { candidateId: once, on: day(5) }, t)).error).toBeUndefined();
    await extend(once, day(6), 'DECISION_ALREADY_EXTENDED', 'candidateId');
    const viewer = await mutate(
      'extendDecisionDeadline',
      { candidateId: await waiting(), on: day(5) },
      world.tokens.viewer,
    );
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('overdue decisions count 60 working days, or 90 with the extension', async () => {
    const plain = await waiting();
    const extended = await waiting();
    await mutate('extendDecisionDeadline', { candidateId: extended, on: day(30) }, world.tokens.hoa);
    const overdue = async (asOf: string) => {
      const r = await gql(
        `{ organisation(code: "thanh-hoa-xom-3") { overdueSteps(asOf: "${asOf}") { kind dueOn workingDaysLate candidate { id } } } }`,
        {},
        world.tokens.hoa,
      );
      expect(r.errors).toBeUndefined();
      const mine = r.data!.organisation.overdueSteps.filter((s: any) => [plain, extended].includes(s.candidate?.id));
      return mine.map((s: any) => [
        s.candidate.id === plain ? 'plain' : 'extended',
        s.kind,
        s.dueOn,
        s.workingDaysLate,
      ]);
    };
    expect(await overdue(day(60))).toEqual([]);
    expect(await overdue(day(61))).toEqual([['plain', 'DECISION', day(60), 1]]);
    expect(await overdue(day(90))).toEqual([['plain', 'DECISION', day(60), 30]]);
    expect(await overdue(day(91))).toEqual([
      ['plain', 'DECISION', day(60), 31],
      ['extended', 'DECISION', day(90), 1],
    ]);
  });
});
