// Multi-row INSERTs on a raw connection: the way loads and rebuilds write many rows (seconds faster
// than a statement per row, or than building each statement through the Prisma client).
import type { RawConnection } from './raw.ts';

export const ROWS_PER_INSERT = 400;

/** Inserts rows given as value lists in `columns` order, ROWS_PER_INSERT to a statement. */
export async function insertTuples(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  await insertChunks(conn, table, columns, rows, '');
}

/**
 * The same, answering the columns `returning` names of every row inserted (in no promised order:
 * match them back by a unique column).
 */
export async function insertReturning<T>(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[],
): Promise<T[]> {
  return insertChunks<T>(conn, table, columns, rows, ` RETURNING ${returning.map((c) => `"${c}"`).join(', ')}`);
}

async function insertChunks<T>(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail: string,
): Promise<T[]> {
  const answered: T[] = [];
  if (rows.length === 0) return answered;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const full = head + Array.from({ length: ROWS_PER_INSERT }, () => tuple).join(', ') + tail;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    const params: unknown[] = [];
    for (const row of chunk) for (const value of row) params.push(sqlValue(conn, value));
    const statement = chunk.length === ROWS_PER_INSERT ? full : head + chunk.map(() => tuple).join(', ') + tail;
    for (const row of await conn.query<T>(statement, params)) answered.push(row);
  }
  return answered;
}

const sqlValue = (conn: RawConnection, value: unknown) =>
  typeof value === 'boolean' && conn.dialect === 'sqlite' ? Number(value) : (value ?? null);
