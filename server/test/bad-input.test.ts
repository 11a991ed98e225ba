// Bad input is refused with an error naming the argument; a malformed request is a 400, not a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app, freshDatabase, gql, type TestDatabase } from './support.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase('sqlite');
});
afterAll(async () => db?.drop());

const count = (from: string, to: string) =>
  gql(
    `query($from: Date!, $to: Date!) { organisation(code: "thanh-chuong") { admissionCount(from: $from, to: $to) } }`,
    { from, to },
  );

describe('bad input', () => {
  it.each([
    ['an impossible day', '2017-02-30'],
    ['a word', 'yesterday'],
    ['another format', '31/07/2017'],
  ])('refuses %s as a date and names the argument', async (_what, from) => {
    const { errors, data } = await count(from, '2017-07-31');
    expect(data ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.argument).toBe('from');
    expect(errors?.[0]?.message).toMatch(/^Argument "from"/);
    expect(errors?.[0]?.message).toContain('not a calendar date');
  });

  it('refuses an impossible date written in the query itself', async () => {
    const { errors } = await gql(`{ organisation(code: "thanh-chuong") { risk(asOf: "2017-13-01") { isAtRisk } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });

  it('refuses a range whose start is after its end, naming "from"', async () => {
    const { errors } = await count('2017-08-01', '2017-07-31');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
    expect(errors?.[0]?.message).toContain('after');
  });

  it('accepts a one-day range', async () => {
    const { errors } = await count('2017-07-31', '2017-07-31');
    expect(errors).toBeUndefined();
  });

  it.each([
    ['a body that is not JSON', '{"query":'],
    ['a body without a query', '{"variables":{}}'],
    ['a query that is not a string', '{"query":42}'],
  ])('answers 400, never 500, to %s', async (_what, body) => {
    const response = await app.fetch('http://ketnap.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('refuses a query too costly to answer before running it (complexity limit)', async () => {
    const deep =
      '{ organisation(code: "nghe-an") { children { children { children { children { children { code memberCount } } } } } } }';
    const { errors, data } = await gql(deep);
    expect(data?.organisation ?? null).toBeNull();
    expect(errors?.[0]?.message).toMatch(/maximum complexity/);
  });

  it('answers a syntax error with a clear message', async () => {
    const { errors } = await gql('{ organisation(code: "thanh-chuong") { name ');
    expect(errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});
