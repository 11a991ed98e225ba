// <ketnap-hamlets> in a real browser against the real server and the demo data: Đề án 01/ĐA-TU/2016's
// three counts for Thanh Chương on 1/1/2017 (43 hamlets without a cell, 26 without a member, 6 whose
// cell is at risk) on the demo article and on a newsroom's page, the list of one kind, a frozen widget,
// an author's mistakes named, the same height while loading and once loaded, and nothing axe-core
// objects to. Screenshots are kept in test-results/ (not committed).
import { mkdirSync } from 'node:fs';
import { createToken } from '@ketnap/server/src/auth/tokens.ts';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startProxy, startSite } from './sites.ts';
import { axeViolations, launchBrowser, settledText, startKetnap } from './support.ts';

const results = new URL('../../test-results/', import.meta.url);
const org = 'org="thanh-chuong" as-of="2017-01-01"';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  mkdirSync(results, { recursive: true });
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  proxy = await startProxy(ketnap.url);
  site = await startSite({});
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await proxy?.close();
  await ketnap?.close();
});

/** A newsroom's page holding `body`, the script loaded from the API's origin; its console warnings kept. */
async function open(path: string, body: string, options: Parameters<Browser['newPage']>[0] = {}) {
  site.routes[path] = html(body, `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`);
  const page = await browser.newPage({ viewport: { width: 800, height: 3000 }, ...options });
  const warnings: string[] = [];
  page.on('console', (m: ConsoleMessage) => void (m.type() === 'warning' && warnings.push(m.text())));
  await page.goto(site.url + path);
  return { page, warnings };
}

const counts = async (page: Page, selector: string) =>
  (await page.locator(`${selector} [part="count"]`).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

describe('the demo article', () => {
  it('shows 43 hamlets without a cell, 26 without a member, 6 whose cell is at risk, and lists the six', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 6000 } });
    await page.goto(`${ketnap.url}/demo/`);
    const text = await settledText(page, 'ketnap-hamlets');
    expect(text).toContain('364 khối, xóm, bản · ngày 1/1/2017');
    expect(await counts(page, 'ketnap-hamlets')).toEqual([
      '43 chưa có chi bộ',
      '26 chưa có đảng viên',
      '6 nguy cơ không còn chi bộ',
    ]);
    expect(text).toContain('Khối, xóm, bản nguy cơ không còn chi bộ');
    const items = await page.locator('ketnap-hamlets [part="item"]').allTextContents();
    expect(items).toHaveLength(6);
    for (const item of items)
      expect(item.replace(/\s+/g, ' ')).toMatch(/· Đảng bộ xã .+Chi bộ .+ · \d+ đảng viên cư trú/);
    expect(await page.locator('ketnap-hamlets [part="more"]').count()).toBe(0); // six of six shown
    expect(await page.locator('ketnap-hamlets').getByRole('listitem').count()).toBe(9); // three counts, six hamlets
    await page.close();
  });

  for (const width of [390, 1280]) {
    it(`keeps its height while loading at ${width}px, and axe finds nothing in the light or the dark`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 6000 } });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/graphql?**', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${ketnap.url}/demo/`);
      const el = page.locator('ketnap-hamlets');
      await el.locator('[part="skeleton"]').waitFor();
      const height = () => el.evaluate((e) => e.getBoundingClientRect().height);
      const loading = await height();
      release();
      await settledText(page, 'ketnap-hamlets');
      expect(await height()).toBe(loading);
      await el.screenshot({ path: new URL(`hamlets-demo-${width}.png`, results).pathname });
      for (const tag of ['ketnap-progress', 'ketnap-grassroots', 'ketnap-at-risk', 'ketnap-trend'])
        await settledText(page, tag);
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }
});

