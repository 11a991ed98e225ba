// Widgets frozen at publication, on SQLite and PostgreSQL: freezeWidget keeps the public answer
// under a short id; after a write that changes the live figures, /snapshots/<id>, the iframe page
// and the images still show the frozen ones, with "số liệu đến ngày …". Who may freeze, bad input
// named and nothing written, an unknown snapshot named as the author's mistake.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { formatDate } from '../../widgets/src/lib/format.ts';
import { prisma } from '../src/db.ts';
import { SNAPSHOT_CACHE_CONTROL } from '../src/embed/routes.ts';
import { createHttpHandler } from '../src/http/handler.ts';
import type { RateLimit } from '../src/http/limits.ts';
import { todayInVietnam } from '../src/rules/dates.ts';
import { widgetsManifest } from './embed-support.ts';
import { fingerprint } from './fixture.ts';
import { gql } from './support.ts';
import { engines, expectForbidden, expectViolation, miniWorldSuite, mutate } from './writes-support.ts';

const PROGRESS = { element: 'PROGRESS', org: 'thanh-chuong', from: '2017-01-01', to: '2017-12-31' };
const SELECT = 'id element org from to asOf recoveredTo frozenAt figuresOn path';
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

type Served = { url: string; close(): Promise<void> };

/** The HTTP server on the suite's database, on a port of its own. */
async function serve(rateLimit?: RateLimit): Promise<Served> {
  const handler = await createHttpHandler({ manifest: widgetsManifest(), rateLimit });
  const server = createServer(handler.listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  handler.markReady();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await handler.close();
    },
  };
}

