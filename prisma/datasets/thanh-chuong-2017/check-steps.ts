// Every candidate's steps, replayed through the server's rules as if entered one by one through the
// API (rules/stages.ts: the path, ages, certificate, introducers, votes, and the working-day
// deadlines on the server's calendar of Vietnamese holidays).
import { deadline, decisionWorkingDays } from '../../../server/src/rules/deadlines.ts';
import type { IntroducerFacts } from '../../../server/src/rules/introducers.ts';
import { policyOn } from '../../../server/src/rules/policy.ts';
import { type CandidateFacts, type Stage, type Step, validateStep } from '../../../server/src/rules/stages.ts';
import { defaultCalendar } from '../../../server/src/rules/working-days.ts';
import type { IntroductionRow } from '../types.ts';
import { type CandidateView, type Check, eachCandidate, type World } from './check-tools.ts';
import { HORIZON } from './context.ts';

/** The introducers as the server sees them: members with their dates, or an organisation. */
const introducers = (w: World, list: IntroductionRow[]): IntroducerFacts[] =>
  list.map((i) => {
    const m = i.memberId === null ? undefined : w.memberById.get(i.memberId);
    return m
      ? { member: { id: m.id, officialOn: m.officialOn, leftOn: m.leftOn, knownSince: i.knownSince } }
      : i.tradeUnion
        ? { tradeUnion: i.tradeUnion }
        : { youthUnion: i.youthUnion ?? '' };
  });

/** What the server would refuse had the candidate's steps been entered one by one through the API. */
function replay(w: World, { row: c, events, introductions }: CandidateView): string[] {
  const [first, ...steps] = events;
  if (first?.stage !== 'SOURCED') return [`first event ${first?.stage}`];
  const facts: CandidateFacts = {
    stage: 'SOURCED',
    stageOn: first.on,
    birthDate: c.birthDate,
    isYouthUnionMember: c.isYouthUnionMember,
    isTradeUnionMember: c.isTradeUnionMember,
    workplaceHasTradeUnion: c.workplaceHasTradeUnion,
    inGrassrootsCell: w.org(c.cellId).kind === 'GRASSROOTS_CELL',
    certificateOn: null,
    ageException: c.ageException,
    ageExceptionBy: c.ageExceptionBy,
    cellVotedOn: null,
    decidedOn: null,
    decisionExtendedOn: null,
  };
  const refused: string[] = [];
  for (const e of steps) {
    const stage = e.stage as Stage;
    const step: Step = {
      stage,
      on: e.on,
      votesFor: e.votesFor,
      votesEligible: e.votesEligible,
      certificateOn: stage === 'TRAINED' ? c.certificateOn : null,
      introducers: stage === 'INTRODUCED' ? introducers(w, introductions) : [],
    };
    for (const v of validateStep(facts, step, defaultCalendar)) refused.push(`${stage} on ${e.on}: ${v.code}`);
    Object.assign(facts, { stage, stageOn: e.on });
    if (stage === 'TRAINED') facts.certificateOn = c.certificateOn;
    if (stage === 'CELL_VOTED') facts.cellVotedOn = e.on;
    if (stage === 'DECIDED') facts.decidedOn = e.on;
  }
  return refused;
}

export const stepChecks: Check[] = [
  {
    name: 'every step of every candidate is one the server accepts',
    problems: (w) => eachCandidate(w, (c) => replay(w, c).join('; ')),
  },
  {
    // What the generator promises for those still on their way (pending.ts): recent enough.
    name: `no candidate on the way is past a deadline on ${HORIZON}`,
    problems: (w) =>
      eachCandidate(w, ({ row, events }) => {
        const policy = policyOn(HORIZON);
        const on = (stage: Stage) => events.find((e) => e.stage === stage)?.on ?? null;
        const late = ['CELL_VOTED', 'COMMITTEE_VOTED'].includes(row.stage)
          ? deadline('DECISION_LATE', on('CELL_VOTED'), decisionWorkingDays(policy, false), HORIZON, defaultCalendar)
          : row.stage === 'DECIDED'
            ? deadline('CEREMONY_LATE', on('DECIDED'), policy.ceremonyWorkingDays, HORIZON, defaultCalendar)
            : [];
        return late[0] && `${row.stage} on ${row.stageOn}: ${late[0].code}`;
      }),
  },
];
