// A list of values sent as one JSON parameter, for lookups of many values a statement: Prisma
// handles every bound parameter one by one, so a chunk's 800 numbers as 800 parameters cost more
// than the lookup. Written so that the column's index is searched for each value.
import type { RawConnection } from './raw.ts';

export type ListType = 'text' | 'int';

/**
 * `FROM` text: each value of the JSON array (the one `?`) joined to the rows of `table` (as `alias`)
 * whose `column` equals it. On SQLite the list comes first and the column's `index` is named (none
 * for the rowid): otherwise its planner guesses the list long and scans the table once per value.
 */
export const joinedToList = (
  conn: RawConnection,
  table: string,
  alias: string,
  column: string,
  { type, index }: { type: ListType; index?: string },
) =>
  conn.dialect === 'sqlite'
    ? `json_each(?) AS "list" CROSS JOIN "${table}" AS "${alias}"${index ? ` INDEXED BY "${index}"` : ''} ON "${alias}"."${column}" = "list"."value"`
    : `json_array_elements_text(?::json) AS "list"("value") JOIN "${table}" AS "${alias}" ON "${alias}"."${column}" = "list"."value"::${type}`;

/**
 * `column IN (the JSON array's values)`, for a list that narrows rows found by another condition. On
 * PostgreSQL an array computed once (`= ANY(ARRAY(…))`), searched in the index as an IN list is.
 */
export const inList = (conn: RawConnection, column: string, type: ListType) =>
  conn.dialect === 'sqlite'
    ? `${column} IN (SELECT "value" FROM json_each(?))`
    : `${column} = ANY(ARRAY(SELECT "value"::${type} FROM json_array_elements_text(?::json) AS "list"("value")))`;
