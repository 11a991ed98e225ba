// The admissions report link of the admin page in Chromium, under the pages' strict CSP: with the
// token entered once, an organisation's code and a quarter download the report file the server
// writes (its totals are the GraphQL report's); a bad period shows the server's reason, no file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '@ketnap/server/src/auth/tokens.ts';
import { readRows } from '@ketnap/server/src/import/sheets.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, openPage, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let token = '';
const dir = mkdtempSync(join(tmpdir(), 'ketnap-admin-report-'));

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  token = (await createToken({ name: 'Văn phòng Huyện ủy', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await browser?.close();
  await ketnap?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the admin page’s admissions report', () => {
  it('downloads the quarter’s report with the page’s token; a bad period is refused', { timeout: 60_000 }, async () => {
    const { page, problems } = await openPage(browser, `${ketnap.url}/admin/import`);
    await page.getByLabel('Mã truy cập (token của quản trị viên hoặc biên tập viên)').fill(token);
    await page.keyboard.press('Enter');
    await page.getByText('Đã nhập mã truy cập cho phiên làm việc này.').waitFor();
    await page.getByRole('heading', { name: 'Báo cáo kết nạp đảng viên' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Mã tổ chức đảng').fill('thanh-chuong');
    await page.getByLabel(/^Kỳ báo cáo/).fill('2017-Q5');
    await page.getByRole('button', { name: 'Tải báo cáo (.xlsx)' }).click();
    await page.getByText('Không tải được báo cáo: period: "2017-Q5" names no quarter').waitFor();

    await page.getByLabel(/^Kỳ báo cáo/).fill('2017-Q1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('admissions-thanh-chuong-2017-Q1.xlsx');
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const rows = [];
    for await (const row of readRows(saved)) rows.push(row.cells);
    expect(rows[0]?.[0]).toBe('BÁO CÁO KẾT NẠP ĐẢNG VIÊN QUÝ 1 NĂM 2017');
    const totals = rows.find((cells) => String(cells[1]).startsWith('Tổng cộng'));

    const answer = await fetch(`${ketnap.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ organisation(code: "thanh-chuong") { report(period: "2017-Q1") { admissions { total } } } }',
      }),
    });
    const { data } = (await answer.json()) as { data: { organisation: { report: { admissions: { total: number } } } } };
    expect(data.organisation.report.admissions.total).toBeGreaterThan(0);
    expect(totals?.[2]).toBe(data.organisation.report.admissions.total);
    expect(await page.getByText('Không tải được báo cáo').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
