// Hamlets (xóm, bản, khối, thôn, tổ dân phố): recorded under a commune, moved to another commune
// from a day, and served by a cell from a day (or by none). A hamlet's cell lies inside its commune
// on the day it starts serving; a hamlet moved to another commune loses a cell that does not.
import type { HamletKind } from '@ketnap/prisma/generated/sqlite/enums.ts';
import { concern } from '../derived/track.ts';
import { covers } from '../rules/dates.ts';
import { followMerges, slotAt } from './dated.ts';
import { activeCell, ensureAlive, organisationByCode } from './lookup.ts';
import { audit, refuse, type Tx, type WriteOptions, write } from './write.ts';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function hamletByCode(tx: Tx, code: string, field: string, on: string) {
  const hamlet = await tx.hamlet.findUnique({ where: { code } });
  if (!hamlet) refuse('NOT_FOUND', field, { thing: 'hamlet', code });
  if (!covers(hamlet.establishedOn, hamlet.dissolvedOn, on)) refuse('HAMLET_NOT_ACTIVE', field, { code, on });
  return hamlet;
}

/** A commune or town committee (đảng bộ xã, thị trấn) alive on `on`. */
async function communeByCode(tx: Tx, code: string, on: string, field: string) {
  const commune = await organisationByCode(tx, code, field);
  if (commune.kind !== 'GRASSROOTS_COMMITTEE' || commune.sector !== 'COMMUNE') refuse('NOT_A_COMMUNE', field, { code });
  ensureAlive(commune, on, field);
  return commune;
}

/** Whether `cellId` lies inside organisation `communeId`'s subtree on `on`. */
async function isInside(tx: Tx, cellId: number, communeId: number, on: string) {
  const links = await tx.organisationAncestry.findMany({ where: { ancestorId: communeId, descendantId: cellId } });
  return links.some((a) => covers(a.startOn, a.endOn, on));
}

const organisationOf = (tx: Tx) => (id: number) => tx.organisation.findUniqueOrThrow({ where: { id } });

export interface CreateHamletInput {
  code: string;
  name: string;
  kind: HamletKind;
  communeCode: string;
  establishedOn: string;
  cellCode?: string | null;
}

export function createHamlet({ actor, input }: WriteOptions<CreateHamletInput>) {
  return write(async (tx) => {
    if (!CODE.test(input.code)) refuse('CODE_INVALID', 'code');
    if (await tx.hamlet.findUnique({ where: { code: input.code } })) refuse('CODE_TAKEN', 'code', { code: input.code });
    if (!input.name.trim()) refuse('REQUIRED', 'name', { input: 'name' });
    const on = input.establishedOn;
    const commune = await communeByCode(tx, input.communeCode, on, 'communeCode');
    const cell = input.cellCode ? await activeCell(tx, input.cellCode, on, 'cellCode') : null;
    if (cell && !(await isInside(tx, cell.id, commune.id, on)))
      refuse('CELL_OUTSIDE_COMMUNE', 'cellCode', { cell: cell.code, commune: commune.code, on });
    const { communeCode: _, cellCode: __, ...data } = input;
    const hamlet = await tx.hamlet.create({ data: { ...data, name: input.name.trim() } });
    await tx.hamletCommune.create({ data: { hamletId: hamlet.id, communeId: commune.id, startOn: on } });
    const spans = cell ? await followMerges(cell, on, null, organisationOf(tx)) : [];
    await tx.hamletCell.createMany({
      data: spans.map((s) => ({ hamletId: hamlet.id, cellId: s.id, startOn: s.startOn, endOn: s.endOn })),
    });
    concern(tx, [commune.id, ...spans.map((s) => s.id)]);
    await audit(tx, actor, {
      action: 'createHamlet',
      entityType: 'Hamlet',
      entityId: hamlet.id,
      after: { ...hamlet, communeCode: commune.code, cellCode: cell?.code ?? null },
    });
    return hamlet;
  });
}

export interface AssignHamletCommuneInput {
  hamletCode: string;
  communeCode: string;
  on: string;
}

