// The widgets' no-JavaScript form in a real browser, framed by pages on another origin: the
// iframe shows the figures, reports its height (AMP's embed-size message), and the host page's
// one-line resizer (/embed/resize.js) sizes the iframe to it, under a strict CSP on both sides.
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startSite } from './sites.ts';
import { launchBrowser, openPage, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;

const PROGRESS = '/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-07-31';
const iframe = (src: string) => `<iframe id="embed" src="${src}" title="ketnap" width="600" height="40"></iframe>`;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  const hostCsp = `default-src 'self'; script-src 'self' ${ketnap.url}; style-src 'self'; frame-src ${ketnap.url}`;
  site = await startSite({
    '/host': {
      ...html(`${iframe(`${ketnap.url}${PROGRESS}`)}<script async src="${ketnap.url}/embed/resize.js"></script>`),
      headers: { 'content-security-policy': hostCsp },
    },
    '/late': html(iframe(`${ketnap.url}${PROGRESS}&lang=en`)),
    // What AMP's runtime listens for, recorded by a script of the host's own.
    '/amp': html(`${iframe(`${ketnap.url}${PROGRESS}`)}<script src="/listen.js"></script>`),
    '/listen.js': {
      type: 'text/javascript; charset=utf-8',
      body: `window.heard = [];
addEventListener('message', (e) => {
  if (e.source === document.getElementById('embed').contentWindow) window.heard.push({ origin: e.origin, data: e.data });
});`,
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

const embedFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/embed/progress'));
  if (!frame) throw new Error('no embed frame');
  return frame;
};

/** Waits until the iframe's height is its content's height; returns both. */
async function settledHeights(page: Page) {
  await page.waitForFunction(() => (document.getElementById('embed')?.getBoundingClientRect().height ?? 0) > 60);
  const frame = embedFrame(page);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const box = await page.evaluate(() => document.getElementById('embed')?.getBoundingClientRect().height ?? 0);
  // The iframe's border box holds the content plus its own 2px default border.
  return { content, box, inner: await page.evaluate(() => document.getElementById('embed')?.clientHeight ?? 0) };
}

describe('the embed page in an iframe on another origin', () => {
  it('shows the figure, and resize.js gives the iframe its content’s height (strict CSP on both sides)', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/host`);
    const { content, inner } = await settledHeights(page);
    expect(content).toBeGreaterThan(100);
    expect(Math.abs(inner - Math.ceil(content))).toBeLessThanOrEqual(1);
    const text = await embedFrame(page).locator('article').textContent();
    expect(text).toContain('252 đảng viên mới');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a resizer added after the iframe loaded still sizes it (it asks the frame again)', async () => {
    const { page, problems } = await openPage(browser, `${site.url}/late`);
    await embedFrame(page).waitForSelector('article');
    await page.waitForTimeout(200); // the frame has spoken to nobody
    await page.addScriptTag({ url: `${ketnap.url}/embed/resize.js` });
    const { content, inner } = await settledHeights(page);
    expect(Math.abs(inner - Math.ceil(content))).toBeLessThanOrEqual(1);
    expect(await embedFrame(page).locator('article').textContent()).toContain('252 new members');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks AMP’s resize protocol: {sentinel: "amp", type: "embed-size", height}', async () => {
    const { page } = await openPage(browser, `${site.url}/amp`);
    await page.waitForFunction(() =>
      (window as unknown as { heard: { data: { type?: string } }[] }).heard.some((m) => m.data?.type === 'embed-size'),
    );
    const heard = await page.evaluate(
      () => (window as unknown as { heard: { origin: string; data: Record<string, unknown> }[] }).heard,
    );
    const size = heard.find((m) => m.data.type === 'embed-size');
    expect(size?.origin).toBe(ketnap.url);
    expect(size?.data.sentinel).toBe('amp');
    expect(size?.data.height).toBeGreaterThan(100);
    const content = await embedFrame(page).evaluate(() => document.documentElement.getBoundingClientRect().height);
    expect(size?.data.height).toBe(Math.ceil(content));
    await page.close();
  });
});
