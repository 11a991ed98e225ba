// How every write runs: one transaction that validates, changes rows and records an audit
// event; nothing stays written when any step fails; after commit, listeners hear of it.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Actor } from '../context.ts';
import { prisma } from '../db.ts';
import { settle } from '../derived/track.ts';
import { type Violation, type ViolationCode, type ViolationParams, violation } from '../rules/violations.ts';
import { notifyCommitted } from './committed.ts';

export type Tx = Prisma.TransactionClient;

/** Rules broken by a write, at least one: the API returns them as a ValidationError result. */
export class ValidationFailure extends Error {
  constructor(readonly violations: readonly [Violation, ...Violation[]]) {
    super(violations.map((v) => `${v.code} (${v.field}): ${v.messageEn}`).join('; '));
    this.name = 'ValidationFailure';
  }
}

/**
 * Refuses the write for one broken rule: throws, so that the transaction rolls back. Typed
 * `never`, so that after `if (!found) refuse(…)` the compiler knows `found` is there.
 */
export function refuse<C extends ViolationCode>(code: C, field: string, ...params: ViolationParams<C>): never {
  throw new ValidationFailure([violation(code, field, ...params)]);
}

/** Throws when a rule that collects violations (rules/*.ts) found any. */
export function ensure(violations: Violation[]): void {
  const [first, ...rest] = violations;
  if (first) throw new ValidationFailure([first, ...rest]);
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
  /** Why: a correction always says. */
  reason?: string | null;
}

/** The audit trail is the one place personal data of a write may be kept (admins read it). */
export async function audit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorName: actor.name,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

/**
 * Runs `fn` in one serializable transaction (two concurrent transfers of one member cannot both
 * pass the overlap check), retried with jittered backoff when the database aborts it for a
 * conflict; once committed, tells the after-commit listeners (which never make it fail).
 *
 * The writes of one process run one after another: they are rare (staff at work), each keeps the
 * derived tables of the cells it touches, and sixty writes about one cell at once would otherwise
 * abort one another over those cells until the retries ran out. Writes of different instances
 * (PostgreSQL) still meet in the database, where the retries resolve them.
 *
 * A write is given 30 s; a spreadsheet import of many rows asks for more (`timeoutMs`).
 */
export function write<T>(fn: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  const run = queue.then(() => attempt(fn, options.timeoutMs ?? 30_000));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function attempt<T>(fn: (tx: Tx) => Promise<T>, timeout: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let result: T;
    let scopes: string[] | undefined;
    try {
      result = await prisma().$transaction(
        async (tx) => {
          const done = await fn(tx);
          scopes = await settle(tx); // the derived tables follow the write, in its transaction
          return done;
        },
        { timeout, maxWait: 10_000, isolationLevel: 'Serializable' },
      );
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isSerializationFailure(error)) throw error;
      retries.count++;
      await sleep(backoff(attempt));
      continue;
    }
    await notifyCommitted({ at: new Date(), scopes });
    return result;
  }
}

/** Up to 10 attempts: 40 concurrent writes on PostgreSQL all commit. */
const MAX_ATTEMPTS = 10;

/** Serialization failures retried so far (exported for metrics and tests). */
export const retries = { count: 0 };

/** Full jitter: a random wait up to 10 ms × 2^attempt, at most 1 s. */
const backoff = (attempt: number) => Math.random() * Math.min(1_000, 10 * 2 ** attempt);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A serialization failure or deadlock, however it arrives: Prisma's P2034, PostgreSQL's
 * 40001 / 40P01, or the pg adapter's DriverAdapterError whose cause.kind is
 * TransactionWriteConflict; SQLITE_BUSY when another connection holds the file.
 */
export function isSerializationFailure(error: unknown): boolean {
  const e = error as {
    code?: string;
    message?: string;
    meta?: { code?: string };
    cause?: { kind?: string; code?: string; originalCode?: string };
  } | null;
  return (
    e?.code === 'P2034' ||
    e?.meta?.code === '40001' ||
    e?.meta?.code === '40P01' ||
    e?.cause?.kind === 'TransactionWriteConflict' ||
    e?.cause?.originalCode === '40001' ||
    e?.cause?.originalCode === '40P01' ||
    /could not serialize access|deadlock detected|40001|TransactionWriteConflict|SQLITE_BUSY/.test(e?.message ?? '')
  );
}

export interface WriteOptions<I> {
  actor: Actor;
  input: I;
}
