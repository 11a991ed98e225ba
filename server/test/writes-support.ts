// Calling mutations in tests: the result union flattened, and the three authorisation checks
// every mutation gets (anonymous refused, editor outside refused, editor inside audited).
import { expect } from 'vitest';
import { prisma } from '../src/db.ts';
import { fingerprint } from './fixture.ts';
import { gql } from './support.ts';

export interface MutationResult {
  typename?: string;
  error?: { code: string; field: string; message: string; messageVi: string; messageEn: string };
  data?: Record<string, any>;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Runs `name(input: $input)`; `select` is what to read of the success's data. */
export async function mutate(
  name: string,
  input: Record<string, unknown>,
  token?: string,
  select = '__typename',
): Promise<MutationResult> {
  const type = name[0]!.toUpperCase() + name.slice(1);
  const result = await gql(
    `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename
      ... on ValidationError { code field message messageVi messageEn }
      ... on ${type}Success { data { ${select} } } } }`,
    { input },
    token,
  );
  const out = result.data?.[name];
  return { typename: out?.__typename, error: out?.code ? out : undefined, data: out?.data, errors: result.errors };
}

/** The write was refused by authorisation (a FORBIDDEN or UNAUTHENTICATED error, no data). */
export function expectForbidden(result: MutationResult) {
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(result.data).toBeUndefined();
}

/** Anonymous and an editor outside are refused and nothing changes; an editor inside succeeds, audited. */
export async function expectAuthorised(
  name: string,
  input: Record<string, unknown>,
  tokens: { inside: string; outside: string },
) {
  const before = await fingerprint();
  expectForbidden(await mutate(name, input));
  expectForbidden(await mutate(name, input, tokens.outside));
  expect(await fingerprint()).toBe(before);
  const result = await mutate(name, input, tokens.inside);
  expect(result.errors).toBeUndefined();
  expect(result.error).toBeUndefined();
  expect(result.typename).toBe(`${name[0]!.toUpperCase()}${name.slice(1)}Success`);
  const event = await prisma().auditEvent.findFirst({
    where: { action: { in: [name, name.replace('dissolve', 'merge')] } },
    orderBy: { id: 'desc' },
  });
  expect(event?.actorRole).toBe('EDITOR');
  expect(event?.after).toBeTruthy();
  return result;
}

/** The write broke a rule: the code and field are reported, and nothing was written. */
export async function expectViolation(
  name: string,
  input: Record<string, unknown>,
  token: string,
  code: string,
  field: string,
) {
  const before = await fingerprint();
  const result = await mutate(name, input, token);
  expect(result.errors).toBeUndefined();
  expect({ code: result.error?.code, field: result.error?.field }).toEqual({ code, field });
  expect(result.error?.messageVi).toBeTruthy();
  expect(result.error?.messageEn).toBeTruthy();
  expect(await fingerprint()).toBe(before);
  return result;
}
