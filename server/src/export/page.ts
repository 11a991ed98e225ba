// What the row generators of an export share with the writer (sheet.ts).
import type { Cell } from '../import/cells.ts';

/** Records read from the database per query. */
export const PAGE = 500;

/** A date as the export writes it: a date cell in XLSX (shown dd/mm/yyyy), dd/mm/yyyy text in CSV. */
export type DateCell = (iso: string) => Cell;

export const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
