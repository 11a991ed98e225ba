// Dissolving an organisation from a date, or merging it into another: its members' placements
// and its candidates still on their way (a cell), or its subordinate organisations (a committee),
// move to the target on that day, and so do its hamlets (hamlet-merges.ts). The day may come
// before changes already recorded (history entered out of order): placements and subordinate links
// running past it move for the rest of their span, following the target's own later merges, and
// the organisation's later parent links go (tree.ts); what began in it after the day is refused,
// as it would have been had the dissolution come first. What it changed is kept in its audit event
// (dissolution-ledger.ts), so that one recorded by error can be voided (dissolution-corrections.ts).

import type { Organisation } from '@ketnap/prisma/generated/sqlite/client.ts';
import { concern, touchOrganisations } from '../derived/track.ts';
import { isCellKind } from '../rules/kinds.ts';
import { validateParentLink } from '../rules/shape.ts';
import { emptyLedger, entry, type Ledger } from './dissolution-ledger.ts';
import { hamletsFollowDissolution } from './hamlet-merges.ts';
import { ensureAlive, organisationByCode } from './lookup.ts';
import { placementSpans } from './placements.ts';
import { endParentLinks, rebuildAncestry } from './tree.ts';
import { audit, ensure, refuse, type Tx, type WriteOptions, write } from './write.ts';

export interface DissolveOrganisationInput {
  code: string;
  on: string;
  /** Merge into this organisation: its members and subordinate organisations move there on `on`. */
  mergeIntoCode?: string | null;
}

export function dissolveOrganisation(options: WriteOptions<DissolveOrganisationInput>) {
  return write((tx) => dissolveOrganisationIn(tx, options));
}

/** dissolveOrganisation inside a transaction the caller holds (a spreadsheet import: one for the whole file). */
export async function dissolveOrganisationIn(tx: Tx, { actor, input }: WriteOptions<DissolveOrganisationInput>) {
  const before = await organisationByCode(tx, input.code, 'code');
  ensureAlive(before, input.on, 'on');
  // Dissolved later already: moving that date is a correction of the record, not a second dissolution.
  if (before.dissolvedOn) refuse('ALREADY_DISSOLVED', 'on', { code: before.code, on: before.dissolvedOn });
  const target = input.mergeIntoCode ? await organisationByCode(tx, input.mergeIntoCode, 'mergeIntoCode') : null;
  if (target) ensureAlive(target, input.on, 'mergeIntoCode');
  if (target && (target.id === before.id || isCellKind(target.kind) !== isCellKind(before.kind)))
    refuse('MERGE_KIND', 'mergeIntoCode');
  // Placements that run past the day: open ones, and closed ones entered after (history out of order).
  const placements = await tx.placement.findMany({
    where: { cellId: before.id, OR: [{ endOn: null }, { endOn: { gt: input.on } }] },
  });
  // Subordinate organisations under it past the day, the same way.
  const children = await tx.organisationParent.findMany({
    where: { parentId: before.id, OR: [{ endOn: null }, { endOn: { gt: input.on } }] },
  });
  if (!target && (placements.length || children.length)) refuse('NOT_EMPTY', 'mergeIntoCode');
  const lastStart = [...placements, ...children]
    .map((x) => x.startOn)
    .sort()
    .at(-1);
  if (lastStart && lastStart >= input.on) refuse('PLACEMENT_OVERLAP', 'on', { on: input.on, start: lastStart });
  await touchOrganisations(tx, [before.id]);
  // Without a target there is nothing to move (refused above otherwise).
  const ledger = emptyLedger();
  if (target) {
    for (const p of placements) {
      await tx.placement.update({ where: { id: p.id }, data: { endOn: input.on } });
      ledger.cut.push(entry('placement', p));
      const spans = await placementSpans(tx, target, input.on, p.endOn, 'mergeIntoCode');
      const made = await tx.placement.createManyAndReturn({
        data: spans.map((span) => ({ memberId: p.memberId, ...span })),
      });
      ledger.made.push(...made.map((row) => entry('placement', row)));
    }
    // Candidates on their way follow the cell (DESIGN.md): their next steps are the target's.
    const moving = await tx.candidate.findMany({
      where: { cellId: before.id, stage: { notIn: ['ADMITTED', 'WITHDRAWN', 'REJECTED'] } },
      select: { id: true },
    });
    ledger.candidates = moving.map((c) => c.id);
    await tx.candidate.updateMany({ where: { id: { in: ledger.candidates } }, data: { cellId: target.id } });
    concern(tx, [target.id]);
    for (const link of children) await moveChild(tx, link, target, input.on, ledger);
  }
  const hamlets = await hamletsFollowDissolution(tx, before, target, input.on, ledger);
  const { later: droppedLinks, covering } = await endParentLinks(tx, before.id, input.on);
  if (covering) ledger.cut.push(entry('organisationParent', covering));
  ledger.removed = droppedLinks.map(({ organisationId, parentId, startOn, endOn }) => ({
    organisationId,
    parentId,
    startOn,
    endOn,
  }));
  const org = await tx.organisation.update({
    where: { id: before.id },
    data: { dissolvedOn: input.on, mergedIntoId: target?.id ?? null },
  });
  await rebuildAncestry(tx, [org.id, ...children.map((c) => c.organisationId)]);
  await audit(tx, actor, {
    action: target ? 'mergeOrganisation' : 'dissolveOrganisation',
    entityType: 'Organisation',
    entityId: org.id,
    before,
    after: {
      ...org,
      movedMembers: placements.length,
      movedChildren: children.length,
      movedCandidates: ledger.candidates.length,
      removedParentLinks: droppedLinks,
      ...hamlets,
      undo: ledger,
    },
  });
  return org;
}

type Link = { id: number; organisationId: number; parentId: number; startOn: string; endOn: string | null };

/**
 * A subordinate organisation's link cut on `on`; it goes on under `target` until the link's end,
 * following the target's later merges, the tree's shape holding under each parent from its day.
 */
async function moveChild(tx: Tx, link: Link, target: Organisation, on: string, ledger: Ledger) {
  const { kind } = await tx.organisation.findUniqueOrThrow({ where: { id: link.organisationId } });
  const spans = await placementSpans(tx, target, on, link.endOn, 'mergeIntoCode');
  for (const span of spans) {
    const parent = await tx.organisation.findUniqueOrThrow({ where: { id: span.cellId } });
    ensure(validateParentLink({ kind, parentKind: parent.kind, on: span.startOn }, 'mergeIntoCode'));
  }
  await tx.organisationParent.update({ where: { id: link.id }, data: { endOn: on } });
  ledger.cut.push(entry('organisationParent', link));
  const made = await tx.organisationParent.createManyAndReturn({
    data: spans.map((s) => ({
      organisationId: link.organisationId,
      parentId: s.cellId,
      startOn: s.startOn,
      endOn: s.endOn,
    })),
  });
  ledger.made.push(...made.map((row) => entry('organisationParent', row)));
}
