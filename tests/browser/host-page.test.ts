// On a careful host page: safe to include twice, fine under a strict CSP, polite when the API
// is down, and silent until the element comes near the viewport.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, closedPort, html, startProxy, startSite } from './sites.ts';
import { launchBrowser, moduleScript, openPage, progress, STRICT_CSP, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  proxy = await startProxy(ketnap.url);
  const script = moduleScript('/ketnap.js');
  site = await startSite({
    '/ketnap.js': bundle('ketnap.js'),
    '/ketnap.classic.js': bundle('ketnap.classic.js'),
    '/twice': html(
      progress(proxy.url),
      `${script}${moduleScript('/ketnap.js?again')}<script src="/ketnap.classic.js"></script>`,
    ),
    '/strict-csp': { ...html(progress(proxy.url), script), headers: { 'content-security-policy': STRICT_CSP } },
    '/unreachable': html(progress(await closedPort()), script),
    '/below-the-fold': html(
      `<div id="spacer"></div>${progress(proxy.url)}`,
      `<link rel="stylesheet" href="/tall.css">${script}`,
    ),
    '/tall.css': { type: 'text/css', body: '#spacer { height: 4000px; }' },
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await proxy?.close();
  await ketnap?.close();
});

describe('on a careful page', () => {
  it('is safe to include twice, and as both builds', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/twice`);
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works under a strict Content-Security-Policy (script-src and style-src self)', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/strict-csp`);
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    // The bar's width is set through the CSSOM, which the policy allows: it really is drawn.
    const fill = await page.locator('#progress [part="fill"]').evaluate((el) => getComputedStyle(el).transform);
    expect(fill).toMatch(/^matrix\(0\.6, /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says politely that the figures are unavailable when the API cannot be reached, and never throws', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/unreachable`);
    expect(await settledText(page, '#progress')).toContain('Tạm thời chưa tải được số liệu');
    expect(await page.locator('#progress [part="retry"]').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fetches nothing until the element comes near the viewport', async () => {
    proxy.seen.length = 0;
    const graphql = () => proxy.seen.filter((r) => r.path.startsWith('/graphql'));
    const { page } = await openPage(browser, `${site.url}/below-the-fold`);
    await page.waitForTimeout(1000);
    expect(graphql()).toEqual([]);
    // 100 px below the fold: near enough (the observer's margin is 200 px).
    await page.evaluate(() => window.scrollTo(0, 4008 - innerHeight - 100));
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    expect(graphql()).toHaveLength(1);
    await page.close();
  });
});
