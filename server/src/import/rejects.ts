// The rejects file: the refused rows as they were, under their sheet's header, with two columns
// added (the row's number in the file, and what is wrong with it), so that staff correct them and
// import that file again. Written by reading the source a second time, a row at a time.
import type { Cell } from './cells.ts';
import type { SheetHeader } from './row-reader.ts';
import { readRows, writeRows } from './sheets.ts';

export const REJECT_COLUMNS = ['Dòng gốc', 'Lỗi'] as const;

export async function writeRejects(
  source: string,
  out: string,
  refused: {
    headers: ReadonlyMap<string, SheetHeader>;
    refusedRows: ReadonlyMap<string, string>;
  },
): Promise<number> {
  const writer = writeRows(out, 'Loi', []);
  let written = 0;
  let headerOf: string | null = null;
  for await (const r of readRows(source)) {
    const errors = refused.refusedRows.get(`${r.sheet}\0${r.row}`);
    if (errors === undefined) continue;
    const header = refused.headers.get(r.sheet)!;
    const width = Math.max(header.header.cells.length, r.cells.length);
    const pad = (cells: Cell[]) => Array.from({ length: width }, (_, i) => cells[i] ?? null);
    if (headerOf !== r.sheet) {
      writer.add([...pad(header.header.cells), ...REJECT_COLUMNS], 'header');
      headerOf = r.sheet;
    }
    writer.add([...pad(r.cells), r.sheet === 'CSV' ? r.row : `${r.sheet}!${r.row}`, errors]);
    written++;
  }
  await writer.close();
  return written;
}
