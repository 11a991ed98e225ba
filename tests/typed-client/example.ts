// The typed client path a frontend team follows: find an organisation, then ask for its
// figures. A misspelt field or a wrong variable type is a compile error (`pnpm typecheck`).
import { print } from '@0no-co/graphql.web';
import { graphql, type ResultOf, type VariablesOf } from './graphql.ts';

export const FindOrganisation = graphql(`
  query FindOrganisation($search: String!) {
    organisations(search: $search, first: 5) {
      totalCount
      edges { node { code name kind } }
    }
  }
`);

export const Admissions = graphql(`
  query Admissions($code: String!, $from: Date!, $to: Date!) {
    organisation(code: $code) {
      name
      admissionCount(from: $from, to: $to)
      quotaProgress(from: $from, to: $to) { target admitted status }
    }
  }
`);

/** POSTs a typed operation to a ketnap server and returns its typed data (or throws its first error). */
export async function ask<Q extends typeof FindOrganisation | typeof Admissions>(
  api: string,
  query: Q,
  variables: VariablesOf<Q>,
): Promise<ResultOf<Q>> {
  const response = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(query), variables }),
  });
  const body = (await response.json()) as { data?: ResultOf<Q>; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

/** The whole path: a name in, the first seven months of 2017 out. */
export async function admissionsOf(api: string, search: string) {
  const found = await ask(api, FindOrganisation, { search });
  const code = found.organisations.edges[0]?.node.code;
  if (!code) return null;
  const { organisation } = await ask(api, Admissions, { code, from: '2017-01-01', to: '2017-07-31' });
  return organisation && { name: organisation.name, admitted: organisation.admissionCount };
}
