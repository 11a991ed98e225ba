// Multi-row INSERTs on a raw connection: the way loads and rebuilds write many rows (seconds faster
// than a statement per row, or than building each statement through the Prisma client). Through a
// Prisma client (via-client.ts) the JSON-batched form is faster still: Prisma handles every bound
// parameter one by one, and there a chunk of rows is one parameter, one JSON text.
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

/**
 * Rows a JSON-batched INSERT carries: thousands of rows cost one parameter; their JSON text (about
 * 1 MB for audit events) bounds the memory.
 */
export const ROWS_PER_JSON = 5000;

/**
 * Inserts rows given as value lists in `columns` order, ROWS_PER_JSON to a statement whose one
 * parameter is the chunk as a JSON array of arrays, taken apart by the database (json_each on
 * SQLite, json_array_elements cast to the table's column types on PostgreSQL). Values are stored as
 * insertTuples stores them: booleans as 0 and 1 on SQLite, a Date as Prisma stores a DateTime.
 */
export async function insertJson(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  await jsonChunks(conn, table, columns, rows, '');
}

/** The same, answering the columns `returning` names of every row inserted (in no promised order). */
export async function insertJsonReturning<T>(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  returning: readonly string[],
): Promise<T[]> {
  return jsonChunks<T>(conn, table, columns, rows, ` RETURNING ${returning.map((c) => `"${c}"`).join(', ')}`);
}

async function jsonChunks<T>(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  tail: string,
): Promise<T[]> {
  const answered: T[] = [];
  if (rows.length === 0) return answered;
  // JSON null and true/false come out of `->>` as NULL and 1/0 on SQLite; PostgreSQL casts the text.
  const values =
    conn.dialect === 'sqlite'
      ? `${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`
      : `${(await columnTypes(conn, table, columns)).map((type, i) => `(value ->> ${i})::${type}`).join(', ')} FROM json_array_elements(?::json)`;
  const statement = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) SELECT ${values}${tail}`;
  // A Date as Prisma's adapters store a DateTime: ISO 8601 with "+00:00" on SQLite; on PostgreSQL the
  // ISO text cast to timestamp keeps the UTC time and drops the zone, as the pg adapter sends it.
  const dated = rows[0]!.flatMap((value, i) => (value instanceof Date ? [i] : []));
  const stamp = (d: Date) => (conn.dialect === 'sqlite' ? d.toISOString().replace('Z', '+00:00') : d.toISOString());
  for (let i = 0; i < rows.length; i += ROWS_PER_JSON) {
    let chunk = rows.slice(i, i + ROWS_PER_JSON);
    if (dated.length > 0)
      chunk = chunk.map((row) => row.map((v, k) => (dated.includes(k) && v instanceof Date ? stamp(v) : v)));
    for (const row of await conn.query<T>(statement, [JSON.stringify(chunk)])) answered.push(row);
  }
  return answered;
}

/** PostgreSQL's type of each column, as a cast (`integer`, `"Gender"`, `timestamp(3) without time zone`). */
const typesOf = new Map<string, Map<string, string>>();

async function columnTypes(conn: RawConnection, table: string, columns: readonly string[]): Promise<string[]> {
  let types = typesOf.get(table);
  if (!types) {
    const found = await conn.query<{ name: string; type: string }>(
      `SELECT attname::text AS "name", format_type(atttypid, atttypmod) AS "type" FROM pg_attribute
       WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
      [`"${table}"`],
    );
    types = new Map(found.map((c) => [c.name, c.type]));
    // Every database of one ketnap has the same tables (its migrations): the types are read once.
    typesOf.set(table, types);
  }
  return columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`no column "${c}" in "${table}"`);
    return type;
  });
}