describe('on a newsroom’s page', () => {
  it('the counts alone, a list cut at max-items with the rest counted, English, a forced dark theme', async () => {
    const { page, warnings } = await open(
      '/figures',
      `<ketnap-hamlets id="counts" ${org}></ketnap-hamlets>
       <ketnap-hamlets id="three" ${org} concern="without-cell" max-items="3"></ketnap-hamlets>
       <ketnap-hamlets id="english" ${org} concern="without-member" lang="en" theme="dark"></ketnap-hamlets>
       <ketnap-hamlets id="commune" org="thanh-hoa" as-of="2017-01-01"></ketnap-hamlets>
       <ketnap-hamlets id="none" org="thanh-chuong" as-of="2017-07-31" concern="cell-at-risk"></ketnap-hamlets>`,
    );
    for (const id of ['#counts', '#three', '#english', '#commune', '#none']) await settledText(page, id);
    expect(await counts(page, '#counts')).toEqual([
      '43 chưa có chi bộ',
      '26 chưa có đảng viên',
      '6 nguy cơ không còn chi bộ',
    ]);
    expect(await page.locator('#counts [part="list"]').count()).toBe(0);
    expect(await page.locator('#three [part="item"]').count()).toBe(3);
    expect(await page.locator('#three [part="more"]').textContent()).toBe('và 40 đơn vị khác');
    for (const item of await page.locator('#three [part="item"]').allTextContents())
      expect(item).toContain('chưa có chi bộ');
    const english = await settledText(page, '#english');
    expect(english).toContain('364 hamlets · on 1 January 2017');
    expect(await counts(page, '#english')).toEqual([
      '43 without a cell',
      '26 without a member',
      '6 whose cell is at risk',
    ]);
    expect(english).toContain('Hamlets without a member');
    expect(await page.locator('#english [part="item"]').count()).toBe(6);
    expect(await page.locator('#english [part="more"]').textContent()).toBe('and 20 more');
    expect(await page.locator('#english [part="base"]').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(31, 28, 26)',
    );
    // A commune's own hamlets (Thanh Hòa has ten, two without a cell).
    expect(await settledText(page, '#commune')).toContain('10 khối, xóm, bản');
    expect((await counts(page, '#commune'))[0]).toBe('2 chưa có chi bộ');
    // By 31/7/2017 the six cells have recovered: the list of that kind is empty, and says how many (0).
    expect((await counts(page, '#none'))[2]).toBe('0 nguy cơ không còn chi bộ');
    expect(await page.locator('#none [part="item"]').count()).toBe(0);
    expect(warnings).toEqual([]);
    await page.close();
  });

  it('reserves room for max-items hamlets at a phone’s width and a desktop’s', async () => {
    const IDS = ['#a', '#b', '#c', '#d'];
    for (const width of [390, 1280]) {
      const { page } = await open(
        `/heights-${width}`,
        `<ketnap-hamlets id="a" ${org}></ketnap-hamlets>
         <ketnap-hamlets id="b" ${org} concern="without-cell" max-items="4" lang="en"></ketnap-hamlets>
         <ketnap-hamlets id="c" ${org} concern="without-member" max-items="9"></ketnap-hamlets>
         <ketnap-hamlets id="d" ${org} concern="cell-at-risk" max-items="2"></ketnap-hamlets>`,
        { viewport: { width, height: 4000 } },
      );
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/graphql?**', async (route) => {
        await held;
        await route.continue();
      });
      await page.reload();
      await page.locator('#a [part="skeleton"]').waitFor();
      const heights = () =>
        Promise.all(IDS.map((id) => page.locator(id).evaluate((e) => e.getBoundingClientRect().height)));
      const loading = await heights();
      release();
      for (const id of IDS) await settledText(page, id);
      expect(await heights(), `at ${width}px`).toEqual(loading);
      expect(loading[0]).toBeLessThan(loading[1] as number); // a list takes room only when asked for
      await page.screenshot({ path: new URL(`hamlets-${width}.png`, results).pathname, fullPage: true });
      await page.close();
    }
  });
});

