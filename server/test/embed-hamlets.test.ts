// <ketnap-hamlets>'s no-JavaScript forms on a real HTTP server with the demo data (SQLite): the iframe
// page, the SVG, the PNG, the CSV and oEmbed show Đề án 01/ĐA-TU/2016's counts for Thanh Chương on
// 1/1/2017 (364 hamlets: 43 without a cell, 26 without a member, 6 whose cell is at risk) and, with
// `concern`, the hamlets of that kind up to `max-items`; bad attributes are refused by name; a frozen
// widget keeps its list, and each page shows its own max-items of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../src/auth/tokens.ts';
import { prisma } from '../src/db.ts';
import { type Running, startServer } from '../src/main.ts';
import { widgetsManifest } from './embed-support.ts';

let running: Running;
let editor = '';
const dir = mkdtempSync(join(tmpdir(), 'ketnap-embed-hamlets-'));
beforeAll(async () => {
  running = await startServer({ databaseUrl: `file:${join(dir, 'embed.db')}`, port: 0, manifest: widgetsManifest() });
  editor = (await createToken({ name: 'Báo Nghệ An', role: 'EDITOR', organisationCode: 'thanh-chuong' })).secret;
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HAMLETS = '/embed/hamlets?org=thanh-chuong&as-of=2017-01-01';
const get = (path: string) => fetch(`${running.url}${path}`);
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:])/g, '$1');
const COUNTS = ['43 chưa có chi bộ', '26 chưa có đảng viên', '6 nguy cơ không còn chi bộ'];

