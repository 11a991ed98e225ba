// The board's periodic report through the API, on SQLite and PostgreSQL: periods as boards name them
// on every range field, the breakdowns of members and admissions with "fewer than 5" in public
// answers and exact counts for tokens that read the subtree, the same period a year before.
import { beforeAll, describe, expect } from 'vitest';
import type { World } from './fixture.ts';
import { gql } from './support.ts';
import { candidateAt, engines, miniWorldSuite, mutate } from './writes-support.ts';

const FIGURES = `total women { value fewerThan } ethnicMinorities { value fewerThan } religious { value fewerThan }
  youthUnion { value fewerThan } aged18To30 { value fewerThan }
  byEducation { level count { value fewerThan } } bySource { source count { value fewerThan } }`;
const WHOLE = `{ from to admissionsShareOfMembers
    membersAtStart { total } members { ${FIGURES} } admissions { ${FIGURES} }
    sameTimeLastYear { from to admissions { total aged18To30 { value fewerThan } } membersAtStart { total } } }`;
const REPORT = `query($code: String!, $period: String) { organisation(code: $code) {
  memberCount(asOf: "2017-03-31") admissionCount(period: $period) report(period: $period) ${WHOLE} } }`;

const exact = (value: number) => ({ value, fewerThan: null });
const few = { value: null, fewerThan: 5 };
const argumentOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.argument;

/**
 * The quarter the breakdowns are read on: seven members recorded as admitted in 2017-Q1 in
 * thanh-hoa-xom-4 with the report's attributes, and one admitted through the candidate's path.
 */
async function recordQuarter(world: World): Promise<void> {
  const person = (i: number, extra: Record<string, unknown>) => ({
    fullName: `Người ${i}`,
    gender: i < 6 ? 'FEMALE' : 'MALE',
    birthDate: i < 5 ? '1995-06-01' : '1970-06-01',
    isYouthUnionMember: i < 5,
    education: i < 5 ? 'UNIVERSITY' : 'UPPER_SECONDARY',
    admittedOn: `2017-02-0${i + 1}`,
    placements: [{ cellCode: 'thanh-hoa-xom-4', startOn: `2017-02-0${i + 1}` }],
    ...extra,
  });
  const extras = [{ ethnicity: 'Thái' }, { ethnicity: ' Khơ Mú ' }, { religion: 'Công giáo', ethnicity: 'Kinh' }, {}];
  for (let i = 0; i < 7; i++) {
    const r = await mutate(
      'recordMember',
      person(i, extras[i] ?? {}),
      world.tokens.admin,
      'ethnicity religion education',
    );
    expect(r.typename).toBe('RecordMemberSuccess');
  }
  // The one admitted through the candidate's path: a Youth Union member found by the Youth Union,
  // whose attributes the ceremony copies onto the member.
  const candidateId = await candidateAt('DECIDED', '2017-03-01', { ethnicity: 'Mường', education: 'COLLEGE' }, [
    { stage: 'CELL_VOTED', on: '2017-02-01' },
  ]);
  const admitted = await mutate(
    'admitCandidate',
    { candidateId, on: '2017-03-10', actingBody: 'Chi bộ xóm 3' },
    world.tokens.admin,
    'member { isYouthUnionMember ethnicity education }',
  );
  expect(admitted.data?.member).toEqual({ isYouthUnionMember: true, ethnicity: 'Mường', education: 'COLLEGE' });
}

/** thanh-hoa's report of 2017-Q1, read with `token` (or anonymously). */
const read = async (token?: string) => {
  const r = await gql(REPORT, { code: 'thanh-hoa', period: '2017-Q1' }, token);
  expect(r.errors).toBeUndefined();
  return r.data!.organisation;
};
const levels = (counts: Record<string, unknown>) =>
  ['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY', 'VOCATIONAL', 'COLLEGE', 'UNIVERSITY', 'POSTGRADUATE', null].map(
    (level) => ({ level, count: counts[String(level)] }),
  );
const sources = (counts: Record<string, unknown>) =>
  ['YOUTH_UNION', 'WOMENS_UNION', 'FARMERS_UNION', 'VETERANS_ASSOCIATION', 'TRADE_UNION', 'OTHER', null].map(
    (source) => ({ source, count: counts[String(source)] }),
  );

