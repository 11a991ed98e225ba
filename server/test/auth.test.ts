// Who may read what, on SQLite and PostgreSQL: personal data never reaches anonymous callers or
// tokens of another subtree; tokens are stored hashed, shown once by the CLI, refused when
// revoked or expired.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { createToken, hashSecret } from '../src/auth/tokens.ts';
import { prisma } from '../src/db.ts';
import { gql } from './support.ts';
import { engines, miniWorldSuite } from './writes-support.ts';

const run = promisify(execFile);
const member1 = encodeGlobalID('Member', '1');
const personalQuery = `{ node(id: "${member1}") { ... on Member { admittedOn fullName birthDate personalHistory } } }`;
const forbidden = (errors: { extensions?: Record<string, unknown> }[] | undefined) =>
  errors?.map((e) => e.extensions?.code);

describe.each(engines)('authorisation on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('anonymous callers get an error and no personal data', async () => {
    // Not even the dates of one person: an anonymous node(id) gets no Member at all.
    const anonymous = await gql(personalQuery);
    expect(anonymous.data!.node).toBeNull();
    expect(new Set(forbidden(anonymous.errors))).toEqual(new Set(['FORBIDDEN']));
    // A token of another subtree reads nothing of the person either, not even the admission date
    // (personal history: admission, leaving and its reason).
    const outside = await gql(personalQuery, {}, world.tokens.duc);
    expect(outside.data!.node).toBeNull();
    expect(new Set(forbidden(outside.errors))).toEqual(new Set(['FORBIDDEN']));
    for (const q of [
      '{ members(code: "thanh-chuong") { edges { node { fullName } } } }',
      '{ candidates(code: "thanh-chuong") { edges { node { fullName } } } }',
      '{ auditEvents { edges { node { after } } } }',
    ]) {
      const r = await gql(q);
      expect(r.data).toBeNull();
      expect(forbidden(r.errors)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(r)).not.toContain('Đảng viên');
    }
    // Overdue steps are a field of the organisation: that field alone is null, the public rest stays.
    const overdue = await gql(
      '{ organisation(code: "thanh-chuong") { code overdueSteps(asOf: "2017-06-01") { kind } } }',
    );
    expect(overdue.data!.organisation).toEqual({ code: 'thanh-chuong', overdueSteps: null });
    expect(forbidden(overdue.errors)).toEqual(['FORBIDDEN']);
    const candidate = encodeGlobalID('Candidate', '1');
    const query = `{ node(id: "${candidate}") { ... on Candidate { stage fullName events { stage note } } } }`;
    const anonymousCandidate = await gql(query);
    expect(anonymousCandidate.data!.node).toBeNull();
    expect(new Set(forbidden(anonymousCandidate.errors))).toEqual(new Set(['FORBIDDEN']));
    const events = await gql(query, {}, world.tokens.duc);
    expect(events.data!.node).toBeNull();
    expect(new Set(forbidden(events.errors))).toEqual(new Set(['FORBIDDEN']));
    const publicFigures = await gql(
      `{ organisation(code: "thanh-chuong") { pipeline(asOf: "2017-01-01") { total byStage { stage count } } } }`,
    );
    expect(publicFigures.data!.organisation.pipeline).toEqual({
      total: 1,
      byStage: [{ stage: 'CELL_VOTED', count: 1 }],
    });
  });

  test('tokens see personal data inside their subtree only', async () => {
    const inside = await gql(personalQuery, {}, world.tokens.viewer);
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.node.fullName).toBe('Đảng viên 1');
    const outside = await gql(personalQuery, {}, world.tokens.duc);
    expect(outside.data!.node).toBeNull();
    expect(new Set(forbidden(outside.errors))).toEqual(new Set(['FORBIDDEN']));
    const list = await gql('{ members(code: "thanh-hoa") { totalCount } }', {}, world.tokens.duc);
    expect(forbidden(list.errors)).toEqual(['FORBIDDEN']);
    // Overdue steps are judged organisation by organisation: thanh-hoa's token reads its own, not thanh-duc's.
    const children = await gql(
      '{ organisation(code: "thanh-chuong") { children { code overdueSteps(asOf: "2017-06-01") { kind } } } }',
      {},
      world.tokens.hoa,
    );
    const byCode = Object.fromEntries(
      children.data!.organisation.children.map((c: any) => [c.code, c.overdueSteps?.length ?? null]),
    );
    expect([byCode['thanh-hoa'], byCode['thanh-duc']]).toEqual([2, null]);
    expect(forbidden(children.errors)).toEqual(['FORBIDDEN']);
    expect(forbidden((await gql('{ auditEvents { totalCount } }', {}, world.tokens.hoa)).errors)).toEqual([
      'FORBIDDEN',
    ]);
    expect((await gql('{ auditEvents { totalCount } }', {}, world.tokens.admin)).errors).toBeUndefined();
  });

  test('tokens are stored hashed; revoked and expired tokens are refused', async () => {
    const { id, secret } = await createToken({ name: 'thử', role: 'VIEWER', organisationCode: 'thanh-hoa' });
    const row = await prisma().apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.hash).toBe(hashSecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    expect((await gql(personalQuery, {}, secret)).errors).toBeUndefined();
    await prisma().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    const revoked = await gql(personalQuery, {}, secret);
    expect([revoked.status, forbidden(revoked.errors)]).toEqual([401, ['UNAUTHENTICATED']]);
    const expired = await createToken({ name: 'hết hạn', role: 'ADMIN', expiresAt: new Date(Date.now() - 1000) });
    const r = await gql(personalQuery, {}, expired.secret);
    expect([r.status, r.data ?? null]).toEqual([401, null]);
    expect((await gql(personalQuery, {}, 'ktn_not-a-token')).status).toBe(401);
  });

  test('the CLI creates a token shown once, lists without secrets, revokes', async () => {
    const env = { ...process.env, DATABASE_URL: world.db.database.url, KETNAP_LOG: 'silent' };
    const cli = (...args: string[]) =>
      run('npx', ['tsx', 'src/cli.ts', 'token', ...args], { cwd: new URL('..', import.meta.url).pathname, env });
    const created = await cli('create', '--role', 'editor', '--org', 'thanh-hoa', '--name', 'Văn phòng Đảng ủy xã');
    const secret = created.stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^ktn_/);
    const id = /token (\d+) created/.exec(created.stdout)![1]!;
    expect((await gql(personalQuery, {}, secret)).errors).toBeUndefined();
    const list = await cli('list');
    expect(list.stdout).toContain('Văn phòng Đảng ủy xã');
    expect(list.stdout).not.toContain(secret);
    await cli('revoke', '--id', id);
    expect((await gql(personalQuery, {}, secret)).status).toBe(401);
    await expect(cli('create', '--role', 'editor', '--name', 'no org')).rejects.toThrow(/--org/);
    await expect(cli('create', '--role', 'admin', '--org', 'thanh-hoa', '--name', 'scoped admin')).rejects.toThrow(
      /--org/,
    );
  }, 120_000);
});
