// "Checked on a sample": after a load, the nation's invariants read back with SQL from the database
// itself — the tree's shape in both eras and one parent per day (every link), the closure of sampled
// cells against rules/ancestry.ts, the placements of sampled cells (within the cell's life, moved to
// the merged-into cell the day it was dissolved), the histories of sampled members (first placement
// = the admitting cell on the admission day, no gap nor overlap, a transfer ends one placement and
// starts the next the same day, admitted at 18–60, full member 12 months after admission), and the
// paths of sampled candidates replayed through rules/stages.ts. Each failure has a named reason.
import { Rng } from '@ketnap/prisma/datasets/thanh-chuong-2017/random.ts';
import type { RawConnection } from '../../db/raw.ts';
import { ancestryRows } from '../../rules/ancestry.ts';
import { ageOn } from '../../rules/dates.ts';
import type { IntroducerFacts } from '../../rules/introducers.ts';
import { CELL_KINDS } from '../../rules/kinds.ts';
import { validateHistory } from '../../rules/membership.ts';
import { addMonths, policyOn } from '../../rules/policy.ts';
import { type CandidateFacts, type Stage, validateStep } from '../../rules/stages.ts';
import { defaultCalendar } from '../../rules/working-days.ts';
import { iso } from './days.ts';
import { HORIZON, REFORM, SEED } from './tree.ts';

export interface CheckFailure {
  reason: string;
  detail: string;
}

export interface CheckReport {
  sample: { members: number; cells: number; mergedCells: number; candidates: number };
  failures: CheckFailure[];
}

export class NationCheckError extends Error {
  constructor(readonly failures: CheckFailure[]) {
    super(
      `the nation fails its check on a sample: ${failures
        .slice(0, 5)
        .map((f) => `${f.reason} (${f.detail})`)
        .join('; ')}${failures.length > 5 ? `; and ${failures.length - 5} more` : ''}`,
    );
  }
}

interface OrgRow {
  id: number;
  code: string;
  kind: string;
  establishedOn: string;
  dissolvedOn: string | null;
  mergedIntoId: number | null;
}
interface LinkRow {
  organisationId: number;
  parentId: number;
  startOn: string;
  endOn: string | null;
}
interface PlacementRow {
  id: number;
  memberId: number;
  cellId: number;
  startOn: string;
  endOn: string | null;
}
interface MemberRow {
  id: number;
  birthDate: string;
  admittedOn: string;
  admittedInId: number;
  officialOn: string | null;
  leftOn: string | null;
  leftReason: string | null;
  candidateId: number | null;
}

const CELLS = `(${CELL_KINDS.map((k) => `'${k}'`).join(', ')})`;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const num = (v: unknown) => Number(v);
const nullableNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Rows whose ids are in `ids`, in slices that every database accepts. */
async function byIds<T>(conn: RawConnection, sql: (marks: string) => string, ids: readonly number[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    out.push(...(await conn.query<T>(sql(marks(slice.length)), slice)));
  }
  return out;
}

function pickIds(rng: Rng, pool: readonly number[], n: number): number[] {
  if (pool.length <= n) return [...pool];
  const picked = new Set<number>();
  while (picked.size < n) picked.add(pool[rng.int(0, pool.length - 1)]!);
  return [...picked].sort((a, b) => a - b);
}

function pickRange(rng: Rng, max: number, n: number): number[] {
  if (max <= n) return Array.from({ length: max }, (_, i) => i + 1);
  const picked = new Set<number>();
  while (picked.size < n) picked.add(rng.int(1, max));
  return [...picked].sort((a, b) => a - b);
}

const ORG_SQL = (m: string) =>
  `SELECT "id", "code", CAST("kind" AS TEXT) AS "kind", "establishedOn", "dissolvedOn", "mergedIntoId" FROM "Organisation" WHERE "id" IN (${m})`;
