// From a stream of spreadsheet rows to rows worth asking the database about, for any kind of
// spreadsheet (a RowSpec says which): finds each sheet's header row (below any merged title rows),
// skips empty rows and the template's guidance and example rows, reads each row, refuses a second
// row naming the same record, and keeps the refusals. Keeps only compact keys per row (the keys
// that identify a record, refused row numbers).
import { limitOf, textProblem } from '../rules/text.ts';
import { type Violation, type ViolationCode, violation } from '../rules/violations.ts';
import { type Cell, isEmpty, text } from './cells.ts';
import type { ImportError } from './report.ts';
import { readRows, UnreadableFile } from './sheets.ts';
import { HEADER_SEARCH_ROWS, type HeaderMap, type Table } from './table.ts';

export interface SheetHeader<F extends string = string> {
  row: number;
  header: HeaderMap<F>;
}

/** How one kind of spreadsheet is read, row by row, before the database is asked. */
export interface RowSpec<F extends string, T> {
  table: Table<F>;
  /** Groups of columns of which a sheet must name at least one (members: a card or citizen ID). */
  oneOf?: F[][];
  read(cells: Cell[], header: HeaderMap<F>, today: string): { value: T | null; violations: Violation[] };
  /** What makes two rows the same record (a card number, a citizen ID): a second one is refused. */
  keys?(value: T): { field: F; key: string }[];
  /** The code refusing such a second row. */
  duplicate?: 'IMPORT_DUPLICATE_ROW' | 'IMPORT_SAME_ROW_TWICE';
}

export interface ReadRow<T> {
  sheet: string;
  row: number;
  value: T;
}

/**
 * Errors kept of one file: past them reading stops (IMPORT_TOO_MANY_ERRORS), so that a file of
 * nothing but bad rows (a wrong format throughout, or a hostile upload) fills neither the memory
 * nor the answer nor the admin page's table.
 */
export const MAX_ERRORS = 10_000;

/**
 * The cells of a row's columns whose text ketnap would not store (rules/text.ts, as the GraphQL
 * arguments are checked): too long for its field, a control character, a lone surrogate. Such a
 * row is refused before it is read, so that nothing echoes a megabyte cell in a message.
 */
function badText<F extends string>(cells: Cell[], header: HeaderMap<F>): Violation[] {
  const bad: Violation[] = [];
  for (const [field, at] of header.positions) {
    const cell = cells[at];
    if (typeof cell !== 'string') continue;
    const limit = limitOf(field);
    const problem = textProblem(cell, limit);
    if (problem)
      bad.push(violation('IMPORT_TEXT_INVALID', field, { problem: problem.kind, limit, length: cell.length }));
  }
  return bad;
}

export class RowReader<F extends string, T> {
  rowsRead = 0;
  skipped = 0;
  readonly errors: ImportError[] = [];
  readonly fileErrors: ImportError[] = [];
  /** `sheet \0 row` of every refused row → its errors in one line (the rejects file's column). */
  readonly refusedRows = new Map<string, string>();
  readonly headers = new Map<string, SheetHeader<F>>();
  readonly sheets = { read: [] as string[], passedOver: [] as string[] };
  /** Whether reading ended before the file did (unreadable, too many rows or errors). */
  stopped = false;
  /** `field \0 key` of each identifying key seen → its first row. */
  private readonly seen = new Map<string, number>();

  /** `maxRows`: data rows one import takes; past them the file is refused (IMPORT_TOO_MANY_ROWS). */
  constructor(
    private readonly spec: RowSpec<F, T>,
    private readonly today: string,
    private readonly maxRows: number,
  ) {}

  refuse(sheet: string, row: number, violations: Violation[]) {
    const header = this.headers.get(sheet)?.header;
    const lines: string[] = [];
    for (const v of violations) {
      const column = header ? this.spec.table.labelOf(header, v.field) : '';
      this.errors.push({ sheet, row, column, ...v });
      lines.push(`[${v.code}] ${column}: ${v.messageVi}`);
    }
    const key = `${sheet}\0${row}`;
    const before = this.refusedRows.get(key);
    this.refusedRows.set(key, before ? `${before}; ${lines.join('; ')}` : lines.join('; '));
  }

  private fileError(sheet: string, row: number, column: string, v: Violation) {
    this.fileErrors.push({ sheet, row, column, ...v });
  }

