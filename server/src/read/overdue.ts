// Steps overdue on a day against the deadlines of the admission policy, in working days: the
// decision after the cell's vote (60, or 90 when extended), the ceremony after the decision, the
// first recognition vote after 12 months' probation. The database narrows to the few rows that
// can be late, for every organisation of a request at once (the same few statements, whatever
// their number); the rules judge.
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

/** The ancestry links, on `asOf`, from a cell up to the organisations asked about. */
const underAsked = (ids: readonly number[], asOf: string) => ({
  ancestorId: { in: [...ids] },
  startOn: { lte: asOf },
  OR: [{ endOn: null }, { endOn: { gt: asOf } }],
});

interface Found {
  step: OverdueStep;
  cellIds: number[];
}

/**
 * Each step, listed under every organisation asked about whose subtree held its cell on `asOf`
 * (a district and its commune alike): one statement for all of them.
 */
async function byOrganisation(ids: readonly number[], asOf: string, found: Found[]) {
  const lists = new Map<number, OverdueStep[]>();
  if (found.length === 0) return lists;
  const links = await prisma().organisationAncestry.findMany({
    where: { descendantId: { in: [...new Set(found.flatMap((f) => f.cellIds))] }, ...underAsked(ids, asOf) },
    select: { descendantId: true, ancestorId: true },
  });
  const above = new Map<number, number[]>();
  for (const l of links) above.set(l.descendantId, [...(above.get(l.descendantId) ?? []), l.ancestorId]);
  for (const { step, cellIds } of found) {
    for (const id of new Set(cellIds.flatMap((cell) => above.get(cell) ?? []))) {
      const list = lists.get(id) ?? [];
      list.push(step);
      lists.set(id, list);
    }
  }
  for (const list of lists.values()) list.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return lists;
}

async function waiting(ids: readonly number[], asOf: string, kind: 'DECISION' | 'CEREMONY', policy: AdmissionPolicy) {
  const after = kind === 'DECISION' ? 'CELL_VOTED' : 'DECIDED';
  // Working days allowed after that step: the decision's may have been extended (an extension
  // always predates the 60th working day, so it counts on any day that could be late).
  const allowed = (extended: boolean) =>
    kind === 'DECISION' ? decisionWorkingDays(policy, extended) : policy.ceremonyWorkingDays;
  const days = allowed(false);
  const candidates = await prisma().candidate.findMany({
    where: {
      cell: { ancestries: { some: underAsked(ids, asOf) } },
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
  return candidates.flatMap(({ events, ...candidate }): Found[] => {
    const since = events[0]?.on;
    if (!since) return [];
    const dueOn = addWorkingDays(calendar, since, allowed(candidate.decisionExtendedOn !== null));
    const late = workingDaysBetween(calendar, dueOn, asOf);
    const step: OverdueStep = { kind, since, dueOn, workingDaysLate: late, candidate, member: null };
    return late > 0 ? [{ step, cellIds: [candidate.cellId] }] : [];
  });
}

/** The overdue steps in each subtree of `ids` on `asOf`, by due date. */
export async function overdueSteps(ids: readonly number[], asOf: string): Promise<Map<number, OverdueStep[]>> {
  const policy = policyOn(asOf);
  const decisions = await waiting(ids, asOf, 'DECISION', policy);
  const ceremonies = await waiting(ids, asOf, 'CEREMONY', policy);
  const covering = { startOn: { lte: asOf }, OR: [{ endOn: null }, { endOn: { gt: asOf } }] };
  const members = await prisma().member.findMany({
    where: {
      admittedOn: { lte: addDays(addMonths(asOf, -policy.probationMonths), -policy.recognitionWorkingDays) },
      AND: [
        { OR: [{ officialOn: null }, { officialOn: { gt: asOf } }] },
        { OR: [{ leftOn: null }, { leftOn: { gt: asOf } }] },
      ],
      // The cell voted (passed or failed): the recognition vote is no longer awaited.
      recognitionVotes: { none: { on: { lte: asOf } } },
      placements: { some: { ...covering, cell: { ancestries: { some: underAsked(ids, asOf) } } } },
    },
    include: { placements: { where: covering, select: { cellId: true } } },
  });
  const recognitions = members.flatMap(({ placements, ...member }): Found[] => {
    const since = addMonths(member.admittedOn, policy.probationMonths);
    const dueOn = addWorkingDays(calendar, since, policy.recognitionWorkingDays);
    const late = workingDaysBetween(calendar, dueOn, asOf);
    const step: OverdueStep = { kind: 'RECOGNITION', since, dueOn, workingDaysLate: late, candidate: null, member };
    return late > 0 ? [{ step, cellIds: placements.map((p) => p.cellId) }] : [];
  });
  return byOrganisation(ids, asOf, [...decisions, ...ceremonies, ...recognitions]);
}