describe('frozen at publication', () => {
  it('shows the frozen counts and its own max-items of the frozen list, with the day they were frozen', async () => {
    const { secret } = await createToken({ name: 'Báo Nghệ An', role: 'EDITOR', organisationCode: 'thanh-chuong' });
    const response = await fetch(`${ketnap.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: `mutation { freezeWidget(input: { element: HAMLETS, org: "thanh-chuong", asOf: "2017-01-01",
          concern: WITHOUT_MEMBER }) { ... on FreezeWidgetSuccess { data { id } } } }`,
      }),
    });
    const { id } = ((await response.json()) as { data: { freezeWidget: { data: { id: string } } } }).data.freezeWidget
      .data;
    const { page, warnings } = await open(
      '/frozen',
      `<ketnap-hamlets id="el" snapshot="${id}" max-items="2"></ketnap-hamlets>`,
    );
    const text = await settledText(page, '#el');
    expect(await counts(page, '#el')).toEqual([
      '43 chưa có chi bộ',
      '26 chưa có đảng viên',
      '6 nguy cơ không còn chi bộ',
    ]);
    expect(text).toContain('Khối, xóm, bản chưa có đảng viên'); // the snapshot's own concern
    expect(await page.locator('#el [part="item"]').count()).toBe(2);
    expect(await page.locator('#el [part="more"]').textContent()).toBe('và 24 đơn vị khác');
    expect(text).toMatch(/Nguồn: ketnap · số liệu đến ngày \d/);
    expect(warnings).toEqual([]);
    await page.close();
  });
});

describe("an author's mistake", () => {
  const cases: [string, string, string][] = [
    [
      `<ketnap-hamlets id="el" ${org} concern="no-cell"></ketnap-hamlets>`,
      '<ketnap-hamlets>: attribute "concern" must be without-cell, without-member or cell-at-risk, got "no-cell"',
      '«concern»',
    ],
    [
      '<ketnap-hamlets id="el" org="thanh-chuong"></ketnap-hamlets>',
      '<ketnap-hamlets>: attribute "as-of" is required',
      '«as-of» bị thiếu',
    ],
    [
      '<ketnap-hamlets id="el" org="thanh-chuong" as-of="2017-02-29"></ketnap-hamlets>',
      '<ketnap-hamlets>: attribute "as-of" must be a date YYYY-MM-DD, got "2017-02-29"',
      '«as-of»',
    ],
    [
      `<ketnap-hamlets id="el" ${org} concern="without-cell" max-items="100"></ketnap-hamlets>`,
      '<ketnap-hamlets>: attribute "max-items" must be a whole number from 1 to 99, got "100"',
      '«max-items»',
    ],
  ];
  for (const [el, warning, named] of cases) {
    it(`is named in the console and on the page, and nothing is asked of the API: ${warning}`, async () => {
      proxy.seen.length = 0;
      const { page, warnings } = await open('/mistake', el.replace('id="el"', `id="el" api="${proxy.url}"`));
      const text = await settledText(page, '#el');
      expect(text).toMatch(/^Mã nhúng sai: /);
      expect(text).toContain(named);
      expect(await page.locator('#el [part="retry"]').count()).toBe(0);
      expect(warnings).toEqual([warning]);
      expect(proxy.seen.filter((r) => r.path.startsWith('/graphql'))).toEqual([]);
      await page.close();
    });
  }

  it('an unknown organisation is named too', async () => {
    const { page, warnings } = await open(
      '/unknown',
      '<ketnap-hamlets id="el" org="xyz" as-of="2017-01-01"></ketnap-hamlets>',
    );
    expect(await settledText(page, '#el')).toBe('Không tìm thấy tổ chức «xyz».');
    expect(warnings).toEqual(['<ketnap-hamlets>: attribute "org" names no organisation, got "xyz"']);
    await page.close();
  });
});