const toOrg = (r: OrgRow): OrgRow => ({ ...r, id: num(r.id), mergedIntoId: nullableNum(r.mergedIntoId) });
const toPlacement = (r: PlacementRow): PlacementRow => ({
  ...r,
  id: num(r.id),
  memberId: num(r.memberId),
  cellId: num(r.cellId),
});

export async function checkNation(
  conn: RawConnection,
  options: { members?: number; cells?: number; mergedCells?: number; candidates?: number } = {},
): Promise<CheckReport> {
  const rng = new Rng(SEED + 99);
  const failures: CheckFailure[] = [];
  const fail = (reason: string, detail: string) => {
    if (failures.filter((f) => f.reason === reason).length < 20) failures.push({ reason, detail });
  };
  const reform = iso(REFORM);
  const horizon = iso(HORIZON);

  // The tree's shape, over every parent link: each link lies in one era and joins the kinds that era allows.
  const shape = await conn.query<{ id: number; child: string; parent: string; startOn: string; endOn: string | null }>(
    `SELECT l."id", c."code" AS "child", p."code" AS "parent", l."startOn", l."endOn"
     FROM "OrganisationParent" l JOIN "Organisation" c ON c."id" = l."organisationId" JOIN "Organisation" p ON p."id" = l."parentId"
     WHERE NOT (
       (c."kind" = 'DISTRICT' AND p."kind" = 'PROVINCIAL' AND l."endOn" IS NOT NULL AND l."endOn" <= ?)
       OR (c."kind" IN ('GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL') AND (
         (l."endOn" IS NOT NULL AND l."endOn" <= ? AND p."kind" = 'DISTRICT') OR (l."startOn" >= ? AND p."kind" = 'PROVINCIAL')))
       OR (c."kind" = 'SUBORDINATE_CELL' AND p."kind" = 'GRASSROOTS_COMMITTEE'))
     LIMIT 20`,
    [reform, reform, reform],
  );
  for (const r of shape)
    fail(
      r.startOn >= reform ? 'TREE_SHAPE_AFTER_REFORM' : 'TREE_SHAPE_BEFORE_REFORM',
      `${r.child} under ${r.parent} from ${r.startOn}`,
    );
  const outside = await conn.query<{ child: string; startOn: string }>(
    `SELECT c."code" AS "child", l."startOn" FROM "OrganisationParent" l
       JOIN "Organisation" c ON c."id" = l."organisationId" JOIN "Organisation" p ON p."id" = l."parentId"
     WHERE (l."endOn" IS NOT NULL AND l."endOn" <= l."startOn")
       OR l."startOn" < c."establishedOn" OR l."startOn" < p."establishedOn"
       OR (c."dissolvedOn" IS NOT NULL AND (l."endOn" IS NULL OR l."endOn" > c."dissolvedOn"))
       OR (p."dissolvedOn" IS NOT NULL AND (l."endOn" IS NULL OR l."endOn" > p."dissolvedOn"))
     LIMIT 20`,
  );
  for (const r of outside) fail('LINK_OUTSIDE_LIFE', `${r.child} from ${r.startOn}`);
  for (const on of ['2000-01-01', iso(REFORM - 1), reform, horizon]) {
    const orphans = await conn.query<{ code: string }>(
      `SELECT o."code" FROM "Organisation" o
       WHERE o."kind" <> 'PROVINCIAL' AND o."establishedOn" <= ? AND (o."dissolvedOn" IS NULL OR o."dissolvedOn" > ?)
         AND NOT EXISTS (SELECT 1 FROM "OrganisationParent" l
           WHERE l."organisationId" = o."id" AND l."startOn" <= ? AND (l."endOn" IS NULL OR l."endOn" > ?))
       LIMIT 5`,
      [on, on, on, on],
    );
    for (const r of orphans) fail('NO_PARENT', `${r.code} on ${on}`);
    const twice = await conn.query<{ organisationId: number }>(
      `SELECT "organisationId" FROM "OrganisationParent" WHERE "startOn" <= ? AND ("endOn" IS NULL OR "endOn" > ?)
       GROUP BY "organisationId" HAVING COUNT(*) > 1 LIMIT 5`,
      [on, on],
    );
    for (const r of twice) fail('TWO_PARENTS', `organisation ${r.organisationId} on ${on}`);
  }
  const [districts] = await conn.query<{ n: unknown }>(
    `SELECT COUNT(*) AS "n" FROM "Organisation" WHERE "kind" = 'DISTRICT' AND ("dissolvedOn" IS NULL OR "dissolvedOn" > ?)`,
    [reform],
  );
  if (num(districts?.n) > 0) fail('DISTRICT_AFTER_REFORM', `${num(districts?.n)} district committees after ${reform}`);

  // Sampled cells, and some of the cells dissolved by a merge.
  const cellIds = (
    await conn.query<{ id: number }>(`SELECT "id" FROM "Organisation" WHERE "kind" IN ${CELLS} ORDER BY "id"`)
  ).map((r) => num(r.id));
  const mergedIds = (
    await conn.query<{ id: number }>(
      `SELECT "id" FROM "Organisation" WHERE "kind" IN ${CELLS} AND "dissolvedOn" IS NOT NULL ORDER BY "id"`,
    )
  ).map((r) => num(r.id));
  const sampledCells = [
    ...new Set([...pickIds(rng, cellIds, options.cells ?? 200), ...pickIds(rng, mergedIds, options.mergedCells ?? 50)]),
  ];
  const orgs = new Map<number, OrgRow>();
  const loadOrgs = async (ids: number[]) => {
    const missing = [...new Set(ids)].filter((id) => !orgs.has(id));
    for (const r of await byIds<OrgRow>(conn, ORG_SQL, missing)) orgs.set(num(r.id), toOrg(r));
  };
  await loadOrgs(sampledCells);
  const cellPlacements = (
    await byIds<PlacementRow>(
      conn,
      (m) => `SELECT "id", "memberId", "cellId", "startOn", "endOn" FROM "Placement" WHERE "cellId" IN (${m})`,
      sampledCells,
    )
  ).map(toPlacement);
  const leftOf = new Map<number, string | null>();
  for (const r of await byIds<{ id: number; leftOn: string | null }>(
    conn,
    (m) => `SELECT "id", "leftOn" FROM "Member" WHERE "id" IN (${m})`,
    [...new Set(cellPlacements.map((p) => p.memberId))],
  ))
    leftOf.set(num(r.id), r.leftOn);
  const followers = await byIds<PlacementRow>(
    conn,
    (m) => `SELECT "id", "memberId", "cellId", "startOn", "endOn" FROM "Placement" WHERE "memberId" IN (${m})`,
    [...new Set(cellPlacements.filter((p) => orgs.get(p.cellId)?.dissolvedOn === p.endOn).map((p) => p.memberId))],
  );
  const next = new Set(followers.map((p) => `${num(p.memberId)}:${num(p.cellId)}:${p.startOn}`));
  for (const p of cellPlacements) {
    const cell = orgs.get(p.cellId)!;
    if (!CELL_KINDS.includes(cell.kind as never)) fail('PLACEMENT_NOT_IN_CELL', `placement ${p.id} in ${cell.code}`);
    if (
      p.startOn < cell.establishedOn ||
      (cell.dissolvedOn !== null && (p.endOn === null || p.endOn > cell.dissolvedOn)) ||
      (p.endOn !== null && p.endOn <= p.startOn)
    )
      fail('PLACEMENT_OUTSIDE_CELL_LIFE', `placement ${p.id} in ${cell.code} [${p.startOn}, ${p.endOn})`);
    const left = leftOf.get(p.memberId) ?? null;
    if (cell.dissolvedOn !== null && p.endOn === cell.dissolvedOn && (left === null || left > cell.dissolvedOn)) {
      if (cell.mergedIntoId === null) fail('DISSOLVED_CELL_NOT_EMPTIED', `${cell.code}: member ${p.memberId}`);
      else if (!next.has(`${p.memberId}:${cell.mergedIntoId}:${cell.dissolvedOn}`))
        fail('MERGE_NOT_FOLLOWED', `${cell.code} → ${cell.mergedIntoId}: member ${p.memberId} on ${cell.dissolvedOn}`);
    }
  }
  await checkClosure(conn, sampledCells, fail);

  // Sampled members and their histories.
  const [maxMember] = await conn.query<{ n: unknown }>('SELECT MAX("id") AS "n" FROM "Member"');
  const memberIds = pickRange(rng, num(maxMember?.n ?? 0), options.members ?? 1000);
  const members = (
    await byIds<MemberRow>(
      conn,
      (m) =>
        `SELECT "id", "birthDate", "admittedOn", "admittedInId", "officialOn", "leftOn", CAST("leftReason" AS TEXT) AS "leftReason", "candidateId" FROM "Member" WHERE "id" IN (${m})`,
      memberIds,
    )
  ).map((r) => ({ ...r, id: num(r.id), admittedInId: num(r.admittedInId), candidateId: nullableNum(r.candidateId) }));
  if (members.length !== memberIds.length) fail('MEMBER_IDS_NOT_DENSE', `${memberIds.length - members.length} missing`);
  const placements = (
    await byIds<PlacementRow>(
      conn,
      (m) => `SELECT "id", "memberId", "cellId", "startOn", "endOn" FROM "Placement" WHERE "memberId" IN (${m})`,
      memberIds,
    )
  ).map(toPlacement);
  await loadOrgs([...members.map((m) => m.admittedInId), ...placements.map((p) => p.cellId)]);
  const candidatesOf = new Map<number, { stage: string; stageOn: string; cellId: number }>();
  for (const r of await byIds<{ id: number; stage: string; stageOn: string; cellId: number }>(
    conn,
    (m) => `SELECT "id", CAST("stage" AS TEXT) AS "stage", "stageOn", "cellId" FROM "Candidate" WHERE "id" IN (${m})`,
    members.flatMap((m) => (m.candidateId === null ? [] : [m.candidateId])),
  ))
    candidatesOf.set(num(r.id), { ...r, cellId: num(r.cellId) });
  const byMember = new Map<number, PlacementRow[]>();
  for (const p of placements) byMember.set(p.memberId, [...(byMember.get(p.memberId) ?? []), p]);
  for (const m of members) {
    const who = `member ${m.id}`;
    const cell = orgs.get(m.admittedInId);
    if (!cell || !CELL_KINDS.includes(cell.kind as never) || !alive(cell, m.admittedOn))
      fail('ADMITTING_CELL', `${who}: ${cell?.code} on ${m.admittedOn}`);
    const age = ageOn(m.birthDate, m.admittedOn);
    if (age < 18 || age > 60) fail('ADMISSION_AGE', `${who}: admitted at ${age}`);
    const end = addMonths(m.admittedOn, policyOn(m.admittedOn).probationMonths);
    if (m.officialOn !== null && m.officialOn !== end)
      fail('OFFICIAL_NOT_12_MONTHS_AFTER_ADMISSION', `${who}: admitted ${m.admittedOn}, official ${m.officialOn}`);
    if ((m.leftOn === null) !== (m.leftReason === null) || (m.leftOn !== null && m.leftOn <= m.admittedOn))
      fail('LEAVING', `${who}: left ${m.leftOn} (${m.leftReason})`);
    if (m.leftOn !== null && m.leftOn > horizon) fail('LEAVING', `${who}: left after the horizon, ${m.leftOn}`);
    const ps = (byMember.get(m.id) ?? []).sort((a, b) => a.startOn.localeCompare(b.startOn));
    for (const v of validateHistory(
      m.admittedOn,
      m.officialOn,
      ps.map((p) => p.startOn),
    ))
      fail(v.code, who);
    if (ps[0]?.cellId !== m.admittedInId) fail('FIRST_PLACEMENT_NOT_ADMISSION', `${who}: first cell`);
    ps.forEach((p, i) => {
      const c = orgs.get(p.cellId);
      if (!c || !CELL_KINDS.includes(c.kind as never)) fail('PLACEMENT_NOT_IN_CELL', `${who}: placement ${p.id}`);
      else if (
        p.startOn < c.establishedOn ||
        (c.dissolvedOn !== null && (p.endOn === null || p.endOn > c.dissolvedOn)) ||
        (p.endOn !== null && p.endOn <= p.startOn)
      )
        fail('PLACEMENT_OUTSIDE_CELL_LIFE', `${who}: placement ${p.id} in ${c.code}`);
      const after = ps[i + 1];
      if (!after) {
        if (p.endOn !== m.leftOn)
          fail('PLACEMENTS_NOT_ENDED_AT_LEAVING', `${who}: last ends ${p.endOn}, left ${m.leftOn}`);
        return;
      }
      if (p.endOn !== after.startOn) fail('PLACEMENT_GAP_OR_OVERLAP', `${who}: ${p.endOn} then ${after.startOn}`);
      else if (c?.dissolvedOn === p.endOn) {
        if (after.cellId !== c.mergedIntoId) fail('MERGE_NOT_FOLLOWED', `${who}: ${c.code} dissolved ${c.dissolvedOn}`);
      } else if (after.cellId === p.cellId) fail('TRANSFER_TO_SAME_CELL', `${who}: on ${after.startOn}`);
    });
    if (m.candidateId !== null) {
      const c = candidatesOf.get(m.candidateId);
      if (!c || c.stage !== 'ADMITTED' || c.stageOn !== m.admittedOn || c.cellId !== m.admittedInId)
        fail('CANDIDATE_MISMATCH', `${who}: candidate ${m.candidateId}`);
    }
  }

  const [maxCandidate] = await conn.query<{ n: unknown }>('SELECT MAX("id") AS "n" FROM "Candidate"');
  const candidateIds = pickRange(rng, num(maxCandidate?.n ?? 0), options.candidates ?? 200);
  await checkCandidates(conn, candidateIds, fail);
  return {
    sample: {
      members: members.length,
      cells: sampledCells.length,
      mergedCells: sampledCells.filter((id) => orgs.get(id)?.dissolvedOn !== null).length,
      candidates: candidateIds.length,
    },
    failures,
  };
}

