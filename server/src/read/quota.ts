// The quota that applies to each organisation on a day: its own (not a programme's) period
// quota covering the day, the shortest one if several do.
import type { Programme, Quota } from '@ketnap/prisma/generated/sqlite/client.ts';
import { prisma } from '../db.ts';

export type QuotaWithProgramme = Quota & { programme: Programme | null };

export async function quotasCovering(ids: readonly number[], day: string): Promise<Map<number, QuotaWithProgramme>> {
  const quotas = await prisma().quota.findMany({
    where: { organisationId: { in: [...ids] }, periodFrom: { lte: day }, periodTo: { gte: day } },
    include: { programme: true },
    // Plain quotas before programme ones, then the shortest period (latest start, earliest end).
    orderBy: [{ periodFrom: 'desc' }, { periodTo: 'asc' }, { id: 'asc' }],
  });
  const found = new Map<number, QuotaWithProgramme>();
  for (const quota of quotas.sort((a, b) => Number(a.programmeId !== null) - Number(b.programmeId !== null))) {
    if (!found.has(quota.organisationId)) found.set(quota.organisationId, quota);
  }
  return found;
}
