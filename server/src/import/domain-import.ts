// Imports whose rows go through the domain's own write functions (organisations, quotas): the file
// is read whole first (such files hold hundreds of rows, not a roster's hundred thousand), then in
// one transaction each row is written by the function its mutation calls, in a savepoint, so that
// the same rules give the same ValidationError codes and a refused row leaves nothing behind. A
// preview runs the same transaction and rolls it back; a commit keeps it only when no row was
// refused. Re-importing the same file finds every row unchanged.
import type { Actor } from '../context.ts';
import { type Tx, type WriteOptions, write } from '../domain/write.ts';
import { todayInVietnam } from '../rules/dates.ts';
import type { ImportInput, ImportKind, ImportReport } from './report.ts';
import { type ReadRow, RowReader, type RowSpec } from './row-reader.ts';
import {
  commitOrRollBack,
  ensureImporter,
  fileSha256,
  IMPORT_TIMEOUT_MS,
  type Outcome,
  RolledBack,
  reportOf,
  settleImport,
} from './run.ts';
import { inSavepoint } from './savepoint.ts';

/**
 * Rows one such import takes: read whole, then each written in a savepoint. A province's
 * organisations (about 10,000 with its cells) or a year's candidates fit.
 */
export const MAX_WHOLE_FILE_ROWS = 50_000;

export type RowResult = 'new' | 'changed' | 'unchanged';

export interface Applying<T> {
  tx: Tx;
  actor: Actor;
  today: string;
  /**
   * Writes one row with `fn` in a savepoint; a refusal is the row's error (its domain fields named
   * as the file's columns). Answers whether it passed. A row refused once is not tried again.
   */
  attempt(row: ReadRow<T>, fn: () => Promise<RowResult>): Promise<boolean>;
}

export interface DomainImportSpec<F extends string, T> {
  kind: ImportKind;
  rows: RowSpec<F, T>;
  /** The domain's input fields that are named otherwise in the file. */
  columnOf?: Record<string, F>;
  apply(rows: ReadRow<T>[], applying: Applying<T>): Promise<void>;
}

const RANK: Record<RowResult, number> = { unchanged: 0, changed: 1, new: 2 };

async function run<F extends string, T>(
  spec: DomainImportSpec<F, T>,
  tx: Tx,
  { actor, input }: WriteOptions<ImportInput>,
  sha256: string,
): Promise<Outcome> {
  ensureImporter(actor);
  const today = todayInVietnam();
  const reader = new RowReader(spec.rows, today, MAX_WHOLE_FILE_ROWS);
  const rows: ReadRow<T>[] = [];
  for await (const row of reader.rows(input.file)) rows.push(row);
  // A file not read to its end (unreadable, too long, too many errors) is not tried row by row.
  if (reader.stopped) rows.length = 0;
  const results = new Map<ReadRow<T>, RowResult>();
  const refused = new Set<ReadRow<T>>();
  await spec.apply(rows, {
    tx,
    actor,
    today,
    attempt: async (row, fn) => {
      if (refused.has(row)) return false;
      let result: RowResult = 'unchanged';
      const violations = await inSavepoint(tx, true, async () => {
        result = await fn();
      });
      if (violations.length > 0) {
        refused.add(row);
        results.delete(row);
        const named = violations.map((v) => ({ ...v, field: spec.columnOf?.[v.field] ?? v.field }));
        reader.refuse(row.sheet, row.row, named);
        return false;
      }
      const before = results.get(row);
      if (!before || RANK[result] > RANK[before]) results.set(row, result);
      return true;
    },
  });
  input.onProgress?.(reader.rowsRead);
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const result of results.values()) counts[result]++;
  const outcome = { report: reportOf(spec.kind, input, sha256, reader, counts), reader };
  if (!input.commit) throw new RolledBack(outcome); // a preview: everything it wrote is undone
  return commitOrRollBack(tx, actor, `import${spec.kind[0]!.toUpperCase()}${spec.kind.slice(1)}`, outcome);
}

/** Checks a file whole and, with `commit`, writes it in one transaction: nothing when a row is refused. */
export function importThrough<F extends string, T>(
  spec: DomainImportSpec<F, T>,
  options: WriteOptions<ImportInput>,
): Promise<ImportReport> {
  return settleImport(options.input, async () => {
    const sha256 = await fileSha256(options.input.file);
    return write((tx) => run(spec, tx, options, sha256), { timeoutMs: IMPORT_TIMEOUT_MS });
  });
}
