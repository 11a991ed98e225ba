// The audit trail, for admins: every write with who, what, which entity, before and after.
import type { Prisma } from '@ketnap/prisma/generated/sqlite/client.ts';
import { prisma } from '../db.ts';
import { builder } from './builder.ts';

builder.prismaObject('AuditEvent', {
  description: 'One write: who (token name and role), what, which entity, the values before and after (JSON), when.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    actorName: t.exposeString('actorName'),
    actorRole: t.exposeString('actorRole'),
    action: t.exposeString('action'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId', { description: 'The numeric id of the entity (not a global ID).' }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

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
      entityType: t.arg.string(),
      entityId: t.arg.string(),
      actorName: t.arg.string(),
      action: t.arg.string(),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
    },
    authScopes: { role: ['ADMIN'] },
    complexity: (args) => ({ field: 1, multiplier: args.first ?? 20 }),
    totalCount: (_root, args) => prisma().auditEvent.count({ where: auditWhere(args) }),
    resolve: (query, _root, args) =>
      prisma().auditEvent.findMany({ ...query, where: auditWhere(args), orderBy: { id: 'desc' } }),
  }),
);
