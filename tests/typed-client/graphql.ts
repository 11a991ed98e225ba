// gql.tada, set up once for ketnap: queries written as strings are type-checked against the
// committed schema (server/schema.graphql), and their results and variables are typed.
// graphql-env.d.ts is generated from the schema by `pnpm generate` (gql.tada generate output).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
