// Embeds that work on every page: a theme forced either way, print, an author's mistake named
// (apart from an outage), a height reserved before the figures, and the source line.
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, html, startProxy, startSite } from './sites.ts';
import { launchBrowser, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let site: Awaited<ReturnType<typeof startSite>>;

const org = 'org="thanh-chuong"';
const period = 'from="2017-01-01" to="2017-07-31"';
const DARK = 'rgb(31, 28, 26)';
const LIGHT = 'rgb(255, 253, 250)';

/** A page on a newsroom's origin holding `body`, the script loaded from the API's origin. */
function page(path: string, body: string, head = ''): string {
  site.routes[path] = html(body, `${head}<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`);
  return site.url + path;
}

/** Opens a page and records the console's warnings. */
async function open(url: string, options: Parameters<Browser['newPage']>[0] = {}) {
  const tab = await browser.newPage(options);
  const warnings: string[] = [];
  tab.on('console', (m: ConsoleMessage) => void (m.type() === 'warning' && warnings.push(m.text())));
  await tab.goto(url);
  return { tab, warnings };
}

const background = (tab: Page, selector: string) =>
  tab.locator(`${selector} [part="base"]`).evaluate((el) => getComputedStyle(el).backgroundColor);

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  proxy = await startProxy(ketnap.url);
  site = await startSite({ '/tall.css': { type: 'text/css', body: '#spacer { height: 4000px; }' } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await proxy?.close();
  await ketnap?.close();
});

describe('theme', () => {
  const body = `
    <ketnap-grassroots id="auto" ${org}></ketnap-grassroots>
    <ketnap-grassroots id="light" ${org} theme="light"></ketnap-grassroots>
    <ketnap-grassroots id="dark" ${org} theme="dark"></ketnap-grassroots>`;

  for (const scheme of ['light', 'dark'] as const) {
    it(`forces the page's choice on a ${scheme} system; auto follows the system`, async () => {
      const { tab, warnings } = await open(page('/theme', body), { colorScheme: scheme });
      for (const id of ['#auto', '#light', '#dark']) await settledText(tab, id);
      expect(await background(tab, '#light')).toBe(LIGHT);
      expect(await background(tab, '#dark')).toBe(DARK);
      expect(await background(tab, '#auto')).toBe(scheme === 'dark' ? DARK : LIGHT);
      expect(warnings).toEqual([]);
      await tab.close();
    });
  }
});

describe('print', () => {
  it('loads an element below the fold when printing starts, and never prints "loading"', async () => {
    const url = page(
      '/print',
      `<div id="spacer"></div><ketnap-progress id="progress" ${org} ${period} theme="dark"></ketnap-progress>`,
      '<link rel="stylesheet" href="/tall.css">',
    );
    const tab = await browser.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const requests: string[] = [];
    await tab.route('**/graphql?**', async (route) => {
      requests.push(route.request().url());
      await held;
      await route.continue();
    });
    await tab.goto(url);
    await tab.waitForTimeout(500);
    expect(requests).toEqual([]); // far below the fold: not yet
    await tab.emulateMedia({ media: 'print' });
    await expect.poll(() => requests.length).toBe(1);
    // Still loading while printing: the element shows nothing at all (on screen, its skeleton).
    const loadingText = tab.getByText('Đang tải số liệu…');
    const el = tab.locator('#progress');
    expect(await el.locator('[part="base"]').getAttribute('aria-busy')).toBe('true');
    expect(await loadingText.isVisible()).toBe(false);
    expect(await el.locator('[part="skeleton"]').isVisible()).toBe(false);
    expect(await el.evaluate((e) => e.getBoundingClientRect().height)).toBe(0);
    await tab.emulateMedia({ media: 'screen' });
    expect(await loadingText.isVisible()).toBe(true);
    expect(await el.locator('[part="skeleton"]').isVisible()).toBe(true);
    await tab.emulateMedia({ media: 'print' });
    release();
    expect(await settledText(tab, '#progress')).toContain('252 đảng viên mới');
    // On paper: black on white even with theme="dark", no transition.
    const card = tab.locator('#progress [part="base"]');
    expect(await card.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await card.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(0, 0, 0)');
    const fill = tab.locator('#progress [part="fill"]');
    expect(await fill.evaluate((e) => getComputedStyle(e).transitionDuration)).toBe('0s');
    await tab.close();
  });

  it('prints no Retry button', async () => {
    const api = await closedPort();
    const url = page('/print-error', `<ketnap-progress id="progress" ${org} ${period} api="${api}"></ketnap-progress>`);
    const tab = await browser.newPage();
    await tab.goto(url);
    expect(await settledText(tab, '#progress')).toContain('Tạm thời chưa tải được số liệu');
    expect(await tab.locator('#progress [part="retry"]').isVisible()).toBe(true);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.locator('#progress [part="retry"]').isVisible()).toBe(false);
    await tab.close();
  });
});

describe("an author's mistake", () => {
  const cases: [string, string, string][] = [
    [
      `<ketnap-progress id="el" ${org} from="2017-13-01" to="2017-07-31"></ketnap-progress>`,
      '<ketnap-progress>: attribute "from" must be a date YYYY-MM-DD, got "2017-13-01"',
      '«from»',
    ],
    [
      `<ketnap-trend id="el" ${org} from="2017-08-01" to="2017-07-31"></ketnap-trend>`,
      '<ketnap-trend>: attribute "to" must not be before "from" (2017-08-01), got "2017-07-31"',
      '«to»',
    ],
    [
      `<ketnap-grassroots id="el" ${org} theme="drak"></ketnap-grassroots>`,
      '<ketnap-grassroots>: attribute "theme" must be light, dark or auto, got "drak"',
      '«theme»',
    ],
    [
      '<ketnap-at-risk id="el" as-of="2017-01-01"></ketnap-at-risk>',
      '<ketnap-at-risk>: attribute "org" is required',
      '«org» bị thiếu',
    ],
    [
      `<ketnap-at-risk id="el" ${org} as-of="2017-01-01" max-items="0"></ketnap-at-risk>`,
      '<ketnap-at-risk>: attribute "max-items" must be a whole number from 1 to 99, got "0"',
      '«max-items»',
    ],
  ];
  for (const [el, warning, named] of cases) {
    it(`is named in the console and on the page: ${warning}`, async () => {
      proxy.seen.length = 0;
      const { tab, warnings } = await open(page('/mistake', el.replace('id="el"', `id="el" api="${proxy.url}"`)));
      const text = await settledText(tab, '#el');
      expect(text).toContain(named);
      expect(text).toMatch(/^Mã nhúng sai: /);
      expect(await tab.locator('#el [part="invalid"]').count()).toBe(1);
      expect(await tab.locator('#el [part="retry"]').count()).toBe(0);
      expect(text).not.toContain('thử lại');
      expect(warnings).toEqual([warning]);
      expect(proxy.seen.filter((r) => r.path.startsWith('/graphql'))).toEqual([]);
      await tab.close();
    });
  }

  it('an unknown organisation is a mistake too, not "no figures" and not an outage', async () => {
    const { tab, warnings } = await open(
      page(
        '/unknown',
        `<ketnap-progress id="vi" org="xyz" ${period}></ketnap-progress>
         <ketnap-grassroots id="en" org="xyz" lang="en"></ketnap-grassroots>`,
      ),
    );
    expect(await settledText(tab, '#vi')).toBe('Không tìm thấy tổ chức «xyz».');
    expect(await settledText(tab, '#en')).toBe('No organisation has the code "xyz".');
    expect(await tab.locator('#vi [part="invalid"]').count()).toBe(1);
    expect(await tab.locator('#vi [part="empty"], #vi [part="retry"], #vi [part="source"]').count()).toBe(0);
    expect(warnings.sort()).toEqual([
      '<ketnap-grassroots>: attribute "org" names no organisation, got "xyz"',
      '<ketnap-progress>: attribute "org" names no organisation, got "xyz"',
    ]);
    await tab.close();
  });

  it('is said once, and the figures come once the attribute is fixed', async () => {
    const { tab, warnings } = await open(
      page('/fixed', `<ketnap-progress id="el" ${org} from="2017-01-01" to="2017-7-31"></ketnap-progress>`),
    );
    expect(await settledText(tab, '#el')).toContain('«to»');
    await tab.locator('#el').evaluate((el) => el.setAttribute('to', '2017-07-31'));
    await tab.locator('#el [part="figure"]').waitFor();
    expect(await settledText(tab, '#el')).toContain('252 đảng viên mới');
    expect(warnings).toHaveLength(1);
    await tab.close();
  });
});

describe('the source line', () => {
  it('names the source, is hidden on request, and speaks English', async () => {
    const { tab } = await open(
      page(
        '/source',
        `<ketnap-progress id="default" ${org} ${period}></ketnap-progress>
         <ketnap-progress id="named" ${org} ${period} source="Ban Tổ chức Huyện ủy Thanh Chương"></ketnap-progress>
         <ketnap-progress id="hidden" ${org} ${period} hide-source></ketnap-progress>
         <ketnap-progress id="english" ${org} ${period} lang="en"></ketnap-progress>`,
      ),
      { viewport: { width: 800, height: 3000 } },
    );
    for (const id of ['#default', '#named', '#hidden', '#english']) await settledText(tab, id);
    const source = (id: string) => tab.locator(`${id} [part="source"]`).textContent();
    // On a newsroom's origin too the time is said: the server exposes the response's Date header.
    const at = String.raw` · cập nhật \d\d:\d\d \d\d?/\d\d?/\d{4}$`;
    expect(await source('#default')).toMatch(new RegExp(`^Nguồn: ketnap${at}`));
    expect(await source('#named')).toMatch(new RegExp(`^Nguồn: Ban Tổ chức Huyện ủy Thanh Chương${at}`));
    expect(await source('#english')).toMatch(/^Source: ketnap · updated \d\d?\/\d\d?\/\d{4}, \d\d:\d\d$/);
    expect(await tab.locator('#hidden [part="source"]').count()).toBe(0);
    // The hidden line's room is not kept either.
    const height = (id: string) => tab.locator(id).evaluate((el) => el.getBoundingClientRect().height);
    expect(await height('#hidden')).toBeLessThan(await height('#default'));
    await tab.close();
  });

  it('says when the figures were served where the browser lets it read the time (the API’s own origin)', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${ketnap.url}/demo/`);
    const before = Date.now();
    const text = await tab.locator('ketnap-progress [part="source"]').textContent();
    // "cập nhật 16:56 28/11/2026", in Vietnam's time (UTC+7).
    const match = /· cập nhật (\d\d):(\d\d) (\d\d?)\/(\d\d?)\/(\d{4})$/.exec(text ?? '');
    expect(match, text ?? '').not.toBeNull();
    const [, hh, mm, d, m, y] = match!.map(Number) as number[];
    const served = Date.UTC(y!, m! - 1, d!, hh!, mm!) - 7 * 3600_000;
    expect(Math.abs(served - before)).toBeLessThan(5 * 60_000);
    await tab.close();
  });
});

describe('max-items', () => {
  it('shows at most that many cells, counts the others, and keeps the reserved height', async () => {
    const { tab } = await open(
      page(
        '/max-items',
        `<ketnap-at-risk id="two" ${org} as-of="2017-01-01" recovered-to="2017-07-31" max-items="2"></ketnap-at-risk>`,
      ),
    );
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await tab.route('**/graphql?**', async (route) => {
      await held;
      await route.continue();
    });
    await tab.reload();
    await tab.locator('#two [part="skeleton"]').waitFor();
    const height = () => tab.locator('#two').evaluate((el) => el.getBoundingClientRect().height);
    const loading = await height();
    release();
    await settledText(tab, '#two');
    expect(await tab.locator('#two [part="item"]').count()).toBe(2);
    expect(await tab.locator('#two [part="more"]').textContent()).toBe('và 4 đơn vị khác');
    expect(await height()).toBe(loading);
    await tab.close();
  });
});
