// The demo article as a reader sees it, at phone and desktop widths, under a strict CSP;
// screenshots are kept in test-results/ (not committed).
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from './sites.ts';
import { launchBrowser, STRICT_CSP, settledText, startKetnap } from './support.ts';

const results = new URL('../../test-results/', import.meta.url);
const FIXED = ['ketnap-progress', 'ketnap-grassroots', 'ketnap-trend', 'ketnap-at-risk', 'ketnap-hamlets'];

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  mkdirSync(results, { recursive: true });
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  // The server's own pages, served with a strict policy on top.
  proxy = await startProxy(ketnap.url, { htmlHeaders: { 'content-security-policy': STRICT_CSP } });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await ketnap?.close();
});

async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

describe('the demo article', () => {
  for (const width of [390, 1280]) {
    it(`reads well at ${width}px: every figure live, nothing wider than the screen, no CSP violation`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && !m.text().includes('404') && problems.push(m.text())));
      await page.goto(`${proxy.url}/demo/`);
      await scrollThrough(page);
      expect(await settledText(page, 'ketnap-progress')).toContain('252 đảng viên mới');
      expect(await settledText(page, 'ketnap-grassroots')).toContain('82 tổ chức cơ sở đảng');
      expect(await settledText(page, 'ketnap-at-risk')).toContain('6 chi bộ thuộc 4 xã');
      expect(await settledText(page, 'ketnap-trend')).toContain('Tổng: 252');
      expect(await settledText(page, 'ketnap-hamlets')).toContain('364 khối, xóm, bản · ngày 1/1/2017');
      // The page's own stylesheet applied (an external file, allowed by style-src 'self').
      expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('Noto Serif');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(900); // the bar's transition
      await page.screenshot({ path: new URL(`demo-${width}.png`, results).pathname, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('keeps each element the same height while it loads (no layout shift)', async () => {
    for (const width of [390, 1280]) await sameHeights(width);
  });

  it('moves nothing once every figure has arrived: a cumulative layout shift of 0', async () => {
    for (const width of [390, 1280]) expect(await layoutShifts(width), `at ${width}px`).toEqual([]);
  });
});

/** The layout shifts of the whole visit (buffered), every element near the viewport and settled. */
async function layoutShifts(width: number): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width, height: 6000 } });
  await page.goto(`${proxy.url}/demo/`);
  for (const tag of FIXED) await settledText(page, tag);
  await page.waitForTimeout(300); // the frame after the last figure
  const shifts = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        type Shift = PerformanceEntry & { value: number; sources: { node?: Node }[] };
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Shift[])
            seen.push(
              `${e.value} at ${Math.round(e.startTime)} ms: ${e.sources.map((s) => s.node?.nodeName).join(', ')}`,
            );
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(seen), 300);
      }),
  );
  await page.close();
  return shifts;
}

async function sameHeights(width: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width, height: 6000 } });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/graphql?**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${proxy.url}/demo/`);
  await page.locator('ketnap-trend').locator('[part="skeleton"]').waitFor();
  const heights = () =>
    Promise.all(FIXED.map((tag) => page.locator(tag).evaluate((el) => el.getBoundingClientRect().height)));
  const loading = await heights();
  release();
  for (const tag of FIXED) await settledText(page, tag);
  expect(await heights(), `at ${width}px`).toEqual(loading);
  await page.close();
}
