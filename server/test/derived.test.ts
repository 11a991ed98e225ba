// The derived tables (server/src/derived/) under random sequences of writes, on SQLite and
// PostgreSQL: after the writes, the incrementally maintained SubtreeDay, ReportDay and CellRiskSpan
// equal a rebuild from the base tables, and every public figure and report breakdown read through
// them equals the slow computation from rows, for every organisation, on days before, during and after the writes.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/context.ts';
import { prisma } from '../src/db.ts';
import { admissionsFromRows, grassrootsFromRows, memberCountsFromRows } from '../src/derived/from-rows.ts';
import { rebuildDerived } from '../src/derived/rebuild.ts';
import { COUNTRY_ID, viaTransaction } from '../src/derived/sql.ts';
import { correctMember } from '../src/domain/corrections.ts';
import { dissolveOrganisation } from '../src/domain/dissolution.ts';
import { voidDissolution } from '../src/domain/dissolution-corrections.ts';
import { correctLeaving, voidLeaving } from '../src/domain/leaving-corrections.ts';
import { recordMember } from '../src/domain/member-history.ts';
import { recordLeaving, transferMember } from '../src/domain/members.ts';
import { createOrganisation, moveOrganisation } from '../src/domain/organisations.ts';
import { correctPlacement, voidTransfer } from '../src/domain/placement-corrections.ts';
import { decideRecognition, recordRecognitionVote } from '../src/domain/recognition.ts';
import { voidMove } from '../src/domain/reform-corrections.ts';
import { correctCandidateStep, voidCandidateStep } from '../src/domain/step-corrections.ts';
import { ValidationFailure } from '../src/domain/write.ts';
import { admissionsByMonth, memberCounts } from '../src/read/figures.ts';
import { atRiskCellIds, cellFigures } from '../src/read/risk.ts';
import { grassrootsOn } from '../src/read/tree.ts';
import { addDays } from '../src/rules/dates.ts';
import { CELL_KINDS } from '../src/rules/kinds.ts';
import { activeRiskPolicy, assessRisk } from '../src/rules/risk.ts';
import type { PrepareOptions } from '../src/seed/prepare.ts';
import { derivedRows, expectReportFromRows } from './derived-support.ts';
import { type Engine, freshDatabase, postgresAvailable } from './support.ts';

const actor: Actor = { tokenId: 0, name: 'property test', role: 'ADMIN', organisationId: null };

/** A small deterministic generator (mulberry32), so that a failing sequence can be replayed by its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const day = (from: string, days: number) => addDays(from, Math.floor(next() * days));
  return { next, pick, day };
}

/** The report's attributes of a recorded or corrected member, some of them not recorded. */
const attributes = (r: ReturnType<typeof random>) => ({
  gender: r.pick(['MALE', 'FEMALE', null] as const),
  ethnicity: r.pick(['Kinh', 'Tày', 'Thái', null]),
  religion: r.pick(['Công giáo', null, null]),
  education: r.pick(['UPPER_SECONDARY', 'UNIVERSITY', null] as const),
  isYouthUnionMember: r.next() < 0.5,
});

async function organisations() {
  return prisma().organisation.findMany({ orderBy: { id: 'asc' } });
}

