// The node HTTP listener: /healthz and /readyz, the widgets' files and pages (the admin page
// /admin/import/ among them), the import templates (/templates/), the public read
// path (answered before GraphQL), the widgets' no-JavaScript forms (/embed/, /oembed), and
// /graphql (yoga). Every path answers: a malformed URL gets 400, and anything unexpected is
// logged and answered 500 without ending the process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { authenticate, tokenIdOf } from '../auth/tokens.ts';
import { onCommitted } from '../domain/committed.ts';
import { embedRoutes, isEmbedRoute } from '../embed/routes.ts';
import { log } from '../log.ts';
import { schema } from '../schema/index.ts';
import { createApp, GRAPHIQL } from '../yoga.ts';
import { isPublicRead, publicReads } from './answers/public-read.ts';
import { connectShared } from './answers/shared.ts';
import { AnswerStore, DEFAULT_STORE_OPTIONS, type StoreOptions } from './answers/store.ts';
import { docsFiles } from './docs.ts';
import { pick } from './encoding.ts';
import { exportRoute, isExportRoute } from './export.ts';
import { graphiqlBytes, graphiqlPolicy } from './graphiql.ts';
import { HttpError } from './http-error.ts';
import { createLimiter, type RateLimit } from './limits.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { origins } from './origins.ts';
import { loadManifest, usePersisted } from './persisted.ts';
import { readiness } from './readiness.ts';
import { staticFile } from './static.ts';
import { isTemplateRoute, templateRoute } from './templates.ts';

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'";

export const DEFAULT_RATE_LIMIT: RateLimit = { points: 120, windowSeconds: 60, trustProxy: false };

export interface HttpOptions {
  redisUrl?: string | undefined;
  manifest?: Record<string, string> | undefined;
  rateLimit?: RateLimit | undefined;
  adminOrigins?: readonly string[] | undefined;
  cache?: StoreOptions | undefined;
  metrics?: Metrics | undefined;
}

export async function createHttpHandler(options: HttpOptions) {
  const shared = connectShared(options.redisUrl);
  const store = new AnswerStore(shared, options.cache ?? DEFAULT_STORE_OPTIONS);
  const stopListening = onCommitted((event) => store.invalidate(event.scopes));
  const limiter = createLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, shared, tokenIdOf);
  const cors = origins(options.adminOrigins ?? []);
  const metrics = options.metrics ?? createMetrics();
  const manifest = options.manifest ?? loadManifest();
  const operations = operationNames(manifest);
  const yoga = createApp({ authenticate, plugins: [usePersisted(manifest), metrics.plugin, useOperationName()] });
  const compute = async (path: string, accept: string) => {
    const response = await yoga.fetch(`http://ketnap.internal${path}`, { method: 'GET', headers: { accept } });
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? 'application/json; charset=utf-8';
    return { status: response.status, contentType, body, cacheable: response.status === 200 && !hasErrors(body) };
  };
  const admit = (req: IncomingMessage, res: ServerResponse) => limiter.admit(req, res);
  const reads = publicReads({
    store,
    admit,
    compute,
    outcome: (req, outcome) => {
      metrics.publicRead(outcome);
      facts(req).cache = outcome;
    },
  });
  const embeds = embedRoutes({ store, manifest, compute, admit });
  let ready = false;

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = parseUrl(req.url);
    const path = url.pathname;
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      return void res.end(await metrics.registry.metrics());
    }
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
    if (path === '/demo' || path === '/gallery' || path === '/admin/import') return redirect(res, 301, `${path}/`);
    if (isEmbedRoute(path)) {
      const started = performance.now();
      const outcome = await embeds(req, res, url);
      facts(req).cache = outcome;
      if (outcome === 'miss') limiter.charge(req, performance.now() - started);
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors.headers(req), 'content-length': '0' });
      return void res.end();
    }
    if (isTemplateRoute(path)) return templateRoute(req, res, path);
    if (isExportRoute(path)) {
      if (!(await limiter.admit(req, res))) return;
      return exportRoute(req, res, url);
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
    if (path === '/docs') return redirect(res, 301, '/docs/');
    if ((path === '/docs/' || path === '/docs/docs.css') && (req.method === 'GET' || req.method === 'HEAD')) {
      const files = docsFiles(schema);
      const page = path === '/docs/';
      const { bytes, encoding } = pick(page ? files.html : files.css, req.headers['accept-encoding']);
      res.writeHead(200, {
        'content-type': page ? 'text/html; charset=utf-8' : 'text/css; charset=utf-8',
        'content-length': bytes.length,
        ...(encoding ? { 'content-encoding': encoding } : {}),
        vary: 'Accept-Encoding',
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
        ...(page ? { 'content-security-policy': PAGE_CSP } : {}),
      });
      return void res.end(req.method === 'HEAD' ? undefined : bytes);
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
      facts(req).operation = operations.get(url.searchParams.get('documentId') ?? '');
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
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const { cache = 'none', operation } = facts(req);
      const path = routeOf(req.url);
      if (res.statusCode === 429) metrics.limited();
      metrics.request(path, req.method ?? '', res.statusCode, cache, seconds);
      log.request({
        method: req.method,
        route: path,
        operation,
        status: res.statusCode,
        durationMs: Math.round(seconds * 10_000) / 10,
        cache,
      });
    });
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

/** What a request's log line and metrics say beyond method and status. */
interface Facts {
  cache?: string;
  operation?: string | undefined;
}
const factsOf = new WeakMap<IncomingMessage, Facts>();
const facts = (req: IncomingMessage): Facts => {
  let found = factsOf.get(req);
  if (!found) factsOf.set(req, (found = {}));
  return found;
};

/** Records the operation's name of a request yoga runs (for the request's log line). */
function useOperationName(): Plugin {
  return {
    onExecute: ({ args }) => {
      const req = (args.contextValue as { req?: IncomingMessage }).req;
      const definitions = args.document.definitions as readonly { kind: string; name?: { value: string } }[];
      const operation = definitions.find((d) => d.kind === 'OperationDefinition');
      if (req) facts(req).operation = args.operationName ?? operation?.name?.value ?? 'anonymous';
    },
  };
}

/** Persisted operations' names by id ('AtRisk' for `query AtRisk(...)`). */
function operationNames(manifest: Record<string, string>): Map<string, string> {
  return new Map(
    Object.entries(manifest).map(([id, text]) => [id, /^\s*(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? 'anonymous']),
  );
}

/** The route a URL belongs to, without its query (which may hold anything). */
function routeOf(raw: string | undefined): string {
  const path = (raw ?? '/').split('?')[0] ?? '/';
  const top = /^\/(widgets|demo|gallery|embed|snapshots|export|templates|admin)\//.exec(path);
  if (top) return `/${top[1]}/*`;
  return [
    '/graphql',
    '/healthz',
    '/readyz',
    '/metrics',
    '/',
    '/favicon.ico',
    '/demo',
    '/gallery',
    '/admin/import',
    '/docs',
    '/docs/',
    '/docs/docs.css',
    '/oembed',
  ].includes(path)
    ? path
    : 'other';
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
  const code =
    {
      400: 'BAD_REQUEST',
      401: 'UNAUTHENTICATED',
      403: 'FORBIDDEN',
      404: 'NOT_FOUND',
      405: 'METHOD_NOT_ALLOWED',
      415: 'UNSUPPORTED_MEDIA_TYPE',
    }[status] ?? 'INTERNAL';
  res.end(`${JSON.stringify({ errors: [{ message, extensions: { code } }] })}\n`);
}
