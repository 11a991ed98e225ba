// How every write runs: one transaction that validates, changes rows and records an audit
// event; nothing stays written when any step fails; the public cache is emptied after commit.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import type { Actor } from '../context.ts';
import { prisma } from '../db.ts';
import { invalidatePublicCache } from '../http/invalidate.ts';
import type { Violation } from '../rules/violations.ts';

export type Tx = Prisma.TransactionClient;

/** Rules broken by a write: the API returns them as a ValidationError result. */
export class ValidationFailure extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.code} (${v.field}): ${v.messageEn}`).join('; '));
    this.name = 'ValidationFailure';
  }
}

/** Throws when any rule is broken, so that the transaction rolls back. */
export function ensure(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationFailure(violations);
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
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
    },
  });
}

/**
 * Runs `fn` in one serializable transaction (two concurrent transfers of one member cannot both
 * pass the overlap check), retried when PostgreSQL aborts it for a conflict; on success empties
 * the public response cache.
 */
export async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await prisma().$transaction(fn, {
        timeout: 30_000,
        maxWait: 10_000,
        isolationLevel: 'Serializable',
      });
      await invalidatePublicCache();
      return result;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isSerializationFailure(error)) throw error;
    }
  }
}

const MAX_ATTEMPTS = 4;

/** Prisma's P2034 ("write conflict or deadlock"), or PostgreSQL's 40001 / 40P01 from the adapter. */
function isSerializationFailure(error: unknown): boolean {
  const e = error as { code?: string; message?: string; meta?: { code?: string } } | null;
  return (
    e?.code === 'P2034' ||
    e?.meta?.code === '40001' ||
    e?.meta?.code === '40P01' ||
    /could not serialize access|deadlock detected|40001/.test(e?.message ?? '')
  );
}

export interface WriteOptions<I> {
  actor: Actor;
  input: I;
}