  /**
   * The rows that passed on their own, sheet after sheet. A file that cannot be read (damaged, cut
   * short) ends them with a file error, IMPORT_FILE_UNREADABLE.
   */
  async *rows(path: string): AsyncGenerator<ReadRow<T>> {
    try {
      yield* this.sheetRows(path);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      this.stopped = true;
      this.fileError('', 0, '', violation('IMPORT_FILE_UNREADABLE', '', { damage: error.damage }));
    }
  }

  private async *sheetRows(path: string): AsyncGenerator<ReadRow<T>> {
    let sheet: string | null = null;
    let top: { row: number; cells: Cell[] }[] = [];
    let header: SheetHeader<F> | null = null;
    let usable = false;
    const endSheet = () => {
      if (sheet !== null && !header && top.length > 0) this.sheets.passedOver.push(sheet);
    };
    for await (const r of readRows(path)) {
      if (r.sheet !== sheet) {
        endSheet();
        [sheet, top, header, usable] = [r.sheet, [], null, false];
      }
      if (r.cells.every(isEmpty)) continue;
      if (!header) {
        if (top.length >= HEADER_SEARCH_ROWS) continue;
        top.push({ row: r.row, cells: r.cells });
        const at = this.spec.table.findHeader(top.map((t) => t.cells));
        if (at < 0) continue;
        header = { row: top[at]!.row, header: this.spec.table.mapHeader(top[at]!.cells) };
        this.headers.set(sheet, header);
        this.sheets.read.push(sheet);
        usable = this.columnsPresent(sheet, header);
        continue;
      }
      if (!usable) continue;
      const values = this.spec.table.columns.map((c) => {
        const at = header!.header.positions.get(c.field);
        return at === undefined ? '' : text(r.cells[at] ?? null);
      });
      if (this.spec.table.isTemplateRow(values)) {
        this.skipped++;
        continue;
      }
      if (this.errors.length >= MAX_ERRORS) {
        this.fileError(sheet, r.row, '', violation('IMPORT_TOO_MANY_ERRORS', '', { max: MAX_ERRORS, row: r.row }));
        this.stopped = true;
        return;
      }
      if (this.rowsRead >= this.maxRows) {
        this.fileError(sheet, r.row, '', violation('IMPORT_TOO_MANY_ROWS', '', { max: this.maxRows }));
        this.stopped = true;
        return;
      }
      this.rowsRead++;
      const bad = badText(r.cells, header.header);
      if (bad.length > 0) {
        this.refuse(sheet, r.row, bad);
        continue;
      }
      const { value, violations } = this.spec.read(r.cells, header.header, this.today);
      if (!value) {
        this.refuse(sheet, r.row, violations);
        continue;
      }
      const duplicate = this.duplicateOf(value, r.row);
      if (duplicate) this.refuse(sheet, r.row, [duplicate]);
      else yield { sheet, row: r.row, value };
    }
    endSheet();
    if (this.sheets.read.length === 0)
      this.fileError(sheet ?? '', 0, '', violation('IMPORT_HEADER_NOT_FOUND', '', { rows: HEADER_SEARCH_ROWS }));
  }

  /** The file's errors, then the rows' in the order of the file. */
  allErrors(): ImportError[] {
    const order = new Map([...this.headers.keys()].map((s, i) => [s, i]));
    const rows = [...this.errors].sort(
      (a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row,
    );
    return [...this.fileErrors, ...rows];
  }

  /** The sheet names every required column, and one of each group of `oneOf`. */
  private columnsPresent(sheet: string, { row, header }: SheetHeader<F>): boolean {
    const { table, oneOf = [] } = this.spec;
    const missing = table.columns.filter((c) => c.required && !header.positions.has(c.field)).map((c) => c.header);
    for (const group of oneOf)
      if (!group.some((f) => header.positions.has(f)))
        missing.push(group.map((f) => table.labelOf(header, f)).join(' / '));
    for (const column of missing)
      this.fileError(sheet, row, column, violation('IMPORT_COLUMN_MISSING', '', { column }));
    return missing.length === 0;
  }

  /** A second row naming the same record as an earlier one: the row it repeats. */
  private duplicateOf(value: T, row: number): Violation | null {
    const keys = this.spec.keys?.(value) ?? [];
    for (const { field, key } of keys) {
      const first = this.seen.get(`${field}\0${key}`);
      const code: ViolationCode = this.spec.duplicate ?? 'IMPORT_SAME_ROW_TWICE';
      if (first) return violation(code as 'IMPORT_SAME_ROW_TWICE', field, { row: first });
    }
    for (const { field, key } of keys) this.seen.set(`${field}\0${key}`, row);
    return null;
  }
}
