// Embedding from another origin, as a newsroom does: simple CORS GETs (no preflight) for
// persisted operations, the API found from the script's origin, gallery snippets that work as pasted.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, html, startProxy, startSite } from './sites.ts';
import { launchBrowser, moduleScript, openPage, progress, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  proxy = await startProxy(ketnap.url);
  site = await startSite({
    '/ketnap.js': bundle('ketnap.js'),
    '/cross-origin': html(progress(proxy.url), moduleScript('/ketnap.js')),
    // No api attribute: the classic build finds the server from document.currentScript.
    '/classic': html(progress(), `<script src="${ketnap.url}/widgets/ketnap.classic.js"></script>`),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await proxy?.close();
  await ketnap?.close();
});

describe('on another origin', () => {
  it('sends a simple GET for a persisted operation: no preflight, no custom header, cacheable', async () => {
    proxy.seen.length = 0;
    const { page, problems } = await openPage(browser, `${site.url}/cross-origin`);
    const response = page.waitForResponse((r) => r.url().includes('/graphql'));
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    const requests = proxy.seen.filter((r) => r.path.startsWith('/graphql'));
    expect(requests.map((r) => r.method)).toEqual(['GET']);
    expect(requests[0]?.path).toMatch(/^\/graphql\?documentId=[0-9a-f]{64}&variables=/);
    expect(requests[0]?.headers['content-type']).toBeUndefined();
    expect(Object.keys(requests[0]?.headers ?? {}).filter((h) => h.startsWith('x-'))).toEqual([]);
    expect((await response).headers()['cache-control']).toMatch(/public, max-age=\d+/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("works as a classic script too, finding the API from the script's own origin", async () => {
    const { page, problems } = await openPage(browser, `${site.url}/classic`);
    expect(await settledText(page, '#progress')).toContain('252 đảng viên mới');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a snippet copied from the gallery works as it is on a blank page', async () => {
    const gallery = await browser.newPage();
    await gallery.goto(`${ketnap.url}/gallery/`);
    const snippet = await gallery.locator('#ketnap-progress .snippet code').first().textContent();
    await gallery.close();
    expect(snippet).toContain(`<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`);
    site.routes['/pasted'] = html(snippet ?? '');
    const { page, problems } = await openPage(browser, `${site.url}/pasted`);
    expect(await settledText(page, 'ketnap-progress')).toContain('252 đảng viên mới');
    expect(problems).toEqual([]);
    await page.close();
  });
});
