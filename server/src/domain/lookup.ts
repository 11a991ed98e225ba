// Finding what an input names, inside a write's transaction, with the violation to report when
// it is missing or unsuitable.
import { covers } from '../rules/dates.ts';
import { isCellKind } from '../rules/kinds.ts';
import { refuse, type Tx } from './write.ts';

export async function organisationByCode(tx: Tx, code: string, field: string) {
  const org = await tx.organisation.findUnique({ where: { code } });
  if (!org) refuse('NOT_FOUND', field, { thing: 'organisation', code });
  return org;
}

/** An organisation alive on `on`: established by then and not dissolved. */
export function ensureAlive(
  org: { code: string; establishedOn: string; dissolvedOn: string | null },
  on: string,
  field: string,
) {
  if (!covers(org.establishedOn, org.dissolvedOn, on)) refuse('ORGANISATION_NOT_ACTIVE', field, { code: org.code, on });
}

/** A cell (chi bộ) alive on `on`: only cells have members and candidates. */
export async function activeCell(tx: Tx, code: string, on: string, field: string) {
  const cell = await organisationByCode(tx, code, field);
  if (!isCellKind(cell.kind)) refuse('NOT_A_CELL', field, { code });
  ensureAlive(cell, on, field);
  return cell;
}

export async function memberById(tx: Tx, id: number, field = 'memberId') {
  const member = await tx.member.findUnique({
    where: { id },
    include: { placements: { orderBy: { startOn: 'asc' } } },
  });
  if (!member) refuse('NOT_FOUND', field, { thing: 'member' });
  return member;
}

export async function candidateById(tx: Tx, id: number) {
  const candidate = await tx.candidate.findUnique({ where: { id } });
  if (!candidate) refuse('NOT_FOUND', 'candidateId', { thing: 'candidate' });
  return candidate;
}
