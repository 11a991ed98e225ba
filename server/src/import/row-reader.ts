// From a stream of spreadsheet rows to member rows worth asking the database about: finds each
// sheet's header row (below any merged title rows), skips empty rows and the template's guidance
// and example rows, reads each row, refuses a second row for the same person, and keeps the
// refusals. Keeps only compact keys per row (card and citizen ID numbers, refused row numbers).
import { type Violation, violation } from '../rules/violations.ts';
import { type Cell, isEmpty, text } from './cells.ts';
import type { PendingRow } from './check.ts';
import { findHeader, HEADER_SEARCH_ROWS, type HeaderMap, isTemplateRow, MEMBER_COLUMNS, mapHeader } from './columns.ts';
import type { ImportError } from './members-import.ts';
import { labelOf, readMemberRow } from './rows.ts';
import { readRows } from './sheets.ts';

export interface SheetHeader {
  row: number;
  header: HeaderMap;
}

export class RowReader {
  rowsRead = 0;
  skipped = 0;
  readonly errors: ImportError[] = [];
  readonly fileErrors: ImportError[] = [];
  /** `sheet \0 row` of every refused row → its errors in one line (the rejects file's column). */
  readonly refusedRows = new Map<string, string>();
  readonly headers = new Map<string, SheetHeader>();
  readonly sheets = { read: [] as string[], passedOver: [] as string[] };
  private readonly seen = { card: new Map<string, number>(), id: new Map<string, number>() };

  constructor(private readonly today: string) {}

  refuse(sheet: string, row: number, violations: Violation[]) {
    const header = this.headers.get(sheet)?.header;
    const lines: string[] = [];
    for (const v of violations) {
      const column = header ? labelOf(header, v.field as never) : '';
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

  /** The rows that passed on their own, sheet after sheet. */
  async *rows(path: string): AsyncGenerator<PendingRow> {
    let sheet: string | null = null;
    let top: { row: number; cells: Cell[] }[] = [];
    let header: SheetHeader | null = null;
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
        const at = findHeader(top.map((t) => t.cells));
        if (at < 0) continue;
        header = { row: top[at]!.row, header: mapHeader(top[at]!.cells) };
        this.headers.set(sheet, header);
        this.sheets.read.push(sheet);
        usable = this.columnsPresent(sheet, header);
        continue;
      }
      if (!usable) continue;
      const values = MEMBER_COLUMNS.map((c) => {
        const at = header!.header.positions.get(c.field);
        return at === undefined ? '' : text(r.cells[at] ?? null);
      });
      if (isTemplateRow(values)) {
        this.skipped++;
        continue;
      }
      this.rowsRead++;
      const { member, violations } = readMemberRow(r.cells, header.header, this.today);
      if (!member) {
        this.refuse(sheet, r.row, violations);
        continue;
      }
      const duplicate = this.duplicateOf(member.partyCardNumber, member.citizenId, r.row);
      if (duplicate) this.refuse(sheet, r.row, [duplicate]);
      else yield { sheet, row: r.row, member };
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

  /** The sheet names every required column, and a card or a citizen ID column. */
  private columnsPresent(sheet: string, { row, header }: SheetHeader): boolean {
    const missing = MEMBER_COLUMNS.filter((c) => c.required && !header.positions.has(c.field)).map((c) => c.header);
    if (!header.positions.has('partyCardNumber') && !header.positions.has('citizenId'))
      missing.push(`${labelOf(header, 'partyCardNumber')} / ${labelOf(header, 'citizenId')}`);
    for (const column of missing)
      this.fileError(sheet, row, column, violation('IMPORT_COLUMN_MISSING', '', { column }));
    return missing.length === 0;
  }

  /** A second row for the same card or citizen ID number: the row it repeats. */
  private duplicateOf(card: string | null, id: string | null, row: number): Violation | null {
    const first = (card && this.seen.card.get(card)) || (id && this.seen.id.get(id));
    if (first)
      return violation('IMPORT_DUPLICATE_ROW', card && this.seen.card.has(card) ? 'partyCardNumber' : 'citizenId', {
        row: first,
      });
    if (card) this.seen.card.set(card, row);
    if (id) this.seen.id.set(id, row);
    return null;
  }
}