/** The country's report and nghe-an's (the one province), read with `token`. */
const both = async (token?: string) => {
  const r = await gql(
    `query($period: String) { country { report(period: $period) ${WHOLE} }
      organisation(code: "nghe-an") { report(period: $period) ${WHOLE} } }`,
    { period: '2017-Q1' },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data!;
};

describe.each(engines)('the periodic report on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);
  beforeAll(async () => {
    if (available) await recordQuarter(world);
  });

  test('periods name the same days as from and to on every range field, and bad ones name the argument', async () => {
    const q = (args: string) =>
      gql(`{ organisation(code: "thanh-chuong") {
        admissionCount(${args}) admissionsByMonth(${args}) { month } recoveredCount(${args})
        quotaProgress(${args}) { target } visitsByQuarter(${args}) { visits } } country { admissionCount(${args}) } }`);
    const named = await q('period: "2016"');
    expect(named.errors).toBeUndefined();
    expect(named.data).toEqual((await q('from: "2016-01-01", to: "2016-12-31"')).data);
    expect(named.data!.organisation.admissionCount).toBe(1);
    expect(named.data!.organisation.admissionsByMonth).toHaveLength(12);
    expect((await q('period: "2015-2020"')).data!.organisation.admissionsByMonth[0].month).toBe('2015-07');
    for (const [args, argument] of [
      ['period: "2017-Q5"', 'period'],
      ['period: "Q1 2017"', 'period'],
      ['period: "2017", from: "2017-01-01"', 'period'],
      ['period: "2017", to: "2017-03-31"', 'period'],
      ['from: "2017-01-01"', 'to'],
      ['to: "2017-01-01"', 'from'],
    ] as const) {
      const r = await gql(`{ organisation(code: "thanh-hoa") { admissionCount(${args}) } }`);
      expect([args, argumentOf(r)]).toEqual([args, argument]);
      expect(r.data?.organisation).toBeNull();
    }
    const neither = await gql('{ organisation(code: "thanh-hoa") { report { from } } }');
    expect([argumentOf(neither), neither.errors?.[0]?.message]).toEqual([
      'period',
      'Give the period: arguments "from" and "to", or "period"',
    ]);
    expect(
      (await gql('{ organisation(code: "thanh-hoa") { report(period: "2017-H3") { from } } }')).errors?.[0]?.message,
    ).toBe('Argument "period": "2017-H3" names no half-year (H1 or H2)');
  });

  test('breakdowns in public: fewer than 5 below five, the same period a year before beside', async () => {
    const anonymous = await read();
    expect(anonymous.admissionCount).toBe(8);
    expect(anonymous.report.admissions).toEqual({
      total: 8,
      women: exact(6),
      ethnicMinorities: few,
      religious: few,
      youthUnion: exact(6),
      aged18To30: exact(6),
      byEducation: levels({
        UNIVERSITY: exact(5),
        UPPER_SECONDARY: few,
        null: few,
        PRIMARY: few,
        LOWER_SECONDARY: few,
        VOCATIONAL: few,
        COLLEGE: few,
        POSTGRADUATE: few,
      }),
      bySource: sources({
        YOUTH_UNION: few,
        WOMENS_UNION: few,
        FARMERS_UNION: few,
        VETERANS_ASSOCIATION: few,
        TRADE_UNION: few,
        OTHER: few,
        null: exact(7),
      }),
    });
    expect(anonymous.report).toMatchObject({
      from: '2017-01-01',
      to: '2017-03-31',
      membersAtStart: { total: 9 },
      admissionsShareOfMembers: 8 / 9,
      // Members on 2017-03-31: the 9 of the start and the 8 admitted; the youngest include member 9 (born 1994).
      members: { total: anonymous.memberCount, women: exact(6), aged18To30: exact(7), youthUnion: exact(6) },
      // Cùng kỳ: 2016-Q1, when member 9 was admitted at 21.
      sameTimeLastYear: {
        from: '2016-01-01',
        to: '2016-03-31',
        admissions: { total: 1, aged18To30: few },
        membersAtStart: { total: 8 },
      },
    });
    expect(anonymous.memberCount).toBe(17);
  });

  test('exact counts for the tokens that read the subtree; the district counts the commune', async () => {
    // The commune's editor and a viewer of it read the people behind the counts: every count exact.
    for (const token of [world.tokens.hoa, world.tokens.viewer, world.tokens.admin]) {
      const admissions = (await read(token)).report.admissions;
      expect(admissions).toMatchObject({ ethnicMinorities: exact(3), religious: exact(1), women: exact(6) });
      expect(admissions.byEducation).toEqual(
        levels({
          UNIVERSITY: exact(5),
          UPPER_SECONDARY: exact(2),
          null: exact(0),
          PRIMARY: exact(0),
          LOWER_SECONDARY: exact(0),
          VOCATIONAL: exact(0),
          COLLEGE: exact(1),
          POSTGRADUATE: exact(0),
        }),
      );
      expect(admissions.bySource.find((s: { source: string }) => s.source === 'YOUTH_UNION').count).toEqual(exact(1));
    }
    // Another commune's editor does not: the public rule.
    expect((await read(world.tokens.duc)).report.admissions.religious).toEqual(few);
    // The district's report counts the commune's admissions; thanh-duc's own has none.
    const district = await gql(REPORT, { code: 'thanh-chuong', period: '2017-Q1' }, world.tokens.admin);
    expect(district.data!.organisation.report.admissions.ethnicMinorities).toEqual(exact(3));
    const duc = await gql(REPORT, { code: 'thanh-duc', period: '2017-Q1' }, world.tokens.admin);
    expect(duc.data!.organisation.report.admissions.total).toBe(0);
  });

  test("the whole country: the one province's report, by the same rules", async () => {
    const national = await both(world.tokens.admin);
    expect(national.country.report).toEqual(national.organisation.report);
    expect(national.country.report.admissions).toMatchObject({ total: 8, ethnicMinorities: exact(3) });
    const publicly = await both();
    expect(publicly.country.report).toEqual(publicly.organisation.report);
    expect(publicly.country.report.admissions).toMatchObject({ total: 8, ethnicMinorities: few });
    // The commune's editor reads its own subtree exactly, not the country.
    expect((await both(world.tokens.hoa)).country.report.admissions.religious).toEqual(few);
  });

  test('the attributes are personal data: a member’s own never reach a token outside their cell', async () => {
    const q = `{ members(code: "thanh-hoa", cell: "thanh-hoa-xom-4", admittedFrom: "2017-02-01", first: 1) {
      edges { node { id ethnicity education } } } }`;
    const inside = await gql(q, {}, world.tokens.hoa);
    expect(inside.data!.members.edges[0].node).toMatchObject({ ethnicity: 'Thái', education: 'UNIVERSITY' });
    const id = inside.data!.members.edges[0].node.id;
    for (const token of [undefined, world.tokens.duc]) {
      const r = await gql(
        `{ node(id: "${id}") { ... on Member { ethnicity religion education isYouthUnionMember } } }`,
        {},
        token,
      );
      expect(JSON.stringify(r.data ?? {})).not.toContain('Thái');
      expect(JSON.stringify(r.data ?? {})).not.toContain('UNIVERSITY');
    }
  });
});
