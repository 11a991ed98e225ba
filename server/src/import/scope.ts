// Whether an importer may write in an organisation's subtree, asked inside the import's
// transaction: as auth/reach.ts decides for a mutation (the subtree as it stands today, a dissolved
// organisation where it stood on its last day). Admins without an organisation write anywhere.
import type { Actor } from '../context.ts';
import type { Tx } from '../domain/write.ts';

export async function writesIn(tx: Tx, actor: Actor, organisationId: number, today: string): Promise<boolean> {
  if (actor.role === 'VIEWER') return false;
  if (actor.organisationId === null) return actor.role === 'ADMIN';
  const links = await tx.organisationAncestry.findMany({
    where: { ancestorId: actor.organisationId, descendantId: organisationId, startOn: { lte: today } },
    select: { endOn: true, descendant: { select: { dissolvedOn: true } } },
  });
  return links.some((l) => l.endOn === null || l.endOn > today || l.endOn === l.descendant.dissolvedOn);
}
