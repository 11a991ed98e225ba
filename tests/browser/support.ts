// Browser-test support: Debian's Chromium through playwright-core, the real ketnap server on a
// fresh SQLite file with the demo data, and helpers to read what the elements show.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@ketnap/server/src/main.ts';
import { type Browser, chromium, type Page } from 'playwright-core';

export const STRICT_CSP = "script-src 'self'; style-src 'self'";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Every page of a browser test is one client (127.0.0.1), and a page such as the gallery makes some
 * twenty cold, expensive requests; on a loaded machine their time spent the default budget (120
 * points a minute, a point per 20 ms) and the last images got 429. The limit is tested apart
 * (server/test/rate-limit.test.ts); here it is set out of reach.
 */
const BROWSER_RATE_LIMIT = { points: 1_000_000, windowSeconds: 60, trustProxy: false };

/** The real server with the demo dataset, on a database file of its own. */
export async function startKetnap() {
  const file = join(tmpdir(), `ketnap-browser-${randomBytes(6).toString('hex')}.db`);
  const server = await startServer({ port: 0, databaseUrl: `file:${file}`, rateLimit: BROWSER_RATE_LIMIT });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    },
  };
}

/** A fresh page that records uncaught errors and CSP violations. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
  });
  await page.goto(url);
  return { page, problems };
}

export const moduleScript = (src: string) => `<script type="module" src="${src}"></script>`;

/** A <ketnap-progress> with the article's period; `api` left out when undefined. */
export const progress = (api?: string) =>
  `<ketnap-progress id="progress" org="thanh-chuong" from="2017-01-01" to="2017-07-31"${api ? ` api="${api}"` : ''}></ketnap-progress>`;

/** The text an element shows once it has left its loading state (locators pierce shadow roots). */
export async function settledText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).locator('[part="base"][aria-busy="false"]').textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds wrong on the page (WCAG 2.1 A and AA, best practice): `rule: [targets]`. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol: the pages' strict CSP forbids an inline <script>.
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}
