// What every import does around its rows: the file's SHA-256 (named in the audit trail), the one
// transaction of a commit (rolled back when a row is refused, by throwing the outcome out of it),
// the report's counts, the summary audit event, and the rejects file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Actor } from '../context.ts';
import { db, prisma } from '../db.ts';
import { audit, type Tx } from '../domain/write.ts';
import { writeRejects } from './rejects.ts';
import type { ImportInput, ImportKind, ImportReport } from './report.ts';
import type { RowReader } from './row-reader.ts';

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One transaction for the whole file: 100,000 member rows take 5–8 s on SQLite, 10–15 s on PostgreSQL (2 cores). */
export const IMPORT_TIMEOUT_MS = 30 * 60_000;

/**
 * Where a preview reads. On PostgreSQL one read-only transaction: the file is checked against one
 * snapshot, and on one pooled connection, which the import's own statements use directly
 * (db/driver.ts). On SQLite the connection as it is: a transaction there would hold off every
 * write while the file is read, and the import reaches the one connection without one.
 */
export function previewReads<T>(fn: (db: Tx) => Promise<T>): Promise<T> {
  if (db().dialect === 'sqlite') return fn(prisma());
  return prisma().$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      return fn(tx);
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
  );
}

export interface Outcome {
  report: ImportReport;
  reader: RowReader<any, any>;
}

/** Thrown out of the transaction to roll it back: a refused row, or a preview run in one. */
export class RolledBack extends Error {
  constructor(readonly outcome: Outcome) {
    super(`${outcome.report.refused} rows refused`);
  }
}

/** Only editors and admins import; a viewer writes nothing, whatever the file holds. */
export function ensureImporter(actor: Actor): void {
  if (actor.role === 'VIEWER') throw new Error('A viewer token cannot import: it writes nothing.');
}

/** The report of a file read whole, before the commit's summary. */
export function reportOf(
  kind: ImportKind,
  input: ImportInput,
  sha256: string,
  reader: RowReader<any, any>,
  counts: { new: number; changed: number; unchanged: number },
): ImportReport {
  const refused = reader.refusedRows.size;
  return {
    kind,
    file: input.name ?? basename(input.file),
    sha256,
    rowsRead: reader.rowsRead,
    valid: reader.rowsRead - refused,
    refused,
    ...counts,
    skipped: reader.skipped,
    sheets: reader.sheets,
    errors: reader.allErrors(),
    committed: false,
  };
}

/** The commit's end: refused rows roll everything back; otherwise one summary audit event. */
export async function commitOrRollBack(tx: Tx, actor: Actor, action: string, outcome: Outcome): Promise<Outcome> {
  const { report } = outcome;
  if (report.errors.length > 0) throw new RolledBack(outcome);
  const { errors: _, ...counts } = report;
  await audit(tx, actor, { action, entityType: 'Import', entityId: report.sha256, after: counts });
  return { ...outcome, report: { ...report, committed: true } };
}

/** Runs an import, catching the outcome a rollback carries out; writes the rejects file. */
export async function settleImport(input: ImportInput, run: () => Promise<Outcome>): Promise<ImportReport> {
  let outcome: Outcome;
  try {
    outcome = await run();
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    outcome = error.outcome;
  }
  const { report, reader } = outcome;
  if (input.rejects && reader.refusedRows.size > 0) await writeRejects(input.file, input.rejects, reader);
  return report;
}
