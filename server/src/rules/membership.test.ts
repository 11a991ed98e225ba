import { describe, expect, it } from 'vitest';
import {
  type MemberFacts,
  probationEndsOn,
  recognitionOutcome,
  validateHistory,
  validateLeaving,
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
  it('votes on recognition after 12 months, in order, until a pass or the member leaves', () => {
    const vote = (on: string, votesFor: number, votesEligible = 9) => ({ on, votesFor, votesEligible });
    const check = (facts: Partial<MemberFacts>, v: ReturnType<typeof vote>, previous: { on: string }[] = []) =>
      codes(validateRecognitionVote({ ...m, ...facts }, previous, v));
    expect(check({}, vote('2017-03-10', 6))).toEqual([]);
    expect(check({}, vote('2017-03-10', 5))).toEqual([]); // a failed vote is recorded too
    expect(codes(validateRecognitionVote(m, [], vote('2017-03-10', 5), true))).toEqual(['VOTE_SHARE_TOO_LOW@votesFor']);
    expect(check({}, vote('2017-03-09', 6))).toEqual(['PROBATION_NOT_OVER@on']);
    expect(check({}, vote('2017-03-10', 10))).toEqual(['VOTES_INVALID@votesFor']);
    expect(check({}, vote('2017-04-10', 6), [{ on: '2017-04-10' }])).toEqual(['VOTE_NOT_AFTER_PREVIOUS@on']);
    expect(check({ officialOn: '2017-03-10' }, vote('2017-04-01', 6))).toEqual(['ALREADY_FULL_MEMBER@memberId']);
    expect(check({ leftOn: '2018-01-01' }, vote('2017-04-01', 6))).toEqual(['MEMBER_LEFT@memberId']);
  });
  it('two thirds pass; the third failed vote removes', () => {
    const failed = { passed: false };
    const v = (votesFor: number) => ({ on: '2017-06-01', votesFor, votesEligible: 3 });
    expect(recognitionOutcome(v(2), [failed, failed])).toEqual({ passed: true, removes: false });
    expect(recognitionOutcome(v(1), [])).toEqual({ passed: false, removes: false });
    expect(recognitionOutcome(v(1), [failed])).toEqual({ passed: false, removes: false });
    expect(recognitionOutcome(v(1), [failed, failed])).toEqual({ passed: false, removes: true });
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
