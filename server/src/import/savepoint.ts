// One row's writes inside an import's transaction: through a savepoint, so that a row the domain
// refuses (a ValidationFailure, possibly after some of its writes) leaves nothing behind and the
// rows after it are checked against the state the file would really produce. SQLite and PostgreSQL
// both know SAVEPOINT; names are fixed because the rows are taken one at a time.
import { type Tx, ValidationFailure } from '../domain/write.ts';
import type { Violation } from '../rules/violations.ts';

/**
 * Runs `fn` in a savepoint of `tx`: kept when it passes and `keep` holds, undone otherwise. Answers
 * the violations the domain raised ([] when it passed); any other error ends the import.
 */
export async function inSavepoint(tx: Tx, keep: boolean, fn: () => Promise<unknown>): Promise<Violation[]> {
  await tx.$executeRawUnsafe('SAVEPOINT ketnap_import_row');
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof ValidationFailure)) throw error;
    await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT ketnap_import_row');
    await tx.$executeRawUnsafe('RELEASE SAVEPOINT ketnap_import_row');
    return [...error.violations];
  }
  if (!keep) await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT ketnap_import_row');
  await tx.$executeRawUnsafe('RELEASE SAVEPOINT ketnap_import_row');
  return [];
}
