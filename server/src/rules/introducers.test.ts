import { describe, expect, it } from 'vitest';
import { type IntroducedCandidate, type IntroducerFacts, validateIntroducers } from './introducers.ts';

const ON = '2017-03-01';
/** Above youth age, no trade union at work: two full members. */
const adult: IntroducedCandidate = {
  birthDate: '1980-01-01',
  isYouthUnionMember: false,
  isTradeUnionMember: false,
  workplaceHasTradeUnion: false,
};
const full = { id: 1, officialOn: '2000-01-01', leftOn: null, knownSince: '2015-01-01' };
const other = { ...full, id: 2 };
const youthUnion = { youthUnion: 'BCH Đoàn xã' };
const tradeUnion = { tradeUnion: 'BCH Công đoàn trường' };
const check = (facts: Partial<IntroducedCandidate>, list: IntroducerFacts[]) =>
  validateIntroducers({ ...adult, ...facts }, ON, list).map((v) => `${v.code}@${v.field}`);

describe('introducers (Charter, Art. 4)', () => {
  it('are two different full members who knew the candidate 12 months', () => {
    expect(check({}, [{ member: full }, { member: other }])).toEqual([]);
    // The same member twice is one introducer, not two.
    expect(check({}, [{ member: full }, { member: full }])).toEqual(['INTRODUCERS_NOT_DISTINCT@introducers']);
    expect(check({}, [{ member: full }])).toEqual(['INTRODUCERS_COUNT@introducers']);
    expect(check({}, [{ member: full }, { member: { ...other, officialOn: null } }])).toEqual([
      'INTRODUCER_NOT_FULL_MEMBER@introducers',
    ]);
    expect(check({}, [{ member: full }, { member: { ...other, leftOn: '2017-02-01' } }])).toEqual([
      'INTRODUCER_NOT_FULL_MEMBER@introducers',
    ]);
    expect(check({}, [{ member: full }, { member: { ...other, knownSince: '2016-03-01' } }])).toEqual([]);
    expect(check({}, [{ member: full }, { member: { ...other, knownSince: '2016-03-02' } }])).toEqual([
      'INTRODUCER_KNOWN_TOO_SHORT@introducers',
    ]);
  });

  it('of youth age (up to 30 years and 0 months, in whole months): a Youth Union member, its committee and one member', () => {
    const youth = { isYouthUnionMember: true };
    // 30 years and 0 months on the day is still youth age; 30 years and 1 month is not.
    for (const birthDate of ['1995-05-05', '1987-03-01', '1987-02-02']) {
      expect(check({ ...youth, birthDate }, [youthUnion, { member: full }])).toEqual([]);
      expect(check({ ...youth, birthDate }, [{ member: full }, { member: other }])).toEqual([
        'YOUTH_UNION_INTRODUCTION_REQUIRED@introducers',
      ]);
      expect(check({ birthDate }, [youthUnion, { member: full }])).toEqual([
        'YOUTH_UNION_MEMBER_REQUIRED@isYouthUnionMember',
      ]);
      // Youth age comes first: a trade union at work does not change the route.
      expect(check({ ...youth, birthDate, isTradeUnionMember: true }, [tradeUnion, { member: full }])).toEqual([
        'TRADE_UNION_ROUTE_NOT_ALLOWED@introducers',
      ]);
    }
    expect(check({ ...youth, birthDate: '1987-02-01' }, [youthUnion, { member: full }])).toEqual([
      'YOUTH_UNION_ROUTE_NOT_ALLOWED@introducers',
    ]);
    expect(check({ ...youth, birthDate: '1987-02-01' }, [{ member: full }, { member: other }])).toEqual([]);
    expect(check({ ...youth, birthDate: '1995-05-05' }, [youthUnion, youthUnion])).toEqual([
      'INTRODUCERS_COUNT@introducers',
    ]);
    expect(
      check({ ...youth, birthDate: '1995-05-05' }, [youthUnion, { member: { ...full, officialOn: null } }]),
    ).toEqual(['INTRODUCER_NOT_FULL_MEMBER@introducers']);
  });

  it('above youth age, where the workplace has a trade union: a trade union member, its committee and one member', () => {
    const union = { workplaceHasTradeUnion: true, isTradeUnionMember: true };
    expect(check(union, [tradeUnion, { member: full }])).toEqual([]);
    expect(check(union, [{ member: full }, { member: other }])).toEqual([
      'TRADE_UNION_INTRODUCTION_REQUIRED@introducers',
    ]);
    expect(check({ workplaceHasTradeUnion: true }, [tradeUnion, { member: full }])).toEqual([
      'TRADE_UNION_MEMBER_REQUIRED@isTradeUnionMember',
    ]);
    // Just outside youth age (30 years and 1 month) the trade union introduces; at 30 years and 0 months it cannot.
    expect(check({ ...union, birthDate: '1987-02-01' }, [tradeUnion, { member: full }])).toEqual([]);
    expect(
      check({ ...union, birthDate: '1987-03-01', isYouthUnionMember: true }, [tradeUnion, { member: full }]),
    ).toEqual(['TRADE_UNION_ROUTE_NOT_ALLOWED@introducers']);
    // No trade union at work: two members, and the trade union cannot introduce.
    expect(check({}, [tradeUnion, { member: full }])).toEqual(['TRADE_UNION_ROUTE_NOT_ALLOWED@introducers']);
    expect(check(union, [youthUnion, { member: full }])).toEqual(['YOUTH_UNION_ROUTE_NOT_ALLOWED@introducers']);
  });
});