/** The hamlet belongs to another commune from `on` (until the next recorded move). */
export function assignHamletCommune({ actor, input }: WriteOptions<AssignHamletCommuneInput>) {
  return write(async (tx) => {
    const hamlet = await hamletByCode(tx, input.hamletCode, 'hamletCode', input.on);
    const commune = await communeByCode(tx, input.communeCode, input.on, 'communeCode');
    const links = await tx.hamletCommune.findMany({ where: { hamletId: hamlet.id } });
    const { covering, endOn } = slotAt(links, input.on, 'on');
    if (covering?.communeId === commune.id) refuse('UNCHANGED', 'communeCode', { on: input.on });
    if (covering) await tx.hamletCommune.update({ where: { id: covering.id }, data: { endOn: input.on } });
    const link = await tx.hamletCommune.create({
      data: { hamletId: hamlet.id, communeId: commune.id, startOn: input.on, endOn },
    });
    // The old commune's cell does not serve a hamlet of another commune: its service ends that day.
    const services = await tx.hamletCell.findMany({ where: { hamletId: hamlet.id } });
    const service = services.find((s) => covers(s.startOn, s.endOn, input.on));
    const ended = service && !(await isInside(tx, service.cellId, commune.id, input.on)) ? service : null;
    if (ended) {
      if (ended.startOn === input.on) await tx.hamletCell.delete({ where: { id: ended.id } });
      else await tx.hamletCell.update({ where: { id: ended.id }, data: { endOn: input.on } });
    }
    concern(tx, [commune.id, ...(covering ? [covering.communeId] : []), ...(ended ? [ended.cellId] : [])]);
    await audit(tx, actor, {
      action: 'assignHamletCommune',
      entityType: 'Hamlet',
      entityId: hamlet.id,
      before: covering,
      after: { ...link, communeCode: commune.code, endedCellService: ended },
    });
    return hamlet;
  });
}

export interface AssignHamletCellInput {
  hamletCode: string;
  /** The cell serving the hamlet from `on`; null: no cell serves it from that day. */
  cellCode?: string | null;
  on: string;
}

/** The cell serving the hamlet from `on` (until the next recorded change), or none. */
export function assignHamletCell({ actor, input }: WriteOptions<AssignHamletCellInput>) {
  return write(async (tx) => {
    const hamlet = await hamletByCode(tx, input.hamletCode, 'hamletCode', input.on);
    const link = (await tx.hamletCommune.findMany({ where: { hamletId: hamlet.id } })).find((l) =>
      covers(l.startOn, l.endOn, input.on),
    );
    if (!link) refuse('HAMLET_WITHOUT_COMMUNE', 'hamletCode', { code: hamlet.code, on: input.on });
    const cell = input.cellCode ? await activeCell(tx, input.cellCode, input.on, 'cellCode') : null;
    if (cell && !(await isInside(tx, cell.id, link.communeId, input.on))) {
      const commune = await tx.organisation.findUniqueOrThrow({ where: { id: link.communeId } });
      refuse('CELL_OUTSIDE_COMMUNE', 'cellCode', { cell: cell.code, commune: commune.code, on: input.on });
    }
    const services = await tx.hamletCell.findMany({ where: { hamletId: hamlet.id } });
    const { covering, endOn } = slotAt(services, input.on, 'on');
    if ((covering?.cellId ?? null) === (cell?.id ?? null)) refuse('UNCHANGED', 'cellCode', { on: input.on });
    if (covering) await tx.hamletCell.update({ where: { id: covering.id }, data: { endOn: input.on } });
    // A cell merged later (history entered out of order) goes on serving as the cell it merged into.
    const spans = cell ? await followMerges(cell, input.on, endOn, organisationOf(tx)) : [];
    await tx.hamletCell.createMany({
      data: spans.map((s) => ({ hamletId: hamlet.id, cellId: s.id, startOn: s.startOn, endOn: s.endOn })),
    });
    concern(tx, [link.communeId, ...spans.map((s) => s.id), ...(covering ? [covering.cellId] : [])]);
    await audit(tx, actor, {
      action: 'assignHamletCell',
      entityType: 'Hamlet',
      entityId: hamlet.id,
      before: covering,
      after: { hamletCode: hamlet.code, cellCode: cell?.code ?? null, on: input.on, spans },
    });
    return hamlet;
  });
}
