// The node HTTP listener: /healthz and /readyz, the widgets' files and pages, the public read
// path (answered before GraphQL), and /graphql (yoga). Every path answers: a malformed URL gets
// 400, and anything unexpected is logged and answered 500 without ending the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, tokenIdOf } from '../auth/tokens.ts';
import { onCommitted } from '../domain/committed.ts';
import { log } from '../log.ts';
import { createApp, GRAPHIQL } from '../yoga.ts';
import { isPublicRead, publicReads } from './answers/public-read.ts';
import { connectShared } from './answers/shared.ts';
import { AnswerStore, DEFAULT_STORE_OPTIONS, type StoreOptions } from './answers/store.ts';
import { pick } from './encoding.ts';
import { graphiqlBytes, graphiqlPolicy } from './graphiql.ts';
import { HttpError } from './http-error.ts';
import { createLimiter, type RateLimit } from './limits.ts';
import { origins } from './origins.ts';
import { loadManifest, usePersisted } from './persisted.ts';
import { readiness } from './readiness.ts';
import { staticFile } from './static.ts';

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'";

export const DEFAULT_RATE_LIMIT: RateLimit = { points: 120, windowSeconds: 60, trustProxy: false };

export interface HttpOptions {
  redisUrl?: string | undefined;
  manifest?: Record<string, string> | undefined;
  rateLimit?: RateLimit | undefined;
  adminOrigins?: readonly string[] | undefined;
  cache?: StoreOptions | undefined;
}

export async function createHttpHandler(options: HttpOptions) {
  const shared = connectShared(options.redisUrl);
  const store = new AnswerStore(shared, options.cache ?? DEFAULT_STORE_OPTIONS);
  const stopListening = onCommitted(() => store.invalidate());
  const limiter = createLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, shared, tokenIdOf);
  const cors = origins(options.adminOrigins ?? []);
  const yoga = createApp({ authenticate, plugins: [usePersisted(options.manifest ?? loadManifest())] });
  const reads = publicReads({
    store,
    admit: (req, res) => limiter.admit(req, res),
    compute: async (path, accept) => {
      const response = await yoga.fetch(`http://ketnap.internal${path}`, { method: 'GET', headers: { accept } });
      const body = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
      return { status: response.status, contentType, body, cacheable: response.status === 200 && !hasErrors(body) };
    },
  });
  let ready = false;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = parseUrl(req.url);
    const path = url.pathname;
    if (path === '/healthz') return text(res, ready ? 200 : 503, ready ? 'ok\n' : 'starting\n');
    if (path === '/readyz') {
      const state = await readiness(ready, () => shared.state());
      res.writeHead(state.status === 'not-ready' ? 503 : 200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void res.end(`${JSON.stringify(state)}\n`);
    }
    if (path === '/') return redirect(res, 302, '/graphql');
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
      return void res.end();
    }
    if (path === '/demo' || path === '/gallery') return redirect(res, 301, `${path}/`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors.headers(req), 'content-length': '0' });
      return void res.end();
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && path !== '/graphql') {
      const file = await staticFile(path);
      if (file) {
        const { bytes, encoding } = pick(file.body, req.headers['accept-encoding']);
        res.writeHead(200, {
          'content-type': file.type,
          'content-length': bytes.length,
          ...(encoding ? { 'content-encoding': encoding } : {}),
          vary: 'Accept-Encoding',
          'cache-control': 'public, max-age=300',
          'access-control-allow-origin': '*',
          'x-content-type-options': 'nosniff',
          // Our own pages prove the widgets need nothing inline: the strictest policy that works.
          ...(file.type.startsWith('text/html') ? { 'content-security-policy': PAGE_CSP } : {}),
        });
        return void res.end(req.method === 'HEAD' ? undefined : bytes);
      }
    }
    if (isGraphiQL(req, url)) {
      const { bytes, encoding } = pick(graphiqlBytes(GRAPHIQL), req.headers['accept-encoding']);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': bytes.length,
        ...(encoding ? { 'content-encoding': encoding } : {}),
        vary: 'Accept-Encoding',
        'cache-control': 'no-cache',
        'content-security-policy': graphiqlPolicy(),
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
      });
      return void res.end(req.method === 'HEAD' ? undefined : bytes);
    }
    if (isPublicRead(req, url)) {
      const started = performance.now();
      const outcome = await reads(req, res, url);
      if (outcome === 'miss' || outcome === 'uncacheable') limiter.charge(req, performance.now() - started);
      return;
    }
    const refused = cors.refusal(req);
    if (refused) throw new HttpError(refused.status, refused.message);
    for (const [name, value] of Object.entries(cors.headers(req))) res.setHeader(name, value as string);
    if (!(await limiter.admit(req, res))) return;
    const started = performance.now();
    await yoga(req, res);
    limiter.charge(req, performance.now() - started);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => answerError(req, res, error));
  };

  return {
    listener,
    markReady: () => void (ready = true),
    markNotReady: () => void (ready = false),
    store,
    shared,
    close: async () => {
      stopListening();
      store.close();
      await shared.close();
    },
  };
}

/** A browser opening /graphql: the GraphiQL page. */
function isGraphiQL(req: IncomingMessage, url: URL): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('documentId') &&
    String(req.headers.accept ?? '').includes('text/html')
  );
}

/** The request's URL; a 400 when it cannot be parsed. */
function parseUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? '/', 'http://ketnap.internal');
  } catch {
    throw new HttpError(400, 'Malformed URL');
  }
}

/** Does a GraphQL answer carry errors? (Then nobody may keep it.) */
function hasErrors(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown[] };
    return Array.isArray(parsed.errors) && parsed.errors.length > 0;
  } catch {
    return true;
  }
}

function text(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

function redirect(res: ServerResponse, status: number, location: string) {
  res.writeHead(status, { location });
  res.end();
}

/** The last resort: the caller's mistake gets its status, anything else a logged 500. */
function answerError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  const known = error instanceof HttpError;
  if (!known) log.error('request failed', { method: req.method, error: String((error as Error)?.stack ?? error) });
  if (res.headersSent) return void res.destroy();
  const status = known ? error.status : 500;
  const message = known ? error.message : 'Internal server error';
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
  const code = { 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 415: 'UNSUPPORTED_MEDIA_TYPE' }[status] ?? 'INTERNAL';
  res.end(`${JSON.stringify({ errors: [{ message, extensions: { code } }] })}\n`);
}
