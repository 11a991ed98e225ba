// Keyboard and screen-reader semantics: axe-core finds nothing on the demo and gallery pages,
// the roles carry their values, and the error state's button works from the keyboard.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startProxy, startSite } from './sites.ts';
import { axeViolations, launchBrowser, settledText, startKetnap } from './support.ts';

const TAGS = ['ketnap-progress', 'ketnap-at-risk', 'ketnap-trend', 'ketnap-grassroots', 'ketnap-hamlets'];

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
});

afterAll(async () => {
  await browser?.close();
  await ketnap?.close();
});

/** Every ketnap element on the page, settled (a tall viewport brings most near; scrolling, the rest). */
async function openSettled(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 12000 } });
  await page.goto(url);
  for (const tag of TAGS) {
    const count = await page.locator(tag).count();
    for (let i = 0; i < count; i++) {
      await page.locator(tag).nth(i).scrollIntoViewIfNeeded();
      await page.locator(tag).nth(i).locator('[part="base"][aria-busy="false"]').waitFor();
    }
  }
  return page;
}

describe('axe-core', () => {
  for (const [name, path] of [
    ['demo', '/demo/'],
    ['gallery', '/gallery/'],
  ] as const) {
    it(`finds no violation on the ${name} page, in the light and in the dark`, { timeout: 60_000 }, async () => {
      const page = await openSettled(ketnap.url + path);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe("the reader's preferences", () => {
  it('no motion when reduced motion is asked for; dark colours in a dark scheme', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce', colorScheme: 'dark' });
    await page.goto(`${ketnap.url}/demo/`);
    await settledText(page, 'ketnap-progress');
    const fill = page.locator('ketnap-progress [part="fill"]');
    expect(await fill.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    const card = page.locator('ketnap-progress [part="base"]');
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 28, 26)');
    await page.emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
    expect(await fill.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0.8s');
    expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 253, 250)');
    await page.close();
  });
});

describe('roles a screen reader reads', () => {
  it('a named progressbar with its values, lists of cells and organisations, and the trend as a table', async () => {
    const page = await openSettled(`${ketnap.url}/demo/`);
    const bar = page.getByRole('progressbar', {
      name: 'Kết nạp đảng viên mới của Đảng bộ huyện Thanh Chương so với chỉ tiêu',
    });
    expect(await bar.getAttribute('aria-valuenow')).toBe('252');
    expect(await page.locator('ketnap-at-risk').getByRole('listitem').count()).toBe(6);
    expect(await page.locator('ketnap-grassroots').getByRole('listitem').count()).toBe(3);
    const table = page.locator('ketnap-trend').getByRole('table');
    expect(await table.getByRole('row').count()).toBe(8);
    expect(await table.getByRole('rowheader').first().textContent()).toBe('tháng 1/2017');
    await page.close();
  });

  it("the error state's button is reached with Tab and retries with Enter", async () => {
    const proxy = await startProxy(ketnap.url, { failFirst: 1 });
    const el = `<ketnap-progress id="progress" org="thanh-chuong" from="2017-01-01" to="2017-07-31" api="${proxy.url}"></ketnap-progress>`;
    const site = await startSite({
      '/': html(el, `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`),
    });
    const page = await browser.newPage();
    await page.goto(site.url);
    expect(await settledText(page, '#progress')).toContain('Tạm thời chưa tải được số liệu');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent);
    expect(focused).toBe('Thử lại');
    await page.keyboard.press('Enter');
    await page.locator('#progress [part="figure"]').waitFor();
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    await page.close();
    await site.close();
    await proxy.close();
  });
});
