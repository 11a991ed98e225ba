// The English words are a file of their own (ketnap-en.js), so that the bundle every reader
// downloads stays small: a Vietnamese page never asks for it; an English page asks once, however
// many English elements it has, and shows no Vietnamese in the meantime.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, startSite } from './sites.ts';
import { launchBrowser, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;

const element = (id: string, lang = '') =>
  `<ketnap-progress id="${id}" org="thanh-chuong" from="2017-01-01" to="2017-07-31"${lang}></ketnap-progress>`;

/** Opens a page of these elements and lists the widget files it fetched. */
async function open(body: string) {
  const path = `/${Math.random().toString(36).slice(2)}`;
  site.routes[path] = html(body, `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`);
  const page = await browser.newPage();
  const files: string[] = [];
  page.on('request', (r) => void (r.url().includes('/widgets/') && files.push(new URL(r.url()).pathname)));
  await page.goto(site.url + path);
  return { page, files };
}

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  site = await startSite({});
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

describe('the English words', () => {
  it('are never fetched by a Vietnamese page', async () => {
    const { page, files } = await open(element('vi'));
    expect(await settledText(page, '#vi')).toContain('252 đảng viên mới');
    expect(files).toEqual(['/widgets/ketnap.js']);
    await page.close();
  });

  it('are fetched once by an English page, which shows only English', async () => {
    const { page, files } = await open(`${element('a', ' lang="en"')}${element('b', ' lang="en"')}${element('c')}`);
    const english = await settledText(page, '#a');
    expect(english).toContain('252 new members');
    expect(english).not.toMatch(/đảng viên|Nguồn/);
    expect(await settledText(page, '#b')).toContain('Source: ketnap');
    expect(await settledText(page, '#c')).toContain('252 đảng viên mới');
    expect(files.sort()).toEqual(['/widgets/ketnap-en.js', '/widgets/ketnap.js']);
    await page.close();
  });
});
