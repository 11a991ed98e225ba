// Candidates, from what only the rows can tell: their events against their own row, who may vote
// in the cell, who introduced them, the member an admission made. The steps themselves are judged
// by the server's rules in check-steps.ts.
import { introducingOrganisation } from '../../../server/src/rules/introducers.ts';
import { type Check, eachCandidate } from './check-tools.ts';
import { CANDIDATES_FROM, HORIZON } from './context.ts';

export const candidateChecks: Check[] = [
  {
    name: `a candidate's stage is that of its last event, by ${HORIZON}`,
    problems: (w) =>
      eachCandidate(w, ({ row, events }) => {
        const last = events.at(-1);
        return (last?.stage !== row.stage || last.on !== row.stageOn || row.stageOn > HORIZON) && `${row.stage}`;
      }),
  },
  {
    name: 'every event names the body that acted',
    problems: (w) =>
      eachCandidate(w, ({ events }) => events.some((e) => e.actingBody.trim() === '') && 'an event without a body'),
  },
  {
    name: 'the certificate is dated by the course (the TRAINED event)',
    problems: (w) =>
      eachCandidate(w, ({ row, events }) => {
        const course = events.find((e) => e.stage === 'TRAINED')?.on ?? null;
        return row.certificateOn !== course && `certificate ${row.certificateOn}, course ${course}`;
      }),
  },
  {
    name: "a cell's vote counts the cell's full members on the day as eligible",
    problems: (w) =>
      eachCandidate(w, ({ row, events }) => {
        const votes = events.filter(
          (e) => e.stage === 'CELL_VOTED' || (e.stage === 'REJECTED' && e.votesEligible !== null),
        );
        const wrong = votes.find((e) => e.votesEligible !== w.fullMembersIn(row.cellId, e.on).length);
        return (
          wrong &&
          `${wrong.votesEligible} eligible on ${wrong.on}, ${w.fullMembersIn(row.cellId, wrong.on).length} full members`
        );
      }),
  },
  {
    name: 'introducers are members of the cell: two, or the Youth Union or the trade union and one',
    problems: (w) =>
      eachCandidate(w, ({ row, events, introductions }) => {
        const on = events.find((e) => e.stage === 'INTRODUCED')?.on;
        if (!on) return introductions.length > 0 && 'introduced without an INTRODUCED event';
        const members = introductions.flatMap((i) => (i.memberId === null ? [] : [i.memberId]));
        const inCell = new Set(w.membersIn(row.cellId, on).map((m) => m.id));
        const route = introducingOrganisation(row, on)
          ? introductions.length === 2 && members.length === 1
          : members.length === 2;
        return (!route || members.some((id) => !inCell.has(id))) && `introducers ${JSON.stringify(introductions)}`;
      }),
  },
  {
    name: 'an admitted candidate is the member admitted in its cell on the ceremony day, the same person',
    problems: (w) => {
      const memberOf = new Map(w.data.members.map((m) => [m.candidateId, m]));
      return eachCandidate(w, ({ row }) => {
        const m = memberOf.get(row.id);
        if (row.stage !== 'ADMITTED') return !!m && `a member, ${m.id}, though ${row.stage}`;
        const same =
          m &&
          [m.admittedOn, m.admittedInId, m.fullName, m.birthDate, m.gender].join() ===
            [row.stageOn, row.cellId, row.fullName, row.birthDate, row.gender].join();
        return !same && `member ${m?.id}`;
      });
    },
  },
  {
    name: `every member admitted from ${CANDIDATES_FROM} came through a candidate, and no earlier one did`,
    problems: (w) =>
      w.data.members
        .filter((m) => m.admittedOn >= CANDIDATES_FROM !== (m.candidateId !== null))
        .map((m) => `member ${m.id}, admitted on ${m.admittedOn}, candidate ${m.candidateId}`),
  },
];
