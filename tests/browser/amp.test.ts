// The AMP page of the gallery (amp-iframe for the iframe form), as far as it can be tested here:
// AMP's runtime comes only from its CDN, which these machines cannot reach, and no npm package
// ships it, nor the validator (amphtml-validator downloads it; amphtml-validator-rules holds an old
// snapshot of the rules without the engine that applies them). So the page is held
// to amp-iframe's documented rules (https src on another origin, sandbox, layout with a size,
// resizable with an overflow child, a placeholder, AMP's required markup), and each embed it
// names is framed as amp-iframe frames it — same sandbox — to check that it shows the figures and
// sends the embed-ready and embed-size messages AMP's runtime resizes it by.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startSite } from './sites.ts';
import { launchBrowser, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;
let amp: string;

interface AmpIframe {
  src: string;
  sandbox: string;
  layout: string | null;
  width: string | null;
  height: string | null;
  resizable: boolean;
  overflow: boolean;
  placeholder: { tag: string; layout: string | null; src: string | null; alt: string | null } | null;
}

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  site = await startSite({});
  const gallery = await browser.newPage();
  await gallery.goto(`${ketnap.url}/gallery/`);
  // Copied: the gallery puts the figures in words in the placeholders' alt text.
  await gallery.locator('#amp button.copy').click();
  await gallery.waitForFunction(() => document.querySelector('#amp .snippet code')?.textContent?.includes(': 252 '));
  amp = (await gallery.locator('#amp .snippet code').textContent()) ?? '';
  await gallery.close();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

/** The AMP page's markup, read by the browser's parser with scripts off (nothing is fetched). */
async function readAmp() {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const page = await context.newPage();
  await page.setContent(amp);
  const found = await page.evaluate(() => {
    const q = (selector: string) => document.querySelector(selector);
    return {
      isAmp: document.documentElement.hasAttribute('⚡') || document.documentElement.hasAttribute('amp'),
      charset: q('meta[charset]')?.getAttribute('charset'),
      viewport: Boolean(q('meta[name="viewport"]')),
      canonical: q('link[rel="canonical"]')?.getAttribute('href'),
      runtime: Boolean(q('script[async][src="https://cdn.ampproject.org/v0.js"]')),
      extension: q('script[async][custom-element="amp-iframe"]')?.getAttribute('src'),
      boilerplate: Boolean(q('head > style[amp-boilerplate]') && q('head > noscript > style[amp-boilerplate]')),
      ownScripts: [...document.querySelectorAll('script')].filter(
        (s) => !s.src.startsWith('https://cdn.ampproject.org/'),
      ).length,
      iframes: [...document.querySelectorAll('amp-iframe')].map((f) => {
        const placeholder = f.querySelector('[placeholder]');
        return {
          src: f.getAttribute('src') ?? '',
          sandbox: f.getAttribute('sandbox') ?? '',
          layout: f.getAttribute('layout'),
          width: f.getAttribute('width'),
          height: f.getAttribute('height'),
          resizable: f.hasAttribute('resizable'),
          overflow: Boolean(f.querySelector(':scope > [overflow]')),
          placeholder: placeholder && {
            tag: placeholder.localName,
            layout: placeholder.getAttribute('layout'),
            src: placeholder.getAttribute('src'),
            alt: placeholder.getAttribute('alt'),
          },
        };
      }),
    };
  });
  await context.close();
  return found;
}

describe('the AMP page', () => {
  it('is AMP markup, and each amp-iframe follows amp-iframe’s rules', async () => {
    const page = await readAmp();
    expect(page).toMatchObject({ isAmp: true, charset: 'utf-8', viewport: true, runtime: true, boilerplate: true });
    expect(page.canonical).toMatch(/^https:\/\//);
    expect(page.extension).toBe('https://cdn.ampproject.org/v0/amp-iframe-0.1.js');
    expect(page.ownScripts).toBe(0);
    expect(page.iframes).toHaveLength(5);
    const host = new URL(ketnap.url).host;
    for (const f of page.iframes as AmpIframe[]) {
      const src = new URL(f.src);
      expect(src.protocol, f.src).toBe('https:'); // amp-iframe refuses http
      expect(src.host).toBe(host);
      expect(src.host).not.toBe(new URL(page.canonical as string).host); // not the article's origin
      expect(src.pathname).toMatch(/^\/embed\/(progress|at-risk|trend|grassroots|hamlets)$/);
      expect(f.sandbox.split(/\s+/).sort()).toEqual(['allow-same-origin', 'allow-scripts']);
      expect(f.layout).toBe('responsive');
      expect(Number(f.width)).toBeGreaterThan(0);
      expect(Number(f.height)).toBeGreaterThan(0);
      expect(f.resizable && f.overflow).toBe(true);
      expect(f.placeholder).toMatchObject({ tag: 'amp-img', layout: 'fill' });
      expect(f.placeholder?.src).toBe(f.src.replace(/(\/embed\/[a-z-]+)\?/, '$1.png?'));
      expect(f.placeholder?.alt).toBeTruthy();
    }
    // The placeholders say the figures in words (the gallery fills them in, as for every image).
    expect(page.iframes[0]?.placeholder?.alt).toContain('252 đảng viên mới');
  });

  it('each embed it names, framed as amp-iframe frames it, shows its figures and sends embed-size', async () => {
    const { iframes } = await readAmp();
    // The local server speaks http: the same paths, framed from the newsroom's origin.
    const frames = (iframes as AmpIframe[]).map(
      (f, i) =>
        `<iframe id="f${i}" src="${ketnap.url}${new URL(f.src).pathname}${new URL(f.src).search}" sandbox="${f.sandbox}" title="${i}" width="600" height="240"></iframe>`,
    );
    site.routes['/listen.js'] = {
      type: 'text/javascript; charset=utf-8',
      body: `window.heard = [];
addEventListener('message', (e) => {
  const i = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source);
  window.heard.push({ frame: i, origin: e.origin, data: e.data });
});`,
    };
    // The listener first: a parser-blocking script, so that no frame exists (and can speak) before it listens.
    site.routes['/amp-like'] = html(`<script src="/listen.js"></script>${frames.join('')}`);
    const page = await browser.newPage();
    await page.goto(`${site.url}/amp-like`);
    type Heard = { frame: number; origin: string; data: { sentinel?: string; type?: string; height?: number } };
    const heard = () => page.evaluate(() => (window as unknown as { heard: Heard[] }).heard);
    await expect
      .poll(async () => new Set((await heard()).filter((m) => m.data.type === 'embed-size').map((m) => m.frame)).size)
      .toBe(frames.length);
    const messages = await heard();
    for (let i = 0; i < frames.length; i++) {
      const mine = messages.filter((m) => m.frame === i);
      expect(mine.map((m) => m.data.type)).toContain('embed-ready');
      const size = mine.filter((m) => m.data.type === 'embed-size').at(-1);
      expect(size?.data.sentinel).toBe('amp');
      expect(size?.origin).toBe(ketnap.url); // allow-same-origin: the embed keeps its own origin
      const content = await page
        .frameLocator(`#f${i}`)
        .locator('html')
        .evaluate((root) => root.getBoundingClientRect().height);
      expect(size?.data.height).toBe(Math.ceil(content));
    }
    const text = await page.frameLocator('#f0').locator('article').textContent();
    expect(text).toContain('252 đảng viên mới');
    await page.close();
  });
});