/** One random write; refusals are part of the game (a refused write must leave everything as it was). */
async function randomWrite(r: ReturnType<typeof random>, n: number): Promise<string> {
  const orgs = await organisations();
  const cells = orgs.filter((o) => CELL_KINDS.includes(o.kind as never) && o.dissolvedOn === null);
  // Transfers and recorded members may land in a cell merged since: their placements follow the merge.
  const anyCell = orgs.filter((o) => CELL_KINDS.includes(o.kind as never));
  const committees = orgs.filter((o) => o.kind === 'GRASSROOTS_COMMITTEE' && o.dissolvedOn === null);
  const members = await prisma().member.findMany({ where: { leftOn: null }, select: { id: true }, take: 400 });
  const on = r.day('2016-01-01', 3000);
  const kind = r.pick([
    'transfer',
    'transfer',
    'leave',
    'record',
    'record',
    'vote',
    'merge',
    'move',
    'create',
    'correct',
    'correctPlacement',
    'voidTransfer',
    'correctLeaving',
    'voidLeaving',
    'correctStep',
    'voidStep',
    'voidMove',
    'voidDissolution',
  ]);
  try {
    if (kind === 'transfer')
      await transferMember({ actor, input: { memberId: r.pick(members).id, toCellCode: r.pick(anyCell).code, on } });
    if (kind === 'leave') await recordLeaving({ actor, input: { memberId: r.pick(members).id, on, reason: 'DIED' } });
    if (kind === 'vote') {
      const probationer = await prisma().member.findFirst({ where: { officialOn: null, leftOn: null } });
      // Three votes reaching two thirds neither way, then the superior committee removes the member.
      if (probationer) {
        for (const days of [370, 400, 430])
          await recordRecognitionVote({
            actor,
            input: { memberId: probationer.id, on: addDays(probationer.admittedOn, days), votesFor: 0 },
          });
        const on = addDays(probationer.admittedOn, 440);
        const by = 'Ban Thường vụ';
        await decideRecognition({
          actor,
          input: { memberId: probationer.id, on, recognised: false, by, decision: on },
        });
      }
    }
    if (kind === 'record') {
      const admittedOn = r.day('1990-01-01', 12_000);
      await recordMember({
        actor,
        input: {
          fullName: `Người thứ ${n}`,
          birthDate: r.day('1930-01-01', 20_000),
          ...attributes(r),
          admittedOn,
          officialOn: null,
          placements: [{ cellCode: r.pick(anyCell).code, startOn: admittedOn }],
        },
      });
    }
    // A correction of the admission (day and cell), and of the report's attributes and the birth date
    // (ages 18 to 30 move): as if the right values had been entered first.
    if (kind === 'correct') {
      const input = { memberId: r.pick(members).id, reason: 'property test', admittedOn: r.day('1990-01-01', 12_000) };
      const birthDate = r.day('1950-01-01', 13_000);
      await correctMember({
        actor,
        input: { ...input, admittedInCellCode: r.pick(anyCell).code, birthDate, ...attributes(r) },
      });
    }
    // Corrections of a transfer, a leaving, a ceremony: the history written again from the facts.
    const reason = 'property test';
    if (kind === 'correctPlacement' || kind === 'voidTransfer') {
      // A placement after the admission (a transfer, or the rest of one after a merge), among the latest.
      const transfers = await prisma().$queryRawUnsafe<{ memberId: unknown; startOn: string }[]>(
        `SELECT p."memberId" AS "memberId", p."startOn" AS "startOn" FROM "Placement" p
         JOIN "Member" m ON m."id" = p."memberId" WHERE p."startOn" > m."admittedOn" ORDER BY p."id" DESC LIMIT 20`,
      );
      const picked = transfers.length ? r.pick(transfers) : null;
      const moved = picked && { memberId: Number(picked.memberId), startOn: picked.startOn };
      if (moved && kind === 'voidTransfer')
        await voidTransfer({ actor, input: { memberId: moved.memberId, placementStartOn: moved.startOn, reason } });
      if (moved && kind === 'correctPlacement') {
        const cellCode = r.next() < 0.5 ? r.pick(anyCell).code : null;
        const input = { memberId: moved.memberId, placementStartOn: moved.startOn, reason, startOn: on, cellCode };
        await correctPlacement({ actor, input });
      }
    }
    if (kind === 'correctLeaving' || kind === 'voidLeaving') {
      const left = await prisma().member.findFirst({
        where: { leftOn: { not: null }, leftReason: { not: 'REMOVED_AFTER_PROBATION' } },
        skip: Math.floor(r.next() * 5),
      });
      if (left && kind === 'voidLeaving') await voidLeaving({ actor, input: { memberId: left.id, reason } });
      if (left && kind === 'correctLeaving')
        await correctLeaving({ actor, input: { memberId: left.id, reason, leftOn: on, leftReason: 'MOVED_AWAY' } });
    }
    if (kind === 'correctStep' || kind === 'voidStep') {
      const admitted = await prisma().candidate.findFirst({ where: { stage: 'ADMITTED' }, orderBy: { id: 'desc' } });
      const input = { candidateId: admitted?.id ?? -1, stage: 'ADMITTED' as const, reason };
      if (kind === 'voidStep') await voidCandidateStep({ actor, input });
      else await correctCandidateStep({ actor, input: { ...input, on: addDays(admitted?.stageOn ?? on, -3) } });
    }
    if (kind === 'voidMove') {
      // One of the latest moves recorded (its audit event names the link it made).
      const events = await prisma().auditEvent.findMany({
        where: { action: 'moveOrganisation' },
        orderBy: { id: 'desc' },
        take: 10,
      });
      const made = events.map((e) => JSON.parse(e.after!) as { organisationId: number; startOn: string });
      const move = made.length ? r.pick(made) : null;
      const org = move && orgs.find((o) => o.id === move.organisationId);
      if (move && org) await voidMove({ actor, input: { code: org.code, on: move.startOn, reason } });
    }
    if (kind === 'voidDissolution') {
      const gone = orgs.filter((o) => o.dissolvedOn !== null);
      if (gone.length) await voidDissolution({ actor, input: { code: r.pick(gone).code, reason } });
    }
    if (kind === 'merge')
      await dissolveOrganisation({ actor, input: { code: r.pick(cells).code, on, mergeIntoCode: r.pick(cells).code } });
    if (kind === 'move')
      await moveOrganisation({ actor, input: { code: r.pick(cells).code, parentCode: r.pick(committees).code, on } });
    if (kind === 'create')
      await createOrganisation({
        actor,
        input: {
          code: `property-${n}`,
          name: `Chi bộ thử ${n}`,
          kind: 'SUBORDINATE_CELL',
          sector: null,
          establishedOn: on,
          parentCode: r.pick(committees).code,
        },
      });
    return kind;
  } catch (error) {
    if (error instanceof ValidationFailure) return `${kind} refused`;
    throw error;
  }
}

