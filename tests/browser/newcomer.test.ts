// A board's first day with ketnap, in Chromium: the members template downloaded from the admin page,
// filled here (through the server's exceljs writer) with a commune's messy roster of 20 members
// admitted in 2017-Q2 (trailing and non-breaking spaces, decomposed diacritics, d/m/yy dates, date
// cells) of which two rows are wrong; dropped on /admin/import, the two errors shown, the fixed file
// committed; then the commune's widget (its /embed/ page) and the quarter's report count them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '@ketnap/server/src/auth/tokens.ts';
import { prisma } from '@ketnap/server/src/db.ts';
import type { Cell } from '@ketnap/server/src/import/cells.ts';
import { readRows, writeRows } from '@ketnap/server/src/import/sheets.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let token = '';
const dir = mkdtempSync(join(tmpdir(), 'ketnap-newcomer-'));

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  token = (await createToken({ name: 'Ban Tổ chức Huyện ủy', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await browser?.close();
  await ketnap?.close();
  rmSync(dir, { recursive: true, force: true });
});

const report = async (code: string) => {
  const answer = await fetch(`${ketnap.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: `{ organisation(code: "${code}") { report(period: "2017-Q2") { admissions { total women { value } } } } }`,
    }),
  });
  const { data } = (await answer.json()) as {
    data: { organisation: { report: { admissions: { total: number; women: { value: number } } } } };
  };
  return data.organisation.report.admissions;
};

/** The commune's widget, as a reader's browser shows it: "N đảng viên mới" admitted in 2017. */
const widgetCount = async (code: string) => {
  const { page } = await openPage(browser, `${ketnap.url}/embed/progress?org=${code}&from=2017-01-01&to=2017-12-31`);
  const text = (await page.locator('article').textContent()) ?? '';
  await page.close();
  const found = /([\d.]+) đảng viên mới/.exec(text);
  if (!found) throw new Error(`no admissions figure in the widget: ${text}`);
  return Number(found[1]!.replace(/\./g, ''));
};

describe('a newcomer’s first import', () => {
  it(
    'template, messy roster, two errors fixed, committed, counted by the widget and the report',
    { timeout: 120_000 },
    async () => {
      const commune = await prisma().organisation.findFirstOrThrow({
        where: {
          kind: 'GRASSROOTS_COMMITTEE',
          sector: 'COMMUNE',
          dissolvedOn: null,
          establishedOn: { lte: '2000-01-01' },
        },
        orderBy: { id: 'asc' },
      });
      const cellList = await prisma().organisation.findMany({
        where: {
          kind: 'SUBORDINATE_CELL',
          dissolvedOn: null,
          establishedOn: { lte: '2000-01-01' },
          parentLinks: { some: { parentId: commune.id, endOn: null } },
        },
        orderBy: { id: 'asc' },
      });
      expect(cellList.length).toBeGreaterThan(1);
      const [before, widgetBefore] = [await report(commune.code), await widgetCount(commune.code)];

      // The template, downloaded from the page as a board's staff would.
      const { page, problems } = await openPage(browser, `${ketnap.url}/admin/import`);
      await page.getByLabel('Mã truy cập (token của quản trị viên hoặc biên tập viên)').fill(token);
      await page.keyboard.press('Enter');
      await page.getByText('Đã nhập mã truy cập cho phiên làm việc này.').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Đảng viên (.xlsx)' }).click(),
      ]);
      const template = join(dir, download.suggestedFilename());
      await download.saveAs(template);
      const kept: { cells: Cell[]; style?: 'title' | 'header' | 'guidance' }[] = [];
      for await (const row of readRows(template)) kept.push({ cells: row.cells });
      const header = kept.find((r) => r.cells[0] === 'Họ và tên')!;
      header.style = 'header';
      const column = (name: string) => header.cells.indexOf(name);

      /** The roster: the template's rows left in, then 20 members; `wrong` spoils the birth dates of two. */
      const names = [
        ' Nguyễn Thị Hoà  ',
        'Trần\u00a0Văn Bình',
        'Lê Thị Thu Hà'.normalize('NFD'),
        'Phan Đình Tuấn\u00a0',
      ];
      const roster = async (name: string, wrong: boolean) => {
        const path = join(dir, name);
        const sheet = writeRows(path, 'Dang vien');
        for (const row of kept) sheet.add(row.cells, row.style);
        for (let i = 0; i < 20; i++) {
          const cells: Cell[] = header.cells.map(() => null);
          cells[column('Họ và tên')] = `${names[i % 4]} ${i}`;
          cells[column('Ngày sinh')] =
            wrong && i === 1 ? '31/02/1990' : wrong && i === 10 ? '1/3/2005' : `${1 + i}/3/${90 + (i % 8)}`;
          cells[column('Giới tính')] = i % 3 === 0 ? 'Nữ ' : 'Nam';
          // Half as date cells, half as d/m/yyyy text: April to June 2017.
          cells[column('Ngày vào Đảng')] =
            i % 2 ? new Date(Date.UTC(2017, 3 + (i % 3), 2 + i)) : `${2 + i}/${4 + (i % 3)}/2017`;
          cells[column('Mã chi bộ')] = `${cellList[i % cellList.length]!.code}${i % 2 ? ' ' : ''}`;
          cells[column('Số thẻ đảng viên')] = `4899${1000 + i}`;
          sheet.add(cells);
        }
        await sheet.close();
        return {
          name,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: readFileSync(path),
        };
      };

      // Dropped from the desktop, as the page invites.
      const spoiled = await roster('xa.xlsx', true);
      const transfer = await page.evaluateHandle(
        ({ name, base64 }) => {
          const t = new DataTransfer();
          t.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
          return t;
        },
        { name: spoiled.name, base64: spoiled.buffer.toString('base64') },
      );
      await page.locator('ketnap-import-page .drop').dispatchEvent('drop', { dataTransfer: transfer });
      const table = page.getByRole('table', { name: 'Các dòng bị từ chối' });
      await table.waitFor();
      const errors = await table
        .getByRole('row')
        .evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      const first = kept.length + 1;
      expect(errors.map(([, row, col, code]) => [Number(row), col, code])).toEqual([
        [first + 1, 'Ngày sinh', 'IMPORT_DATE_INVALID'],
        [first + 10, 'Ngày vào Đảng', 'ADMITTED_UNDER_AGE'],
      ]);
      expect(await page.getByRole('button', { name: 'Ghi vào dữ liệu' }).isDisabled()).toBe(true);
      expect(await report(commune.code)).toEqual(before);

      await page
        .getByLabel('Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc chọn tệp')
        .setInputFiles(await roster('xa-da-sua.xlsx', false));
      await page.getByText('xa-da-sua.xlsx: không có lỗi').waitFor();
      await page.getByRole('button', { name: 'Ghi vào dữ liệu' }).click();
      await page.getByText('Đã ghi xa-da-sua.xlsx: 20 mới, 0 thay đổi, 0 không đổi.').waitFor();
      expect(problems).toEqual([]);
      await page.close();

      const after = await report(commune.code);
      expect(after.total).toBe(before.total + 20);
      expect(after.women.value).toBe(before.women.value + 7);
      expect(await widgetCount(commune.code)).toBe(widgetBefore + 20);
      const imported = await prisma().member.findMany({
        where: { partyCardNumber: { startsWith: '48991' } },
        select: { fullName: true },
      });
      // Non-breaking spaces are spaces, decomposed diacritics composed (NFC).
      expect(imported.map((m) => m.fullName)).toEqual(expect.arrayContaining(['Trần Văn Bình 1', 'Lê Thị Thu Hà 2']));
    },
  );
});
