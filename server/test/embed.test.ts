// The widgets' no-JavaScript forms on a real HTTP server with the demo data (SQLite): the iframe
// page, the SVG and PNG images and oEmbed show the article's figures, are cached like the widgets'
// reads (ETag, 304, made stale by a write), and refuse bad attributes by name without a 500.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyCommitted } from '../src/domain/committed.ts';
import { PUBLIC_CACHE_CONTROL } from '../src/http/answers/public-read.ts';
import { type Running, startServer } from '../src/main.ts';
import { widgetsManifest } from './embed-support.ts';

let running: Running;
const dir = mkdtempSync(join(tmpdir(), 'ketnap-embed-'));
beforeAll(async () => {
  running = await startServer({ databaseUrl: `file:${join(dir, 'embed.db')}`, port: 0, manifest: widgetsManifest() });
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

const PROGRESS = '/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-07-31';
const AT_RISK = '/embed/at-risk?org=thanh-chuong&as-of=2017-01-01&recovered-to=2017-07-31';
const GRASSROOTS = '/embed/grassroots?org=thanh-chuong&as-of=2017-01-01';
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${running.url}${path}`, { headers });
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the iframe page', () => {
  it('shows the article’s figures, written on the server', async () => {
    const progress = await get(PROGRESS);
    expect(progress.status).toBe(200);
    expect(progress.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await progress.text();
    expect(words(page)).toContain('252 đảng viên mới');
    expect(words(page)).toContain('7 tháng đầu năm 2017');
    expect(words(await (await get(GRASSROOTS)).text())).toContain('82 tổ chức cơ sở đảng');
    const atRisk = words(await (await get(`${AT_RISK}&lang=en`)).text());
    expect(atRisk).toContain('6 cells in 4 communes');
    expect(atRisk).toContain('6 of 6 have admitted new members');
  });

  it('names the source as the page asks (source), or leaves the line out (hide-source), in every form', async () => {
    const named = words(await (await get(`${PROGRESS}&source=${encodeURIComponent('Báo Nghệ An')}`)).text());
    expect(named).toContain('Nguồn: Báo Nghệ An');
    expect(words(await (await get(PROGRESS)).text())).toContain('Nguồn: ketnap');
    expect(words(await (await get(`${PROGRESS}&hide-source`)).text())).not.toContain('Nguồn:');
    const svg = await (
      await get(`${PROGRESS.replace('/progress', '/progress.svg')}&source=Ban+T%E1%BB%95+ch%E1%BB%A9c`)
    ).text();
    expect(svg).toContain('Ban Tổ chức');
    expect(
      await (await get(`${GRASSROOTS.replace('/grassroots', '/grassroots.svg')}&hide-source`)).text(),
    ).not.toContain('Nguồn');
  });

  it('may be framed by any site, and runs only its own files', async () => {
    const response = await get(PROGRESS);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(response.headers.get('x-frame-options')).toBeNull();
    const page = await response.text();
    expect(page).toContain('<script src="/embed/frame.js" defer></script>');
    expect(page).not.toMatch(/<script>|<style|style="/); // nothing inline
    const frame = await get('/embed/frame.js');
    expect(frame.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await frame.text()).toContain("type: 'embed-size'");
    expect((await get('/embed/resize.js')).status).toBe(200);
    expect((await get('/embed/embed.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('is cached like the widgets’ reads: public max-age, ETag, 304, compressed, stale after a write', async () => {
    const url = `${PROGRESS}&theme=light`;
    const first = await get(url);
    await first.arrayBuffer();
    const second = await get(url);
    expect(second.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(second.headers.get('x-ketnap-cache')).toBe('hit');
    const etag = second.headers.get('etag') as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const compressed = await get(url, { 'accept-encoding': 'gzip' });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    await notifyCommitted({ at: new Date(), scopes: ['thanh-chuong'] });
    const after = await get(url);
    expect(after.headers.get('x-ketnap-cache')).toBe('miss');
    expect(after.headers.get('etag')).toBe(etag); // same figures, same bytes, same tag
  });

  it('announces its oEmbed description', async () => {
    const page = await (await get(PROGRESS)).text();
    const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const oembed = await fetch((href as string).replaceAll('&amp;', '&'));
    expect(oembed.status).toBe(200);
    const body = (await oembed.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'ketnap', width: 600 });
    expect(body.height).toBeGreaterThan(100);
    expect(body.html).toContain(`<iframe src="${running.url}/embed/progress?org=thanh-chuong&amp;from=2017-01-01`);
    expect(body.html).toContain(`${running.url}/embed/resize.js`);
  });
});

