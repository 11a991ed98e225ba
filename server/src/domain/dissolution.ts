// Dissolving an organisation from a date, or merging it into another: its members' placements
// and its candidates still on their way (a cell), or its subordinate organisations (a committee),
// move to the target on that day.

import { concern, touchOrganisations } from '../derived/track.ts';
import { isCellKind } from '../rules/kinds.ts';
import { validateParentLink } from '../rules/shape.ts';
import { ensureAlive, organisationByCode } from './lookup.ts';
import { placementSpans } from './placements.ts';
import { endParentLink, rebuildAncestry } from './tree.ts';
import { audit, ensure, refuse, type WriteOptions, write } from './write.ts';

export interface DissolveOrganisationInput {
  code: string;
  on: string;
  /** Merge into this organisation: its members and subordinate organisations move there on `on`. */
  mergeIntoCode?: string | null;
}

export function dissolveOrganisation({ actor, input }: WriteOptions<DissolveOrganisationInput>) {
  return write(async (tx) => {
    const before = await organisationByCode(tx, input.code, 'code');
    ensureAlive(before, input.on, 'on');
    const target = input.mergeIntoCode ? await organisationByCode(tx, input.mergeIntoCode, 'mergeIntoCode') : null;
    if (target) ensureAlive(target, input.on, 'mergeIntoCode');
    if (target && (target.id === before.id || isCellKind(target.kind) !== isCellKind(before.kind)))
      refuse('MERGE_KIND', 'mergeIntoCode');
    // Placements that run past the day: open ones, and closed ones entered after (history out of order).
    const placements = await tx.placement.findMany({
      where: { cellId: before.id, OR: [{ endOn: null }, { endOn: { gt: input.on } }] },
    });
    const children = await tx.organisationParent.findMany({ where: { parentId: before.id, endOn: null } });
    if (!target && (placements.length || children.length)) refuse('NOT_EMPTY', 'mergeIntoCode');
    if (target && children.length) {
      const kinds = await tx.organisation.findMany({ where: { id: { in: children.map((c) => c.organisationId) } } });
      for (const { kind } of kinds)
        ensure(validateParentLink({ kind, parentKind: target.kind, on: input.on }, 'mergeIntoCode'));
    }
    const lastStart = [...placements, ...children]
      .map((x) => x.startOn)
      .sort()
      .at(-1);
    if (lastStart && lastStart >= input.on) refuse('PLACEMENT_OVERLAP', 'on', { on: input.on, start: lastStart });
    await touchOrganisations(tx, [before.id]);
    // Without a target there is nothing to move (refused above otherwise).
    let movedCandidates = 0;
    if (target) {
      for (const p of placements) {
        await tx.placement.update({ where: { id: p.id }, data: { endOn: input.on } });
        const spans = await placementSpans(tx, target, input.on, p.endOn, 'mergeIntoCode');
        await tx.placement.createMany({ data: spans.map((span) => ({ memberId: p.memberId, ...span })) });
      }
      // Candidates on their way follow the cell (DESIGN.md): their next steps are the target's.
      movedCandidates = (
        await tx.candidate.updateMany({
          where: { cellId: before.id, stage: { notIn: ['ADMITTED', 'WITHDRAWN', 'REJECTED'] } },
          data: { cellId: target.id },
        })
      ).count;
      concern(tx, [target.id]);
      for (const link of children) {
        await tx.organisationParent.update({ where: { id: link.id }, data: { endOn: input.on } });
        await tx.organisationParent.create({
          data: { organisationId: link.organisationId, parentId: target.id, startOn: input.on },
        });
      }
    }
    await endParentLink(tx, before.id, input.on);
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
      after: { ...org, movedMembers: placements.length, movedChildren: children.length, movedCandidates },
    });
    return org;
  });
}
