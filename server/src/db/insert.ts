// Many rows into one table, the ways ketnap writes them:
// - insertTuples: multi-row INSERTs of bound parameters, ROWS_PER_INSERT a statement. Loads and
//   rebuilds write this way on their own raw connection (seconds faster than a statement a row).
// - insertRows: what a write or an import adds, on its transaction's connection. On SQLite's driver
//   connection (in-process) one prepared one-row statement runs once per row: no text to build or
//   parse. On PostgreSQL a chunk is one array parameter a column (unnest); on SQLite through a
//   Prisma client one JSON parameter (json_each): there every bound parameter costs more than the
//   database's work on it.
// - insertNumbered: the same, answering the id each row was given, in the rows' order.
// Values are stored as Prisma stores them: booleans as 0 and 1 on SQLite, a Date as a DateTime.
import type { RawConnection } from './raw.ts';

export const ROWS_PER_INSERT = 400;

/**
 * Rows an INSERT of arrays (PostgreSQL) or of one JSON text (SQLite through a client) carries:
 * thousands of rows cost a parameter a column, or one; their text (about 1 MB for audit events)
 * bounds the memory.
 */
export const ROWS_PER_BATCH = 5000;

type Rows = readonly (readonly unknown[])[];

const names = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** The one-row INSERT a driver connection runs once per row (`each`). */
const oneRow = (table: string, columns: readonly string[]) =>
  `INSERT INTO "${table}" (${names(columns)}) VALUES (${columns.map(() => '?').join(', ')})`;

/** Inserts rows given as value lists in `columns` order, ROWS_PER_INSERT to a statement. */
export async function insertTuples(conn: RawConnection, table: string, columns: readonly string[], rows: Rows) {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${names(columns)}) VALUES `;
  await inChunks(rows, ROWS_PER_INSERT, (chunk) =>
    conn.query(
      head + chunk.map(() => tuple).join(', '),
      chunk.flatMap((row) => row.map((value) => sqlValue(conn, value))),
    ),
  );
}

/** Inserts rows given as value lists in `columns` order, as cheaply as `conn` can (above). */
export async function insertRows(conn: RawConnection, table: string, columns: readonly string[], rows: Rows) {
  if (rows.length === 0) return;
  if (conn.each) {
    await conn.each(oneRow(table, columns), rows);
    return;
  }
  if (conn.dialect === 'postgres') {
    // One array parameter a column, cast to the column's type and taken apart by unnest: a quarter
    // faster than JSON on the server, which need not parse and cast text.
    const types = await columnTypes(conn, table, columns);
    const statement = `INSERT INTO "${table}" (${names(columns)}) SELECT * FROM unnest(${types.map((t) => `?::${t}[]`).join(', ')})`;
    await inChunks(rows, ROWS_PER_BATCH, (chunk) =>
      conn.query(
        statement,
        columns.map((_, k) => chunk.map((row) => stamped(conn, row[k] ?? null))),
      ),
    );
    return;
  }
  // SQLite through a client: JSON null and true/false come out of `->>` as NULL and 1/0.
  const statement = `INSERT INTO "${table}" (${names(columns)}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?)`;
  await inChunks(rows, ROWS_PER_BATCH, (chunk) =>
    conn.query(statement, [JSON.stringify(chunk.map((row) => row.map((value) => stamped(conn, value))))]),
  );
}

/**
 * Inserts rows into a table numbered by an `id` sequence, answering each row's id in the rows'
 * order: SQLite's driver gives the rowid of each one-row INSERT; on PostgreSQL the ids are drawn
 * from the table's sequence first and inserted with the rows.
 */
export async function insertNumbered(
  conn: RawConnection,
  table: string,
  columns: readonly string[],
  rows: Rows,
): Promise<number[]> {
  if (rows.length === 0) return [];
  if (conn.each) return conn.each(oneRow(table, columns), rows);
  if (conn.dialect === 'sqlite') throw new Error('insertNumbered on SQLite needs the driver connection');
  const drawn = await conn.query<{ id: unknown }>(
    `SELECT nextval(${await sequenceOf(conn, table)}::regclass) AS "id" FROM generate_series(1, ?::integer)`,
    [rows.length],
  );
  const ids = drawn.map((d) => Number(d.id));
  await insertRows(
    conn,
    table,
    ['id', ...columns],
    rows.map((row, i) => [ids[i], ...row]),
  );
  return ids;
}

async function inChunks(rows: Rows, size: number, send: (chunk: Rows) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await send(rows.slice(i, i + size));
}

const sqlValue = (conn: RawConnection, value: unknown) =>
  typeof value === 'boolean' && conn.dialect === 'sqlite' ? Number(value) : (value ?? null);

// A Date as Prisma's adapters store a DateTime: ISO 8601 with "+00:00" on SQLite; on PostgreSQL the
// ISO text cast to timestamp keeps the UTC time and drops the zone, as the pg adapter sends it.
const stamped = (conn: RawConnection, value: unknown) =>
  value instanceof Date
    ? conn.dialect === 'sqlite'
      ? value.toISOString().replace('Z', '+00:00')
      : value.toISOString()
    : value;

/**
 * The sequence numbering a table's ids, as an SQL literal: looked up once, since
 * pg_get_serial_sequence in the statement would be asked again for every row (ten times the cost).
 */
const sequences = new Map<string, string>();

async function sequenceOf(conn: RawConnection, table: string): Promise<string> {
  let sequence = sequences.get(table);
  if (!sequence) {
    const [found] = await conn.query<{ name: string | null }>(`SELECT pg_get_serial_sequence(?, 'id') AS "name"`, [
      `"${table}"`,
    ]);
    if (!found?.name) throw new Error(`"${table}" has no id sequence`);
    sequence = `'${found.name.replaceAll("'", "''")}'`;
    sequences.set(table, sequence);
  }
  return sequence;
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