describe.each(engines)('frozen widgets on %s', async (engine) => {
  const { world, available, test } = await miniWorldSuite(engine);
  let served: Served;
  beforeAll(async () => {
    if (available) served = await serve();
  });
  afterAll(async () => served?.close());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${served.url}${path}`, { headers });
  const admitted = async () =>
    (await gql(`{ organisation(code: "thanh-chuong") { admissionCount(from: "2017-01-01", to: "2017-12-31") } }`)).data!
      .organisation.admissionCount as number;

  test('keeps its figures after a write that changes the live ones, in every form', async () => {
    const live = `/embed/progress?org=thanh-chuong&from=2017-01-01&to=2017-12-31`;
    const before = await admitted();
    expect(words(await (await get(live)).text())).toContain(`${before} đảng viên mới`);
    const frozen = await mutate('freezeWidget', PROGRESS, world.tokens.hoa, SELECT);
    expect(frozen.errors).toBeUndefined();
    const snapshot = frozen.data as Record<string, string>;
    expect(snapshot).toMatchObject({ element: 'PROGRESS', org: 'thanh-chuong', from: '2017-01-01', asOf: null });
    expect(snapshot.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(snapshot.path).toBe(`/snapshots/${snapshot.id}`);
    expect(snapshot.figuresOn).toBe(todayInVietnam(new Date(snapshot.frozenAt as string))); // its day in Vietnam
    const audited = await prisma().auditEvent.findFirst({ where: { action: 'freezeWidget' }, orderBy: { id: 'desc' } });
    expect(audited).toMatchObject({ entityType: 'WidgetSnapshot', entityId: snapshot.id, actorRole: 'EDITOR' });

    // A member admitted in 2017: the live figure moves, the frozen one does not.
    const write = await mutate(
      'recordMember',
      {
        fullName: 'Người kết nạp sau',
        birthDate: '1995-01-01',
        admittedOn: '2017-03-01',
        placements: [{ cellCode: 'thanh-hoa-xom-3', startOn: '2017-03-01' }],
      },
      world.tokens.hoa,
    );
    expect(write.typename).toBe('RecordMemberSuccess');
    expect(await admitted()).toBe(before + 1);
    expect(words(await (await get(live)).text())).toContain(`${before + 1} đảng viên mới`);

    const json = await get(snapshot.path as string);
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe(SNAPSHOT_CACHE_CONTROL);
    const etag = json.headers.get('etag') as string;
    const document = (await json.json()) as { snapshot: Record<string, unknown>; data: any };
    expect(document.snapshot).toMatchObject({ id: snapshot.id, element: 'progress', figuresOn: snapshot.figuresOn });
    expect(document.snapshot.attributes).toEqual({ org: 'thanh-chuong', from: '2017-01-01', to: '2017-12-31' });
    expect(document.data.organisation.admissionCount).toBe(before);
    expect(document.data.organisation.quotaProgress.target).toBe(10);
    expect((await get(snapshot.path as string, { 'if-none-match': etag })).status).toBe(304);

    const day = formatDate('vi', snapshot.figuresOn as string);
    const page = words(await (await get(`/embed/progress?snapshot=${snapshot.id}`)).text());
    expect(page).toContain(`${before} đảng viên mới`);
    expect(page).toContain(`Nguồn: ketnap · số liệu đến ngày ${day}`);
    const svg = await (await get(`/embed/progress.svg?snapshot=${snapshot.id}&lang=en`)).text();
    expect(svg).toContain(`>${before} new members</text>`);
    expect(svg).toMatch(/<desc>[^<]*figures as of/);
    const png = await get(`/embed/progress.png?snapshot=${snapshot.id}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const url = `${served.url}/embed/progress?snapshot=${snapshot.id}`;
    const oembed = (await (await get(`/oembed?url=${encodeURIComponent(url)}`)).json()) as { html: string };
    expect(oembed.html).toContain(`/embed/progress?snapshot=${snapshot.id}"`);
  });

  test('only a token that may write freezes; nothing is written otherwise', async () => {
    const before = await fingerprint();
    expectForbidden(await mutate('freezeWidget', PROGRESS));
    expectForbidden(await mutate('freezeWidget', PROGRESS, world.tokens.viewer));
    expect(await fingerprint()).toBe(before);
    // The figures are public: an editor of another commune may freeze the district's.
    expect((await mutate('freezeWidget', PROGRESS, world.tokens.duc)).typename).toBe('FreezeWidgetSuccess');
  });

  test('bad input names the field and writes nothing', async () => {
    const t = world.tokens.hoa;
    const { to: _, ...noTo } = PROGRESS;
    await expectViolation('freezeWidget', noTo, t, 'WIDGET_ATTRIBUTE_REQUIRED', 'to');
    await expectViolation('freezeWidget', { ...PROGRESS, asOf: '2017-01-01' }, t, 'WIDGET_ATTRIBUTE_UNUSED', 'asOf');
    await expectViolation('freezeWidget', { ...PROGRESS, to: '2016-12-31' }, t, 'PERIOD_INVALID', 'to');
    await expectViolation('freezeWidget', { ...PROGRESS, from: '1900-01-01' }, t, 'PERIOD_TOO_LONG', 'to');
    await expectViolation('freezeWidget', { ...PROGRESS, org: 'nowhere' }, t, 'NOT_FOUND', 'org');
    const atRisk = { element: 'AT_RISK', org: 'thanh-chuong', asOf: '2017-07-31', recoveredTo: '2017-01-01' };
    await expectViolation('freezeWidget', atRisk, t, 'PERIOD_INVALID', 'recoveredTo');
    await expectViolation(
      'freezeWidget',
      { element: 'AT_RISK', org: 'thanh-chuong' },
      t,
      'WIDGET_ATTRIBUTE_REQUIRED',
      'asOf',
    );
    const before = await fingerprint();
    const badDate = await mutate('freezeWidget', { ...PROGRESS, from: '2017-02-30' }, t);
    expect(badDate.errors?.[0]?.message).toMatch(/"2017-02-30" is not a calendar date/);
    expect(await fingerprint()).toBe(before);
  });

  test('an unknown, malformed or mismatched snapshot is named as the author’s mistake', async () => {
    const unknown = await get('/embed/progress?snapshot=AAAAAAAAAAAA');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/Attribute (&quot;|")snapshot(&quot;|"): no snapshot has the id/);
    const malformed = await get('/embed/progress.svg?snapshot=nope');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toMatch(/^Attribute "snapshot"/);
    expect((await get('/snapshots/AAAAAAAAAAAA')).status).toBe(404);
    const { data } = await mutate('freezeWidget', PROGRESS, world.tokens.admin, 'id');
    const other = await get(`/embed/trend?snapshot=${data?.id}`);
    expect(other.status).toBe(400);
    expect(words(await other.text())).toContain(
      'is a snapshot of &lt;ketnap-progress&gt;, not of &lt;ketnap-trend&gt;',
    );
  });

  test('guessing snapshot ids spends the client’s budget', async () => {
    const strict = await serve({ points: 3, windowSeconds: 60, trustProxy: false });
    const statuses: number[] = [];
    for (const guess of ['AAAAAAAAAAAA', 'AAAAAAAAAAAB', 'AAAAAAAAAAAC', 'AAAAAAAAAAAD', 'AAAAAAAAAAAE'])
      statuses.push((await fetch(`${strict.url}/embed/progress.svg?snapshot=${guess}`)).status);
    await strict.close();
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
