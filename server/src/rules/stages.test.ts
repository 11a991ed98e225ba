import { describe, expect, it } from 'vitest';
import { type CandidateFacts, nextStages, type Step, validateStep } from './stages.ts';
import { defaultCalendar } from './working-days.ts';

const c: CandidateFacts = {
  stage: 'VERIFIED',
  stageOn: '2017-02-01',
  birthDate: '1995-05-05',
  isYouthUnionMember: true,
  isTradeUnionMember: false,
  workplaceHasTradeUnion: false,
  inGrassrootsCell: false,
  certificateOn: '2016-10-01',
  ageException: null,
  ageExceptionBy: null,
  cellVotedOn: null,
  decidedOn: null,
  decisionExtendedOn: null,
};
const full = { id: 1, officialOn: '2000-01-01', leftOn: null, knownSince: '2015-01-01' };
const other = { ...full, id: 2 };
const check = (facts: Partial<CandidateFacts>, step: Step) =>
  validateStep({ ...c, ...facts }, step, defaultCalendar).map((v) => `${v.code}@${v.field}`);

describe('stage transitions', () => {
  it('goes one step at a time, or leaves the path', () => {
    expect(nextStages('SOURCED')).toEqual(['TRAINED', 'WITHDRAWN', 'REJECTED']);
    expect(nextStages('DECIDED')).toEqual(['ADMITTED', 'WITHDRAWN', 'REJECTED']);
    expect(nextStages('ADMITTED')).toEqual([]);
    expect(check({}, { stage: 'CELL_VOTED', on: '2017-03-01' })).toEqual(['STAGE_ORDER@stage']);
    expect(check({ stage: 'WITHDRAWN' }, { stage: 'INTRODUCED', on: '2017-03-01' })).toEqual(['STAGE_ORDER@stage']);
    expect(check({}, { stage: 'REJECTED', on: '2017-03-01' })).toEqual([]);
  });
  it('never goes back in time (same day allowed)', () => {
    expect(check({}, { stage: 'REJECTED', on: '2017-01-31' })).toEqual(['DATE_BEFORE_PREVIOUS_STEP@on']);
    expect(check({}, { stage: 'REJECTED', on: '2017-02-01' })).toEqual([]);
  });
  it('needs a certificate to be trained', () => {
    expect(check({ stage: 'SOURCED', stageOn: '2016-01-01' }, { stage: 'TRAINED', on: '2017-01-01' })).toEqual([
      'CERTIFICATE_MISSING@certificateOn',
    ]);
    expect(
      check(
        { stage: 'SOURCED', stageOn: '2016-01-01' },
        { stage: 'TRAINED', on: '2017-01-01', certificateOn: '2017-01-02' },
      ),
    ).toEqual(['CERTIFICATE_MISSING@certificateOn']);
    expect(
      check(
        { stage: 'SOURCED', stageOn: '2016-01-01' },
        { stage: 'TRAINED', on: '2017-01-01', certificateOn: '2017-01-01' },
      ),
    ).toEqual([]);
  });
  it('judges the introducers at INTRODUCED (rules/introducers.ts)', () => {
    const intro = (introducers: Step['introducers'], facts: Partial<CandidateFacts> = {}) =>
      check(facts, { stage: 'INTRODUCED', on: '2017-03-01', introducers });
    expect(intro([{ youthUnion: 'BCH Đoàn xã' }, { member: full }])).toEqual([]);
    expect(intro([{ member: full }, { member: other }])).toEqual(['YOUTH_UNION_INTRODUCTION_REQUIRED@introducers']);
    expect(intro([{ member: full }, { member: other }], { birthDate: '1980-01-01' })).toEqual([]);
  });
  it('has no committee vote for a grassroots cell: its vote goes straight to the decision', () => {
    expect(nextStages('CELL_VOTED', true)).toEqual(['DECIDED', 'WITHDRAWN', 'REJECTED']);
    expect(nextStages('CELL_VOTED')).toEqual(['COMMITTEE_VOTED', 'WITHDRAWN', 'REJECTED']);
    // One who reached the committee vote elsewhere and moved into a grassroots cell goes on to the decision.
    expect(nextStages('COMMITTEE_VOTED', true)).toEqual(['DECIDED', 'WITHDRAWN', 'REJECTED']);
    const voted = { stage: 'CELL_VOTED' as const, stageOn: '2017-03-01', cellVotedOn: '2017-03-01' };
    const committee = { stage: 'COMMITTEE_VOTED' as const, on: '2017-03-10', votesFor: 9, votesEligible: 11 };
    expect(check({ ...voted, inGrassrootsCell: true }, committee)).toEqual(['NO_GRASSROOTS_COMMITTEE@stage']);
    expect(check({ ...voted, inGrassrootsCell: true }, { stage: 'DECIDED', on: '2017-03-20' })).toEqual([]);
    // A cell under a grassroots committee still needs the committee's vote.
    expect(check(voted, { stage: 'DECIDED', on: '2017-03-20' })).toEqual(['STAGE_ORDER@stage']);
    expect(check(voted, committee)).toEqual([]);
  });
  it('votes in the cell: age 18 to 60, certificate under 5 years, two thirds', () => {
    const vote = (facts: Partial<CandidateFacts>, step: Partial<Step> = {}) =>
      check(
        { stage: 'INTRODUCED', ...facts },
        { stage: 'CELL_VOTED', on: '2017-03-01', votesFor: 6, votesEligible: 9, ...step },
      );
    expect(vote({})).toEqual([]);
    expect(vote({ birthDate: '1999-03-02' })).toEqual(['AGE_OUT_OF_RANGE@birthDate']);
    expect(vote({ birthDate: '1999-03-01' })).toEqual([]);
    // Counted in whole months: 60 years and 0 months is within, 60 years and 1 month is over.
    expect(vote({ birthDate: '1957-02-02' })).toEqual([]);
    expect(vote({ birthDate: '1957-02-01' })).toEqual(['AGE_OUT_OF_RANGE@birthDate']);
    expect(vote({ birthDate: '1956-03-02' })).toEqual(['AGE_OUT_OF_RANGE@birthDate']);
    // An exception records the approving committee and its decision; half of one is refused.
    const approved = { by: 'Ban Thường vụ Tỉnh ủy', decision: 'Quyết định số 12-QĐ/TU ngày 20/02/2017' };
    expect(vote({ birthDate: '1950-01-01' }, { ageException: approved })).toEqual([]);
    expect(vote({ birthDate: '1950-01-01' }, { ageException: { ...approved, by: ' ' } })).toEqual([
      'AGE_EXCEPTION_INCOMPLETE@ageException',
    ]);
    expect(vote({ birthDate: '1950-01-01', ageException: approved.decision, ageExceptionBy: approved.by })).toEqual([]);
    expect(vote({ certificateOn: '2012-03-02' })).toEqual([]);
    expect(vote({ certificateOn: '2012-03-01' })).toEqual(['CERTIFICATE_EXPIRED@certificateOn']);
    expect(vote({ certificateOn: null })).toEqual(['CERTIFICATE_EXPIRED@certificateOn']);
    expect(vote({}, { votesFor: 5 })).toEqual(['VOTE_SHARE_TOO_LOW@votesFor']);
    expect(vote({}, { votesFor: null })).toEqual(['VOTES_MISSING@votesFor']);
    expect(vote({}, { votesFor: 10 })).toEqual(['VOTES_INVALID@votesFor']);
  });
  it('decides within 60 working days of the cell vote (90 when extended)', () => {
    const facts = { stage: 'COMMITTEE_VOTED' as const, stageOn: '2017-03-01', cellVotedOn: '2017-03-01' };
    // 60 working days after 2017-03-01 (with 6 Apr, 1 May and 2 May… holidays): 2017-05-26.
    expect(check(facts, { stage: 'DECIDED', on: '2017-05-26' })).toEqual([]);
    expect(check(facts, { stage: 'DECIDED', on: '2017-05-29' })).toEqual(['DECISION_LATE@on']);
    const extended = { ...facts, decisionExtendedOn: '2017-05-02' };
    expect(check(extended, { stage: 'DECIDED', on: '2017-05-29' })).toEqual([]);
    expect(check(extended, { stage: 'DECIDED', on: '2017-05-29', isExtended: true })).toEqual([]);
    // The flag alone extends nothing: the extension must be on record.
    expect(check(facts, { stage: 'DECIDED', on: '2017-05-29', isExtended: true })).toEqual([
      'EXTENSION_NOT_RECORDED@isExtended',
    ]);
  });
  it('holds the ceremony within 30 working days of the decision', () => {
    const facts = { stage: 'DECIDED' as const, stageOn: '2017-06-01', decidedOn: '2017-06-01' };
    expect(check(facts, { stage: 'ADMITTED', on: '2017-07-13' })).toEqual([]);
    expect(check(facts, { stage: 'ADMITTED', on: '2017-07-14' })).toEqual(['CEREMONY_LATE@on']);
  });
});
