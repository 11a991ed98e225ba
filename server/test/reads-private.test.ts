// Reads for authorised callers, on SQLite and PostgreSQL: members and candidates as filtered
// connections, the pipeline as of a day, overdue steps in working days, the audit trail.
import { describe, expect } from 'vitest';
import { addWorkingDays, defaultCalendar } from '../src/rules/working-days.ts';
import { gql, statements } from './support.ts';
import { engines, miniWorldSuite, mutate } from './writes-support.ts';

const names = (r: any, field: string) => r.data[field].edges.map((e: any) => e.node.fullName);

describe.each(engines)('private reads on %s', async (engine) => {
  const { world, test } = await miniWorldSuite(engine);

  test('members: a subtree, a cell, a status, an admission range; paged', async () => {
    const q = (args: string) =>
      gql(
        `{ members(${args}) { totalCount edges { node { fullName } } pageInfo { hasNextPage endCursor } } }`,
        {},
        world.tokens.viewer,
      );
    expect((await q('code: "thanh-hoa"')).data!.members.totalCount).toBe(9);
    expect(names(await q('code: "thanh-hoa", cell: "thanh-hoa-xom-4"'), 'members')).toEqual([
      'Đảng viên 7',
      'Đảng viên 8',
      'Đảng viên 9',
    ]);
    expect(names(await q('code: "thanh-hoa", status: PROBATIONARY'), 'members')).toEqual(['Đảng viên 9']);
    expect(
      names(await q('code: "thanh-hoa", admittedFrom: "1999-01-01", admittedTo: "2016-12-31"'), 'members'),
    ).toHaveLength(3);
    const first = (await q('code: "thanh-hoa", first: 4')).data!.members;
    expect([first.edges.length, first.pageInfo.hasNextPage]).toEqual([4, true]);
    const rest = await q(`code: "thanh-hoa", first: 10, after: "${first.pageInfo.endCursor}"`);
    expect(rest.data!.members.edges).toHaveLength(5);
    expect(
      (await gql('{ members(code: "thanh-chuong") { totalCount } }', {}, world.tokens.admin)).data!.members.totalCount,
    ).toBe(13);
  });

  test('candidates and the pipeline as it stood on a day', async () => {
    const recorded = await mutate(
      'recordCandidate',
      {
        cellCode: 'thanh-hoa-xom-4',
        fullName: 'Ứng viên Hai',
        birthDate: '1998-01-01',
        source: 'YOUTH_UNION',
        sourcedOn: '2017-03-01',
        actingBody: 'Đoàn xã',
        ethnicity: ' Thái ',
        religion: 'Công giáo',
        education: 'UPPER_SECONDARY',
      },
      world.tokens.hoa,
      'id ethnicity religion education',
    );
    // The report's attributes are personal data: for tokens reaching the cell only.
    const attributes = { ethnicity: 'Thái', religion: 'Công giáo', education: 'UPPER_SECONDARY' };
    expect(recorded.data).toMatchObject(attributes);
    const node = (token?: string) =>
      gql(`{ node(id: "${recorded.data!.id}") { ... on Candidate { ethnicity religion education } } }`, {}, token);
    expect((await node(world.tokens.hoa)).data!.node).toEqual(attributes);
    for (const token of [undefined, world.tokens.duc]) {
      const shown = JSON.stringify((await node(token)).data ?? {});
      expect(shown).not.toMatch(/Thái|Công giáo|UPPER_SECONDARY/);
    }
    const q = (args: string) =>
      gql(
        `{ candidates(${args}) { totalCount edges { node { fullName stage source cell { code } } } } }`,
        {},
        world.tokens.hoa,
      );
    expect((await q('code: "thanh-hoa"')).data!.candidates.totalCount).toBe(2);
    expect(names(await q('code: "thanh-hoa", stage: SOURCED'), 'candidates')).toEqual(['Ứng viên Hai']);
    expect(
      names(
        await q('code: "thanh-hoa", source: FARMERS_UNION, stageFrom: "2016-11-01", stageTo: "2016-12-31"'),
        'candidates',
      ),
    ).toEqual(['Người chờ quyết định']);
    expect(names(await q('code: "thanh-hoa", cell: "thanh-hoa-xom-3"'), 'candidates')).toEqual([
      'Người chờ quyết định',
    ]);
    const pipeline = async (asOf: string) =>
      (
        await gql(
          `{ organisation(code: "thanh-hoa") { pipeline(asOf: "${asOf}") { total byStage { stage count } bySource { source count } } } }`,
        )
      ).data!.organisation.pipeline;
    expect(await pipeline('2016-06-01')).toEqual({
      total: 1,
      byStage: [{ stage: 'SOURCED', count: 1 }],
      bySource: [{ source: 'FARMERS_UNION', count: 1 }],
    });
    expect(await pipeline('2017-03-01')).toEqual({
      total: 2,
      byStage: [
        { stage: 'CELL_VOTED', count: 1 },
        { stage: 'SOURCED', count: 1 },
      ],
      bySource: [
        { source: 'FARMERS_UNION', count: 1 },
        { source: 'YOUTH_UNION', count: 1 },
      ],
    });
    expect(recorded.data!.id).toBeTruthy();
  });

  test('overdue steps: the decision after the cell vote, the recognition after probation, in working days', async () => {
    const r = await gql(
      `{ organisation(code: "thanh-chuong") { overdueSteps(asOf: "2017-06-01") { kind since dueOn workingDaysLate candidate { fullName } member { fullName } } } }`,
      {},
      world.tokens.admin,
    );
    expect(r.errors).toBeUndefined();
    const decisionDue = addWorkingDays(defaultCalendar, '2016-12-01', 60);
    const recognitionDue = addWorkingDays(defaultCalendar, '2017-02-01', 30);
    expect(
      r.data!.organisation.overdueSteps.map((s: any) => [
        s.kind,
        s.since,
        s.dueOn,
        s.candidate?.fullName ?? s.member?.fullName,
      ]),
    ).toEqual([
      ['DECISION', '2016-12-01', decisionDue, 'Người chờ quyết định'],
      ['RECOGNITION', '2017-02-01', recognitionDue, 'Đảng viên 9'],
    ]);
    const early = await gql(
      `{ organisation(code: "thanh-chuong") { overdueSteps(asOf: "${decisionDue}") { kind } } }`,
      {},
      world.tokens.admin,
    );
    expect(early.data!.organisation.overdueSteps).toEqual([]);
    const other = await gql(
      `{ organisation(code: "thanh-duc") { overdueSteps(asOf: "2017-06-01") { kind } } }`,
      {},
      world.tokens.duc,
    );
    expect(other.data!.organisation.overdueSteps).toEqual([]);
  });

  test('public reports are SQL aggregates: a statement or two whatever the size of the subtree', async () => {
    for (const q of [
      '{ organisation(code: "thanh-chuong") { pipeline(asOf: "2017-06-01") { total byStage { stage count } } } }',
      '{ organisation(code: "thanh-chuong") { quotaAllocationGaps(asOf: "2017-06-01") { gap } } }',
      '{ organisation(code: "thanh-chuong") { visitsByQuarter(from: "2017-01-01", to: "2017-12-31") { quarter visits } } }',
    ]) {
      statements.length = 0;
      expect((await gql(q)).errors).toBeUndefined();
      expect(statements.length).toBeLessThanOrEqual(3);
    }
  });

  test("members' own histories (changes) cost the same statements for one member and for a page of them", async () => {
    const count = async (first: number) => {
      statements.length = 0;
      const { data, errors } = await gql(
        `{ members(code: "thanh-chuong", first: ${first}) { edges { node { changes { action } } } } }`,
        {},
        world.tokens.admin,
      );
      expect(errors).toBeUndefined();
      expect(data!.members.edges).toHaveLength(first);
      return statements.length;
    };
    expect(await count(10)).toBe(await count(1));
  });

  test('the figures of Organisation cost the same statements for one organisation and for all its children', async () => {
    const count = async (query: string) => {
      statements.length = 0;
      expect((await gql(query, {}, world.tokens.admin)).errors).toBeUndefined();
      return statements.length;
    };
    for (const field of [
      'pipeline(asOf: "2017-06-01") { total }',
      'overdueSteps(asOf: "2017-06-01") { kind }',
      'quotaAllocationGaps(asOf: "2017-06-01") { gap }',
      'visitsByQuarter(from: "2017-01-01", to: "2017-12-31") { leader { fullName } visits }',
    ]) {
      const one = await count(`{ organisation(code: "thanh-chuong") { ${field} } }`);
      // Two children: one statement more (the children), not one per child.
      expect(await count(`{ organisation(code: "thanh-chuong") { children { ${field} } } }`)).toBe(one + 1);
    }
    // A step belongs to every subtree that holds it, in one batch: the district's and the commune's.
    const r = await gql(
      '{ organisation(code: "thanh-chuong") { overdueSteps(asOf: "2017-06-01") { kind } children { code overdueSteps(asOf: "2017-06-01") { kind } } } }',
      {},
      world.tokens.admin,
    );
    const org = r.data!.organisation;
    expect([org.overdueSteps.length, ...org.children.map((c: any) => `${c.code} ${c.overdueSteps.length}`)]).toEqual([
      2,
      'thanh-duc 0',
      'thanh-hoa 2',
    ]);
  });

  test('an unknown code answers the same on every root path, for every caller', async () => {
    const query = `{
      organisation(code: "no-such-code") { code }
      members(code: "no-such-code") { totalCount edges { node { id } } }
      candidates(code: "no-such-code") { totalCount edges { node { id } } }
    }`;
    const answers = [];
    for (const token of [undefined, world.tokens.duc, world.tokens.viewer, world.tokens.admin]) {
      statements.length = 0;
      const r = await gql(query, {}, token);
      answers.push({ errors: r.errors, data: r.data, statements: statements.length });
    }
    const empty = { totalCount: 0, edges: [] };
    const [anonymous, ...tokens] = answers;
    expect(anonymous).toMatchObject({
      errors: undefined,
      data: { organisation: null, members: empty, candidates: empty },
    });
    // Whoever asks, the same answer; and a token scoped to a subtree costs no more statements than
    // an unscoped admin's: no reach check is run against an organisation that does not exist.
    for (const answer of tokens) {
      expect([answer.errors, answer.data]).toEqual([anonymous!.errors, anonymous!.data]);
      expect(answer.statements).toBe(tokens[0]!.statements);
    }
  });

  test('the audit trail: filtered by entity, actor and time, newest first', async () => {
    await mutate('renameOrganisation', { code: 'thanh-duc-xom-1', name: 'Chi bộ xóm Một' }, world.tokens.duc);
    const q = (args: string) =>
      gql(
        `{ auditEvents(${args}) { totalCount edges { node { actorName actorRole action entityType entityId before after at } } } }`,
        {},
        world.tokens.admin,
      );
    const byActor = (await q('actorName: "editor thanh-duc"')).data!.auditEvents;
    expect(byActor.totalCount).toBe(1);
    const event = byActor.edges[0].node;
    expect(event).toMatchObject({
      actorRole: 'EDITOR',
      action: 'renameOrganisation',
      entityType: 'Organisation',
      entityId: '7',
    });
    expect([JSON.parse(event.before).name, JSON.parse(event.after).name]).toEqual([
      'Tổ chức thanh-duc-xom-1',
      'Chi bộ xóm Một',
    ]);
    expect((await q('entityType: "Candidate"')).data!.auditEvents.totalCount).toBe(1);
    const since = new Date(Date.parse(event.at) + 60_000).toISOString();
    expect((await q(`from: "${since}"`)).data!.auditEvents.totalCount).toBe(0);
    expect((await q(`to: "${event.at}"`)).data!.auditEvents.edges[0].node.action).toBe('renameOrganisation');
  });
});
