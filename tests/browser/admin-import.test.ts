// The admin page /admin/import in Chromium, under the pages' strict CSP: a board's staff enter
// their token once (kept for the tab's session), drop a members list made here with a bad row,
// read the refused row in the table while the commit button stays disabled, pick the fixed file,
// commit, and the database holds the new members. axe-core finds nothing on the page, before and
// with errors shown (light and dark); the templates it links are served.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '@ketnap/server/src/auth/tokens.ts';
import { prisma } from '@ketnap/server/src/db.ts';
import { readRows, writeRows } from '@ketnap/server/src/import/sheets.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, openPage, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let token = '';
const dir = mkdtempSync(join(tmpdir(), 'ketnap-admin-import-'));

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  token = (await createToken({ name: 'Ban Tổ chức Huyện ủy', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await browser?.close();
  await ketnap?.close();
});

/** A members list as a commune keeps it: a title row, then the template's headers, then the rows. */
async function roster(cellCode: string, birthDateOfSecond: string): Promise<Buffer> {
  const path = join(dir, `${birthDateOfSecond.replace(/\//g, '-')}.xlsx`);
  const sheet = writeRows(path, 'Dang vien');
  sheet.add(['DANH SÁCH ĐẢNG VIÊN XÃ MỚI'], 'title');
  sheet.add(['Họ và tên', 'Ngày sinh', 'Ngày vào Đảng', 'Mã chi bộ', 'Số thẻ đảng viên'], 'header');
  sheet.add(['Nguyễn Văn Mới', '05/03/1990', '19/05/2015', cellCode, '48990001']);
  sheet.add(['Lê Thị Sửa', birthDateOfSecond, '3/2/16', cellCode, '48990002']);
  await sheet.close();
  return readFileSync(path);
}

/** Drops a file on the page's drop zone, as a drag from the desktop would. */
async function drop(page: Page, name: string, bytes: Buffer) {
  const transfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([data], name));
      return t;
    },
    { name, base64: bytes.toString('base64') },
  );
  await page.locator('ketnap-import-page .drop').dispatchEvent('drop', { dataTransfer: transfer });
}

describe('the import page', () => {
  it('token once, a dropped file’s errors in a table, the fixed file committed', { timeout: 90_000 }, async () => {
    const cell = await prisma().organisation.findFirstOrThrow({
      where: { kind: 'SUBORDINATE_CELL', dissolvedOn: null, establishedOn: { lte: '2000-01-01' } },
      orderBy: { id: 'asc' },
    });
    const { page, problems } = await openPage(browser, `${ketnap.url}/admin/import`);
    expect(new URL(page.url()).pathname).toBe('/admin/import/');
    await page.getByRole('heading', { name: '1. Mã truy cập' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The token, typed once and submitted from the keyboard, stays for the tab's session.
    await page.getByLabel('Mã truy cập (token của quản trị viên hoặc biên tập viên)').fill(token);
    await page.keyboard.press('Enter');
    await page.getByText('Đã nhập mã truy cập cho phiên làm việc này.').waitFor();
    await page.reload();
    await page.getByText('Đã nhập mã truy cập cho phiên làm việc này.').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('ketnap-admin-token'))).toBe(token);

    await page.getByLabel('Loại danh sách').selectOption('MEMBERS');
    await drop(page, 'xa-moi.xlsx', await roster(cell.code, '31/02/1991'));
    const table = page.getByRole('table', { name: 'Các dòng bị từ chối' });
    await table.waitFor();
    const rows = await table
      .getByRole('row')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    expect(rows).toEqual([
      ['Trang tính', 'Dòng', 'Cột', 'Mã lỗi', 'Nội dung'],
      [
        'Dang vien',
        '4',
        'Ngày sinh',
        'IMPORT_DATE_INVALID',
        '"31/02/1991" không phải là một ngày (ghi ngày/tháng/năm, ví dụ 05/03/1990).',
      ],
    ]);
    const commit = page.getByRole('button', { name: 'Ghi vào dữ liệu' });
    expect(await commit.isDisabled()).toBe(true);
    expect(await page.getByRole('status').textContent()).toContain('1 lỗi; chưa ghi gì');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await prisma().member.count({ where: { partyCardNumber: { in: ['48990001', '48990002'] } } })).toBe(0);

    // The fixed file cut short, as an interrupted download leaves it: one error of the whole file.
    const fixed = await roster(cell.code, '28/02/1991');
    await drop(page, 'xa-moi-da-sua.xlsx', fixed.subarray(0, Math.floor(fixed.length / 2)));
    await page.getByRole('cell', { name: 'IMPORT_FILE_UNREADABLE' }).waitFor();
    expect(
      await table.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => tr.children[1]?.textContent)),
    ).toEqual(['Cả tệp']);
    expect(await table.textContent()).toContain('Không đọc được tệp: tệp bị cắt ngang, thiếu phần cuối.');
    expect(await commit.isDisabled()).toBe(true);

    // The fixed file whole, picked rather than dropped: no error, the button enabled; committed.
    await page.getByLabel('Kéo thả tệp .xlsx hoặc .csv vào đây, hoặc chọn tệp').setInputFiles({
      name: 'xa-moi-da-sua.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: fixed,
    });
    await page.getByText('xa-moi-da-sua.xlsx: không có lỗi').waitFor();
    expect(await table.count()).toBe(0);
    await commit.click();
    await page.getByText('Đã ghi xa-moi-da-sua.xlsx: 2 mới, 0 thay đổi, 0 không đổi.').waitFor();
    expect(await commit.isDisabled()).toBe(true);
    const written = await prisma().member.findMany({
      where: { partyCardNumber: { in: ['48990001', '48990002'] } },
      orderBy: { partyCardNumber: 'asc' },
    });
    expect(written.map((m) => [m.fullName, m.birthDate, m.admittedOn, m.admittedInId])).toEqual([
      ['Nguyễn Văn Mới', '1990-03-05', '2015-05-19', cell.id],
      ['Lê Thị Sửa', '1991-02-28', '2016-02-03', cell.id],
    ]);
    const audit = await prisma().auditEvent.findFirstOrThrow({ where: { action: 'importMembers' } });
    expect(audit.actorRole).toBe('ADMIN');

    // The templates the page links are served, as the command line writes them.
    const hrefs = await page
      .locator('ketnap-import-page a[download]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(hrefs).toEqual([
      '/templates/members.xlsx',
      '/templates/candidates.xlsx',
      '/templates/organisations.xlsx',
      '/templates/quotas.xlsx',
    ]);
    const template = await fetch(`${ketnap.url}/templates/candidates.xlsx`);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    const saved = join(dir, 'template.xlsx');
    writeFileSync(saved, Buffer.from(await template.arrayBuffer()));
    const header = [];
    for await (const row of readRows(saved)) if (row.row === 2) header.push(...row.cells);
    expect(header.slice(0, 3)).toEqual(['Họ và tên', 'Ngày sinh', 'Giới tính']);
    expect((await fetch(`${ketnap.url}/templates/members.pdf`)).status).toBe(404);
    expect(problems).toEqual([]);
    await page.close();
  });
});
