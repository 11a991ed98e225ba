// The admissions report file of the demo district (report-file/): written as the command line writes
// it and read back with exceljs, its totals are the GraphQL report's figures, its rows are the
// district's grassroots organisations and add up, and it prints on A4 landscape; over HTTP it needs a
// token that reads the subtree; the command line refuses a bad period naming --period.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { repoRoot } from '../src/config.ts';
import { prisma } from '../src/db.ts';
import { createHttpHandler } from '../src/http/handler.ts';
import { admissionsReport } from '../src/report-file/figures.ts';
import { FIRST_LINE_ROW, REPORT_HEADERS, writeAdmissionsReport } from '../src/report-file/workbook.ts';
import { parsePeriod } from '../src/rules/periods.ts';
import { widgetsManifest } from './embed-support.ts';
import { freshDatabase, gql, type TestDatabase } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'ketnap-report-file-'));
let db: TestDatabase;
let admin: string;
let outside: string;
beforeAll(async () => {
  db = await freshDatabase('sqlite');
  admin = (await createToken({ name: 'report file', role: 'ADMIN' })).secret;
  outside = (await createToken({ name: 'thanh-hoa viewer', role: 'VIEWER', organisationCode: 'thanh-hoa' })).secret;
});
afterAll(async () => {
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** The sheet's cells as plain values, by header: `row(n)['Trong kỳ']`. */
const rowOf = (sheet: ExcelJS.Worksheet, n: number) =>
  Object.fromEntries(REPORT_HEADERS.map((h, i) => [h, sheet.getRow(n).getCell(i + 1).value]));

const sheetOf = async (file: string | ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook();
  if (typeof file === 'string') await workbook.xlsx.readFile(file);
  else await workbook.xlsx.load(file);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
};

describe('the admissions report file', () => {
  it('of thanh-chuong 2017-Q1: totals are the GraphQL report’s, one row per grassroots organisation, A4 landscape', async () => {
    const org = await prisma().organisation.findUniqueOrThrow({ where: { code: 'thanh-chuong' } });
    const out = join(dir, 'report.xlsx');
    const period = parsePeriod('2017-Q1');
    if ('error' in period) throw new Error(period.error);
    await writeAdmissionsReport(await admissionsReport(org, period), '2017-Q1', out);
    const sheet = await sheetOf(out);

    const { data, errors } = await gql(
      `{ organisation(code: "thanh-chuong") { name report(period: "2017-Q1") { admissionsShareOfMembers
        membersAtStart { total } sameTimeLastYear { admissions { total } }
        admissions { total women { value } ethnicMinorities { value } religious { value } youthUnion { value }
          aged18To30 { value } byEducation { count { value } } bySource { count { value } } } } } }`,
      {},
      admin,
    );
    expect(errors).toBeUndefined();
    const { report, name } = data!.organisation;
    expect(String(sheet.getCell('A1').value)).toBe('BÁO CÁO KẾT NẠP ĐẢNG VIÊN QUÝ 1 NĂM 2017');
    expect(sheet.getCell('A2').value).toBe(name);
    expect(String(sheet.getCell('A3').value)).toContain('Từ ngày 01/01/2017 đến ngày 31/03/2017');

    // The grassroots organisations of the district on 31 March 2017, then the totals row.
    const grassroots = await prisma().organisation.count({
      where: { kind: { in: ['GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL'] }, establishedOn: { lte: '2017-03-31' } },
    });
    const totalsRow = FIRST_LINE_ROW + grassroots;
    expect(grassroots).toBeGreaterThan(10);
    expect(sheet.getCell(totalsRow, 2).value).toBe(`Tổng cộng (${name})`);
    expect(sheet.getCell(totalsRow + 1, 2).value).toBeNull();
    const totals = rowOf(sheet, totalsRow);
    const a = report.admissions;
    expect(totals['Trong kỳ']).toBe(a.total);
    expect(a.total).toBeGreaterThan(0);
    expect(totals['Cùng kỳ năm trước']).toBe(report.sameTimeLastYear.admissions.total);
    expect(totals['Đầu kỳ']).toBe(report.membersAtStart.total);
    expect(totals['Tỷ lệ kết nạp / đầu kỳ']).toBeCloseTo(report.admissionsShareOfMembers, 12);
    expect(['Nữ', 'Dân tộc thiểu số', 'Tôn giáo', 'Đoàn viên'].map((h) => totals[h])).toEqual(
      [a.women, a.ethnicMinorities, a.religious, a.youthUnion].map((c) => c.value),
    );
    expect(totals['Từ 18 đến 30 tuổi']).toBe(a.aged18To30.value);
    const breakdowns = REPORT_HEADERS.slice(11).map((h) => totals[h]);
    expect(breakdowns).toEqual(
      [...a.byEducation, ...a.bySource].map((e: { count: { value: number } }) => e.count.value),
    );

    // The grassroots rows add up to the district's admissions and members (each is in one of them).
    const lines = Array.from({ length: grassroots }, (_, i) => rowOf(sheet, FIRST_LINE_ROW + i));
    expect(lines.map((l) => l.STT)).toEqual(lines.map((_, i) => i + 1));
    for (const column of ['Trong kỳ', 'Đầu kỳ', 'Nữ'])
      expect(
        lines.reduce((n, l) => n + Number(l[column]), 0),
        column,
      ).toBe(totals[column]);

    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 });
    expect(sheet.pageSetup.fitToHeight).toBe(0);
  });

  describe('over HTTP', () => {
    let server: Server;
    let handler: Awaited<ReturnType<typeof createHttpHandler>>;
    let base = '';
    beforeAll(async () => {
      handler = await createHttpHandler({ manifest: widgetsManifest() });
      server = createServer(handler.listener);
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      handler.markReady();
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeIdleConnections();
      });
      await handler.close();
    });
    const get = (path: string, token?: string) =>
      fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    it('gives the file to a token reading the subtree; anonymous 401, outside 403, bad period 400', async () => {
      expect((await get('/export/report.xlsx?org=thanh-chuong&period=2017-Q1')).status).toBe(401);
      expect((await get('/export/report.xlsx?org=thanh-chuong&period=2017-Q1', outside)).status).toBe(403);
      const bad = await get('/export/report.xlsx?org=thanh-chuong&period=2017-Q5', admin);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('period');
      expect((await get('/export/report.xlsx?org=thanh-chuong', admin)).status).toBe(400);
      expect((await get('/export/report.xlsx?org=khong-co&period=2017-Q1', admin)).status).toBe(404);

      const ok = await get('/export/report.xlsx?org=thanh-chuong&period=2017-Q3', admin);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-disposition')).toBe('attachment; filename="admissions-thanh-chuong-2017-Q3.xlsx"');
      expect(ok.headers.get('cache-control')).toBe('no-store');
      const sheet = await sheetOf(await ok.arrayBuffer());
      expect(String(sheet.getCell('A1').value)).toContain('QUÝ 3 NĂM 2017');
      const { data } = await gql(
        '{ organisation(code: "thanh-chuong") { report(period: "2017-Q3") { admissions { total } } } }',
        {},
        admin,
      );
      const totals = sheet
        .getRows(FIRST_LINE_ROW, sheet.rowCount)!
        .find((r) => String(r.getCell(2).value).startsWith('Tổng'));
      expect(totals!.getCell(3).value).toBe(data!.organisation.report.admissions.total);
    });
  });

  it('the command line refuses a bad period and a missing --org, naming them', async () => {
    const bin = resolve(repoRoot, 'server/bin/ketnap.js');
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, [bin, 'report', ...args], {
        env: { ...process.env, DATABASE_URL: `file:${join(dir, 'cli.db')}`, KETNAP_LOG: '' },
      });
    await expect(run(['admissions', '--org', 'thanh-chuong', '--period', '2017-Q5'])).rejects.toThrow(
      /--period "2017-Q5" names no quarter/,
    );
    await expect(run(['admissions', '--period', '2017-Q1'])).rejects.toThrow(/--org CODE/);
    await expect(run(['members', '--org', 'x', '--period', '2017'])).rejects.toThrow(/the report is admissions/);
  });
});
