// Nhập danh sách đảng viên: a members roster (CSV or XLSX, see sheets.ts for the libraries) checked
// whole, then written all or nothing. A preview writes nothing; a commit runs the same checks in one
// write() transaction, so a file with one refused row writes nothing, the derived tables and the
// public cache follow the new members, and re-importing the same file finds every row unchanged.
// Who: `actor`. An admin without an organisation writes anywhere; an editor only in cells of its
// subtree as it stands today (other rows are refused one by one); a viewer writes nothing.
import { concern } from '../derived/track.ts';
import { type Tx, type WriteOptions, write } from '../domain/write.ts';
import { todayInVietnam } from '../rules/dates.ts';
import type { Violation } from '../rules/violations.ts';
import { CHUNK, MemberChecker } from './check.ts';
import type { PendingRow } from './member-records.ts';
import type { ImportInput, ImportReport } from './report.ts';
import { RowReader } from './row-reader.ts';
import { MEMBER_SPEC } from './rows.ts';
import {
  commitOrRollBack,
  ensureImporter,
  fileSha256,
  IMPORT_TIMEOUT_MS,
  type Outcome,
  previewReads,
  reportOf,
  settleImport,
} from './run.ts';

/**
 * Member rows one import takes: a province's roster (Nghệ An's is under 200,000). Checked a chunk
 * at a time, they stay out of memory; what is kept per row (its card and citizen ID, to refuse a
 * second row naming them) is about 100 bytes.
 */
export const MAX_MEMBER_ROWS = 1_000_000;

async function run(db: Tx, { actor, input }: WriteOptions<ImportInput>, sha256: string): Promise<Outcome> {
  ensureImporter(actor);
  const today = todayInVietnam();
  const reader = new RowReader(MEMBER_SPEC, today, MAX_MEMBER_ROWS);
  const scopeRootId = actor.role === 'ADMIN' && actor.organisationId === null ? null : actor.organisationId;
  const checker = new MemberChecker(
    db,
    { actor, commit: input.commit, today, scopeRootId },
    (row: PendingRow, violations: Violation[]) => reader.refuse(row.sheet, row.row, violations),
    () => reader.refusedRows.size > 0 || reader.fileErrors.length > 0,
    input.name ?? input.file,
  );
  let pending: PendingRow[] = [];
  let lastTold = 0;
  // A chunk is checked (and written) while the next one is read: on PostgreSQL the file is read
  // while the server works. One chunk at a time meets the database, in the file's order.
  let checking: Promise<void> = Promise.resolve();
  try {
    for await (const { sheet, row, value } of reader.rows(input.file)) {
      pending.push({ sheet, row, member: value });
      if (pending.length < CHUNK) continue;
      await checking;
      checking = checker.check(pending);
      checking.catch(() => undefined); // awaited (and thrown) at the next chunk or below
      pending = [];
      if (input.onProgress && reader.rowsRead - lastTold >= 5_000) input.onProgress((lastTold = reader.rowsRead));
    }
    await checking;
  } finally {
    // Whatever ends the reading, no statement of this import may outlive its transaction.
    await checking.catch(() => undefined);
  }
  await checker.check(pending);
  input.onProgress?.(reader.rowsRead);
  const counts = { new: checker.created, changed: checker.changed, unchanged: checker.unchanged };
  const outcome = { report: reportOf('members', input, sha256, reader, counts), reader };
  if (!input.commit) return outcome;
  concern(db, []); // the write says what it touched (its new members), so only their answers go stale
  return commitOrRollBack(db, actor, 'importMembers', outcome);
}

/**
 * Checks a members file whole and, with `commit`, records its new members and its corrections in
 * one transaction: nothing at all when any row is refused. One audit event `importMembers` (who,
 * the file's SHA-256, the counts), one `importMember` per member written, and a `correctMember`
 * per correction.
 */
export function importMembers(options: WriteOptions<ImportInput>): Promise<ImportReport> {
  return settleImport(options.input, async () => {
    const sha256 = await fileSha256(options.input.file);
    return options.input.commit
      ? write((tx) => run(tx, options, sha256), { timeoutMs: IMPORT_TIMEOUT_MS })
      : previewReads((tx) => run(tx, options, sha256));
  });
}
