// Phụ trách vùng, điểm: a leader assigned to an organisation for a period, and the cell meetings
// they attend (dự sinh hoạt chi bộ).
import { activeCell, ensureAlive, organisationByCode } from './lookup.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

async function leaderOf(
  tx: Tx,
  input: { leaderId?: number | null; leaderName?: string | null; leaderTitle?: string | null },
) {
  if (input.leaderId) {
    const leader = await tx.leader.findUnique({ where: { id: input.leaderId } });
    if (!leader) refuse('NOT_FOUND', 'leaderId', { thing: 'leader' });
    return leader;
  }
  const fullName = input.leaderName?.trim();
  const title = input.leaderTitle?.trim();
  if (!fullName || !title) refuse('REQUIRED', 'leaderName', { input: 'leader' });
  return tx.leader.create({ data: { fullName, title } });
}

export interface AssignLeaderInput {
  leaderId?: number | null;
  leaderName?: string | null;
  leaderTitle?: string | null;
  organisationCode: string;
  startOn: string;
  endOn?: string | null;
  zone?: string | null;
}

export function assignLeader({ actor, input }: WriteOptions<AssignLeaderInput>) {
  return write(async (tx) => {
    if (input.endOn && input.endOn <= input.startOn) refuse('PERIOD_INVALID', 'endOn');
    const org = await organisationByCode(tx, input.organisationCode, 'organisationCode');
    ensureAlive(org, input.startOn, 'startOn');
    const leader = await leaderOf(tx, input);
    const assignment = await tx.assignment.create({
      data: {
        leaderId: leader.id,
        organisationId: org.id,
        startOn: input.startOn,
        endOn: input.endOn ?? null,
        zone: input.zone ?? null,
      },
    });
    await audit(tx, actor, {
      action: 'assignLeader',
      entityType: 'Assignment',
      entityId: assignment.id,
      after: { ...assignment, leader },
    });
    return assignment;
  });
}

export function recordVisit({
  actor,
  input,
}: WriteOptions<{ leaderId: number; cellCode: string; on: string; note?: string | null }>) {
  return write(async (tx) => {
    const cell = await activeCell(tx, input.cellCode, input.on, 'cellCode');
    const leader = await leaderOf(tx, input);
    const visit = await tx.meetingVisit.create({
      data: { leaderId: leader.id, cellId: cell.id, visitedOn: input.on, note: input.note ?? null },
    });
    await audit(tx, actor, { action: 'recordVisit', entityType: 'MeetingVisit', entityId: visit.id, after: visit });
    return visit;
  });
}
