// Importing a members roster on SQLite and PostgreSQL: messy real files read right, every refused
// row reported with its sheet, row, column and code, nothing written unless every row passes,
// re-importing changes nothing, the rules of the mutations apply, imported members are counted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { driverConnection } from '../../src/db/driver.ts';
import { insertRows } from '../../src/db/insert.ts';
import { viaClient } from '../../src/db/via-client.ts';
import { db, prisma } from '../../src/db.ts';
import type { Tx } from '../../src/domain/write.ts';
import { CHUNK } from '../../src/import/check.ts';
import { KINDS } from '../../src/import/kinds.ts';
import { importMembers } from '../../src/import/members-import.ts';
import type { ImportReport } from '../../src/import/report.ts';
import { MAX_ERRORS } from '../../src/import/row-reader.ts';
import { writeTemplate } from '../../src/import/template.ts';
import { fingerprint } from '../fixture.ts';
import { gql } from '../support.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-import-'));
const admin: Actor = { tokenId: 0, name: 'test admin', role: 'ADMIN', organisationId: null };
const ducEditor: Actor = { tokenId: 0, name: 'thanh-duc editor', role: 'EDITOR', organisationId: 6 };
const HEADER = 'Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Ngày chính thức,Mã chi bộ,Số thẻ đảng viên,Số CCCD';
let files = 0;

function csv(lines: string[]): string {
  const path = join(dir, `f${++files}.csv`);
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}

const run = (file: string, commit = false, actor = admin, rejects?: string) =>
  importMembers({ actor, input: { file, commit, rejects } });

