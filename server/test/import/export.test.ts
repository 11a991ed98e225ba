// Exports on SQLite and PostgreSQL: the members of a subtree written in the import template's
// columns import back with nothing to change; one edited cell changes exactly that; over HTTP an
// export needs a token that reads the subtree (anonymous 401, outside 403), and is streamed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { Actor } from '../../src/context.ts';
import { prisma } from '../../src/db.ts';
import { writeExport } from '../../src/export/sheet.ts';
import { importMembers } from '../../src/import/members-import.ts';
import { servedHandler } from '../http-support.ts';
import { engines, miniWorldSuite } from '../writes-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-export-'));
const admin: Actor = { tokenId: 0, name: 'test admin', role: 'ADMIN', organisationId: null };
const hoaEditor: Actor = { tokenId: 0, name: 'thanh-hoa editor', role: 'EDITOR', organisationId: 3 };
const thanhHoa = { code: 'thanh-hoa', name: 'Đảng bộ xã Thanh Hòa' };

/** Members and their placements without row ids (a correction recreates the first placement). */
const members = async () =>
  (
    await prisma().member.findMany({ orderBy: { id: 'asc' }, include: { placements: { orderBy: { startOn: 'asc' } } } })
  ).map(({ createdAt: _, placements, ...m }) => ({ ...m, placements: placements.map(({ id: _, ...p }) => p) }));

/** The fields in which two snapshots of the members differ: `id.field`. */
const changedFields = (before: Record<string, unknown>[], after: Record<string, unknown>[]) =>
  before.flatMap((m, i) =>
    Object.keys(m)
      .filter((k) => JSON.stringify(m[k]) !== JSON.stringify(after[i]?.[k]))
      .map((k) => `${m.id}.${k}`),
  );

