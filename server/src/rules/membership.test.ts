import { describe, expect, it } from 'vitest';
import {
  isReferred,
  type MemberFacts,
  type Proposal,
  probationEndsOn,
  recognitionProposal,
  validateHistory,
  validateLeaving,
  validateRecognitionDecision,
  validateRecognitionVote,
  validateTransfer,
} from './membership.ts';

const m: MemberFacts = { admittedOn: '2016-03-10', officialOn: null, leftOn: null, currentPlacementOn: '2016-03-10' };
const codes = (v: { code: string; field: string }[]) => v.map((x) => `${x.code}@${x.field}`);

describe('membership rules', () => {
  it('transfers after the current placement began, to another cell, while a member', () => {
    expect(validateTransfer(m, '2017-01-01', false)).toEqual([]);
    expect(codes(validateTransfer(m, '2016-03-10', false))).toEqual(['PLACEMENT_OVERLAP@on']);
    expect(codes(validateTransfer(m, '2017-01-01', true))).toEqual(['SAME_CELL@toCellCode']);
    expect(codes(validateTransfer({ ...m, leftOn: '2016-12-01' }, '2017-01-01', false))).toEqual([
      'MEMBER_LEFT@memberId',
    ]);
  });
  it('votes on recognition after 12 months, in order, until the committee decides or the case is referred', () => {
    const vote = (on: string, votesFor: number, votesEligible = 9, votesAgainst = 0) => ({
      on,
      votesFor,
      votesAgainst,
      votesEligible,
    });
    type Previous = { on: string; proposal: Proposal }[];
    const check = (facts: Partial<MemberFacts>, v: ReturnType<typeof vote>, previous: Previous = [], decided = false) =>
      codes(validateRecognitionVote({ ...m, ...facts }, previous, v, false, decided));
    expect(check({}, vote('2017-03-10', 6))).toEqual([]);
    expect(check({}, vote('2017-03-10', 5))).toEqual([]); // a vote short of two thirds is recorded too
    expect(codes(validateRecognitionVote(m, [], vote('2017-03-10', 5), true))).toEqual(['VOTE_SHARE_TOO_LOW@votesFor']);
    expect(check({}, vote('2017-03-09', 6))).toEqual(['PROBATION_NOT_OVER@on']);
    expect(check({}, vote('2017-03-10', 10))).toEqual(['VOTES_INVALID@votesFor']);
    expect(check({}, vote('2017-03-10', 5, 9, 5))).toEqual(['VOTES_INVALID@votesAgainst']);
    expect(check({}, vote('2017-04-10', 6), [{ on: '2017-04-10', proposal: 'NONE' }])).toEqual([
      'VOTE_NOT_AFTER_PREVIOUS@on',
    ]);
    expect(check({ officialOn: '2017-03-10' }, vote('2017-04-01', 6))).toEqual(['ALREADY_FULL_MEMBER@memberId']);
    expect(check({ leftOn: '2018-01-01' }, vote('2017-04-01', 6))).toEqual(['MEMBER_LEFT@memberId']);
    expect(check({}, vote('2017-04-01', 6), [], true)).toEqual(['RECOGNITION_DECIDED@memberId']);
    const three: Previous = ['2017-03-10', '2017-04-10', '2017-05-10'].map((on) => ({ on, proposal: 'NONE' }));
    expect(check({}, vote('2017-06-01', 6), three.slice(0, 2))).toEqual([]);
    expect(check({}, vote('2017-06-01', 6), three)).toEqual(['RECOGNITION_REFERRED@memberId']);
  });
  it('two thirds propose recognition or removal; the committee decides after a proposal or a referral', () => {
    const v = (votesFor: number, votesAgainst = 0) => ({ on: '2017-06-01', votesFor, votesAgainst, votesEligible: 3 });
    expect([v(2), v(1, 2), v(1, 1), v(0, 0)].map(recognitionProposal)).toEqual(['RECOGNISE', 'REMOVE', 'NONE', 'NONE']);
    const none = (on: string) => ({ on, proposal: 'NONE' as const });
    const decide = (votes: { on: string; proposal: Proposal }[], on = '2017-07-01') =>
      codes(validateRecognitionDecision(m, votes, on, false));
    expect(decide([])).toEqual(['RECOGNITION_NOT_PROPOSED@memberId']);
    expect(decide([none('2017-03-10')])).toEqual(['RECOGNITION_NOT_PROPOSED@memberId']);
    expect(decide([none('2017-03-10'), { on: '2017-04-10', proposal: 'REMOVE' }])).toEqual([]);
    expect(decide([{ on: '2017-04-10', proposal: 'RECOGNISE' }], '2017-04-09')).toEqual([
      'DATE_BEFORE_PREVIOUS_STEP@on',
    ]);
    const three = [none('2017-03-10'), none('2017-04-10'), none('2017-05-10')];
    expect(isReferred(three)).toBe(true);
    expect(decide(three)).toEqual([]);
  });
  it('leaves once, after the current placement began', () => {
    expect(validateLeaving(m, '2017-01-01')).toEqual([]);
    expect(codes(validateLeaving(m, '2016-03-01'))).toEqual(['PLACEMENT_OVERLAP@on']);
    expect(codes(validateLeaving({ ...m, leftOn: '2018-01-01' }, '2017-01-01'))).toEqual(['MEMBER_LEFT@memberId']);
  });
  it('ends probation 12 months after the admission', () => {
    expect(probationEndsOn('2016-03-10')).toBe('2017-03-10');
    expect(probationEndsOn('2016-12-31')).toBe('2017-12-31');
    expect(probationEndsOn('2016-02-29')).toBe('2017-03-01'); // the anniversary in a common year
  });
  it('checks a recorded history', () => {
    expect(validateHistory('2010-01-01', '2011-01-01', ['2010-01-01', '2012-05-01'])).toEqual([]);
    expect(codes(validateHistory('2010-01-01', null, ['2010-02-01']))).toEqual([
      'FIRST_PLACEMENT_NOT_ADMISSION@placements',
    ]);
    expect(codes(validateHistory('2010-01-01', null, ['2010-01-01', '2010-01-01']))).toEqual([
      'PLACEMENT_OVERLAP@placements',
    ]);
    expect(codes(validateHistory('2010-01-01', '2010-12-31', ['2010-01-01']))).toEqual([
      'PROBATION_NOT_OVER@officialOn',
    ]);
  });
});
