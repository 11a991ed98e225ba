import { describe, expect, it } from 'vitest';
import { type AwaitingDecision, decisionWorkingDays, validateExtension } from './deadlines.ts';
import { policyOn } from './policy.ts';
import { addWorkingDays, defaultCalendar } from './working-days.ts';

const waiting: AwaitingDecision = { stage: 'COMMITTEE_VOTED', cellVotedOn: '2017-03-01', decisionExtendedOn: null };
const codes = (facts: Partial<AwaitingDecision>, on: string) =>
  validateExtension({ ...waiting, ...facts }, on, defaultCalendar).map((v) => `${v.code}@${v.field}`);

describe('decision deadline', () => {
  it('is 60 working days, 90 when extended', () => {
    const policy = policyOn('2017-03-01');
    expect([decisionWorkingDays(policy, false), decisionWorkingDays(policy, true)]).toEqual([60, 90]);
  });
  it('is extended once, while the decision is awaited, within the 60 working days', () => {
    const due = addWorkingDays(defaultCalendar, '2017-03-01', 60);
    expect(due).toBe('2017-05-26');
    expect(codes({}, '2017-03-01')).toEqual([]);
    expect(codes({ stage: 'CELL_VOTED' }, due)).toEqual([]);
    expect(codes({}, '2017-05-29')).toEqual(['EXTENSION_LATE@on']);
    expect(codes({}, '2017-02-28')).toEqual(['DATE_BEFORE_PREVIOUS_STEP@on']);
    expect(codes({ decisionExtendedOn: '2017-04-01' }, '2017-04-02')).toEqual([
      'DECISION_ALREADY_EXTENDED@candidateId',
    ]);
    expect(codes({ stage: 'DECIDED' }, '2017-04-02')).toEqual(['NOT_AWAITING_DECISION@candidateId']);
    expect(codes({ stage: 'INTRODUCED', cellVotedOn: null }, '2017-04-02')).toEqual([
      'NOT_AWAITING_DECISION@candidateId',
    ]);
  });
});
