import { describe, expect, it } from 'vitest';
import { validateHistory, validateLeaving, validateRecognition, validateTransfer } from './membership.ts';

const m = { admittedOn: '2016-03-10', officialOn: null, leftOn: null, currentPlacementOn: '2016-03-10' };
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
  it('recognises after 12 months with two thirds', () => {
    expect(validateRecognition(m, '2017-03-10', 6, 9)).toEqual([]);
    expect(codes(validateRecognition(m, '2017-03-09', 6, 9))).toEqual(['PROBATION_NOT_OVER@on']);
    expect(codes(validateRecognition(m, '2017-03-10', 5, 9))).toEqual(['VOTE_SHARE_TOO_LOW@votesFor']);
    expect(codes(validateRecognition(m, '2017-03-10', 10, 9))).toEqual(['VOTES_INVALID@votesFor']);
    expect(codes(validateRecognition({ ...m, officialOn: '2017-03-10' }, '2017-04-01', 6, 9))).toEqual([
      'ALREADY_FULL_MEMBER@memberId',
    ]);
  });
  it('leaves once, after the current placement began', () => {
    expect(validateLeaving(m, '2017-01-01')).toEqual([]);
    expect(codes(validateLeaving(m, '2016-03-01'))).toEqual(['PLACEMENT_OVERLAP@on']);
    expect(codes(validateLeaving({ ...m, leftOn: '2018-01-01' }, '2017-01-01'))).toEqual(['MEMBER_LEFT@memberId']);
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