describe.each(engines)('members export on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);

  test('an XLSX export imports back unchanged; one edited cell changes exactly that member', async () => {
    const file = join(dir, `members-${engine}.xlsx`);
    // The report's attributes go out and come back too.
    const attributes = {
      ethnicity: 'Thái',
      religion: 'Công giáo',
      education: 'COLLEGE' as const,
      isYouthUnionMember: true,
    };
    await prisma().member.update({ where: { id: 8 }, data: attributes });
    await prisma().member.update({ where: { id: 6 }, data: { ethnicity: 'Kinh', education: 'POSTGRADUATE' } });
    expect(await writeExport({ kind: 'members', org: thanhHoa, format: 'xlsx', to: file })).toBe(9);
    const again = await importMembers({ actor: hoaEditor, input: { file, commit: false } });
    expect(again.errors).toEqual([]);
    expect(again).toMatchObject({ rowsRead: 9, new: 0, changed: 0, unchanged: 9 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('DANH SÁCH ĐẢNG VIÊN — Đảng bộ xã Thanh Hòa');
    const row = sheet.getRows(3, 9)!.find((r) => r.getCell(1).value === 'Đảng viên 7')!;
    row.getCell(3).value = 'Nữ'; // Giới tính, empty in the record
    const header = sheet.getRow(2).values as unknown[];
    const eight = sheet.getRows(3, 9)!.find((r) => r.getCell(1).value === 'Đảng viên 8')!;
    expect(eight.getCell(header.indexOf('Trình độ học vấn')).value).toBe('Cao đẳng');
    expect(eight.getCell(header.indexOf('Đoàn viên')).value).toBe('Có');
    eight.getCell(header.indexOf('Trình độ học vấn')).value = 'Đại học';
    await workbook.xlsx.writeFile(file);
    const before = await members();
    const committed = await importMembers({ actor: hoaEditor, input: { file, commit: true } });
    expect(committed).toMatchObject({ new: 0, changed: 2, unchanged: 7, committed: true, errors: [] });
    expect(changedFields(before, await members())).toEqual(['7.gender', '8.education']);
    expect(await prisma().member.findUniqueOrThrow({ where: { id: 8 } })).toMatchObject({
      ...attributes,
      education: 'UNIVERSITY',
    });
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'correctMember', entityId: '7' } });
    expect(audit.reason).toBe(`Nhập tệp ${file}`);
  });

  test('a CSV export: dates as dd/mm/yyyy, the ketnap ID last; an edited date is a correction by the rules', async () => {
    const file = join(dir, `members-${engine}.csv`);
    await writeExport({ kind: 'members', org: thanhHoa, format: 'csv', to: file });
    const lines = readFileSync(file, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Họ và tên,Ngày sinh,Giới tính,Ngày vào Đảng,Ngày chính thức,Mã chi bộ,Số thẻ đảng viên,Số CCCD,Dân tộc,Tôn giáo,Trình độ học vấn,Đoàn viên,Mã ketnap',
    );
    const nine = lines.findIndex((l) => l.startsWith('Đảng viên 9,'));
    expect(lines[nine]).toBe(`Đảng viên 9,02/02/1994,,01/02/2016,,thanh-hoa-xom-4,,,,,,Không,${btoa('Member:9')}`);
    const edit = (line: string) => {
      const copy = [...lines];
      copy[nine] = line;
      writeFileSync(file, `${copy.join('\r\n')}\r\n`);
    };
    // Recognised before the end of probation: refused by the rule of correctMember, nothing written.
    edit(`Đảng viên 9,02/02/1994,,01/02/2016,01/01/2017,thanh-hoa-xom-4,,,,,,Không,${btoa('Member:9')}`);
    const before = await members();
    const refused = await importMembers({ actor: admin, input: { file, commit: true } });
    expect(refused.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [nine + 1, 'Ngày chính thức', 'PROBATION_NOT_OVER'],
    ]);
    expect(await members()).toEqual(before);
    edit(`Đảng viên 9,02/02/1994,,01/02/2016,01/02/2017,thanh-hoa-xom-4,,,,,,Không,${btoa('Member:9')}`);
    expect(await importMembers({ actor: admin, input: { file, commit: true } })).toMatchObject({ changed: 1 });
    expect(changedFields(before, await members())).toEqual(['9.officialOn']);
    // A ketnap ID naming nobody, or another person's: refused, not guessed.
    edit(`Đảng viên 9,02/02/1994,,01/02/2016,01/02/2017,thanh-hoa-xom-4,,,,,,Không,${btoa('Member:999')}`);
    expect((await importMembers({ actor: admin, input: { file, commit: false } })).errors[0]).toMatchObject({
      column: 'Mã ketnap',
      code: 'NOT_FOUND',
    });
    edit(`Đảng viên 9,02/02/1994,,01/02/2016,01/02/2017,thanh-hoa-xom-4,,,,,,Không,${btoa('Member:10')}`);
    expect((await importMembers({ actor: admin, input: { file, commit: false } })).errors[0]).toMatchObject({
      column: 'Họ và tên',
      code: 'IMPORT_IDENTITY_CONFLICT',
    });
  });

  test('a name a spreadsheet would run as a formula is written marked, and imports back unchanged', async () => {
    // Recorded through the API, which allows "=" (a board's CSV injection if written bare).
    const formula = '=HYPERLINK("http://example.test/x","Bấm")';
    await prisma().member.update({ where: { id: 9 }, data: { fullName: formula } });
    const file = join(dir, `formula-${engine}.csv`);
    await writeExport({ kind: 'members', org: thanhHoa, format: 'csv', to: file });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.test/x"",""Bấm"")",02/02/1994`);
    expect(text).not.toMatch(/(^|\n)"?=/);
    const before = await members();
    const again = await importMembers({ actor: admin, input: { file, commit: true } });
    expect(again).toMatchObject({ changed: 0, errors: [], committed: true });
    expect(again.unchanged).toBeGreaterThan(0);
    expect(await members()).toEqual(before);
  });

  describe('over HTTP', () => {
    const served = servedHandler(available);
    const get = (path: string, token?: string) =>
      fetch(`${served.base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    test('a token reading the subtree gets the file; anonymous 401, outside 403, no personal data', async () => {
      const anonymous = await get('/export/members.csv?org=thanh-hoa');
      expect(anonymous.status).toBe(401);
      const outside = await get('/export/members.csv?org=thanh-hoa', world.tokens.duc);
      expect(outside.status).toBe(403);
      const forged = await get('/export/members.csv?org=thanh-hoa', 'ktn_not-a-token');
      expect(forged.status).toBe(401);
      for (const refused of [anonymous, outside, forged]) {
        expect(refused.headers.get('cache-control')).toBe('no-store');
        expect(await refused.text()).not.toMatch(/Đảng viên|19\d\d/);
      }
      expect((await get('/export/members.csv?org=khong-co', world.tokens.admin)).status).toBe(404);
      expect((await get('/export/members.pdf?org=thanh-hoa', world.tokens.admin)).status).toBe(404);

      const csv = await get('/export/members.csv?org=thanh-hoa', world.tokens.viewer);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="members-thanh-hoa.csv"');
      const body = (await csv.text()).trim().split(/\r?\n/);
      expect(body).toHaveLength(10);
      expect(body.filter((l) => l.includes('thanh-duc'))).toEqual([]);

      const xlsx = await get('/export/members.xlsx?org=thanh-hoa', world.tokens.hoa);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
      expect(workbook.worksheets[0]!.rowCount).toBe(11); // title, header, 9 members
    });
  });
});
