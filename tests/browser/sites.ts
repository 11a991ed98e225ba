// Small HTTP servers for the browser tests: pages on other origins (with the headers a test
// wants), and a logging proxy in front of the API that sees every request, preflights included.
import { readFileSync } from 'node:fs';
import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export const widgetsDist = new URL('../../widgets/dist/', import.meta.url);

export interface Route {
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

/** A page server on another origin (its own port): path → response. */
export async function startSite(routes: Record<string, Route>) {
  const server = createServer((req, res) => {
    const route = routes[(req.url ?? '/').split('?')[0] ?? '/'];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route.type, ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, routes, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ProxyOptions {
  /** Answer this many /graphql requests with a 503 before passing them on. */
  failFirst?: number;
  /** Headers added to every HTML response (e.g. a Content-Security-Policy). */
  htmlHeaders?: Record<string, string>;
}

/** A logging proxy in front of the API: every request the browser really sends, preflights included. */
export async function startProxy(target: string, options: ProxyOptions = {}) {
  const seen: Seen[] = [];
  let failures = options.failFirst ?? 0;
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    if (failures > 0 && req.url?.startsWith('/graphql')) {
      failures -= 1;
      return res.writeHead(503, { 'access-control-allow-origin': '*' }).end();
    }
    const upstream = forward(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (up) => {
      const isHtml = String(up.headers['content-type']).startsWith('text/html');
      res.writeHead(up.statusCode ?? 502, { ...up.headers, ...(isHtml ? options.htmlHeaders : {}) });
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export const html = (body: string, head = ''): Route => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`,
});

export const bundle = (file = 'ketnap.js'): Route => ({
  type: 'text/javascript; charset=utf-8',
  body: readFileSync(new URL(file, widgetsDist)),
});

/** The address of a port nothing listens on. */
export async function closedPort(): Promise<string> {
  const server = await startSite({});
  await server.close();
  return server.url;
}
