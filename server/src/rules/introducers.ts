// Who introduces a candidate (người giới thiệu, Điều lệ Đảng Art. 4; DESIGN.md, "Candidates"): two
// full members who have worked or lived with the candidate for 12 months; for a candidate of youth
// age, a Youth Union member, the grassroots Youth Union committee and one full member; above that
// age, where the workplace has a trade union, a trade union member, the grassroots trade union
// committee and one full member. Pure: the caller gathers the facts, these functions judge them.
import { addMonths, fullMonthsBetween, policyOn } from './policy.ts';
import { type Violation, violation } from './violations.ts';

/** One introducer: a member (who, full member since, left on, known since), or an organisation (its name). */
export interface IntroducerFacts {
  member?: { id: number; officialOn: string | null; leftOn: string | null; knownSince: string | null };
  /** The grassroots Youth Union committee. */
  youthUnion?: string;
  /** The grassroots trade union committee of the candidate's workplace. */
  tradeUnion?: string;
}

/** What the rule asks of the candidate on the day of introduction. */
export interface IntroducedCandidate {
  birthDate: string;
  isYouthUnionMember: boolean;
  isTradeUnionMember: boolean;
  workplaceHasTradeUnion: boolean;
}

export type IntroducingOrganisation = 'youthUnion' | 'tradeUnion';

/** Of youth age on `on`: up to 30 years and 0 months, counted in whole months (policy.ts). */
export function isYouthAge(birthDate: string, on: string): boolean {
  return fullMonthsBetween(birthDate, on) <= policyOn(on).youthMaxAge * 12;
}

/** The organisation that must introduce the candidate on `on`, with one full member; null: two members. */
export function introducingOrganisation(c: IntroducedCandidate, on: string): IntroducingOrganisation | null {
  if (isYouthAge(c.birthDate, on)) return 'youthUnion';
  // A trade union member belongs to the grassroots trade union of their workplace: it has one.
  return c.workplaceHasTradeUnion || c.isTradeUnionMember ? 'tradeUnion' : null;
}

/** Everything wrong with `list` introducing `c` on `on`; empty when allowed. */
export function validateIntroducers(c: IntroducedCandidate, on: string, list: IntroducerFacts[]): Violation[] {
  const policy = policyOn(on);
  const age = { age: policy.youthMaxAge };
  const route = introducingOrganisation(c, on);
  if (route === 'youthUnion' && !c.isYouthUnionMember)
    return [violation('YOUTH_UNION_MEMBER_REQUIRED', 'isYouthUnionMember', age)];
  if (route === 'tradeUnion' && !c.isTradeUnionMember)
    return [violation('TRADE_UNION_MEMBER_REQUIRED', 'isTradeUnionMember', age)];
  if (list.some((i) => i.youthUnion) && route !== 'youthUnion')
    return [violation('YOUTH_UNION_ROUTE_NOT_ALLOWED', 'introducers', age)];
  if (list.some((i) => i.tradeUnion) && route !== 'tradeUnion')
    return [violation('TRADE_UNION_ROUTE_NOT_ALLOWED', 'introducers', age)];
  const organisations = list.filter((i) => !i.member).length;
  if (route === 'youthUnion' && organisations === 0)
    return [violation('YOUTH_UNION_INTRODUCTION_REQUIRED', 'introducers', age)];
  if (route === 'tradeUnion' && organisations === 0)
    return [violation('TRADE_UNION_INTRODUCTION_REQUIRED', 'introducers', age)];
  const members = list.flatMap((i) => (i.member ? [i.member] : []));
  if (organisations > 1 || list.length !== policy.introducers) return [violation('INTRODUCERS_COUNT', 'introducers')];
  // Two introducers are two people: the same member cannot be named twice.
  if (new Set(members.map((m) => m.id)).size !== members.length)
    return [violation('INTRODUCERS_NOT_DISTINCT', 'introducers')];
  const knownBy = addMonths(on, -policy.introducerKnownMonths);
  for (const member of members) {
    if (!member.officialOn || member.officialOn > on || (member.leftOn && member.leftOn <= on))
      return [violation('INTRODUCER_NOT_FULL_MEMBER', 'introducers')];
    if (!member.knownSince || member.knownSince > knownBy)
      return [violation('INTRODUCER_KNOWN_TOO_SHORT', 'introducers', { months: policy.introducerKnownMonths })];
  }
  return [];
}
