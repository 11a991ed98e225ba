// Loads a dataset into an empty database in one transaction, table by table in dependency order,
// with multi-row INSERTs on the raw connection (seconds faster than row-by-row client calls),
// and derives the tree's closure (OrganisationAncestry) from its parent links, then the derived
// tables (server/src/derived/) from all of it.
import type { Dataset } from '@ketnap/prisma/datasets/types.ts';
import { insertTuples } from '../db/insert.ts';
import type { RawConnection } from '../db/raw.ts';
import { rebuildDerived } from '../derived/rebuild.ts';
import { viaConnection } from '../derived/sql.ts';
import { ancestryRows } from '../rules/ancestry.ts';
import { activeRiskPolicy } from '../rules/risk.ts';

async function insertRows(conn: RawConnection, table: string, rows: object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  await insertTuples(
    conn,
    table,
    columns,
    rows.map((row) => columns.map((c) => (row as Record<string, unknown>)[c])),
  );
}

/** PostgreSQL: rows came with explicit ids, so move each table's sequence past them. */
export async function advanceSequences(conn: RawConnection, tables: readonly string[]): Promise<void> {
  if (conn.dialect !== 'postgres') return;
  for (const table of tables) {
    await conn.exec(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX(id) FROM "${table}"), 0) + 1, false)`,
    );
  }
}

export async function loadDataset(conn: RawConnection, dataset: Dataset): Promise<void> {
  const ancestry = ancestryRows(dataset.organisations, dataset.parentLinks).map((row, i) => ({ id: i + 1, ...row }));
  const tables: [string, object[]][] = [
    ['Organisation', dataset.organisations.map((o) => ({ ...o, mergedIntoId: null }))],
    ['OrganisationParent', dataset.parentLinks],
    ['OrganisationAncestry', ancestry],
    ['Candidate', dataset.candidates],
    ['Member', dataset.members],
    ['Placement', dataset.placements],
    ['CandidateEvent', dataset.candidateEvents],
    ['Introduction', dataset.introductions],
    ['Programme', dataset.programmes],
    ['Quota', dataset.quotas],
    ['Leader', dataset.leaders],
    ['Assignment', dataset.assignments],
    ['MeetingVisit', dataset.visits],
    ['Hamlet', dataset.hamlets ?? []],
    ['HamletCommune', dataset.hamletCommunes ?? []],
    ['HamletCell', dataset.hamletCells ?? []],
    ['Residence', dataset.residences ?? []],
  ];
  await conn.exec('BEGIN');
  try {
    for (const [table, rows] of tables) await insertRows(conn, table, rows);
    for (const org of dataset.organisations.filter((o) => o.mergedIntoId !== null)) {
      await conn.query('UPDATE "Organisation" SET "mergedIntoId" = ? WHERE "id" = ?', [org.mergedIntoId, org.id]);
    }
    await advanceSequences(
      conn,
      tables.map(([table]) => table),
    );
    await rebuildDerived(viaConnection(conn), activeRiskPolicy());
    await conn.exec('COMMIT');
  } catch (error) {
    await conn.exec('ROLLBACK');
    throw error;
  }
}
