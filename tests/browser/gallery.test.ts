// The gallery's four forms of each element, in a real browser: the script, the iframe, the image
// and the noscript fallback each show the article's figures in the gallery, and each snippet,
// pasted as it is into a blank page on another origin, shows them there too (the noscript one
// with JavaScript turned off). Every script snippet carries its <noscript> image.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startSite } from './sites.ts';
import { launchBrowser, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;
let gallery: Page;

const ELEMENTS = ['ketnap-progress', 'ketnap-at-risk', 'ketnap-trend', 'ketnap-grassroots', 'ketnap-hamlets'];

/** The snippet of one form of an element's first example, as the Copy button copies it. */
const snippet = (element: string, form: string) =>
  gallery.locator(`#${element} .form[data-form="${form}"] .snippet code`).textContent() as Promise<string>;

/** Pastes a snippet alone into a blank page on another origin. */
function paste(path: string, text: string): string {
  site.routes[path] = html(text);
  return site.url + path;
}

/** An image once it has loaded: its natural width (0 when it failed) and its alt text. */
const loaded = (page: Page, selector: string) =>
  page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    await img.decode().catch(() => undefined);
    return { width: img.naturalWidth, alt: img.alt };
  });

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  site = await startSite({});
  gallery = await browser.newPage();
  await gallery.goto(`${ketnap.url}/gallery/`);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

describe('the gallery’s four forms', () => {
  it('shows every element in the four forms, and every script snippet has a <noscript> image', async () => {
    for (const element of ELEMENTS) {
      const forms = await gallery.locator(`#${element} .form`).evaluateAll((all) => all.map((f) => f.dataset.form));
      expect(forms, element).toEqual(['script', 'iframe', 'image', 'noscript']);
    }
    const snippets = await gallery.locator('.snippet code').allTextContents();
    const scripts = snippets.filter((text) => /<ketnap-[a-z-]+ /.test(text));
    expect(scripts.length).toBeGreaterThan(12);
    for (const text of scripts)
      expect(text).toMatch(/<noscript><img src="[^"]+\/embed\/[a-z-]+\.png\?[^"]+" alt="[^"]+"/);
  });

  it('script: the live element, and its snippet works as pasted', async () => {
    const live = '#ketnap-progress .form[data-form="script"] ketnap-progress';
    await gallery.locator(live).scrollIntoViewIfNeeded(); // elements load as they come near the viewport
    expect(await settledText(gallery, live)).toContain('252 đảng viên mới');
    const page = await browser.newPage();
    await page.goto(paste('/script', await snippet('ketnap-progress', 'script')));
    expect(await settledText(page, 'ketnap-progress')).toContain('252 đảng viên mới');
    await page.close();
  });

  it('iframe: the page written on the server, sized to its content by resize.js', async () => {
    const check = async (page: Page, selector: string) => {
      const frame = page.locator(selector);
      await frame.scrollIntoViewIfNeeded();
      await expect
        .poll(() => frame.evaluate((f: HTMLIFrameElement) => f.style.height), { timeout: 10_000 })
        .toMatch(/^\d+px$/);
      const content = page.frameLocator(selector).locator('article');
      expect(await content.textContent()).toContain('252 đảng viên mới');
      const [height, inner] = await Promise.all([
        frame.evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height),
        content.evaluate((a) => a.ownerDocument.documentElement.getBoundingClientRect().height),
      ]);
      expect(Math.abs(height - inner)).toBeLessThanOrEqual(1);
    };
    await check(gallery, '#ketnap-progress .form[data-form="iframe"] iframe');
    const page = await browser.newPage();
    await page.goto(paste('/iframe', await snippet('ketnap-progress', 'iframe')));
    await check(page, 'iframe');
    await page.close();
  });

  it('image: a PNG with the figures in words as its alt text, in the page and in the snippet', async () => {
    const img = '#ketnap-progress .form[data-form="image"] img';
    await gallery.locator(img).scrollIntoViewIfNeeded();
    await expect.poll(() => gallery.locator(img).getAttribute('alt')).toContain('252 đảng viên mới');
    expect((await loaded(gallery, img)).width).toBe(1200);
    // Copying puts the figures in words in the snippet's alt text too.
    await gallery.locator('#ketnap-progress .form[data-form="image"] button.copy').click();
    await expect.poll(() => snippet('ketnap-progress', 'image')).toContain('alt="Đảng bộ huyện Thanh Chương: 252');
    const page = await browser.newPage();
    await page.goto(paste('/image', await snippet('ketnap-progress', 'image')));
    const pasted = await loaded(page, 'img');
    expect(pasted.width).toBe(1200);
    expect(pasted.alt).toContain('252 đảng viên mới');
    await page.close();
    for (const element of ELEMENTS) {
      const image = `#${element} .form[data-form="image"] img`;
      await gallery.locator(image).scrollIntoViewIfNeeded();
      expect((await loaded(gallery, image)).width, element).toBe(1200);
    }
  });

  it('noscript: with JavaScript turned off, the script snippet shows its image', async () => {
    await gallery.locator('#ketnap-progress .form[data-form="script"] button.copy').click();
    await expect.poll(() => snippet('ketnap-progress', 'script')).toContain('alt="Đảng bộ huyện Thanh Chương: 252');
    const url = paste('/noscript', await snippet('ketnap-progress', 'script'));
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    const image = await loaded(page, 'noscript img, img');
    expect(image.width).toBe(1200);
    expect(image.alt).toContain('252 đảng viên mới');
    expect(await page.locator('ketnap-progress').textContent()).toBe(''); // the element never ran
    await context.close();
    expect(await snippet('ketnap-progress', 'noscript')).toMatch(/^<noscript><img src="[^"]+progress\.png/);
  });
});
