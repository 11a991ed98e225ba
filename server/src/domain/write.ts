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

/** Runs `fn` in one transaction; on success empties the public response cache. */
export async function write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await prisma().$transaction(fn, { timeout: 30_000, maxWait: 10_000 });
  await invalidatePublicCache();
  return result;
}

export interface WriteOptions<I> {
  actor: Actor;
  input: I;
}
