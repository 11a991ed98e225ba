// The one Pothos builder and its plugins. Domain files register types on it.

import type PrismaTypes from '@ketnap/prisma/generated/pothos-types.ts';
import { getDatamodel } from '@ketnap/prisma/generated/pothos-types.ts';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { reaches } from '../auth/reach.ts';
import type { Context, Role } from '../context.ts';
import { prisma } from '../db.ts';
import { decodeGlobalId } from './global-ids.ts';

export interface AuthScopes {
  /** Any caller holding a valid token. */
  signedIn: boolean;
  /** The caller's role is one of these. */
  role: Role[];
  /** The caller may read personal data of organisation `id`'s subtree. */
  readsPersonalDataOf: number;
  /** The caller may write inside organisation `id`'s subtree. */
  writesIn: number;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: () => prisma(),
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  scopeAuth: {
    authScopes: async (ctx) => ({
      signedIn: ctx.actor !== null,
      role: (roles) => ctx.actor !== null && roles.includes(ctx.actor.role),
      readsPersonalDataOf: (id) => reaches(ctx, id),
      writesIn: (id) => ctx.actor !== null && ctx.actor.role !== 'VIEWER' && reaches(ctx, id, 'today'),
    }),
    treatErrorsAsUnauthorized: true,
    // A GraphQLError, so that yoga shows it (a plain Error is masked as "Unexpected error.").
    unauthorizedError: (_parent, _context, _info, result) =>
      new GraphQLError(result.message, { extensions: { code: 'FORBIDDEN' } }),
  },
  relay: { clientMutationId: 'omit', cursorType: 'String', decodeGlobalID: decodeGlobalId },
  errors: { defaultTypes: [] },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: 20_000, depth: 12, breadth: 300 },
  },
});

/** The builder's types, for helpers that add the same fields to several parents. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

builder.queryType({});