/** Throws a NationCheckError naming the reasons when the sample breaks a rule. */
export async function assertNation(conn: RawConnection, options?: Parameters<typeof checkNation>[1]) {
  const report = await checkNation(conn, options);
  if (report.failures.length) throw new NationCheckError(report.failures);
  return report;
}

const alive = (o: OrgRow, on: string) => o.establishedOn <= on && (o.dissolvedOn === null || o.dissolvedOn > on);

/** The stored closure of the cells equals rules/ancestry.ts applied to their links and their ancestors'. */
async function checkClosure(conn: RawConnection, cells: number[], fail: (reason: string, detail: string) => void) {
  const lives = new Map<number, { id: number; establishedOn: string; dissolvedOn: string | null }>();
  const links: LinkRow[] = [];
  let frontier = cells;
  for (let depth = 0; frontier.length && depth < 8; depth++) {
    for (const r of await byIds<OrgRow>(conn, ORG_SQL, frontier)) {
      lives.set(num(r.id), { id: num(r.id), establishedOn: r.establishedOn, dissolvedOn: r.dissolvedOn });
    }
    const found = (
      await byIds<LinkRow>(
        conn,
        (m) =>
          `SELECT "organisationId", "parentId", "startOn", "endOn" FROM "OrganisationParent" WHERE "organisationId" IN (${m})`,
        frontier,
      )
    ).map((l) => ({ ...l, organisationId: num(l.organisationId), parentId: num(l.parentId) }));
    links.push(...found);
    frontier = [...new Set(found.map((l) => l.parentId))].filter((id) => !lives.has(id));
  }
  const key = (r: {
    ancestorId: unknown;
    descendantId: unknown;
    depth: unknown;
    startOn: string;
    endOn: string | null;
  }) => `${num(r.descendantId)}>${num(r.ancestorId)}@${num(r.depth)}[${r.startOn},${r.endOn})`;
  const wanted = new Set(cells);
  const expected = ancestryRows([...lives.values()], links)
    .filter((r) => wanted.has(r.descendantId))
    .map(key)
    .sort();
  const stored = (
    await byIds<{ ancestorId: unknown; descendantId: unknown; depth: unknown; startOn: string; endOn: string | null }>(
      conn,
      (m) =>
        `SELECT "ancestorId", "descendantId", "depth", "startOn", "endOn" FROM "OrganisationAncestry" WHERE "descendantId" IN (${m})`,
      cells,
    )
  )
    .map(key)
    .sort();
  const missing = expected.filter((k) => !stored.includes(k));
  const extra = stored.filter((k) => !expected.includes(k));
  for (const k of [...missing.map((k) => `missing ${k}`), ...extra.map((k) => `extra ${k}`)].slice(0, 10))
    fail('CLOSURE_MISMATCH', k);
}

