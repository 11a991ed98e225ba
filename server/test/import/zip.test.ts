// The workbook's archive checked before exceljs streams it (src/import/zip.ts), on archives built
// here byte by byte: a "zip bomb" (a few hundred KB unpacking to 260 MB of shared strings) refused
// before a byte is inflated, and entries whose sizes a writer moved to ZIP64 extra fields read there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { RowReader } from '../../src/import/row-reader.ts';
import { MEMBER_SPEC } from '../../src/import/rows.ts';
import { zipDamage } from '../../src/import/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-zip-'));

interface Entry {
  name: string;
  /** The entry's bytes, deflated. */
  packed: Buffer;
  size: number;
  crc: number;
}

const deflated = (name: string, data: Buffer): Entry => ({
  name,
  packed: deflateRawSync(data),
  size: data.length,
  crc: crc32(data),
});

/** A ZIP archive of the entries; with `zip64`, each entry's sizes and offset given in a ZIP64 extra field. */
function archive(entries: Entry[], zip64 = false): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.packed);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(e.crc, 16);
    entry.writeUInt32LE(zip64 ? 0xffffffff : e.packed.length, 20);
    entry.writeUInt32LE(zip64 ? 0xffffffff : e.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(extra.length, 30);
    entry.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    directory.push(entry, name, extra);
    offset += local.length + name.length + e.packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

const saved = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

const SHEET = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);

describe('a workbook’s archive, checked before it is read', () => {
  test('a zip bomb: 260 MB of shared strings in a few hundred KB, refused without inflating it', async () => {
    const bomb = archive([
      deflated('xl/worksheets/sheet1.xml', SHEET),
      deflated('xl/sharedStrings.xml', Buffer.alloc(260 * 1024 * 1024, ' ')),
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const path = saved('bomb.xlsx', bomb);
    expect(await zipDamage(path)).toBe('tooLarge');
    const reader = new RowReader(MEMBER_SPEC, '2026-11-29', 1000);
    for await (const _ of reader.rows(path)) throw new Error('no row is read');
    expect(reader.fileErrors).toMatchObject([
      { code: 'IMPORT_FILE_UNREADABLE', messageEn: expect.stringContaining('it unpacks to too much') },
    ]);
    expect(reader.stopped).toBe(true);
  });

  test('the same entries, small, are whole; sizes moved to ZIP64 extra fields are read there', async () => {
    const entries = [
      deflated('xl/worksheets/sheet1.xml', SHEET),
      deflated('xl/sharedStrings.xml', Buffer.alloc(1024, ' ')),
    ];
    expect(await zipDamage(saved('small.xlsx', archive(entries)))).toBeNull();
    expect(await zipDamage(saved('small64.xlsx', archive(entries, true)))).toBeNull();
    const bomb64 = archive([deflated('xl/sharedStrings.xml', Buffer.alloc(260 * 1024 * 1024, ' '))], true);
    expect(await zipDamage(saved('bomb64.xlsx', bomb64))).toBe('tooLarge');
    // Cut short: the end record gone, or an entry's bytes past the directory's start.
    const whole = archive(entries);
    expect(await zipDamage(saved('cut.xlsx', whole.subarray(0, whole.length - 10)))).toBe('cutShort');
  });
});
