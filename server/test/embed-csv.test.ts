// "Tải số liệu": each widget's figures as CSV (/embed/<element>.csv) on a real HTTP server with the
// demo data (SQLite): the article's figures in a table, cached as the widgets' reads are (public
// max-age, ETag, 304, stale after a write), bad attributes refused by name and never kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyCommitted } from '../src/domain/committed.ts';
import { csvOf } from '../src/embed/csv.ts';
import { PUBLIC_CACHE_CONTROL } from '../src/http/answers/public-read.ts';
import { type Running, startServer } from '../src/main.ts';
import { widgetsManifest } from './embed-support.ts';

let running: Running;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-csv-'));
beforeAll(async () => {
  running = await startServer({ databaseUrl: `file:${join(dir, 'csv.db')}`, port: 0, manifest: widgetsManifest() });
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init: RequestInit = {}) => fetch(`${running.url}${path}`, init);
/** The rows of a CSV answer (no line breaks inside its cells), its byte order mark checked and removed. */
async function rows(response: Response): Promise<string[][]> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => unquote(cell ?? '')));
}
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);

describe('the figures of each widget as CSV', () => {
  it('progress: the admissions against the quota, as a file to save', async () => {
    const response = await get('/embed/progress.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ketnap-progress-thanh-chuong-2017-01-01-2017-07-31.csv"',
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const [head, row, ...rest] = await rows(response);
    expect(head).toEqual([
      'Tổ chức',
      'Từ ngày',
      'Đến ngày',
      'Số đảng viên kết nạp',
      'Chỉ tiêu',
      'Tỷ lệ đạt chỉ tiêu',
      'Cần đạt đến nay',
      'Tiến độ',
      'Chỉ tiêu từ ngày',
      'Chỉ tiêu đến ngày',
    ]);
    expect(row?.slice(0, 4)).toEqual(['Đảng bộ huyện Thanh Chương', '2017-01-01', '2017-07-31', '252']);
    const [target, ratio] = [Number(row?.[4]), Number(row?.[5])];
    expect(ratio).toBeCloseTo(252 / target, 12);
    expect(row?.slice(8)).toEqual(['2017-01-01', '2017-12-31']);
    expect(rest).toEqual([]);
    const english = await rows(await get('/embed/progress.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31&lang=en'));
    expect(english[0]?.slice(0, 4)).toEqual(['Organisation', 'From', 'To', 'Members admitted']);
  });

  it('trend, at-risk and grassroots: one row per month, per cell, per sector', async () => {
    const trend = await rows(await get('/embed/trend.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31'));
    expect(trend[0]).toEqual(['Tổ chức', 'Tháng', 'Số đảng viên kết nạp']);
    expect(trend.slice(1).map((r) => r[1])).toEqual([
      '2017-01',
      '2017-02',
      '2017-03',
      '2017-04',
      '2017-05',
      '2017-06',
      '2017-07',
    ]);
    expect(trend.slice(1).reduce((n, r) => n + Number(r[2]), 0)).toBe(252);

    const atRisk = await rows(
      await get('/embed/at-risk.csv?org=thanh-chuong&as-of=2017-01-01&recovered-to=2017-07-31'),
    );
    expect(atRisk[0]).toEqual([
      'Tổ chức',
      'Ngày',
      'Chi bộ',
      'Trực thuộc',
      'Số đảng viên',
      'Số đảng viên từ 60 tuổi',
      'Lần kết nạp gần nhất',
      'Số năm chưa kết nạp',
      'Kết nạp đến 2017-07-31',
    ]);
    const cells = atRisk.slice(1);
    expect(cells).toHaveLength(6);
    expect(new Set(cells.map((r) => r[3])).size).toBe(4); // in 4 communes
    expect(cells.map((r) => Number(r[8])).sort()).toEqual([1, 1, 1, 1, 1, 2]);
    for (const r of cells) expect(Number(r[4])).toBeLessThan(5);

    const grassroots = await rows(await get('/embed/grassroots.csv?org=thanh-chuong&as-of=2017-01-01'));
    expect(grassroots[0]).toEqual(['Tổ chức', 'Ngày', 'Khối', 'Đảng bộ cơ sở', 'Chi bộ cơ sở']);
    expect(grassroots.at(-1)).toEqual(['Đảng bộ huyện Thanh Chương', '2017-01-01', 'Tổng', '58', '24']);
    expect(grassroots.find((r) => r[2] === 'Xã, thị trấn')?.[3]).toBe('40');
  });

  it('is cached like the widgets’ reads: public max-age, ETag, 304, stale after a write', async () => {
    const url = '/embed/trend.csv?org=thanh-chuong&from=2017-01-01&to=2017-03-31';
    await (await get(url)).arrayBuffer();
    const second = await get(url);
    expect(second.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(second.headers.get('x-ketnap-cache')).toBe('hit');
    const etag = second.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await get(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await notifyCommitted({ at: new Date(), scopes: ['thanh-chuong'] });
    const after = await get(url);
    expect(after.headers.get('x-ketnap-cache')).toBe('miss');
    expect(after.headers.get('etag')).toBe(etag); // same figures, same bytes
  });

  it('refuses a bad attribute or an unknown organisation by name, as text, and keeps nothing', async () => {
    for (const [path, status, message] of [
      ['/embed/progress.csv?org=thanh-chuong&from=2017-02-30&to=2017-07-31', 400, 'Attribute "from"'],
      ['/embed/progress.csv?org=thanh-chuong&from=2017-08-01&to=2017-07-31', 400, 'Attribute "from"'],
      ['/embed/trend.csv?from=2017-01-01&to=2017-07-31', 400, 'Attribute "org"'],
      ['/embed/trend.csv?org=nowhere&from=2017-01-01&to=2017-07-31', 404, 'Unknown organisation "nowhere"'],
      ['/embed/nothing.csv?org=thanh-chuong', 404, 'No embed at /embed/nothing.csv'],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const response = await get(path);
        expect([path, response.status]).toEqual([path, status]);
        expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('x-ketnap-cache')).toBeNull();
        expect(await response.text()).toContain(message);
      }
    }
    expect(
      (await get('/embed/trend.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31', { method: 'POST' })).status,
    ).toBe(405);
    // A file of figures is no embed a page can show: oEmbed does not describe it.
    const oembed = await get(
      `/oembed?url=${encodeURIComponent(`${running.url}/embed/trend.csv?org=thanh-chuong&from=2017-01-01&to=2017-07-31`)}&format=json`,
    );
    expect(oembed.status).toBe(404);
  });

  it('quotes what a spreadsheet would misread: commas, quotes, line breaks and formulas', () => {
    const csv = csvOf({ element: 'trend', org: 'x', lang: 'vi', theme: 'auto', from: '2017-01-01', to: '2017-01-31' }, {
      element: 'trend',
      name: '=HYPERLINK("x"), "Chi bộ" A\nB',
      result: { name: 'x', admissionsByMonth: [{ month: '2017-01', count: 3 }] },
    } as never);
    expect(csv).toBe(`\uFEFFTổ chức,Tháng,Số đảng viên kết nạp\r\n"'=HYPERLINK(""x""), ""Chi bộ"" A\nB",2017-01,3\r\n`);
  });
});
