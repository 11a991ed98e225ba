// A widget frozen at publication, in a real browser on a newsroom's origin: an editor freezes the
// article's progress widget, a member is admitted afterwards, and `<ketnap-progress snapshot="ID">`
// still shows the frozen figures with "số liệu đến ngày …" while the live element moves on. An
// unknown snapshot, or one of another element, is named as the author's mistake.
import { createToken } from '@ketnap/server/src/auth/tokens.ts';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../widgets/src/lib/format.ts';
import { html, startSite } from './sites.ts';
import { launchBrowser, settledText, startKetnap } from './support.ts';

let browser: Browser;
let ketnap: Awaited<ReturnType<typeof startKetnap>>;
let site: Awaited<ReturnType<typeof startSite>>;
/** A newsroom's editor, who freezes; the board's admin, who writes the figures. */
const tokens = { editor: '', admin: '' };

/** Runs a GraphQL operation on the API with a token. */
async function graphql(query: string, variables: object = {}, token = tokens.editor) {
  const response = await fetch(`${ketnap.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return ((await response.json()) as { data: Record<string, any> }).data;
}

beforeAll(async () => {
  [browser, ketnap] = await Promise.all([launchBrowser(), startKetnap()]);
  site = await startSite({});
  tokens.editor = (await createToken({ name: 'Báo Nghệ An', role: 'EDITOR', organisationCode: 'thanh-chuong' })).secret;
  tokens.admin = (await createToken({ name: 'Ban Tổ chức', role: 'ADMIN' })).secret;
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ketnap?.close();
});

const period = 'from="2017-01-01" to="2017-07-31"';

describe('a frozen widget', () => {
  it('keeps the figures it was published with after a write changes the live ones', async () => {
    const { freezeWidget } = await graphql(
      `mutation { freezeWidget(input: { element: PROGRESS, org: "thanh-chuong", from: "2017-01-01", to: "2017-07-31" }) {
        ... on FreezeWidgetSuccess { data { id figuresOn } } } }`,
    );
    const { id, figuresOn } = freezeWidget.data as { id: string; figuresOn: string };
    const { organisation } = await graphql(
      `{ organisation(code: "thanh-chuong") { atRiskCells(asOf: "2017-01-01") { cell { code } } } }`,
    );
    const cellCode = organisation.atRiskCells[0].cell.code as string;
    const { recordMember } = await graphql(
      `mutation($input: RecordMemberInput!) { recordMember(input: $input) { __typename } }`,
      {
        input: {
          fullName: 'Người kết nạp sau khi đăng bài',
          birthDate: '1995-01-01',
          admittedOn: '2017-03-01',
          placements: [{ cellCode, startOn: '2017-03-01' }],
        },
      },
      tokens.admin,
    );
    expect(recordMember.__typename).toBe('RecordMemberSuccess');

    site.routes['/article'] = html(
      `<ketnap-progress id="frozen" snapshot="${id}"></ketnap-progress>
       <ketnap-progress id="live" org="thanh-chuong" ${period}></ketnap-progress>
       <ketnap-progress id="english" snapshot="${id}" lang="en"></ketnap-progress>`,
      `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`,
    );
    const tab = await browser.newPage();
    await tab.goto(`${site.url}/article`);
    const frozen = await settledText(tab, '#frozen');
    expect(frozen).toContain('252 đảng viên mới');
    expect(frozen).toContain('7 tháng đầu năm 2017'); // the snapshot's own period
    expect(frozen).toContain(`Nguồn: ketnap · số liệu đến ngày ${formatDate('vi', figuresOn)}`);
    expect(await settledText(tab, '#live')).toContain('253 đảng viên mới');
    expect(await settledText(tab, '#english')).toContain(`figures as of ${formatDate('en', figuresOn)}`);
    await tab.close();
  });

  it('an unknown snapshot, or one of another element, is the author’s mistake, named in the console', async () => {
    const { freezeWidget } = await graphql(
      `mutation { freezeWidget(input: { element: GRASSROOTS, org: "thanh-chuong", asOf: "2017-01-01" }) {
        ... on FreezeWidgetSuccess { data { id } } } }`,
    );
    site.routes['/mistakes'] = html(
      `<ketnap-progress id="unknown" snapshot="AAAAAAAAAAAA"></ketnap-progress>
       <ketnap-trend id="other" snapshot="${freezeWidget.data.id}"></ketnap-trend>`,
      `<script type="module" src="${ketnap.url}/widgets/ketnap.js"></script>`,
    );
    const tab = await browser.newPage();
    const warnings: string[] = [];
    tab.on('console', (m: ConsoleMessage) => void (m.type() === 'warning' && warnings.push(m.text())));
    await tab.goto(`${site.url}/mistakes`);
    expect(await settledText(tab, '#unknown')).toBe('Không tìm thấy bản lưu số liệu «AAAAAAAAAAAA».');
    expect(await tab.locator('#unknown [part="retry"]').count()).toBe(0); // not an outage
    expect(await settledText(tab, '#other')).toContain(`«${freezeWidget.data.id}»`);
    expect(warnings).toContain(
      '<ketnap-progress>: attribute "snapshot" names no snapshot of <ketnap-progress>, got "AAAAAAAAAAAA"',
    );
    expect(warnings.some((w) => w.startsWith('<ketnap-trend>: attribute "snapshot"'))).toBe(true);
    await tab.close();
  });
});
