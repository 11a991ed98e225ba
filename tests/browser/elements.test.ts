// Each element shows the article's figures, computed by the real server from the demo data.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startSite } from './sites.ts';
import { launchBrowser, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;
let page: Page;

const org = 'org="thanh-chuong"';
const body = `
  <ketnap-progress id="progress" ${org} from="2017-01-01" to="2017-07-31"></ketnap-progress>
  <ketnap-grassroots id="grassroots" ${org} as-of="2017-07-31"></ketnap-grassroots>
  <ketnap-at-risk id="at-risk" ${org} as-of="2017-01-01" recovered-to="2017-07-31"></ketnap-at-risk>
  <ketnap-trend id="trend" ${org} from="2017-01-01" to="2017-07-31"></ketnap-trend>
  <ketnap-grassroots id="english" ${org} as-of="2017-07-31" lang="en"></ketnap-grassroots>`;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  // The page is on another origin; `api` is left out, so it must default to the script's origin.
  site = await startSite({ '/': html(body, `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`) });
  page = await browser.newPage({ viewport: { width: 800, height: 3000 } });
  await page.goto(site.url);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

describe('the article figures, live', () => {
  it('<ketnap-progress>: 252 new members in the first 7 months, 60% of the 420 quota', async () => {
    const text = await settledText(page, '#progress');
    expect(text).toContain('252 đảng viên mới');
    expect(text).toContain('7 tháng đầu năm 2017');
    expect(text).toContain('Đạt 60% chỉ tiêu 420 đảng viên');
    const bar = page.locator('#progress [role="progressbar"]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('252');
    expect(await bar.getAttribute('aria-valuemin')).toBe('0');
    expect(await bar.getAttribute('aria-valuemax')).toBe('420');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^252 \/ 420 \(60%\), /);
  });

  it('<ketnap-grassroots>: 82 = 40 commune and town committees + 18 agency committees + 24 cells', async () => {
    expect(await settledText(page, '#grassroots')).toContain('82 tổ chức cơ sở đảng');
    const items = await page.locator('#grassroots [part="item"]').allTextContents();
    expect(items.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '40 đảng bộ xã, thị trấn',
      '18 đảng bộ cơ quan',
      '24 chi bộ cơ sở',
    ]);
  });

  it('<ketnap-at-risk>: 6 cells in 4 communes on 1/1/2017, all recovered by 31/7/2017, one with 2 admissions', async () => {
    const text = await settledText(page, '#at-risk');
    expect(text).toContain('6 chi bộ thuộc 4 xã');
    expect(text).toContain('6/6 chi bộ đã kết nạp được đảng viên mới đến 31/7/2017');
    const items = page.locator('#at-risk [part="item"]');
    expect(await items.count()).toBe(6);
    for (const item of await items.allTextContents())
      expect(item).toMatch(/\d+ đảng viên, \d+ trên 60 tuổi, \d+ năm chưa kết nạp/);
    const recovered = (await page.locator('#at-risk [part="recovered"]').allTextContents()).sort();
    expect(recovered).toEqual([...Array(5).fill('Đã kết nạp 1 đảng viên'), 'Đã kết nạp 2 đảng viên']);
  });

  it('<ketnap-trend>: seven months that add up to 252, in a table for screen readers', async () => {
    expect(await settledText(page, '#trend')).toContain('Tổng: 252');
    const cells = await page.locator('#trend [part="table"] tbody td').allTextContents();
    expect(cells).toHaveLength(7);
    expect(cells.reduce((sum, c) => sum + Number(c), 0)).toBe(252);
    expect(await page.locator('#trend [part="table"] tbody th').first().textContent()).toBe('tháng 1/2017');
  });

  it('speaks English on request', async () => {
    const text = await settledText(page, '#english');
    expect(text).toContain('82 grassroots party organisations');
    expect(text).toContain('40 commune and town committees');
  });

  it('re-renders when an attribute changes', async () => {
    await settledText(page, '#progress');
    await page.locator('#progress').evaluate((el) => {
      el.setAttribute('lang', 'en');
      el.setAttribute('to', '2017-12-31');
    });
    await page.locator('#progress [part="period"]', { hasText: /^2017$/ }).waitFor();
    expect(await settledText(page, '#progress')).toMatch(/^410 new members 2017 98% of a target of 420/);
  });
});
