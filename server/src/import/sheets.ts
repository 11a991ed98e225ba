// Reading and writing spreadsheets a row at a time, CSV or XLSX alike.
//
// Libraries (chosen for the issue "Spreadsheets in and out"):
// - XLSX: exceljs. Its streaming `WorkbookReader` hands over one row at a time from the zipped
//   XML, so a 100,000-row roster never sits in memory as 100,000 row objects, and its streaming
//   `WorkbookWriter` writes templates and rejects files the same way. It is MIT, typed, on the npm
//   registry, and reads real date cells (with `styles: 'cache'`) as dates.
// - SheetJS CE was not chosen: the npm registry stops at `xlsx` 0.18.5, which has published
//   advisories (prototype pollution, ReDoS); later versions are only on SheetJS's own CDN, which
//   this project's machines cannot reach, and its community build has no streaming reader.
// - CSV: papaparse. exceljs reads CSV into a whole worksheet in memory; papaparse's Node stream
//   mode yields one record at a time with backpressure, guesses the delimiter (`,` or `;`, as
//   Excel writes it in Vietnamese locales) and handles quoted fields over several lines.
import { createReadStream, createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { spreadsheetSafe } from '../rules/text.ts';
import type { Damage } from '../rules/violations.ts';
import type { Cell } from './cells.ts';
import { zipDamage } from './zip.ts';

/** One row as the spreadsheet shows it: its sheet, its number (1-based, as the application shows). */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: Cell[];
}

export type Format = 'xlsx' | 'csv';

export function formatOf(path: string): Format {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new Error(`${path}: a spreadsheet is read as .xlsx or .csv (save an old .xls as .xlsx first)`);
}

/** An exceljs cell value made plain: rich text, formulas (their result), hyperlinks (their text). */
function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return plain(v.result);
  if (v.text !== undefined) return plain(v.text);
  return null;
}

/** A file that cannot be read as its kind: the import reports it (IMPORT_FILE_UNREADABLE), nothing more. */
export class UnreadableFile extends Error {
  constructor(
    readonly damage: Damage,
    options?: ErrorOptions,
  ) {
    super(`the spreadsheet cannot be read (${damage})`, options);
  }
}

/** An XLSX workbook's rows, once its archive is known to be whole (zip.ts); exceljs's errors are damage. */
async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const damage = await zipDamage(path);
  if (damage) throw new UnreadableFile(damage);
  try {
    yield* workbookRows(path);
  } catch (error) {
    // The archive is whole, so what exceljs cannot parse is damage inside it (XML, compressed data).
    throw new UnreadableFile('damaged', { cause: error });
  }
}

async function* workbookRows(path: string): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // so that date-formatted cells come as dates, not serial numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    const sheet = (worksheet as unknown as { name: string }).name;
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      yield {
        sheet,
        row: row.number,
        cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => plain(values[i + 1])),
      };
    }
  }
}

/** Rows parsed ahead of the reader before the file is paused: bounded memory, few wake-ups. */
const CSV_AHEAD = 5_000;

/**
 * A CSV's rows, parsed a chunk of the file at a time (papaparse's chunk mode: a row per event, as
 * its Node stream mode hands them over, made the parse seven times slower) and handed over from a
 * queue the file is paused behind.
 */
async function* csvRows(path: string): AsyncGenerator<SheetRow> {
  const input = createReadStream(path, { encoding: 'utf8' });
  const queue: string[][] = [];
  let done = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const end = (error: unknown = null) => {
    failure ??= error;
    done = true;
    signal();
  };
  Papa.parse<string[]>(input, {
    skipEmptyLines: false,
    chunk: (results) => {
      for (const record of results.data) queue.push(record);
      if (queue.length >= CSV_AHEAD) input.pause();
      signal();
    },
    complete: () => end(),
    error: (error: unknown) => end(error),
  });
  input.on('error', end);
  try {
    let row = 0;
    for (;;) {
      if (queue.length === 0) {
        if (done) break;
        if (input.isPaused()) input.resume();
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      for (const record of queue.splice(0, queue.length)) {
        row++;
        const cells: Cell[] = record.map((v) => v);
        if (row === 1 && typeof cells[0] === 'string') cells[0] = cells[0].replace(/^\ufeff/, '');
        yield { sheet: 'CSV', row, cells };
      }
    }
    if (failure) throw failure;
  } finally {
    input.destroy();
  }
}

/** The rows of a spreadsheet file, streamed: CSV, or every worksheet of an XLSX workbook in order. */
export function readRows(path: string): AsyncGenerator<SheetRow> {
  return formatOf(path) === 'xlsx' ? xlsxRows(path) : csvRows(path);
}

export interface SheetWriter {
  /** Adds a row; `style` marks the template's title, header and guidance rows. */
  add(cells: Cell[], style?: 'title' | 'header' | 'guidance'): void;
  close(): Promise<void>;
}

/** Where a spreadsheet is written: a file (its format from its name), or a stream (an HTTP answer). */
export type SheetTarget = string | { stream: Writable; format: Format };

/**
 * A spreadsheet written row by row, as .xlsx or .csv (UTF-8 with a BOM, so that Excel reads
 * Vietnamese). Each row leaves memory once added: exceljs's streaming writer zips it out.
 */
export function writeRows(target: SheetTarget, sheetName: string, widths: number[] = []): SheetWriter {
  const format = typeof target === 'string' ? formatOf(target) : target.format;
  if (format === 'csv') {
    const out = typeof target === 'string' ? createWriteStream(target, { encoding: 'utf8' }) : target.stream;
    out.write('\ufeff');
    return {
      add: (cells) => {
        const values = cells.map((c) =>
          c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === 'string' ? spreadsheetSafe(c) : (c ?? ''),
        );
        // Backpressure: the exporter waits for the stream to drain between pages of rows.
        out.write(`${Papa.unparse([values])}\r\n`);
      },
      close: () =>
        new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))),
    };
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target.stream }),
    useStyles: true,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(sheetName);
  worksheet.columns = widths.map((width) => ({ width }));
  return {
    add: (cells, style) => {
      const row = worksheet.addRow(cells);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
        if (style === 'title' || style === 'header') cell.font = { bold: true, size: style === 'title' ? 14 : 11 };
        if (style === 'guidance') cell.font = { italic: true, color: { argb: 'FF666666' } };
        if (style === 'guidance') cell.alignment = { wrapText: true, vertical: 'top' };
      });
      row.commit();
    },
    close: async () => {
      worksheet.commit();
      await workbook.commit();
    },
  };
}
