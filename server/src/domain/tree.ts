// Keeping the dated tree true after a write: parent links end where the next begins, and
// OrganisationAncestry (the closure) is derived again for the changed subtrees from every link.
import { ancestryRows } from '../rules/ancestry.ts';
import { refuse, type Tx } from './write.ts';

export async function rebuildAncestry(tx: Tx, changedIds: number[]): Promise<void> {
  const below = await tx.organisationAncestry.findMany({
    where: { ancestorId: { in: changedIds } },
    select: { descendantId: true },
    distinct: ['descendantId'],
  });
  const affected = new Set([...changedIds, ...below.map((r) => r.descendantId)]);
  // The tree is small (hundreds of organisations per province) and changes rarely: derive it whole.
  const orgs = await tx.organisation.findMany({ select: { id: true, establishedOn: true, dissolvedOn: true } });
  const links = await tx.organisationParent.findMany({
    select: { organisationId: true, parentId: true, startOn: true, endOn: true },
  });
  const rows = ancestryRows(orgs, links).filter((row) => affected.has(row.descendantId));
  await tx.organisationAncestry.deleteMany({ where: { descendantId: { in: [...affected] } } });
  await tx.organisationAncestry.createMany({ data: rows });
}

/**
 * Cuts the parent link covering `on` there, for a move dated inside the recorded history (before
 * a later move): the new link will end where the cut one ended. Returns the cut link as it was,
 * and where the new link ends. A second change on the same day, or a move under the parent it
 * already has on that day, is refused.
 */
export async function cutParentLink(tx: Tx, orgId: number, on: string, parentId: number) {
  const links = await tx.organisationParent.findMany({ where: { organisationId: orgId }, orderBy: { startOn: 'asc' } });
  const covering = links.find((l) => l.startOn <= on && (l.endOn === null || l.endOn > on));
  if (covering && covering.startOn === on)
    refuse('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: covering.startOn });
  if (covering?.parentId === parentId) refuse('SAME_PARENT', 'parentCode');
  if (covering) await tx.organisationParent.update({ where: { id: covering.id }, data: { endOn: on } });
  const next = links.find((l) => l.startOn > on);
  return { before: covering ?? null, endOn: covering ? covering.endOn : (next?.startOn ?? null) };
}

/** Ends the parent link open on `on`; refuses a date not after the link's start (no overlap). */
export async function endParentLink(tx: Tx, orgId: number, on: string) {
  const open = await tx.organisationParent.findFirst({ where: { organisationId: orgId, endOn: null } });
  if (open && open.startOn >= on) refuse('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: open.startOn });
  if (open) await tx.organisationParent.update({ where: { id: open.id }, data: { endOn: on } });
  return open;
}
