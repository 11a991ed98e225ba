// What an import answers, whatever it imports: counts, the sheets read, and every refused row
// with where it is (sheet, row, column) and why (a ValidationError code, messages in vi and en).
import type { Violation } from '../rules/violations.ts';

/** A refused row (or, with `row` the header's, the file): where, which column, why. */
export interface ImportError {
  sheet: string;
  row: number;
  /** The column's header as the file writes it ('' for the file as a whole). */
  column: string;
  field: string;
  code: Violation['code'];
  messageVi: string;
  messageEn: string;
}

export interface ImportReport {
  /** What the file holds: members, candidates, organisations or quotas. */
  kind: ImportKind;
  file: string;
  sha256: string;
  /** Data rows read (empty rows and the template's guidance and example rows aside). */
  rowsRead: number;
  valid: number;
  refused: number;
  /** Valid rows naming nothing recorded yet: written by a commit. */
  new: number;
  /** Valid rows changing something recorded (a correction, a later step, a new target). */
  changed: number;
  /** Valid rows saying what is already recorded: nothing to write. */
  unchanged: number;
  skipped: number;
  /** Sheets read (with a header row) and sheets passed over (none found). */
  sheets: { read: string[]; passedOver: string[] };
  errors: ImportError[];
  committed: boolean;
}

export const IMPORT_KINDS = ['members', 'candidates', 'organisations', 'quotas'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportInput {
  /** Path of a .csv or .xlsx file. */
  file: string;
  commit: boolean;
  /** Where to write the refused rows with an error column (.csv or .xlsx), when any is refused. */
  rejects?: string | undefined;
  /** The file's name as the user knows it (an upload is kept under another path). */
  name?: string | undefined;
  /** Told the number of rows read, every few thousand rows. */
  onProgress?: (rowsRead: number) => void;
}
