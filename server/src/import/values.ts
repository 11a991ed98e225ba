// Reading one row's typed values for any kind of spreadsheet: required text, dates, whole numbers
// and choices named in Vietnamese (compared without diacritics) or by their code; each wrong value
// becomes a violation naming its column. Pure.
import { type Violation, violation } from '../rules/violations.ts';
import { type Cell, headerKey, parseDate, text } from './cells.ts';
import type { HeaderMap } from './table.ts';

export class RowValues<F extends string> {
  readonly violations: Violation[] = [];

  constructor(
    private readonly cells: Cell[],
    private readonly header: HeaderMap<F>,
    private readonly today: string,
    private readonly labelOf: (field: F) => string,
  ) {}

  cell(field: F): Cell {
    const at = this.header.positions.get(field);
    return at === undefined ? null : (this.cells[at] ?? null);
  }

  text(field: F, required = false): string | null {
    const value = text(this.cell(field));
    if (!value && required) this.violations.push(violation('IMPORT_REQUIRED', field, { column: this.labelOf(field) }));
    return value || null;
  }

  date(field: F, required = false): string | null {
    if (!text(this.cell(field))) return this.text(field, required);
    const parsed = parseDate(this.cell(field), this.today);
    if (parsed.ok) return parsed.date;
    this.violations.push(violation('IMPORT_DATE_INVALID', field, { value: parsed.value }));
    return null;
  }

  integer(field: F, required = false): number | null {
    const value = this.text(field, required);
    if (value === null) return null;
    if (/^\d{1,9}$/.test(value)) return Number(value);
    return this.invalid(field);
  }

  /** One of `names` (code → the words staff write), or its code itself. */
  choice<C extends string>(field: F, names: Record<C, string[]>, required = false): C | null {
    const value = this.text(field, required);
    if (value === null) return null;
    const key = headerKey(value);
    for (const [code, words] of Object.entries(names) as [C, string[]][])
      if (headerKey(code) === key || words.some((w) => headerKey(w) === key)) return code;
    return this.invalid(field);
  }

  invalid(field: F): null {
    this.violations.push(violation('IMPORT_VALUE_INVALID', field, { value: text(this.cell(field)) }));
    return null;
  }
}