/** Each sampled candidate's events, replayed through rules/stages.ts from the first. */
async function checkCandidates(conn: RawConnection, ids: number[], fail: (reason: string, detail: string) => void) {
  const candidates = await byIds<{
    id: number;
    birthDate: string;
    isYouthUnionMember: unknown;
    isTradeUnionMember: unknown;
    workplaceHasTradeUnion: unknown;
    cellId: number;
    cellKind: string;
    stage: string;
    stageOn: string;
    certificateOn: string | null;
    ageException: string | null;
    ageExceptionBy: string | null;
  }>(
    conn,
    (m) =>
      `SELECT "id", "birthDate", "isYouthUnionMember", "isTradeUnionMember", "workplaceHasTradeUnion", "cellId",
         (SELECT CAST(o."kind" AS TEXT) FROM "Organisation" o WHERE o."id" = "Candidate"."cellId") AS "cellKind",
         CAST("stage" AS TEXT) AS "stage", "stageOn", "certificateOn", "ageException", "ageExceptionBy"
       FROM "Candidate" WHERE "id" IN (${m})`,
    ids,
  );
  const events = await byIds<{
    id: number;
    candidateId: number;
    stage: string;
    on: string;
    votesFor: number | null;
    votesEligible: number | null;
  }>(
    conn,
    (m) =>
      `SELECT "id", "candidateId", CAST("stage" AS TEXT) AS "stage", "on", "votesFor", "votesEligible" FROM "CandidateEvent" WHERE "candidateId" IN (${m}) ORDER BY "candidateId", "on", "id"`,
    ids,
  );
  const intros = await byIds<{
    candidateId: number;
    memberId: number | null;
    youthUnion: string | null;
    tradeUnion: string | null;
    knownSince: string | null;
    officialOn: string | null;
    leftOn: string | null;
  }>(
    conn,
    (m) =>
      `SELECT i."candidateId", i."memberId", i."youthUnion", i."tradeUnion", i."knownSince", m."officialOn", m."leftOn"
       FROM "Introduction" i LEFT JOIN "Member" m ON m."id" = i."memberId" WHERE i."candidateId" IN (${m})`,
    ids,
  );
  const admittedAs = new Map<number, string>();
  for (const r of await byIds<{ candidateId: number; admittedOn: string }>(
    conn,
    (m) => `SELECT "candidateId", "admittedOn" FROM "Member" WHERE "candidateId" IN (${m})`,
    ids,
  ))
    admittedAs.set(num(r.candidateId), r.admittedOn);
  for (const c of candidates) {
    const id = num(c.id);
    const who = `candidate ${id}`;
    const path = events.filter((e) => num(e.candidateId) === id);
    const first = path[0];
    if (!first || first.stage !== 'SOURCED') {
      fail('CANDIDATE_PATH_START', `${who}: first event ${first?.stage}`);
      continue;
    }
    const facts: CandidateFacts = {
      stage: 'SOURCED',
      stageOn: first.on,
      birthDate: c.birthDate,
      isYouthUnionMember: Boolean(c.isYouthUnionMember),
      isTradeUnionMember: Boolean(c.isTradeUnionMember),
      workplaceHasTradeUnion: Boolean(c.workplaceHasTradeUnion),
      inGrassrootsCell: c.cellKind === 'GRASSROOTS_CELL',
      certificateOn: c.certificateOn,
      ageException: c.ageException,
      ageExceptionBy: c.ageExceptionBy,
      cellVotedOn: null,
      decidedOn: null,
      decisionExtendedOn: null,
    };
    for (const e of path.slice(1)) {
      const introducers: IntroducerFacts[] = intros
        .filter((i) => num(i.candidateId) === id)
        .map((i) =>
          i.youthUnion !== null
            ? { youthUnion: i.youthUnion }
            : i.tradeUnion !== null
              ? { tradeUnion: i.tradeUnion }
              : {
                  member: { id: num(i.memberId), officialOn: i.officialOn, leftOn: i.leftOn, knownSince: i.knownSince },
                },
        );
      const violations = validateStep(
        facts,
        {
          stage: e.stage as Stage,
          on: e.on,
          votesFor: e.votesFor === null ? null : num(e.votesFor),
          votesEligible: e.votesEligible === null ? null : num(e.votesEligible),
          certificateOn: e.stage === 'TRAINED' ? c.certificateOn : undefined,
          introducers: e.stage === 'INTRODUCED' ? introducers : undefined,
        },
        defaultCalendar,
      );
      // A failed vote that rejects is recorded with its figures; the rules ask nothing more of it.
      for (const v of violations) fail(`CANDIDATE_${v.code}`, `${who}: ${e.stage} on ${e.on}`);
      if (e.stage === 'CELL_VOTED') {
        facts.cellVotedOn = e.on;
        const [row] = await conn.query<{ n: unknown }>(
          `SELECT COUNT(*) AS "n" FROM "Placement" p JOIN "Member" m ON m."id" = p."memberId"
           WHERE p."cellId" = ? AND p."startOn" <= ? AND (p."endOn" IS NULL OR p."endOn" > ?)
             AND m."officialOn" IS NOT NULL AND m."officialOn" <= ? AND (m."leftOn" IS NULL OR m."leftOn" > ?)`,
          [num(c.cellId), e.on, e.on, e.on, e.on],
        );
        if (num(row?.n) !== num(e.votesEligible))
          fail('CELL_VOTE_ELIGIBLE', `${who}: ${e.votesEligible} eligible recorded, ${num(row?.n)} full members`);
      }
      if (e.stage === 'DECIDED') facts.decidedOn = e.on;
      facts.stage = e.stage as Stage;
      facts.stageOn = e.on;
    }
    const last = path[path.length - 1]!;
    if (c.stage !== last.stage || c.stageOn !== last.on)
      fail('CANDIDATE_STAGE_MISMATCH', `${who}: ${c.stage} on ${c.stageOn}, last event ${last.stage} on ${last.on}`);
    if ((c.stage === 'ADMITTED') !== admittedAs.has(id) || (admittedAs.has(id) && admittedAs.get(id) !== c.stageOn))
      fail('ADMITTED_WITHOUT_MEMBER', who);
  }
}
