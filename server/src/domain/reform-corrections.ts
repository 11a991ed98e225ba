// Corrections of reforms (DESIGN.md, "Corrections"): an organisation's move or its rename recorded
// by error, voided with the reason. A voided move takes the parent link it made away: the previous
// link runs on (joined with a later move back to the same parent, which would never have been
// recorded), the closure is derived again for the subtree and the tree's shape, life and
// acyclicity are checked again, as for a first entry. A voided rename gives the previous name back.
// The record keeps its own history (Organisation.changes).
import { touchOrganisations } from '../derived/track.ts';
import { validateParentLink } from '../rules/shape.ts';
import { organisationByCode } from './lookup.ts';
import { rebuildAncestry } from './tree.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

const reasonOf = (input: { reason: string }) => {
  if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
  return input.reason.trim();
};

const linksOf = (tx: Tx, organisationId: number) =>
  tx.organisationParent.findMany({ where: { organisationId }, orderBy: { startOn: 'asc' } });

export interface VoidMoveInput {
  code: string;
  /** The move, named by its day: the first day under the parent it wrongly gave. */
  on: string;
  reason: string;
}

export function voidMove({ actor, input }: WriteOptions<VoidMoveInput>) {
  return write(async (tx) => {
    const reason = reasonOf(input);
    const org = await organisationByCode(tx, input.code, 'code');
    const links = await linksOf(tx, org.id);
    const voided = links.find((l) => l.startOn === input.on);
    const previous = links.find((l) => l.endOn === input.on);
    // The first link is the creation; one starting on the day its parent merged is the merge's.
    if (!voided || !previous) refuse('NOT_FOUND', 'on', { thing: 'move' });
    const end = voided.endOn;
    const gone = await tx.organisation.findUniqueOrThrow({ where: { id: voided.parentId } });
    if (end !== null && gone.dissolvedOn === end) refuse('LATER_FACTS_DEPEND', 'on', { what: 'treeHistory' });
    const parent = await tx.organisation.findUniqueOrThrow({ where: { id: previous.parentId } });
    if (parent.dissolvedOn === input.on) refuse('NOT_FOUND', 'on', { thing: 'move' });
    // The previous parent must hold it over the voided span, as a first entry would have required.
    if (parent.dissolvedOn !== null && (end === null || parent.dissolvedOn < end))
      refuse('ORGANISATION_NOT_ACTIVE', 'on', { code: parent.code, on: parent.dissolvedOn });
    ensure(validateParentLink({ kind: org.kind, parentKind: parent.kind, on: previous.startOn }, 'on'));
    const cycle = await tx.organisationAncestry.findFirst({
      where: {
        ancestorId: org.id,
        descendantId: parent.id,
        OR: [{ endOn: null }, { endOn: { gt: input.on } }],
        ...(end === null ? {} : { startOn: { lt: end } }),
      },
    });
    if (cycle) refuse('CYCLE', 'on');
    await touchOrganisations(tx, [org.id]);
    // A later move back under the previous parent would have been refused (SAME_PARENT): it goes too.
    const back = links.find((l) => l.startOn === end && l.parentId === parent.id);
    await tx.organisationParent.deleteMany({ where: { id: { in: [voided.id, ...(back ? [back.id] : [])] } } });
    await tx.organisationParent.update({ where: { id: previous.id }, data: { endOn: back ? back.endOn : end } });
    await rebuildAncestry(tx, [org.id]);
    await audit(tx, actor, {
      action: 'voidMove',
      entityType: 'Organisation',
      entityId: org.id,
      before: { parentLinks: links },
      after: { parentLinks: await linksOf(tx, org.id) },
      reason,
    });
    return org;
  });
}

/** The renames of an organisation still standing, oldest first (each voidRename took the last away). */
async function standingRenames(tx: Tx, orgId: number) {
  const events = await tx.auditEvent.findMany({
    where: {
      entityType: 'Organisation',
      entityId: String(orgId),
      action: { in: ['renameOrganisation', 'voidRename'] },
    },
    orderBy: { id: 'asc' },
  });
  const standing: typeof events = [];
  for (const e of events) {
    if (e.action === 'voidRename') standing.pop();
    else standing.push(e);
  }
  return standing;
}

/** Voids the last rename still standing: the name before it comes back. */
export function voidRename({ actor, input }: WriteOptions<{ code: string; reason: string }>) {
  return write(async (tx) => {
    const reason = reasonOf(input);
    const before = await organisationByCode(tx, input.code, 'code');
    const last = (await standingRenames(tx, before.id)).at(-1);
    if (!last?.before) refuse('NOT_FOUND', 'code', { thing: 'rename' });
    const { name } = JSON.parse(last.before) as { name: string };
    const org = await tx.organisation.update({ where: { id: before.id }, data: { name } });
    await audit(tx, actor, {
      action: 'voidRename',
      entityType: 'Organisation',
      entityId: org.id,
      before: { name: before.name },
      after: { name },
      reason,
    });
    return org;
  });
}
