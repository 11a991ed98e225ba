// "Tải số liệu": every element offers its figures as a CSV file, from the API's /embed/<element>.csv
// with the element's own attributes, and a reader who clicks the link on a newsroom's page (another
// origin) gets the file.
import { readFileSync } from 'node:fs';
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
  <ketnap-trend id="trend" ${org} from="2017-01-01" to="2017-07-31" lang="en"></ketnap-trend>
  <ketnap-trend id="hidden" ${org} from="2017-01-01" to="2017-07-31" hide-source></ketnap-trend>`;

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  site = await startSite({ '/': html(body, `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`) });
  page = await browser.newPage({ viewport: { width: 800, height: 3000 }, acceptDownloads: true });
  await page.goto(site.url);
  for (const id of ['#progress', '#grassroots', '#at-risk', '#trend', '#hidden']) await settledText(page, id);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

describe('the figures as CSV', () => {
  it('each element links to its CSV with its own attributes, in its language', async () => {
    const link = (id: string) => page.locator(`${id} [part="download"]`);
    const expected = {
      '#progress': ['Tải số liệu', '/embed/progress.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31'],
      '#grassroots': ['Tải số liệu', '/embed/grassroots.csv?org=thanh-chuong&as-of=2017-07-31'],
      '#at-risk': ['Tải số liệu', '/embed/at-risk.csv?org=thanh-chuong&as-of=2017-01-01&recovered-to=2017-07-31'],
      '#trend': ['Download the figures', '/embed/trend.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31&lang=en'],
    };
    for (const [id, [text, path]] of Object.entries(expected)) {
      expect(await link(id).textContent()).toBe(text);
      expect(await link(id).getAttribute('href')).toBe(`${ketnap.url}${path}`);
    }
    // The source line reads as before, the link beside it; with hide-source neither is shown.
    expect(await page.locator('#progress [part="source"]').textContent()).toMatch(/^Nguồn: ketnap · cập nhật /);
    expect(await link('#hidden').count()).toBe(0);
  });

  it('downloads the file when the reader clicks it', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#trend [part="download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('ketnap-trend-thanh-chuong-2017-01-01-2017-07-31.csv');
    const text = readFileSync((await download.path()) as string, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Organisation,Month,Members admitted');
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).reduce((n, line) => n + Number(line.split(',').at(-1)), 0)).toBe(252);
  });
});