const codes = (r: ImportReport) => r.errors.map((e) => [e.row, e.column, e.code]);
const excelSerial = (iso: string) => (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
const memberCount = async (code: string) =>
  (await gql(`{ organisation(code: "${code}") { memberCount(asOf: "2020-01-01") } }`)).data?.organisation.memberCount;

/** A roster as staff keep it: a merged title, a date line, headers without diacritics, mixed dates. */
async function messyWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chi bo xom 3');
  sheet.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ XÓM 3']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['Cập nhật ngày 01/11/2026']);
  sheet.addRow([
    'HO VA TEN',
    'NGAY SINH',
    'GIOI TINH',
    'NGAY VAO DANG',
    'NGAY CHINH THUC',
    'MA CHI BO',
    'SO THE DANG VIEN',
    'so cccd',
  ]);
  const first = sheet.addRow([
    `${'Nguyễn Thị Hương'.normalize('NFD')}\u00a0 `,
    new Date(Date.UTC(1990, 2, 5)),
    'nữ',
    excelSerial('2015-05-19'),
    '20/5/16',
    'thanh-hoa-xom-3',
    ' 48012345 ',
    40190012345, // a citizen ID typed as a number: Excel dropped its leading zero
  ]);
  first.getCell(2).numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Trần Văn Nam', '1/2/85', 'Nam', '03/02/2010', null, 'thanh-hoa-xom-4', null, '040185000001']);
  sheet.addRow([null, '', ' ', '\u00a0']);
  sheet.addRow([]);
  sheet.addRow(['', '']);
  const path = join(dir, `messy${++files}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe.each(engines)('members import on %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('a messy workbook: previewed without writing, committed, re-imported without change', async () => {
    const file = await messyWorkbook();
    const before = await fingerprint();
    const countBefore = await memberCount('thanh-hoa');
    const preview = await run(file);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ rowsRead: 2, valid: 2, refused: 0, new: 2, unchanged: 0, committed: false });
    expect(preview.sheets.read).toEqual(['Chi bo xom 3']);
    expect(await fingerprint()).toBe(before);

    const committed = await run(file, true);
    expect(committed).toMatchObject({ new: 2, committed: true });
    const huong = await prisma().member.findUniqueOrThrow({
      where: { partyCardNumber: '48012345' },
      include: { placements: true },
    });
    expect(huong).toMatchObject({
      fullName: 'Nguyễn Thị Hương',
      birthDate: '1990-03-05',
      gender: 'FEMALE',
      admittedOn: '2015-05-19',
      officialOn: '2016-05-20',
      citizenId: '040190012345',
      admittedInId: 4,
    });
    expect(huong.placements.map((p) => [p.cellId, p.startOn, p.endOn])).toEqual([[4, '2015-05-19', null]]);
    const nam = await prisma().member.findUniqueOrThrow({ where: { citizenId: '040185000001' } });
    expect(nam).toMatchObject({
      birthDate: '1985-02-01',
      admittedOn: '2010-02-03',
      officialOn: null,
      partyCardNumber: null,
    });
    expect(await memberCount('thanh-hoa')).toBe(countBefore + 2);

    const events = await prisma().auditEvent.findMany({ where: { action: { in: ['importMembers', 'importMember'] } } });
    const summary = events.filter((e) => e.action === 'importMembers');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ actorName: 'test admin', actorRole: 'ADMIN', entityId: committed.sha256 });
    expect(JSON.parse(summary[0]!.after!)).toMatchObject({ rowsRead: 2, new: 2, sha256: committed.sha256 });
    expect(events.filter((e) => e.action === 'importMember')).toHaveLength(2);

    const members = JSON.stringify(await prisma().member.findMany({ orderBy: { id: 'asc' } }));
    const derived = JSON.stringify(await prisma().subtreeDay.findMany({ orderBy: { id: 'asc' } }));
    const again = await run(file, true);
    expect(again).toMatchObject({ rowsRead: 2, new: 0, unchanged: 2, refused: 0, committed: true });
    expect(JSON.stringify(await prisma().member.findMany({ orderBy: { id: 'asc' } }))).toBe(members);
    expect(JSON.stringify(await prisma().subtreeDay.findMany({ orderBy: { id: 'asc' } }))).toBe(derived);
    expect(await memberCount('thanh-hoa')).toBe(countBefore + 2);
  });

  test('text needing JSON escaping, and the time of audit events, are stored exactly', async () => {
    // The import writes on its transaction's driver connection (db/insert.ts insertRows).
    const name = 'Đinh "Tèo" Văn \\ Bé'.normalize('NFD');
    const report = await run(
      csv([`"${name.replaceAll('"', '""')}",01/01/1991,Nam,01/06/2016,,thanh-hoa-xom-3,48050001,`]),
      true,
    );
    expect(report).toMatchObject({ new: 1, committed: true });
    const member = await prisma().member.findUniqueOrThrow({ where: { partyCardNumber: '48050001' } });
    expect(member).toMatchObject({ fullName: name.normalize('NFC'), isYouthUnionMember: false, gender: 'MALE' });
    const event = await prisma().auditEvent.findFirstOrThrow({
      where: { action: 'importMember', entityId: String(member.id) },
    });
    expect(JSON.parse(event.after!)).toMatchObject({ fullName: name.normalize('NFC') });
    // Stored as Prisma stores a DateTime: found again by equality, close to the summary's (written by Prisma).
    expect(await prisma().auditEvent.count({ where: { id: event.id, at: event.at } })).toBe(1);
    const summary = await prisma().auditEvent.findFirstOrThrow({ where: { entityId: report.sha256 } });
    expect(Math.abs(event.at.getTime() - summary.at.getTime())).toBeLessThan(60_000);

    // Values no roster cell keeps (a cell's newlines become spaces) round-trip too.
    const texts = ['a\nb\r\n\t"c" \\ \'d\' \u2028 🇻🇳', 'Nguyễn Thị Hương'.normalize('NFD'), '', '\\"'];
    const at = new Date(Date.UTC(2020, 1, 29, 23, 59, 59, 123));
    // Both ways insertRows has: one JSON text through the client, and (on SQLite) a prepared
    // statement a row on the driver connection; on PostgreSQL JSON on the transaction's own client.
    const ways = {
      client: async (tx: Tx) => viaClient(tx, engine),
      driver: (tx: Tx) => driverConnection(db(), tx),
    };
    for (const [way, connect] of Object.entries(ways)) {
      await prisma().$transaction(async (tx) =>
        insertRows(
          await connect(tx),
          'AuditEvent',
          ['at', 'actorName', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after'],
          texts.map((t, i) => [at, t, 'ADMIN', 'roundTrip', 'Member', String(i), null, t]),
        ),
      );
      const stored = await prisma().auditEvent.findMany({ where: { action: 'roundTrip', at }, orderBy: { id: 'asc' } });
      expect(stored.map((e) => [way, e.actorName, e.after, e.before, e.at.toISOString()])).toEqual(
        texts.map((t) => [way, t, t, null, at.toISOString()]),
      );
      await prisma().auditEvent.deleteMany({ where: { action: 'roundTrip' } });
    }
  });

  test('one bad row: reported by sheet, row, column and code, and nothing is written', async () => {
    const file = csv([
      'Lê Văn Một,05/03/1991,Nam,19/05/2016,,thanh-hoa-xom-3,48020001,',
      'Lê Văn Hai,31/02/1991,Nam,19/05/2016,,thanh-hoa-xom-3,48020002,',
      'Lê Văn Ba,05/03/1991,Nam,,,thanh-hoa-xom-3,,',
    ]);
    const before = await fingerprint();
    const rejects = join(dir, 'rejects.csv');
    const report = await run(file, true, admin, rejects);
    expect(report).toMatchObject({ rowsRead: 3, valid: 1, refused: 2, committed: false });
    expect(codes(report)).toEqual([
      [3, 'Ngày sinh', 'IMPORT_DATE_INVALID'],
      [4, 'Ngày vào Đảng', 'IMPORT_REQUIRED'],
      [4, 'Số thẻ đảng viên', 'IMPORT_REQUIRED'],
    ]);
    expect(report.errors[2]?.messageVi).toBe('Cần điền cột "Số thẻ đảng viên / Số CCCD / Mã ketnap".');
    expect(report.errors[0]).toMatchObject({
      sheet: 'CSV',
      field: 'birthDate',
      messageVi: expect.stringContaining('31/02/1991'),
      messageEn: expect.stringContaining('is not a date'),
    });
    expect(await fingerprint()).toBe(before);
    const lines = readFileSync(rejects, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(`${HEADER},Dòng gốc,Lỗi`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^Lê Văn Hai,31\/02\/1991,.*,3,"\[IMPORT_DATE_INVALID\] Ngày sinh: /);
    expect(lines[2]).toContain('[IMPORT_REQUIRED] Ngày vào Đảng');
  });

  test('a workbook cut short, damaged inside, or not a workbook: one file error, nothing written', async () => {
    // A roster of more rows than a chunk, whole, then cut short as an interrupted download leaves it
    // (exceljs alone waited for ever), with bytes changed in its sheet's compressed data (after some
    // chunks were checked and written), and a text file named .xlsx (an old .xls renamed is alike).
    const whole = join(dir, `whole${++files}.xlsx`);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: whole, useSharedStrings: false });
    const sheet = workbook.addWorksheet('DS');
    sheet.addRow(HEADER.split(',')).commit();
    for (let i = 0; i < 3 * CHUNK; i++)
      sheet
        .addRow([`Người Thử ${i}`, '01/01/1980', 'Nữ', '01/01/2010', '', 'thanh-hoa-xom-3', `W${1e6 + i}`, ''])
        .commit();
    sheet.commit();
    await workbook.commit();
    const bytes = readFileSync(whole);
    const variant = (name: string, content: Uint8Array) => {
      const path = join(dir, `${name}${++files}.xlsx`);
      writeFileSync(path, content);
      return path;
    };
    const damaged = Buffer.from(bytes);
    for (let i = Math.floor(bytes.length * 0.6); i < Math.floor(bytes.length * 0.6) + 200; i++) damaged[i]! ^= 0x5a;
    const before = await fingerprint();
    const cases = [
      { file: variant('cut', bytes.subarray(0, Math.floor(bytes.length * 0.9))), damage: 'ends too soon' },
      { file: variant('damaged', damaged), damage: 'its content is damaged' },
      { file: variant('text', Buffer.from('Họ và tên,Ngày sinh\nLê Văn Một,05/03/1991\n')), damage: 'not an .xlsx' },
    ];
    for (const { file, damage } of cases) {
      const report = await run(file, true);
      expect(codes(report)).toEqual([[0, '', 'IMPORT_FILE_UNREADABLE']]);
      expect(report.errors[0]?.messageEn).toContain(damage);
      expect(report.errors[0]?.messageVi).toMatch(/^Không đọc được tệp: /);
      expect(report.committed).toBe(false);
    }
    expect(await fingerprint()).toBe(before);
    // The same rows whole are imported.
    expect(await run(whole, true)).toMatchObject({ new: 3 * CHUNK, committed: true, errors: [] });
  });

  test('a file of nothing but bad rows: reading stops at MAX_ERRORS errors, nothing written', async () => {
    // Each row lacks four required values: the 2,500th row's errors reach the limit; the next row,
    // 2,502 of the file, is where reading stops. Nothing past it is read or kept.
    const file = csv(Array.from({ length: 5_000 }, (_, i) => `Chỉ có tên ${i}`));
    const before = await fingerprint();
    const report = await run(file, true);
    expect(report.errors[0]).toMatchObject({ row: 2502, code: 'IMPORT_TOO_MANY_ERRORS' });
    expect(report.errors[0]?.messageEn).toBe(
      '10,000 errors already: reading stopped at row 2502. Correct these (often a column or a format wrong for the whole file) and import again.',
    );
    expect(report.errors).toHaveLength(MAX_ERRORS + 1);
    expect(report).toMatchObject({ rowsRead: 2500, refused: 2500, committed: false });
    expect(await fingerprint()).toBe(before);
  });

  test('text the API would refuse is refused in its cell: too long, a control character', async () => {
    // The same rule as a GraphQL argument (rules/text.ts): 200 characters for a name, no NUL or
    // other control character. The long cell is not echoed in the message.
    const file = csv([
      `${'Nguyễn Văn Dài '.repeat(20)},05/03/1991,Nam,19/05/2016,,thanh-hoa-xom-3,48030001,`,
      'Lê Văn\u0000Một,05/03/1991,Nam,19/05/2016,,thanh-hoa-xom-3,48030002,',
      'Lê Văn Hai,05/03/1991,Nam,19/05/2016,,thanh-hoa-xom-3\u0007,48030003,',
      'Lê Văn Ba,05/03/1991,Nam,19/05/2016,,thanh-hoa-xom-3,48030004,',
    ]);
    const before = await fingerprint();
    const report = await run(file, true);
    expect(codes(report)).toEqual([
      [2, 'Họ và tên', 'IMPORT_TEXT_INVALID'],
      [3, 'Họ và tên', 'IMPORT_TEXT_INVALID'],
      [4, 'Mã chi bộ', 'IMPORT_TEXT_INVALID'],
    ]);
    expect(report.errors[0]).toMatchObject({
      field: 'fullName',
      messageVi: 'Ô dài quá giới hạn của cột (tối đa 200 ký tự; ô có 300).',
      messageEn: 'The cell is longer than the column allows (at most 200 characters; it has 300).',
    });
    expect(report.errors[1]?.messageEn).toBe('The cell holds a control character (codes 0–31), not allowed.');
    expect(report).toMatchObject({ rowsRead: 4, valid: 1, refused: 3, committed: false });
    expect(await fingerprint()).toBe(before);
  });

  test('a member recorded without numbers is found whichever chunk names the day', async () => {
    // The day is asked about in the first chunk (CHUNK rows) and remembered for the next.
    const filler = Array.from(
      { length: CHUNK },
      (_, i) => `Người Mới ${i},01/01/1975,Nam,01/01/1999,,thanh-hoa-xom-4,4809${String(i).padStart(4, '0')},`,
    );
    const report = await run(csv([...filler, 'Đảng viên 7,01/01/1970,,01/01/1999,,thanh-hoa-xom-4,48099999,']), true);
    expect(codes(report)).toEqual([[CHUNK + 2, 'Họ và tên', 'IMPORT_UNIDENTIFIED_MATCH']]);
    expect(report.committed).toBe(false);
  });

  test('the same person twice, or a number already recorded for someone else: row errors', async () => {
    await run(csv(['Phạm Thị Bốn,01/01/1980,Nữ,01/06/2005,01/06/2006,thanh-hoa-xom-4,48030001,040180000004']), true);
    const before = await fingerprint();
    const report = await run(
      csv([
        'Phạm Thị Bốn,02/01/1980,Nữ,01/06/2005,01/06/2006,thanh-hoa-xom-4,48030001,', // same card, other birth date
        'Phạm Thị Bốn,01/01/1980,Nữ,01/06/2005,01/06/2006,thanh-hoa-xom-3,,040180000004', // another cell: a correction
        'Hồ Văn Năm,01/01/1981,Nam,01/06/2005,,thanh-hoa-xom-4,48030005,',
        'Hồ Văn Nam,01/01/1981,Nam,01/06/2005,,thanh-hoa-xom-4,48030005,', // the card of row 4 again
        'Đảng viên 7,01/01/1970,,01/01/1999,,thanh-hoa-xom-4,48030007,', // recorded before, without numbers
      ]),
      true,
      admin,
      join(dir, 'rejects.xlsx'),
    );
    expect(codes(report)).toEqual([
      [2, 'Ngày sinh', 'IMPORT_IDENTITY_CONFLICT'],
      [5, 'Số thẻ đảng viên', 'IMPORT_DUPLICATE_ROW'],
      [6, 'Họ và tên', 'IMPORT_UNIDENTIFIED_MATCH'],
    ]);
    expect(report.errors[1]?.messageEn).toContain('row 4');
    expect(report).toMatchObject({ changed: 1, committed: false });
    expect(await fingerprint()).toBe(before);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'rejects.xlsx'));
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    expect(rows[0]?.slice(-2)).toEqual(['Dòng gốc', 'Lỗi']);
    expect(String(rows[1]?.at(-1))).toContain('IMPORT_IDENTITY_CONFLICT');
  });

  test('the rules of recordMember: the cell on the day, the age, the probation, the subtree', async () => {
    const before = await fingerprint();
    const report = await run(
      csv([
        'Võ Văn Một,01/01/1990,Nam,01/06/2017,,thanh-hoa-xom-9,48040001,', // dissolved on 2016-01-01
        'Võ Văn Hai,01/01/1990,Nam,01/06/2017,,khong-co,48040002,',
        'Võ Văn Ba,01/01/1990,Nam,01/06/2017,,thanh-hoa,48040003,', // a committee, not a cell
        'Võ Văn Bốn,02/06/1999,Nam,01/06/2017,,thanh-hoa-xom-3,48040004,', // 17 on admission
        'Võ Văn Năm,01/01/1990,Nam,01/06/2017,01/01/2018,thanh-hoa-xom-3,48040005,', // probation not over
        'Võ Văn Sáu,01/01/1990,Nam,01/06/2017,,thanh-duc-xom-1,48040006,', // fine for an admin
      ]),
    );
    expect(codes(report)).toEqual([
      [2, 'Mã chi bộ', 'ORGANISATION_NOT_ACTIVE'],
      [3, 'Mã chi bộ', 'NOT_FOUND'],
      [4, 'Mã chi bộ', 'NOT_A_CELL'],
      [5, 'Ngày vào Đảng', 'ADMITTED_UNDER_AGE'],
      [6, 'Ngày chính thức', 'PROBATION_NOT_OVER'],
    ]);
    const editor = await run(
      csv([
        'Võ Văn Sáu,01/01/1990,Nam,01/06/2017,,thanh-duc-xom-1,48040006,',
        'Võ Văn Bảy,01/01/1990,Nam,01/06/2017,,thanh-hoa-xom-3,48040007,',
      ]),
      true,
      ducEditor,
    );
    expect(codes(editor)).toEqual([[3, 'Mã chi bộ', 'IMPORT_OUTSIDE_SCOPE']]);
    expect(editor.committed).toBe(false);
    expect(await fingerprint()).toBe(before);
    await expect(run(csv([]), false, { ...ducEditor, role: 'VIEWER' })).rejects.toThrow(/viewer/);
  });

  test('files without a header row or without a needed column are refused whole', async () => {
    const noHeader = join(dir, 'no-header.csv');
    writeFileSync(noHeader, 'a,b,c\n1,2,3\n');
    expect(codes(await run(noHeader))).toEqual([[0, '', 'IMPORT_HEADER_NOT_FOUND']]);
    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, 'Họ và tên;Ngày sinh;Ngày vào Đảng;Số CCCD\nA;01/01/1990;01/01/2015;040190000001\n');
    const report = await run(missing, true);
    expect(codes(report)).toEqual([[1, 'Mã chi bộ', 'IMPORT_COLUMN_MISSING']]);
    expect(report).toMatchObject({ rowsRead: 0, committed: false });
  });

  test('the template, left with its guidance and example rows, imports as nothing', async () => {
    for (const name of ['template.xlsx', 'template.csv']) {
      const path = join(dir, name);
      await writeTemplate(KINDS.members!, path);
      const report = await run(path);
      expect(report).toMatchObject({ rowsRead: 0, skipped: 2, errors: [] });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'template.xlsx'));
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const attributes = ['Dân tộc', 'Tôn giáo', 'Trình độ học vấn', 'Đoàn viên'];
    expect(rows[1]?.slice(1)).toEqual([...HEADER.split(','), ...attributes, 'Mã ketnap']);
    expect(rows).toHaveLength(4); // title, header, guidance, example
  });
});

describe.each(engines.slice(0, 1))('a larger workbook on %s', async (engine) => {
  const { test } = await miniWorldSuite(engine);

  test('Vietnamese text across the reader’s chunks stays whole (exceljs patched)', async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: join(dir, 'large.xlsx'),
      useSharedStrings: true,
    });
    const sheet = workbook.addWorksheet('DS');
    sheet.addRow(HEADER.split(',')).commit();
    for (let i = 0; i < 3000; i++)
      sheet
        .addRow([
          `Người Thử Nghiệm Đảng Viên ${i}`,
          '01/01/1980',
          'Nữ',
          '01/01/2010',
          '',
          'thanh-hoa-xom-3',
          `T${1e6 + i}`,
          '',
        ])
        .commit();
    sheet.commit();
    await workbook.commit();
    const report = await run(join(dir, 'large.xlsx'));
    expect(report.errors.slice(0, 3)).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 3000, new: 3000 });
  });
});