describe('the images', () => {
  it('SVG: the figures, a <title>, and the figures in words', async () => {
    const response = await get(PROGRESS.replace('progress', 'progress.svg'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Đảng bộ huyện Thanh Chương: 252 đảng viên mới/);
    expect(svg).toContain('<title>Kết nạp đảng viên mới — Đảng bộ huyện Thanh Chương</title>');
    expect(svg).toMatch(/<desc>[^<]*252 đảng viên mới, 7 tháng đầu năm 2017/);
    expect(svg).toContain('>252 đảng viên mới</text>');
    const atRisk = await (await get(AT_RISK.replace('at-risk', 'at-risk.svg'))).text();
    expect(atRisk.match(/<text x="32" [^>]*font-weight="bold">Chi bộ [^<]* · Đảng bộ xã/g)).toHaveLength(6); // one per cell
  });

  it('PNG: drawn on the server, cached with an ETag', async () => {
    const url = GRASSROOTS.replace('grassroots', 'grassroots.png');
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(1200); // width: 600 at twice the size
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(1_000_000);
    const again = await get(url, { 'if-none-match': response.headers.get('etag') as string });
    expect(again.status).toBe(304);
  });
});

describe('refusals', () => {
  it.each([
    ['/embed/progress?org=thanh-chuong&from=2017-02-30&to=2017-07-31', 'from'],
    ['/embed/progress?org=thanh-chuong&from=2017-01-01', 'to'],
    ['/embed/trend.svg?org=thanh-chuong&from=2017-08-01&to=2017-07-31', 'from'],
    ['/embed/at-risk?org=thanh-chuong&as-of=2017-08-01&recovered-to=2017-07-31', 'as-of'],
    ['/embed/at-risk.png?org=thanh-chuong&as-of=yesterday', 'as-of'],
    ['/embed/grassroots?org=thanh-chuong&as-of=1800-01-01', 'as-of'],
    ['/embed/progress?from=2017-01-01&to=2017-07-31', 'org'],
    ['/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-07-31&theme=pink', 'theme'],
    ['/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-07-31&lang=%3Cscript%3E', 'lang'],
    ['/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-07-31&source=%3Cb%3E', 'source'],
    ['/embed/progress.svg?org=thanh-chuong&from=2017-01-01&to=2017-07-31&hide-source=maybe', 'hide-source'],
  ])('%s → 400 naming "%s"', async (path, attribute) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toMatch(new RegExp(`Attribute (&quot;|")${attribute}(&quot;|")`));
  });

  it('an unknown organisation → 404 saying so', async () => {
    for (const path of [
      '/embed/progress?org=nowhere&from=2017-01-01&to=2017-07-31',
      '/embed/grassroots.svg?org=nowhere',
    ]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/Unknown organisation (&quot;|")nowhere/);
    }
  });

  it('oEmbed: a URL that is not an embed of this server → 404; xml → 501; a bad attribute → 400', async () => {
    const oembed = (url: string, format = 'json') =>
      get(`/oembed?url=${encodeURIComponent(url)}&format=${format}`).then((r) => r.status);
    expect(await oembed('https://elsewhere.example/embed/progress?org=thanh-chuong')).toBe(404);
    expect(await oembed(`${running.url}/graphql`)).toBe(404);
    expect(await oembed(`${running.url}${PROGRESS}`, 'xml')).toBe(501);
    expect(await oembed(`${running.url}/embed/progress?org=thanh-chuong&from=x&to=2017-07-31`)).toBe(400);
    expect((await get('/oembed')).status).toBe(400);
  });

  it('never answers 500 to odd input', async () => {
    const odd = [
      '/embed/progress?org=%E0%A4%A&from=2017-01-01&to=2017-07-31',
      `/embed/progress?org=${'a'.repeat(300)}&from=2017-01-01&to=2017-07-31`,
      '/embed/progress.gif',
      '/embed/',
      '/embed/progress?org=thanh-chuong&from=2017-01-01&to=2117-07-31',
    ];
    for (const path of odd) expect((await get(path)).status, path).toBeLessThan(500);
    expect((await fetch(`${running.url}${PROGRESS}`, { method: 'POST' })).status).toBe(405);
  });
});
