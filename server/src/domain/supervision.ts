// Phụ trách vùng, điểm: a leader assigned to an organisation for a period, and the cell meetings
// they attend (dự sinh hoạt chi bộ).
import { violation } from '../rules/violations.ts';
import { activeCell, ensureAlive, organisationByCode } from './lookup.ts';
import { audit, ensure, type Tx, type WriteOptions, write } from './write.ts';

async function leaderOf(
  tx: Tx,
  input: { leaderId?: number | null; leaderName?: string | null; leaderTitle?: string | null },
) {
  if (input.leaderId) {
    const leader = await tx.leader.findUnique({ where: { id: input.leaderId } });
    if (!leader) ensure([violation('NOT_FOUND', 'leaderId', { vi: 'cán bộ', en: 'leader' })]);
    return leader!;
  }
  if (!input.leaderName?.trim() || !input.leaderTitle?.trim())
    ensure([
      violation('REQUIRED', 'leaderName', {
        vi: 'chọn cán bộ, hoặc ghi họ tên và chức vụ',
        en: 'A leader (or a full name and a title)',
      }),
    ]);
  return tx.leader.create({ data: { fullName: input.leaderName!.trim(), title: input.leaderTitle!.trim() } });
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
    if (input.endOn && input.endOn <= input.startOn) ensure([violation('PERIOD_INVALID', 'endOn')]);
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
