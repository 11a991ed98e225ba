// The dataset `vietnam-synthetic`: a synthetic nation of about 5.6 million member rows by default
// (--members N scales everything), generated deterministically and written table by table as it
// goes: the tree, its parent links and closure from memory, then members, placements and candidates
// province by province, then the quotas, so that memory stays bounded whatever N is.
import { createHash } from 'node:crypto';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { insertTuples } from '../../db/insert.ts';
import type { RawConnection } from '../../db/raw.ts';
import { rebuildDerived } from '../../derived/rebuild.ts';
import { viaConnection } from '../../derived/sql.ts';
import { ancestryRows } from '../../rules/ancestry.ts';
import { activeRiskPolicy } from '../../rules/risk.ts';
import { advanceSequences } from '../load.ts';
import type { Ids } from './candidates.ts';
import { iso, isoOrNull } from './days.ts';
import { makeProvince, type Tally } from './members.ts';
import { type Progress, silentProgress } from './progress.ts';
import { quotaRows } from './quotas.ts';
import { NATION } from './scale.ts';

export { NOTICE } from './scale.ts';

import { buildNation, HORIZON } from './tree.ts';

export const DEFAULT_MEMBERS = NATION.members;

/** Column order of each table's rows, as the generator writes them. */
export const COLUMNS = {
  Organisation: ['id', 'code', 'name', 'kind', 'sector', 'establishedOn', 'dissolvedOn', 'mergedIntoId'],
  OrganisationParent: ['id', 'organisationId', 'parentId', 'startOn', 'endOn'],
  OrganisationAncestry: ['id', 'ancestorId', 'descendantId', 'depth', 'startOn', 'endOn'],
  Candidate: [
    'id',
    'fullName',
    'birthDate',
    'gender',
    'personalHistory',
    'isYouthUnionMember',
    'cellId',
    'source',
    'stage',
    'stageOn',
    'certificateOn',
    'ageException',
    'decisionExtendedOn',
    'isTradeUnionMember',
    'workplaceHasTradeUnion',
    'ethnicity',
    'religion',
    'education',
  ],
  Member: [
    'id',
    'fullName',
    'birthDate',
    'gender',
    'personalHistory',
    'admittedOn',
    'admittedInId',
    'officialOn',
    'leftOn',
    'leftReason',
    'candidateId',
    'ethnicity',
    'religion',
    'education',
    'isYouthUnionMember',
  ],
  Placement: ['id', 'memberId', 'cellId', 'startOn', 'endOn'],
  CandidateEvent: ['id', 'candidateId', 'stage', 'on', 'actingBody', 'votesFor', 'votesEligible', 'note'],
  Introduction: ['id', 'candidateId', 'memberId', 'youthUnion', 'tradeUnion', 'knownSince'],
  Quota: ['id', 'organisationId', 'programmeId', 'periodFrom', 'periodTo', 'target'],
} as const;

export type Table = keyof typeof COLUMNS;
export const TABLES = Object.keys(COLUMNS) as Table[];

/** Where the generator's rows go, table by table, in an order that keeps every foreign key. */
export interface Sink {
  write(table: Table, rows: unknown[][]): Promise<void>;
}

export interface NationSummary {
  members: number;
  /** Members on the last day of the story (not left). */
  present: number;
  horizon: string;
  rows: Record<Table, number>;
}

/** Above this much JavaScript heap in use between provinces, collect garbage before going on. */
const HEAP_BOUND = 512 << 20;

/**
 * A full garbage collection, when the heap holds more than HEAP_BOUND. The load allocates fast
 * and keeps little (the tree, one province at a time); left alone, V8 lets the garbage grow to
 * gigabytes before collecting it. (`gc` exposed at run time, as Jest does for --detectLeaks.)
 */
function heapGuard(): () => void {
  let gc: (() => void) | null | undefined;
  return () => {
    if (getHeapStatistics().used_heap_size < HEAP_BOUND) return;
    if (gc === undefined) {
      try {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      } catch {
        gc = null;
      }
    }
    gc?.();
  };
}