async function freeze(input: Record<string, string>) {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editor}` },
    body: JSON.stringify({
      query: `mutation($input: FreezeWidgetInput!) { freezeWidget(input: $input) {
        __typename ... on FreezeWidgetSuccess { data { id concern } }
        ... on ValidationError { violations { code field } } } }`,
      variables: { input },
    }),
  });
  return ((await response.json()) as { data: { freezeWidget: any } }).data.freezeWidget;
}

describe('the counts and the list, without JavaScript', () => {
  it('the iframe page: the three counts, and with concern the hamlets of that kind', async () => {
    const counts = await get(HAMLETS);
    expect(counts.status).toBe(200);
    const page = words(await counts.text());
    expect(page).toContain('364 khối, xóm, bản · ngày 1/1/2017');
    for (const count of COUNTS) expect(page).toContain(count);
    expect(page).not.toContain('đảng viên cư trú'); // no list unless asked for

    const atRisk = await (await get(`${HAMLETS}&concern=cell-at-risk`)).text();
    expect(words(atRisk)).toContain('Khối, xóm, bản nguy cơ không còn chi bộ');
    expect(atRisk.match(/<li><b>(Xóm|Bản) \d+<\/b> <span class="muted">· Đảng bộ xã /g)).toHaveLength(6);
    expect(words(atRisk)).not.toContain('đơn vị khác'); // six of six

    const three = words(await (await get(`${HAMLETS}&concern=without-cell&max-items=3&lang=en`)).text());
    expect(three).toContain('43 without a cell');
    expect(three).toContain('Hamlets without a cell');
    expect(three.match(/without a cell · /g)).toHaveLength(3);
    expect(three).toContain('and 40 more');
  });

  it('the images say the same, in words too', async () => {
    const svg = await (
      await get(`${HAMLETS.replace('hamlets', 'hamlets.svg')}&concern=without-member&max-items=2`)
    ).text();
    expect(svg).toMatch(
      /aria-label="Đảng bộ huyện Thanh Chương: Chi bộ, đảng viên ở khối, xóm, bản, 364 khối, xóm, bản · ngày 1\/1\/2017: 43 chưa có chi bộ, 26 chưa có đảng viên, 6 nguy cơ không còn chi bộ\. Khối, xóm, bản chưa có đảng viên: /,
    );
    expect(svg).toContain('>và 24 đơn vị khác</text>');
    const png = await get(HAMLETS.replace('hamlets', 'hamlets.png'));
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).readUInt32BE(16)).toBe(1200);
    const url = `${running.url}${HAMLETS}&concern=cell-at-risk`;
    const oembed = (await (await get(`/oembed?url=${encodeURIComponent(url)}`)).json()) as { html: string };
    expect(oembed.html).toContain('/embed/hamlets?org=thanh-chuong&amp;as-of=2017-01-01&amp;concern=cell-at-risk"');
  });

  it('the CSV: the counts, or the hamlets listed', async () => {
    const table = async (path: string) =>
      (await (await get(path)).text())
        .trimEnd()
        .split('\r\n')
        .map((line) =>
          [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => cell?.replace(/^"|"$/g, '')),
        );
    expect(await table(HAMLETS.replace('hamlets', 'hamlets.csv'))).toEqual([
      ['Tổ chức', 'Ngày', 'Số khối, xóm, bản', 'Chưa có chi bộ', 'Chưa có đảng viên', 'Nguy cơ không còn chi bộ'],
      ['Đảng bộ huyện Thanh Chương', '2017-01-01', '364', '43', '26', '6'],
    ]);
    const listed = await table(`${HAMLETS.replace('hamlets', 'hamlets.csv')}&concern=cell-at-risk&lang=en`);
    expect(listed[0]).toEqual(['Organisation', 'Day', 'Hamlet', 'Commune', 'Cell', 'Members living there']);
    expect(listed).toHaveLength(7);
    for (const row of listed.slice(1)) expect(row[4]).toMatch(/^Chi bộ (xóm|bản) \d+$/);
  });

  it.each([
    [`${HAMLETS}&concern=no-cell`, 'concern'],
    [`${HAMLETS}&concern=without-cell&max-items=0`, 'max-items'],
    [`${HAMLETS.replace('hamlets', 'hamlets.svg')}&concern=without-cell&max-items=100`, 'max-items'],
    ['/embed/hamlets?org=thanh-chuong', 'as-of'],
    ['/embed/hamlets.png?org=thanh-chuong&as-of=2017-02-29', 'as-of'],
  ])('%s → 400 naming "%s"', async (path, attribute) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(new RegExp(`Attribute (&quot;|")${attribute}(&quot;|")`));
  });
});

describe('frozen', () => {
  it('keeps the counts and the list; each page shows its own max-items of it', async () => {
    const frozen = await freeze({
      element: 'HAMLETS',
      org: 'thanh-chuong',
      asOf: '2017-01-01',
      concern: 'WITHOUT_CELL',
    });
    expect(frozen.__typename).toBe('FreezeWidgetSuccess');
    expect(frozen.data.concern).toBe('WITHOUT_CELL');
    const document = (await (await get(`/snapshots/${frozen.data.id}`)).json()) as any;
    expect(document.snapshot.attributes).toEqual({ org: 'thanh-chuong', asOf: '2017-01-01', concern: 'without-cell' });
    expect(document.data.organisation.hamletCounts).toEqual({
      hamlets: 364,
      withoutCell: 43,
      withoutMember: 26,
      cellAtRisk: 6,
    });
    expect(document.data.organisation.hamlets).toHaveLength(43); // up to 99: all of them
    const two = words(await (await get(`/embed/hamlets?snapshot=${frozen.data.id}&max-items=2`)).text());
    expect(two.match(/chưa có chi bộ · /g)).toHaveLength(2);
    expect(two).toContain('và 41 đơn vị khác');
    expect(two).toContain('số liệu đến ngày');
  });

  it('refuses a concern for another element, or a hamlets widget without its day, and writes nothing', async () => {
    const before = await prisma().widgetSnapshot.count();
    const progress = await freeze({
      element: 'PROGRESS',
      org: 'thanh-chuong',
      from: '2017-01-01',
      to: '2017-07-31',
      concern: 'WITHOUT_CELL',
    });
    expect(progress.violations).toEqual([{ code: 'WIDGET_ATTRIBUTE_UNUSED', field: 'concern' }]);
    const noDay = await freeze({ element: 'HAMLETS', org: 'thanh-chuong' });
    expect(noDay.violations).toEqual([{ code: 'WIDGET_ATTRIBUTE_REQUIRED', field: 'asOf' }]);
    expect(await prisma().widgetSnapshot.count()).toBe(before);
  });
});
