// What every kind of spreadsheet has in common: its columns (the template's Vietnamese header, the
// headers staff actually write, matched by a key without diacritics, a line of guidance, an
// example), finding the header row below merged title rows, and recognising the template's own
// guidance and example rows. Pure.
import { type Cell, headerKey } from './cells.ts';

export interface Column<F extends string = string> {
  field: F;
  /** The template's header, and the column's name in error messages when the file lacks it. */
  header: string;
  /** Other headers found in real files, written naturally: compared by headerKey. */
  aliases: string[];
  required: boolean;
  guidance: string;
  example: string;
}

/** Where each known column is in a header row (0-based positions), and the headers as written. */
export interface HeaderMap<F extends string = string> {
  positions: Map<F, number>;
  labels: Map<F, string>;
  /** The header row's cells as written, for the rejects file. */
  cells: Cell[];
}

/** Rows scanned for the header: titles, dates and merged banners often stand above it. */
export const HEADER_SEARCH_ROWS = 10;

export interface Table<F extends string> {
  columns: readonly Column<F>[];
  /** The column a header names, if any. */
  columnOf(header: Cell): Column<F> | undefined;
  mapHeader(cells: Cell[]): HeaderMap<F>;
  /** The header among the first rows: the first that names at least three known columns. */
  findHeader(rows: Cell[][]): number;
  /** The template's guidance and example rows, which an import skips when they were left in. */
  isTemplateRow(values: string[]): boolean;
  /** A header as the file writes it, or the template's when the file lacks the column. */
  labelOf(header: HeaderMap<F> | undefined, field: string): string;
}

export function tableOf<F extends string>(columns: readonly Column<F>[]): Table<F> {
  const byKey = new Map(columns.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c] as const)));
  const columnOf = (header: Cell) => byKey.get(headerKey(header));
  const mapHeader = (cells: Cell[]): HeaderMap<F> => {
    const positions = new Map<F, number>();
    const labels = new Map<F, string>();
    cells.forEach((cell, i) => {
      const column = columnOf(cell);
      if (column && !positions.has(column.field)) {
        positions.set(column.field, i);
        labels.set(column.field, String(cell).trim());
      }
    });
    return { positions, labels, cells };
  };
  const known = [columns.map((c) => c.guidance), columns.map((c) => c.example)];
  return {
    columns,
    columnOf,
    mapHeader,
    findHeader: (rows) => rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => mapHeader(cells).positions.size >= 3),
    isTemplateRow: (values) => known.some((k) => k.every((v, i) => values[i] === v)),
    labelOf: (header, field) =>
      header?.labels.get(field as F) ?? columns.find((c) => c.field === field)?.header ?? field,
  };
}
