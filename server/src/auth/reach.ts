// Whether a caller's token reaches an organisation: admins reach everything; others reach the
// subtree of their token's organisation, as it stands or ever stood (a token for a district
// keeps reaching its 2017 cells after a reorganisation).
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';

export async function reaches(ctx: Context, organisationId: number): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) return false;
  if (actor.role === 'ADMIN' && actor.organisationId === null) return true;
  if (actor.organisationId === null) return false;
  const root = actor.organisationId;
  return batched<number, boolean>(
    ctx,
    'reach',
    async (ids) => {
      const rows = await prisma().organisationAncestry.findMany({
        where: { ancestorId: root, descendantId: { in: [...ids] } },
        select: { descendantId: true },
        distinct: ['descendantId'],
      });
      return new Map(rows.map((row) => [row.descendantId, true]));
    },
    false,
  ).load(organisationId);
}