/** Generates the nation of `members` member rows into the sink. Deterministic: same N, same rows. */
export async function generateNation(
  members: number,
  sink: Sink,
  progress: Progress = silentProgress,
): Promise<NationSummary> {
  progress.phase('organisation tree');
  const nation = buildNation(members);
  const rows = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<Table, number>;
  const write = async (table: Table, list: unknown[][]) => {
    rows[table] += list.length;
    await sink.write(table, list);
  };
  await write(
    'Organisation',
    nation.orgs.map((o) => [
      o.id,
      o.code,
      o.name,
      o.kind,
      o.sector,
      iso(o.established),
      isoOrNull(o.dissolved),
      o.mergedInto?.id ?? null,
    ]),
  );
  let linkId = 1;
  const links = nation.orgs.flatMap((o) =>
    o.links.map((l) => [linkId++, o.id, l.parent.id, iso(l.start), isoOrNull(l.end)]),
  );
  await write('OrganisationParent', links);

  // The closure, by the server's own derivation, one merge group at a time (no link crosses groups).
  progress.phase('closure');
  const guard = heapGuard();
  let ancestryId = 1;
  for (const group of nation.groups) {
    guard();
    const lives = group.orgs.map((o) => ({
      id: o.id,
      establishedOn: iso(o.established),
      dissolvedOn: isoOrNull(o.dissolved),
    }));
    const groupLinks = group.orgs.flatMap((o) =>
      o.links.map((l) => ({
        organisationId: o.id,
        parentId: l.parent.id,
        startOn: iso(l.start),
        endOn: isoOrNull(l.end),
      })),
    );
    await write(
      'OrganisationAncestry',
      ancestryRows(lives, groupLinks).map((r) => [
        ancestryId++,
        r.ancestorId,
        r.descendantId,
        r.depth,
        r.startOn,
        r.endOn,
      ]),
    );
  }

  progress.phase('members');
  const ids: Ids = { member: 1, placement: 1, candidate: 1, event: 1, introduction: 1 };
  const tally: Tally = new Map();
  let present = 0;
  for (const province of nation.provinces) {
    guard();
    progress.detail(`members: ${province.org.code}`);
    present += await makeProvince(nation, province, ids, tally, async (table, list) => {
      await write(table, list);
      if (table === 'Member') progress.advance(list.length);
    });
  }
  progress.phase('quotas');
  await write('Quota', quotaRows(nation, tally, 1));
  return { members, present, horizon: iso(HORIZON), rows };
}

/** A sink into the database on the raw connection, with multi-row INSERTs (load.ts). */
export function databaseSink(conn: RawConnection): Sink {
  return {
    async write(table, rows) {
      if (table !== 'Organisation') return insertTuples(conn, table, COLUMNS[table], rows);
      // Organisation.mergedIntoId names rows of the same table: set once they all exist.
      const merged = rows.filter((r) => r[7] !== null).map((r) => [r[0], r[7]]);
      await insertTuples(
        conn,
        table,
        COLUMNS[table],
        rows.map((r) => [...r.slice(0, 7), null]),
      );
      for (let i = 0; i < merged.length; i += 400) {
        const chunk = merged.slice(i, i + 400);
        await conn.query(
          `UPDATE "Organisation" SET "mergedIntoId" = CASE "id" ${chunk.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ')} END WHERE "id" IN (${chunk.map(() => '?').join(', ')})`,
          [...chunk.flat(), ...chunk.map((r) => r[0])],
        );
      }
    },
  };
}

/** A sink that hashes each table's rows (for determinism checks), keeping nothing else. */
export function hashingSink(): Sink & { digests(): Record<string, string> } {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  return {
    async write(table, rows) {
      let hash = hashes.get(table);
      if (!hash) hashes.set(table, (hash = createHash('sha256')));
      for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
    },
    digests: () => Object.fromEntries([...hashes].map(([table, hash]) => [table, hash.copy().digest('hex')])),
  };
}

/** Loads the nation into an empty, migrated database in one transaction. */
export async function loadNation(
  conn: RawConnection,
  options: { members?: number; progress?: Progress } = {},
): Promise<NationSummary> {
  const members = options.members ?? DEFAULT_MEMBERS;
  const progress = options.progress ?? silentProgress;
  // SQLite: a larger page cache (64 MiB) keeps more of the indexes' pages at hand while millions of rows go in.
  const [cache] = conn.dialect === 'sqlite' ? await conn.query<{ cache_size: number }>('PRAGMA cache_size') : [];
  if (cache) await conn.exec('PRAGMA cache_size = -65536');
  await conn.exec('BEGIN');
  try {
    const summary = await generateNation(members, databaseSink(conn), progress);
    progress.phase('sequences');
    await advanceSequences(conn, TABLES);
    progress.phase('derived figures');
    await rebuildDerived(viaConnection(conn), activeRiskPolicy());
    progress.phase('commit');
    await conn.exec('COMMIT');
    return summary;
  } catch (error) {
    await conn.exec('ROLLBACK');
    throw error;
  } finally {
    if (cache) await conn.exec(`PRAGMA cache_size = ${Number(cache.cache_size)}`);
  }
}
