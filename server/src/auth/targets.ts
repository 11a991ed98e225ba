// What a write or a personal read is about, found before the resolver runs, so that scope-auth
// can decide with `writesIn` / `readsPersonalDataOf`. Unknown things map to -1: only admins
// reach it, and the domain function then reports NOT_FOUND.
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import { covers } from '../rules/dates.ts';

export const NOWHERE = -1;

export async function organisationIdOf(code: string): Promise<number> {
  return (await prisma().organisation.findUnique({ where: { code }, select: { id: true } }))?.id ?? NOWHERE;
}

/** The parent of organisation `code` on `day`: the body that hands down its quota. */
export async function parentIdOf(code: string, day: string): Promise<number> {
  const links = await prisma().organisationParent.findMany({ where: { organisation: { code } } });
  return links.find((l) => covers(l.startOn, l.endOn, day))?.parentId ?? NOWHERE;
}

export async function candidateCellOf(id: number): Promise<number> {
  return (await prisma().candidate.findUnique({ where: { id }, select: { cellId: true } }))?.cellId ?? NOWHERE;
}

/** The member's current cell: that of their latest placement. Batched per request. */
export function memberCellOf(ctx: Context, id: number): Promise<number> {
  return batched<number, number>(
    ctx,
    'memberCell',
    async (ids) => {
      const rows = await prisma().placement.findMany({
        where: { memberId: { in: [...ids] } },
        orderBy: { startOn: 'asc' },
        select: { memberId: true, cellId: true },
      });
      return new Map(rows.map((r) => [r.memberId, r.cellId]));
    },
    NOWHERE,
  ).load(id);
}

/** The cell of each candidate, batched per request (for personal fields of their events). */
export function candidateCellIn(ctx: Context, id: number): Promise<number> {
  return batched<number, number>(
    ctx,
    'candidateCell',
    async (ids) => {
      const rows = await prisma().candidate.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, cellId: true },
      });
      return new Map(rows.map((r) => [r.id, r.cellId]));
    },
    NOWHERE,
  ).load(id);
}

/** The commune hamlet `code` belongs to on `day`: its staff write about the hamlet. */
export async function hamletCommuneIdOf(code: string, day: string): Promise<number> {
  const links = await prisma().hamletCommune.findMany({ where: { hamlet: { code } } });
  return links.find((l) => covers(l.startOn, l.endOn, day))?.communeId ?? NOWHERE;
}
