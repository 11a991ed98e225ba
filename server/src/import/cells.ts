// What a spreadsheet cell holds, made plain: text trimmed of ordinary and non-breaking spaces and in
// Unicode NFC (names typed on a Mac or pasted from the web arrive in NFD), dates from Excel date
// cells, Excel serial numbers, `dd/mm/yyyy` and `d/m/yy`, and header keys without diacritics. Pure.
import { calendarDate, isCalendarDate } from '../rules/dates.ts';
import { unmarked } from '../rules/text.ts';

/** A cell as the readers give it: CSV gives text only; XLSX numbers, dates, booleans too. */
export type Cell = string | number | boolean | Date | null;

/**
 * Text that is already plain: printable ASCII and precomposed Latin letters (Vietnamese's among
 * them), words apart by one space. Every such character is its own NFC form and none composes with
 * another, so normalising would change nothing: most cells of a file skip it (a roster asks for
 * millions of cells' text).
 */
const PLAIN = /^[\x21-\x7e\u00c0-\u024f\u1ea0-\u1ef9]+(?: [\x21-\x7e\u00c0-\u024f\u1ea0-\u1ef9]+)*$/;

/**
 * Text of a cell: NFC, non-breaking and repeated spaces made one space, trimmed, a CSV's formula
 * mark dropped (rules/text.ts); '' when empty.
 */
export function text(cell: Cell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'string' && PLAIN.test(cell) && !cell.startsWith("'")) return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return unmarked(
    String(cell)
      .normalize('NFC')
      .replace(/[\s\u00a0\u2007\u202f\ufeff]+/g, ' ')
      .trim(),
  );
}

export const isEmpty = (cell: Cell) => text(cell) === '';

/**
 * Names compared as people read them: case and spacing aside (both are NFC already). Vietnamese
 * has no casing rules of its own (only Turkish, Azeri and Lithuanian do), so the default lowercase
 * is the Vietnamese one, at a fraction of a locale-aware call's cost.
 */
export const nameKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ');

/**
 * A header's key: lowercase, without diacritics (đ as d), words separated by one space, with any
 * part in parentheses dropped ("Ngày sinh (dd/mm/yyyy)" and "NGAY SINH" are both "ngay sinh").
 */
export function headerKey(cell: Cell): string {
  const known = typeof cell === 'string' ? keys.get(cell) : undefined;
  if (known !== undefined) return known;
  const key = text(cell)
    .replace(/\([^)]*\)/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (typeof cell === 'string') {
    if (keys.size >= 4096) keys.clear();
    keys.set(cell, key);
  }
  return key;
}

/**
 * Keys of the texts asked about lately: a file repeats a few values in its choice columns (Nam,
 * Nữ, a level of education) on every row, and every choice is compared with its names' keys.
 */
const keys = new Map<string, string>();

/** Excel's day 0 is 1899-12-30 once its phantom 1900-02-29 (serial 60) is accounted for. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** The date of an Excel serial number (1900 date system), or null when it is not one. */
export function fromSerial(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 73_051) return null; // 1900-03-01 … 2099-12-31
  return new Date(EXCEL_EPOCH + Math.floor(serial + 1e-9) * DAY).toISOString().slice(0, 10);
}

export type DateResult = { ok: true; date: string } | { ok: false; value: string };

/**
 * A calendar date from a cell: an Excel date cell (a Date at UTC midnight, possibly a few
 * milliseconds off), a serial number, or text as `dd/mm/yyyy`, `d/m/yy` (also with `-` or `.`)
 * or ISO `yyyy-mm-dd`. Two-digit years are in this century up to `today`'s year, else the last
 * one. A bare year such as 1975 is refused rather than read as a serial (it would be 1905-05-29).
 */
export function parseDate(cell: Cell, today: string): DateResult {
  const shown = text(cell);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, value: shown };
    return { ok: true, date: new Date(Math.round(cell.getTime() / DAY) * DAY).toISOString().slice(0, 10) };
  }
  const serial = typeof cell === 'number' ? cell : /^\d{4,5}(\.\d+)?$/.test(shown) ? Number(shown) : null;
  if (serial !== null) {
    const date = serial >= 1900 && serial <= 2100 ? null : fromSerial(serial);
    return date ? { ok: true, date } : { ok: false, value: shown };
  }
  if (isCalendarDate(shown)) return { ok: true, date: shown };
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(shown);
  if (!match) return { ok: false, value: shown };
  let year = Number(match[3]);
  if (match[3]!.length === 2) {
    const century = Number(today.slice(0, 2)) * 100;
    year += century + year > Number(today.slice(0, 4)) ? century - 100 : century;
  }
  try {
    return { ok: true, date: calendarDate(year, Number(match[2]), Number(match[1])) };
  } catch {
    return { ok: false, value: shown };
  }
}
