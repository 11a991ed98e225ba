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

/**
 * Ends an organisation's parent links on `on`, the day it is dissolved: the link covering the day is
 * cut there, and the links beginning after it are removed, since a dissolved organisation sits
 * under nothing. Those were recorded before the dissolution was (history out of order), e.g. the
 * 2025 reform's move of every commune under the province: had the dissolution come first, they would
 * never have been. Returns them, and the link cut as it was, for the audit. A link starting on `on`
 * itself (a second change on one day) is refused.
 */
export async function endParentLinks(tx: Tx, orgId: number, on: string) {
  const links = await tx.organisationParent.findMany({
    where: { organisationId: orgId, OR: [{ endOn: null }, { endOn: { gt: on } }] },
    orderBy: { startOn: 'asc' },
  });
  const sameDay = links.find((l) => l.startOn === on);
  if (sameDay) refuse('DATE_BEFORE_PREVIOUS_STEP', 'on', { on, previous: sameDay.startOn });
  const later = links.filter((l) => l.startOn > on);
  const covering = links.find((l) => l.startOn < on) ?? null;
  if (covering) await tx.organisationParent.update({ where: { id: covering.id }, data: { endOn: on } });
  await tx.organisationParent.deleteMany({ where: { id: { in: later.map((l) => l.id) } } });
  return { later, covering };
}
