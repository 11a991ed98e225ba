// The "Mã ketnap" column: a record's GraphQL ID (base64 of "Type:number", as the API shows it),
// written by an export so that an edited export is matched to its records when imported again.
import type { Cell } from './cells.ts';
import { text } from './cells.ts';

export type IdType = 'Member' | 'Candidate';

export const ketnapIdOf = (type: IdType, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** The number a cell's ketnap ID of `type` names; null when empty; undefined when it is not one. */
export function ketnapId(cell: Cell, type: IdType): number | null | undefined {
  const value = text(cell);
  if (!value) return null;
  const decoded = /^[A-Za-z0-9+/=]{4,40}$/.test(value) ? Buffer.from(value, 'base64').toString('utf8') : '';
  const match = new RegExp(`^${type}:(\\d{1,10})$`).exec(decoded);
  return match && Number(match[1]) > 0 ? Number(match[1]) : undefined;
}
