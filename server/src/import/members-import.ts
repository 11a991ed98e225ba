// Nhập danh sách đảng viên: a members roster (CSV or XLSX, see sheets.ts for the libraries) checked
// whole, then written all or nothing. A preview writes nothing; a commit runs the same checks in one
// write() transaction, so a file with one refused row writes nothing, the derived tables and the
// public cache follow the new members, and re-importing the same file finds every row unchanged.
// Who: `actor`. An admin without an organisation writes anywhere; an editor only in cells of its
// subtree as it stands today (other rows are refused one by one); a viewer writes nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { prisma } from '../db.ts';
import { concern } from '../derived/track.ts';
import { audit, type Tx, type WriteOptions, write } from '../domain/write.ts';
import { todayInVietnam } from '../rules/dates.ts';
import type { Violation } from '../rules/violations.ts';
import { CHUNK, MemberChecker, type PendingRow } from './check.ts';
import { writeRejects } from './rejects.ts';
import { RowReader } from './row-reader.ts';

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
  file: string;
  sha256: string;
  /** Data rows read (empty rows and the template's guidance and example rows aside). */
  rowsRead: number;
  valid: number;
  refused: number;
  /** Valid rows naming nobody recorded yet: written by a commit. */
  new: number;
  /** Valid rows saying what is already recorded: nothing to write. */
  unchanged: number;
  skipped: number;
  /** Sheets read (with a header row) and sheets passed over (none found). */
  sheets: { read: string[]; passedOver: string[] };
  errors: ImportError[];
  committed: boolean;
}

export interface ImportMembersInput {
  /** Path of a .csv or .xlsx file. */
  file: string;
  commit: boolean;
  /** Where to write the refused rows with an error column (.csv or .xlsx), when any is refused. */
  rejects?: string;
  /** Told the number of rows read, every few thousand rows. */
  onProgress?: (rowsRead: number) => void;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface Outcome {
  report: ImportReport;
  reader: RowReader;
}

/** One transaction for the whole file: 100,000 rows took about a minute on SQLite on 2 cores. */
const IMPORT_TIMEOUT_MS = 30 * 60_000;

class Refused extends Error {
  constructor(readonly outcome: Outcome) {
    super(`${outcome.report.refused} rows refused`);
  }
}

async function run(db: Tx, { actor, input }: WriteOptions<ImportMembersInput>, sha256: string): Promise<Outcome> {
  if (actor.role === 'VIEWER') throw new Error('A viewer token cannot import: it writes nothing.');
  const today = todayInVietnam();
  const reader = new RowReader(today);
  const scopeRootId = actor.role === 'ADMIN' && actor.organisationId === null ? null : actor.organisationId;
  const checker = new MemberChecker(
    db,
    { actor, commit: input.commit, today, scopeRootId },
    (row: PendingRow, violations: Violation[]) => reader.refuse(row.sheet, row.row, violations),
    () => reader.refusedRows.size > 0 || reader.fileErrors.length > 0,
  );
  let pending: PendingRow[] = [];
  let lastTold = 0;
  for await (const row of reader.rows(input.file)) {
    pending.push(row);
    if (pending.length < CHUNK) continue;
    await checker.check(pending);
    pending = [];
    if (input.onProgress && reader.rowsRead - lastTold >= 5_000) input.onProgress((lastTold = reader.rowsRead));
  }
  await checker.check(pending);
  input.onProgress?.(reader.rowsRead);
  const refused = reader.refusedRows.size;
  const report: ImportReport = {
    file: basename(input.file),
    sha256,
    rowsRead: reader.rowsRead,
    valid: reader.rowsRead - refused,
    refused,
    new: checker.created,
    unchanged: checker.unchanged,
    skipped: reader.skipped,
    sheets: reader.sheets,
    errors: reader.allErrors(),
    committed: false,
  };
  if (!input.commit) return { report, reader };
  if (report.errors.length > 0) throw new Refused({ report, reader });
  concern(db, []); // the write says what it touched (its new members), so only their answers go stale
  const { errors: _, ...counts } = report;
  await audit(db, actor, { action: 'importMembers', entityType: 'Import', entityId: sha256, after: counts });
  return { report: { ...report, committed: true }, reader };
}

/**
 * Checks a members file whole and, with `commit`, records its new members in one transaction:
 * nothing at all when any row is refused. One audit event `importMembers` (who, the file's SHA-256,
 * the counts) and one `importMember` per member written.
 */
export async function importMembers(options: WriteOptions<ImportMembersInput>): Promise<ImportReport> {
  const sha256 = await fileSha256(options.input.file);
  let outcome: Outcome;
  try {
    outcome = options.input.commit
      ? await write((tx) => run(tx, options, sha256), { timeoutMs: IMPORT_TIMEOUT_MS })
      : await run(prisma(), options, sha256);
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    outcome = error.outcome;
  }
  const { report, reader } = outcome;
  if (options.input.rejects && reader.refusedRows.size > 0)
    await writeRejects(options.input.file, options.input.rejects, reader);
  return report;
}
