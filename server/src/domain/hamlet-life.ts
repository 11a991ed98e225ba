// Where members live (nơi cư trú, personal data: only counts are public) and the end of a hamlet:
// dissolved, or merged into another hamlet (sáp nhập xóm), whose residents then live in that one.
import { concern } from '../derived/track.ts';
import { followMerges, slotAt } from './dated.ts';
import { hamletByCode } from './hamlets.ts';
import { memberById } from './lookup.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

const hamletOf = (tx: Tx) => (id: number) => tx.hamlet.findUniqueOrThrow({ where: { id } });

/** The commune or communes a hamlet ever belonged to: their figures count it. */
async function concernHamlets(tx: Tx, hamletIds: number[]) {
  const links = await tx.hamletCommune.findMany({ where: { hamletId: { in: hamletIds } } });
  concern(
    tx,
    links.map((l) => l.communeId),
  );
}

export interface RecordResidenceInput {
  memberId: number;
  hamletCode: string;
  startOn: string;
}

/** The member lives in the hamlet from `startOn` (until the next recorded move). */
export function recordResidence({ actor, input }: WriteOptions<RecordResidenceInput>) {
  return write(async (tx) => {
    const member = await memberById(tx, input.memberId);
    if (member.leftOn && member.leftOn <= input.startOn) refuse('MEMBER_LEFT', 'startOn', { on: member.leftOn });
    if (input.startOn < member.birthDate) refuse('BIRTH_DATE_AFTER', 'startOn');
    const hamlet = await hamletByCode(tx, input.hamletCode, 'hamletCode', input.startOn);
    const residences = await tx.residence.findMany({ where: { memberId: member.id } });
    const { covering, endOn } = slotAt(residences, input.startOn, 'startOn');
    if (covering?.hamletId === hamlet.id) refuse('UNCHANGED', 'hamletCode', { on: input.startOn });
    if (covering) await tx.residence.update({ where: { id: covering.id }, data: { endOn: input.startOn } });
    const spans = await followMerges(hamlet, input.startOn, endOn, hamletOf(tx));
    await tx.residence.createMany({
      data: spans.map((s) => ({ memberId: member.id, hamletId: s.id, startOn: s.startOn, endOn: s.endOn })),
    });
    await concernHamlets(tx, [hamlet.id, ...spans.map((s) => s.id), ...(covering ? [covering.hamletId] : [])]);
    await audit(tx, actor, {
      action: 'recordResidence',
      entityType: 'Member',
      entityId: member.id,
      before: covering,
      after: { hamletCode: hamlet.code, startOn: input.startOn, spans },
    });
    return member;
  });
}

export interface DissolveHamletInput {
  code: string;
  on: string;
  /** Sáp nhập: the hamlet its residents live in from `on`. */
  mergeIntoCode?: string | null;
}

/** The hamlet no longer exists from `on`: its commune and cell links end, its residents move to the target. */
export function dissolveHamlet({ actor, input }: WriteOptions<DissolveHamletInput>) {
  return write(async (tx) => {
    const before = await hamletByCode(tx, input.code, 'code', input.on);
    if (before.dissolvedOn) refuse('HAMLET_DISSOLVED', 'on', { code: before.code, on: before.dissolvedOn });
    const target = input.mergeIntoCode ? await hamletByCode(tx, input.mergeIntoCode, 'mergeIntoCode', input.on) : null;
    if (target?.id === before.id) refuse('HAMLET_MERGE_SELF', 'mergeIntoCode');
    const past = { hamletId: before.id, OR: [{ endOn: null }, { endOn: { gt: input.on } }] };
    const [communes, cells, residences] = await Promise.all([
      tx.hamletCommune.findMany({ where: past }),
      tx.hamletCell.findMany({ where: past }),
      tx.residence.findMany({ where: past }),
    ]);
    const later = [...communes, ...cells, ...residences].find((r) => r.startOn >= input.on);
    if (later) refuse('LINK_STARTS_LATER', 'on', { on: input.on, start: later.startOn });
    if (residences.length > 0 && !target) refuse('HAMLET_RESIDENTS_REMAIN', 'mergeIntoCode');
    await concernHamlets(tx, [before.id, ...(target ? [target.id] : [])]);
    const cut = { endOn: input.on };
    await tx.hamletCommune.updateMany({ where: { id: { in: communes.map((r) => r.id) } }, data: cut });
    await tx.hamletCell.updateMany({ where: { id: { in: cells.map((r) => r.id) } }, data: cut });
    for (const r of residences) {
      await tx.residence.update({ where: { id: r.id }, data: cut });
      // target is there: refused above otherwise.
      const spans = await followMerges(target!, input.on, r.endOn, hamletOf(tx));
      await tx.residence.createMany({
        data: spans.map((s) => ({ memberId: r.memberId, hamletId: s.id, startOn: s.startOn, endOn: s.endOn })),
      });
    }
    const hamlet = await tx.hamlet.update({
      where: { id: before.id },
      data: { dissolvedOn: input.on, mergedIntoId: target?.id ?? null },
    });
    await audit(tx, actor, {
      action: target ? 'mergeHamlet' : 'dissolveHamlet',
      entityType: 'Hamlet',
      entityId: hamlet.id,
      before,
      after: { ...hamlet, movedResidents: residences.length, endedCellServices: cells.length },
    });
    return hamlet;
  });
}
