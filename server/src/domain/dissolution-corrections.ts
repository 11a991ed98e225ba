// Voiding a dissolution or a merger recorded by error (DESIGN.md, "Corrections"): the organisation
// comes back, and what the dissolution moved moves back — placements, subordinate organisations'
// links, candidates, hamlets and their services — from what it kept in its audit event
// (dissolution-ledger.ts); its own parent links run on as before. Refused when later facts rest on
// it: a row it made or cut changed since (a transfer, a leaving, a move, a later merge taking a
// subordinate along), a step of a moved candidate, a vote in a cell it merged into counting the
// members it moved, a recognition or an introduction by them, or its parent dissolved since.
import { concern, touchOrganisations } from '../derived/track.ts';
import { delegate, type Ledger, type LedgerRow, OWNER } from './dissolution-ledger.ts';
import { organisationByCode } from './lookup.ts';
import { rebuildAncestry } from './tree.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

const depends = (): never => refuse('LATER_FACTS_DEPEND', 'code', { what: 'dissolution' });

/** Every row of `rows` is in its table as the ledger says (`endOn` replaced when given). */
async function ensureUnchanged(tx: Tx, rows: LedgerRow[], endOn?: string) {
  for (const table of new Set(rows.map((r) => r.table))) {
    const mine = rows.filter((r) => r.table === table);
    const found = await delegate(tx, table).findMany({ where: { id: { in: mine.map((r) => r.id) } } });
    for (const row of mine) {
      const now = found.find((f) => f.id === row.id);
      const end = endOn === undefined ? row.endOn : endOn;
      if (!now || now[OWNER[table]] !== row.owner || now.startOn !== row.startOn || now.endOn !== end) depends();
    }
  }
}

/** Members placed by the dissolution in the cells it merged into: anything they did there since. */
async function ensureNothingAfter(tx: Tx, ledger: Ledger, on: string) {
  const made = ledger.made.filter((r) => r.table === 'placement');
  const placements = await tx.placement.findMany({ where: { id: { in: made.map((r) => r.id) } } });
  const memberId = { in: placements.map((p) => p.memberId) };
  const cellId = { in: [...new Set(made.map((r) => r.owner))] };
  const later =
    (await tx.recognitionVote.count({ where: { memberId, on: { gte: on } } })) +
    (await tx.recognitionDecision.count({ where: { memberId, on: { gte: on } } })) +
    (await tx.introduction.count({
      where: { memberId, candidate: { events: { some: { stage: 'INTRODUCED', on: { gte: on } } } } },
    })) +
    (await tx.candidateEvent.count({
      where: {
        on: { gte: on },
        OR: [{ candidateId: { in: ledger.candidates } }, { stage: 'CELL_VOTED', candidate: { cellId } }],
      },
    }));
  if (later > 0) depends();
}

export function voidDissolution({ actor, input }: WriteOptions<{ code: string; reason: string }>) {
  return write(async (tx) => {
    if (!input.reason?.trim()) refuse('REQUIRED', 'reason', { input: 'reason' });
    const before = await organisationByCode(tx, input.code, 'code');
    const on = before.dissolvedOn;
    const event = await tx.auditEvent.findFirst({
      where: {
        entityType: 'Organisation',
        entityId: String(before.id),
        action: { in: ['dissolveOrganisation', 'mergeOrganisation'] },
      },
      orderBy: { id: 'desc' },
    });
    // A dissolution loaded from a data set, or recorded before voids were kept, has no ledger.
    const ledger = event?.after ? (JSON.parse(event.after) as { undo?: Ledger }).undo : undefined;
    if (!on || !ledger) refuse('NOT_FOUND', 'code', { thing: 'dissolution' });
    await ensureUnchanged(tx, ledger.made);
    await ensureUnchanged(tx, ledger.cut, on);
    await ensureNothingAfter(tx, ledger, on);
    if (ledger.candidates.length > 0) {
      const target = before.mergedIntoId!;
      const moved = await tx.candidate.count({ where: { id: { in: ledger.candidates }, cellId: target } });
      if (moved !== ledger.candidates.length) depends();
    }
    // Its parents must hold it again over the days it comes back for.
    // Its own link cut on the day (a subordinate's has it as the parent), and those removed.
    const own = ledger.cut.filter((r) => r.table === 'organisationParent' && r.owner !== before.id);
    const spans = [...own.map((r) => ({ parentId: r.owner, endOn: r.endOn })), ...ledger.removed];
    for (const span of spans) {
      const parent = await tx.organisation.findUniqueOrThrow({ where: { id: span.parentId } });
      if (parent.dissolvedOn !== null && (span.endOn === null || parent.dissolvedOn < span.endOn)) depends();
    }
    const places = [...new Set(ledger.made.map((r) => r.owner))];
    await touchOrganisations(tx, [before.id, ...places]);
    for (const table of new Set(ledger.made.map((r) => r.table))) {
      const ids = ledger.made.filter((r) => r.table === table).map((r) => r.id);
      await delegate(tx, table).deleteMany({ where: { id: { in: ids } } });
    }
    for (const row of ledger.cut)
      await delegate(tx, row.table).update({ where: { id: row.id }, data: { endOn: row.endOn } });
    await tx.organisationParent.createMany({ data: ledger.removed });
    await tx.candidate.updateMany({ where: { id: { in: ledger.candidates } }, data: { cellId: before.id } });
    const org = await tx.organisation.update({
      where: { id: before.id },
      data: { dissolvedOn: null, mergedIntoId: null },
    });
    const children = await tx.organisationParent.findMany({
      where: { id: { in: ledger.cut.filter((r) => r.table === 'organisationParent').map((r) => r.id) } },
    });
    await rebuildAncestry(tx, [org.id, ...children.map((c) => c.organisationId)]);
    concern(tx, [org.id, ...places]);
    await audit(tx, actor, {
      action: 'voidDissolution',
      entityType: 'Organisation',
      entityId: org.id,
      before: { ...before, undo: ledger },
      after: org,
      reason: input.reason.trim(),
    });
    return org;
  });
}
