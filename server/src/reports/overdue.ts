// Steps overdue on a day against the deadlines of the admission policy, in working days: the
// decision after the cell's vote (60, or 90 when extended), the ceremony after the decision, the
// first recognition vote after 12 months' probation. The database narrows to the few rows that
// can be late; the rules judge.
import type { Candidate, Member } from '@ketnap/prisma/generated/sqlite/client.ts';
import { prisma } from '../db.ts';
import { addDays } from '../rules/dates.ts';
import { decisionWorkingDays } from '../rules/deadlines.ts';
import { type AdmissionPolicy, addMonths, policyOn } from '../rules/policy.ts';
import { addWorkingDays, calendarFromEnv, workingDaysBetween } from '../rules/working-days.ts';

const calendar = calendarFromEnv();

export type OverdueKind = 'DECISION' | 'CEREMONY' | 'RECOGNITION';
export interface OverdueStep {
  kind: OverdueKind;
  since: string;
  dueOn: string;
  workingDaysLate: number;
  candidate: Candidate | null;
  member: Member | null;
}

const inSubtree = (code: string, asOf: string) => ({
  ancestries: { some: { ancestor: { code }, startOn: { lte: asOf }, OR: [{ endOn: null }, { endOn: { gt: asOf } }] } },
});

async function waiting(code: string, asOf: string, kind: 'DECISION' | 'CEREMONY', policy: AdmissionPolicy) {
  const after = kind === 'DECISION' ? 'CELL_VOTED' : 'DECIDED';
  // Working days allowed after that step: the decision's may have been extended (an extension
  // always predates the 60th working day, so it counts on any day that could be late).
  const allowed = (extended: boolean) =>
    kind === 'DECISION' ? decisionWorkingDays(policy, extended) : policy.ceremonyWorkingDays;
  const days = allowed(false);
  const candidates = await prisma().candidate.findMany({
    where: {
      cell: inSubtree(code, asOf),
      // Working days run slower than calendar days: only steps older than `days` calendar days can be late.
      events: { some: { stage: after, on: { lte: addDays(asOf, -days) } } },
      NOT: {
        events: {
          some: {
            stage: { in: [after === 'CELL_VOTED' ? 'DECIDED' : 'ADMITTED', 'WITHDRAWN', 'REJECTED'] },
            on: { lte: asOf },
          },
        },
      },
    },
    include: { events: { where: { stage: after }, orderBy: { on: 'desc' }, take: 1 } },
  });
  return candidates.flatMap(({ events, ...candidate }): OverdueStep[] => {
    const since = events[0]?.on;
    if (!since) return [];
    const dueOn = addWorkingDays(calendar, since, allowed(candidate.decisionExtendedOn !== null));
    const late = workingDaysBetween(calendar, dueOn, asOf);
    return late > 0 ? [{ kind, since, dueOn, workingDaysLate: late, candidate, member: null }] : [];
  });
}

export async function overdueSteps(code: string, asOf: string): Promise<OverdueStep[]> {
  const policy = policyOn(asOf);
  const decisions = await waiting(code, asOf, 'DECISION', policy);
  const ceremonies = await waiting(code, asOf, 'CEREMONY', policy);
  const members = await prisma().member.findMany({
    where: {
      admittedOn: { lte: addDays(addMonths(asOf, -policy.probationMonths), -policy.recognitionWorkingDays) },
      AND: [
        { OR: [{ officialOn: null }, { officialOn: { gt: asOf } }] },
        { OR: [{ leftOn: null }, { leftOn: { gt: asOf } }] },
      ],
      // The cell voted (passed or failed): the recognition vote is no longer awaited.
      recognitionVotes: { none: { on: { lte: asOf } } },
      placements: {
        some: { startOn: { lte: asOf }, OR: [{ endOn: null }, { endOn: { gt: asOf } }], cell: inSubtree(code, asOf) },
      },
    },
  });
  const recognitions = members.flatMap((member): OverdueStep[] => {
    const since = addMonths(member.admittedOn, policy.probationMonths);
    const dueOn = addWorkingDays(calendar, since, policy.recognitionWorkingDays);
    const late = workingDaysBetween(calendar, dueOn, asOf);
    return late > 0 ? [{ kind: 'RECOGNITION', since, dueOn, workingDaysLate: late, candidate: null, member }] : [];
  });
  return [...decisions, ...ceremonies, ...recognitions].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
