// The audit trail, for admins: every write with who, what, which entity, before and after.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { candidateCellIn } from '../auth/targets.ts';
import type { Context } from '../context.ts';
import { prisma } from '../db.ts';
import { batched } from '../read/batch.ts';
import { builder } from './builder.ts';
import { CandidateRef } from './candidate.ts';
import { MemberRef, personalOfMember } from './member.ts';
import { OrganisationRef } from './organisation.ts';

const AuditEventRef = builder.prismaObject('AuditEvent', {
  description: 'One write: who (token name and role), what, which entity, the values before and after (JSON), when.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the write was recorded.' }),
    actorName: t.exposeString('actorName', { description: 'The name of the token that wrote.' }),
    actorRole: t.exposeString('actorRole', { description: 'The token’s role: ADMIN, EDITOR or VIEWER.' }),
    action: t.exposeString('action', {
      description: 'What was done, usually the mutation’s name: e.g. "advanceCandidate", or "mergeOrganisation".',
    }),
    entityType: t.exposeString('entityType', {
      description: 'The kind of thing written, e.g. "Candidate" or "Member".',
    }),
    entityId: t.exposeString('entityId', { description: 'The numeric id of the entity (not a global ID).' }),
    before: t.exposeString('before', {
      nullable: true,
      description: 'The values the write replaced, as JSON; null when it created something new.',
    }),
    after: t.exposeString('after', { nullable: true, description: 'The values the write left, as JSON.' }),
    reason: t.exposeString('reason', {
      nullable: true,
      description:
        'Why, as the writer gave it: always present for a correction (correctMember, correctPlacement, ' +
        'voidTransfer, correctLeaving, voidLeaving, correctCandidateStep, voidCandidateStep).',
    }),
  }),
});

/**
 * The record's own history: `changes` on a type whose records are written (Member, Candidate,
 * Organisation): every audit event of the record, oldest first, one statement for every record of
 * a list that asks (no query per record).
 */
function changesOf<T extends { id: number }>(
  ref: Parameters<typeof builder.objectField>[0],
  entityType: string,
  description: string,
  authScopes: (record: T, args: object, ctx: Context) => Promise<{ readsPersonalDataOf: number }>,
) {
  builder.objectField(ref, 'changes', (t) =>
    t.field({
      type: [AuditEventRef],
      nullable: true,
      description,
      authScopes: authScopes as never,
      resolve: (record, _args, ctx) =>
        batched(
          ctx,
          `${entityType}Changes`,
          async (ids: readonly string[]) => {
            const events = await prisma().auditEvent.findMany({
              where: { entityType, entityId: { in: [...ids] } },
              orderBy: { id: 'asc' },
            });
            const found = new Map<string, typeof events>();
            for (const event of events) found.set(event.entityId, [...(found.get(event.entityId) ?? []), event]);
            return found;
          },
          [],
        ).load(String((record as T).id)),
    }),
  );
}

changesOf(
  MemberRef,
  'Member',
  'Every write to this member, oldest first: who, when, what, before and after, and why for a correction ' +
    '(personal data: only for tokens reaching the member’s cell).',
  personalOfMember,
);
changesOf(
  CandidateRef,
  'Candidate',
  'Every write to this candidate, oldest first: each step, move and correction, who, when, before and after, ' +
    'and why for a correction (personal data: only for tokens reaching the candidate’s cell).',
  async (c: { id: number }, _args, ctx) => ({ readsPersonalDataOf: await candidateCellIn(ctx, c.id) }),
);
changesOf(
  OrganisationRef,
  'Organisation',
  'Every write to this organisation, oldest first: created, renamed, moved, dissolved or merged, and the ' +
    'corrections, with who, when, before, after and why (for tokens reaching the organisation).',
  async (o: { id: number }) => ({ readsPersonalDataOf: o.id }),
);

function auditWhere(args: {
  entityType?: string | null;
  entityId?: string | null;
  actorName?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}): Prisma.AuditEventWhereInput {
  return {
    ...(args.entityType ? { entityType: args.entityType } : {}),
    ...(args.entityId ? { entityId: args.entityId } : {}),
    ...(args.actorName ? { actorName: args.actorName } : {}),
    ...(args.action ? { action: args.action } : {}),
    at: { ...(args.from ? { gte: args.from } : {}), ...(args.to ? { lte: args.to } : {}) },
  };
}

builder.queryField('auditEvents', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'id',
    description: 'The audit trail, newest first, filtered by entity, actor, action and time (admins only).',
    args: {
      entityType: t.arg.string({ description: 'Only writes to this kind of thing, e.g. "Candidate" (exact match).' }),
      entityId: t.arg.string({ description: 'Only writes to the entity with this numeric id (not a global ID).' }),
      actorName: t.arg.string({ description: 'Only writes by the token of this name (exact match).' }),
      action: t.arg.string({ description: 'Only this action, e.g. "assignQuota" (exact match).' }),
      from: t.arg({ type: 'DateTime', description: 'Only writes at or after this instant.' }),
      to: t.arg({ type: 'DateTime', description: 'Only writes at or before this instant.' }),
    },
    authScopes: { role: ['ADMIN'] },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    totalCount: (_root, args) => prisma().auditEvent.count({ where: auditWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().auditEvent.findMany({ ...query, where: auditWhere(args), orderBy: { id: 'desc' } }),
  }),
);