/** The country's figures (kept under COUNTRY_ID) equal the sums of every province's, from rows. */
async function expectCountryFromRows(provinces: number[], day: string, from: string) {
  const total = (m: Map<unknown, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  expect((await memberCounts([COUNTRY_ID], day)).get(COUNTRY_ID) ?? 0, `country's members on ${day}`).toBe(
    total(await memberCountsFromRows(provinces, day)),
  );
  const months = (await admissionsByMonth([COUNTRY_ID], from, day)).get(COUNTRY_ID) ?? new Map<string, number>();
  expect(total(months), `country's admissions to ${day}`).toBe(total(await admissionsFromRows(provinces, from, day)));
  const grassroots = (await grassrootsOn([COUNTRY_ID], day)).get(COUNTRY_ID) ?? [];
  const slow = [...(await grassrootsFromRows(provinces, day)).values()];
  for (const kind of ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'] as const) {
    const ours = grassroots.reduce((n, e) => n + (kind === 'GRASSROOTS_COMMITTEE' ? e.committees : e.cells), 0);
    const rows = slow.flatMap((m) => [...m]).filter(([key]) => key.endsWith(` ${kind}`));
    expect(ours, `country's ${kind} on ${day}`).toBe(rows.reduce((n, [, c]) => n + c, 0));
  }
}

async function expectFiguresFromRows(days: string[]) {
  const all = await organisations();
  const ids = all.map((o) => o.id);
  const provinces = all.filter((o) => o.kind === 'PROVINCIAL').map((o) => o.id);
  const policy = activeRiskPolicy();
  for (const day of days) {
    // An organisation with no member that day may be absent or 0: the API answers 0 for both.
    const nonZero = (counts: Map<number, number>) => Object.fromEntries([...counts].filter(([, n]) => n !== 0));
    expect(nonZero(await memberCounts(ids, day)), `members on ${day}`).toEqual(
      nonZero(await memberCountsFromRows(ids, day)),
    );
    const from = addDays(day, -400);
    const byMonth = await admissionsByMonth(ids, from, day);
    const totals = new Map([...byMonth].map(([id, months]) => [id, [...months.values()].reduce((a, b) => a + b, 0)]));
    expect(nonZero(totals), `admissions to ${day}`).toEqual(nonZero(await admissionsFromRows(ids, from, day)));
    await expectCountryFromRows(provinces, day, from);
    // Only the provinces' and the country's reports read ReportDay; the rest count rows on both sides.
    await expectReportFromRows([COUNTRY_ID, ...provinces], day, from);
    const grassroots = new Map(
      [...(await grassrootsOn(ids, day))].map(([id, list]) => [
        id,
        new Map(
          list
            .flatMap((e) => [
              [`${e.sector} GRASSROOTS_COMMITTEE`, e.committees],
              [`${e.sector} GRASSROOTS_CELL`, e.cells],
            ])
            .filter(([, n]) => n !== 0) as [string, number][],
        ),
      ]),
    );
    const plain = (m: Map<number, Map<string, number>>) =>
      Object.fromEntries(
        [...m].filter(([, c]) => c.size > 0).map(([id, c]) => [id, Object.fromEntries([...c].sort())]),
      );
    expect(plain(grassroots), `grassroots on ${day}`).toEqual(plain(await grassrootsFromRows(ids, day)));
    const slow = await cellFigures(ids, day, policy);
    const atRisk = await atRiskCellIds(ids, day);
    for (const id of ids) {
      const expected = (slow.get(id) ?? []).filter((row) => assessRisk(row, day, policy).isAtRisk).map((r) => r.cellId);
      expect(atRisk.get(id) ?? [], `cells at risk under ${id} on ${day}`).toEqual(expected);
    }
  }
}

const DAYS = ['2005-06-30', '2016-12-31', '2017-01-01', '2019-03-01', '2023-08-15', '2025-07-01', '2026-11-28'];

/** The demo district, and a small generated nation (every era of the tree, provinces merged in 2025). */
const WORLDS: { name: string; options: PrepareOptions }[] = [
  { name: 'the demo district', options: {} },
  { name: 'a generated nation of 10,000 members', options: { seed: 'vietnam-synthetic', members: 10_000 } },
];

describe.each(['sqlite', 'postgres'] as Engine[])('derived figures on %s', async (engine) => {
  const available = engine === 'sqlite' || (await postgresAvailable());

  for (const world of WORLDS)
    it.skipIf(!available)(
      `random writes on ${world.name} keep the derived tables equal to a rebuild, and every figure equal to the rows`,
      async () => {
        const db = await freshDatabase(engine, world.options);
        try {
          await expectFiguresFromRows(DAYS);
          for (const seed of [1, 2, 3]) {
            const r = random(seed * 7919);
            const done: string[] = [];
            for (let n = 0; n < 15; n++) done.push(await randomWrite(r, seed * 100 + n));
            expect(done.filter((k) => !k.endsWith('refused')).length, done.join(', ')).toBeGreaterThan(3);
            const maintained = await derivedRows();
            await prisma().$transaction((tx) => rebuildDerived(viaTransaction(tx), activeRiskPolicy()), {
              timeout: 120_000,
            });
            expect(maintained, `seed ${seed}: ${done.join(', ')}`).toEqual(await derivedRows());
            await expectFiguresFromRows([...DAYS, ...Array.from({ length: 4 }, () => r.day('2010-01-01', 6000))]);
          }
        } finally {
          await db.drop();
        }
      },
      300_000,
    );
});
