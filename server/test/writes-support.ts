// The suites that work on the mini world: its setup on each engine, calling mutations (the result
// union flattened), and the three authorisation checks every mutation gets (anonymous refused,
// editor outside refused, editor inside audited).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prisma } from '../src/db.ts';
import { CELL, fingerprint, miniWorld, type World } from './fixture.ts';
import { type Engine, gql, postgresAvailable } from './support.ts';

export const engines: Engine[] = ['sqlite', 'postgres'];

/**
 * Inside `describe.each(engines)`: the mini world on `engine`, built before the block's tests and
 * dropped after (`world` is filled in then); PostgreSQL's tests are skipped when it is absent.
 */
export async function miniWorldSuite(engine: Engine) {
  const available = engine === 'sqlite' || (await postgresAvailable());
  const world = {} as World;
  beforeAll(async () => {
    if (available) Object.assign(world, await miniWorld(engine));
  });
  afterAll(async () => world.db?.drop());
  return { world, available, test: it.skipIf(!available) };
}

/** A candidate of thanh-hoa-xom-3 standing at `stage` since `stageOn`, made directly (setup, not under test). */
export async function candidateAt(
  stage: string,
  stageOn: string,
  extra: Record<string, unknown> = {},
  events: { stage: string; on: string }[] = [],
) {
  const c = await prisma().candidate.create({
    data: {
      fullName: 'Người thử',
      birthDate: '1995-05-05',
      cellId: CELL.xom3,
      source: 'YOUTH_UNION',
      stage: stage as never,
      stageOn,
      certificateOn: '2016-06-01',
      isYouthUnionMember: true,
      ...extra,
    },
  });
  for (const e of [...events, { stage, on: stageOn }])
    await prisma().candidateEvent.create({
      data: { candidateId: c.id, stage: e.stage as never, on: e.on, actingBody: 'test' },
    });
  return encodeGlobalID('Candidate', String(c.id));
}

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
