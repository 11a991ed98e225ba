// Xuất danh sách: the members or candidates of a subtree written as a spreadsheet in the columns of
// their import template (a title row in XLSX, then the header, then one row per record),
// streamed page by page to a file or an HTTP answer. Who may: the caller must read the personal
// data of the subtree (auth/reach.ts); the command line and HTTP route check it before calling.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Cell } from '../import/cells.ts';
import { KINDS } from '../import/kinds.ts';
import { type Format, writeRows } from '../import/sheets.ts';
import { todayInVietnam } from '../rules/dates.ts';
import { candidateRows } from './candidates.ts';
import { memberRows } from './members.ts';
import { type DateCell, dmy, PAGE } from './page.ts';

export const EXPORT_KINDS = ['members', 'candidates'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const ROWS: Record<ExportKind, (code: string, date: DateCell) => AsyncGenerator<Cell[]>> = {
  members: memberRows,
  candidates: candidateRows,
};

export async function writeExport(options: {
  kind: ExportKind;
  org: { code: string; name: string };
  format: Format;
  /** A file path, or a stream (closed when done). */
  to: string | Writable;
}): Promise<number> {
  const { kind, org, format } = options;
  const { columns, sheet, title } = KINDS[kind];
  const stream = typeof options.to === 'string' ? null : options.to;
  const writer = writeRows(
    stream ? { stream, format } : (options.to as string),
    sheet,
    columns.map((c) => Math.max(14, c.header.length + 4)),
  );
  const today = todayInVietnam();
  if (format === 'xlsx') writer.add([`${title} — ${org.name} (xuất từ ketnap ngày ${dmy(today)})`], 'title');
  writer.add(
    columns.map((c) => c.header),
    'header',
  );
  const date: DateCell = format === 'xlsx' ? (iso) => new Date(`${iso}T00:00:00Z`) : dmy;
  const rows = ROWS[kind](org.code, date);
  let count = 0;
  for await (const row of rows) {
    writer.add(row);
    // Backpressure: a slow reader of the answer holds the next page back.
    if (++count % PAGE === 0 && stream?.writableNeedDrain) await once(stream, 'drain');
  }
  await writer.close();
  return count;
}
