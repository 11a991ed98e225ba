// Reading what real spreadsheets hold: dates in every form staff type them, names in NFD with
// stray spaces, headers with or without diacritics.
import { describe, expect, it } from 'vitest';
import { headerKey, nameKey, parseDate, text } from '../../src/import/cells.ts';
import { columnOf, findHeader } from '../../src/import/columns.ts';

const today = '2026-11-28';
const date = (cell: Parameters<typeof parseDate>[0]) => {
  const parsed = parseDate(cell, today);
  return parsed.ok ? parsed.date : `invalid ${parsed.value}`;
};

describe('cells of real spreadsheets', () => {
  it('reads dd/mm/yyyy, d/m/yy, ISO, Excel serials and Excel date cells', () => {
    expect(date('05/03/1990')).toBe('1990-03-05');
    expect(date('5/3/1990')).toBe('1990-03-05');
    expect(date('5/3/90')).toBe('1990-03-05');
    expect(date('19/5/15')).toBe('2015-05-19'); // two-digit years up to this year are this century
    expect(date('1/1/26')).toBe('2026-01-01');
    expect(date('1/1/27')).toBe('1927-01-01');
    expect(date('05-03-1990')).toBe('1990-03-05');
    expect(date('05.03.1990')).toBe('1990-03-05');
    expect(date('1990-03-05')).toBe('1990-03-05');
    expect(date(32937)).toBe('1990-03-05'); // Excel's serial for 5 March 1990
    expect(date('32937')).toBe('1990-03-05');
    expect(date(61)).toBe('1900-03-01');
    expect(date(new Date(Date.UTC(1990, 2, 5)))).toBe('1990-03-05');
    expect(date(new Date(Date.UTC(1990, 2, 4, 23, 59, 59, 990)))).toBe('1990-03-05'); // float rounding
    expect(date(' 05/03/1990\u00a0')).toBe('1990-03-05');
  });

  it('refuses what is not a date, and a bare year rather than reading it as a serial', () => {
    expect(date('31/02/1990')).toBe('invalid 31/02/1990');
    expect(date('13/13/1990')).toBe('invalid 13/13/1990');
    expect(date('1975')).toBe('invalid 1975');
    expect(date(1975)).toBe('invalid 1975');
    expect(date('mùng 5 tháng 3')).toBe('invalid mùng 5 tháng 3');
    expect(date('2017-02-29')).toBe('invalid 2017-02-29');
  });

  it('makes text NFC and trims ordinary and non-breaking spaces', () => {
    const nfd = 'Nguyễn Thị Hương'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hương');
    expect(text(`\u00a0${nfd}  \u00a0`)).toBe('Nguyễn Thị Hương');
    expect(text('Lê   Văn\u00a0Tám')).toBe('Lê Văn Tám');
    expect(text(null)).toBe('');
  });

  it('leaves text that is already plain as it is, and only that', () => {
    // Every character of the ranges text() passes without normalising, beside a combining mark
    // (NFC composes it where it can) and alone (its own NFC form).
    const ranges = [
      [0x21, 0x7e],
      [0xc0, 0x24f],
      [0x1ea0, 0x1ef9],
    ];
    for (const [from, to] of ranges)
      for (let c = from!; c <= to!; c++) {
        const ch = String.fromCharCode(c);
        expect(text(ch)).toBe(ch.normalize('NFC'));
        expect(text(`${ch}\u0301 x`)).toBe(`${ch}\u0301 x`.normalize('NFC'));
      }
    expect(text('A\u030a')).toBe('\u00c5');
    expect(text('\u212b')).toBe('\u00c5'); // the Ångström sign, a singleton
    expect(text('Lê  Văn')).toBe('Lê Văn');
    expect(text(' Lê Văn')).toBe('Lê Văn');
    expect(text('Lê Văn\t')).toBe('Lê Văn');
  });

  it('compares names case and spacing aside, with Vietnamese lowercase', () => {
    expect(nameKey('NGUYỄN  THỊ Hương')).toBe(nameKey('nguyễn thị hương'));
    expect(nameKey('Lê Văn')).not.toBe(nameKey('Lê Vân'));
    for (let c = 0x20; c <= 0x24f; c++) {
      const ch = String.fromCharCode(c);
      expect(nameKey(ch)).toBe(ch.toLocaleLowerCase('vi').replace(/\s+/g, ' '));
    }
    for (let c = 0x1ea0; c <= 0x1ef9; c++)
      expect(nameKey(String.fromCharCode(c))).toBe(String.fromCharCode(c).toLocaleLowerCase('vi'));
  });

  it('matches headers without diacritics, in any case, with notes in parentheses', () => {
    expect(headerKey('Số thẻ đảng viên')).toBe('so the dang vien');
    for (const h of ['Ngày sinh', 'NGÀY SINH', 'Ngay sinh', 'ngay  sinh (dd/mm/yyyy)', 'Ngày sinh'.normalize('NFD')])
      expect(columnOf(h)?.field).toBe('birthDate');
    expect(columnOf('ĐỒNG CHÍ')).toBeUndefined();
    expect(columnOf('SO CCCD')?.field).toBe('citizenId');
  });

  it('finds the header below title rows', () => {
    const rows = [['DANH SÁCH ĐẢNG VIÊN'], ['Ngày 01/11/2026'], [], ['STT', 'Ho va ten', 'Ngay sinh', 'Ma chi bo']];
    expect(findHeader(rows)).toBe(3);
    expect(findHeader([['a'], ['b']])).toBe(-1);
  });
});
