// Candidate rules, recomputed from the rows (used by check.ts).
import type { CandidateEventRow, Dataset, IntroductionRow, MemberRow } from '../types.ts';
import { age, covers, expect, shiftMonths, shiftYears, workingDays } from './check-tools.ts';

// The path is written out again on purpose: the check must not trust the generator's (or the
// server's) own list, or a wrong order there would pass unnoticed.
const PATH = [
  'SOURCED',
  'TRAINED',
  'APPLIED',
  'VERIFIED',
  'INTRODUCED',
  'CELL_VOTED',
  'COMMITTEE_VOTED',
  'DECIDED',
  'ADMITTED',
];

function group<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export function checkCandidates(data: Dataset): Record<string, unknown> {
  const events = group(data.candidateEvents, (e) => e.candidateId);
  const intros = group(data.introductions, (i) => i.candidateId);
  const memberById = new Map(data.members.map((m) => [m.id, m]));
  const memberByCandidate = new Map(data.members.filter((m) => m.candidateId !== null).map((m) => [m.candidateId, m]));
  const placements = group(data.placements, (p) => p.memberId);
  const inCell = (m: MemberRow, cellId: number, d: string) =>
    m.admittedOn <= d &&
    (m.leftOn === null || m.leftOn > d) &&
    (placements.get(m.id) ?? []).some((p) => p.cellId === cellId && covers(p.startOn, p.endOn, d));
  const byCell = group(data.placements, (p) => p.cellId);
  const fullIn = (cellId: number, d: string) =>
    new Set(
      (byCell.get(cellId) ?? [])
        .map((p) => memberById.get(p.memberId))
        .filter((m): m is MemberRow => !!m && m.officialOn !== null && m.officialOn <= d && inCell(m, cellId, d)),
    ).size;
  const checkIntros = (cellId: number, youth: boolean, on: string, list: IntroductionRow[], label: string) => {
    const byMember = list.filter((i) => i.memberId !== null);
    const byUnion = list.filter((i) => i.youthUnion !== null);
    expect(
      youth ? byUnion.length === 1 && byMember.length === 1 : byUnion.length === 0 && byMember.length === 2,
      `${label}: introducers`,
    );
    for (const i of byMember) {
      const m = memberById.get(i.memberId ?? 0);
      expect(
        !!m && m.officialOn !== null && m.officialOn < on && inCell(m, cellId, on),
        `${label}: introducer ${i.memberId} not a full member of the cell`,
      );
      expect(i.knownSince !== null && i.knownSince <= shiftMonths(on, -12), `${label}: known for less than 12 months`);
    }
  };
  const stages: Record<string, number> = {};
  const sources: Record<string, number> = {};
  let admitted = 0;
  let youth = 0;
  for (const c of data.candidates) {
    stages[c.stage] = (stages[c.stage] ?? 0) + 1;
    const evs: CandidateEventRow[] = events.get(c.id) ?? [];
    const label = `candidate ${c.id}`;
    evs.forEach((e, i) => {
      expect(i === 0 || (evs[i - 1]?.on ?? '') <= e.on, `${label}: dates decrease`);
      expect(e.actingBody.length > 0, `${label}: no acting body`);
    });
    const last = evs[evs.length - 1];
    expect(last?.stage === c.stage && last.on === c.stageOn, `${label}: stage/stageOn differ from the last event`);
    expect(c.stageOn <= '2017-12-31', `${label}: after 2017`);
    const path = evs.map((e) => e.stage).filter((s) => s !== 'WITHDRAWN' && s !== 'REJECTED');
    expect(
      path.every((s, i) => s === PATH[i]),
      `${label}: stages out of order`,
    );
    const on = (s: string) => evs.find((e) => e.stage === s)?.on ?? '';
    expect(c.certificateOn === (path.length > 1 ? on('TRAINED') : null), `${label}: certificate`);
    if (path.length > 4) checkIntros(c.cellId, c.isYouthUnionMember, on('INTRODUCED'), intros.get(c.id) ?? [], label);
    else expect(!intros.has(c.id) || c.stage === 'REJECTED', `${label}: introduced too early`);
    for (const e of evs.filter((x) => x.stage === 'CELL_VOTED' || x.stage === 'COMMITTEE_VOTED')) {
      const ok =
        e.votesFor !== null &&
        e.votesEligible !== null &&
        e.votesEligible > 0 &&
        e.votesFor >= Math.ceil((2 * e.votesEligible) / 3);
      expect(
        ok && e.votesFor !== null && e.votesEligible !== null && e.votesFor <= e.votesEligible,
        `${label}: ${e.stage} votes`,
      );
    }
    const vote = evs.find((e) => e.stage === 'CELL_VOTED');
    if (vote) expect(vote.votesEligible === fullIn(c.cellId, vote.on), `${label}: eligible ≠ full members of the cell`);
    if (c.isYouthUnionMember) youth++;
    if (c.stage !== 'ADMITTED') continue;
    admitted++;
    sources[c.source] = (sources[c.source] ?? 0) + 1;
    expect(path.length === PATH.length && evs.length === PATH.length, `${label}: not every stage`);
    const m = memberByCandidate.get(c.id);
    expect(!!m && m.admittedOn === c.stageOn && m.admittedInId === c.cellId, `${label}: member`);
    expect(
      !!m && m.fullName === c.fullName && m.birthDate === c.birthDate && m.gender === c.gender,
      `${label}: identity`,
    );
    const cellVote = on('CELL_VOTED');
    const a = age(c.birthDate, cellVote);
    expect(a >= 18 && a <= 60, `${label}: age ${a} at the cell vote`);
    expect(!c.isYouthUnionMember || age(c.birthDate, on('INTRODUCED')) < 30, `${label}: youth over 30`);
    expect(c.certificateOn !== null && shiftYears(c.certificateOn, 5) > cellVote, `${label}: certificate expired`);
    expect(workingDays(cellVote, on('DECIDED')) <= 60, `${label}: decision later than 60 working days`);
    expect(workingDays(on('DECIDED'), on('ADMITTED')) <= 30, `${label}: ceremony later than 30 working days`);
  }
  const in2017 = data.members.filter((m) => m.admittedOn >= '2017-01-01');
  expect(
    in2017.every((m) => m.candidateId !== null),
    'a 2017 member without a candidate',
  );
  expect(
    data.members.filter((m) => m.admittedOn < '2017-01-01').every((m) => m.candidateId === null),
    'an old member with a candidate',
  );
  expect(admitted === in2017.length, 'admitted candidates ≠ 2017 members');
  return { candidates: data.candidates.length, byStage: stages, admittedBySource: sources, youthUnionMembers: youth };
}
