// The widgets' read path, answered before GraphQL runs: an anonymous GET for a persisted
// operation (`/graphql?documentId=…&variables=…`) is served from ready-made bytes when it can be,
// computed once by yoga when it cannot (however many readers wait for it), and kept only when
// the answer has no error. After a write, readers who arrive while the one recomputation runs get
// the previous answer, marked stale, for a bounded time (the store's staleMs). The ETag is a hash
// of the bytes sent, so a 304 confirms only the bytes being served.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeAll, negotiate } from '../encoding.ts';
import { type Answer, type AnswerStore, EVERYTHING } from './store.ts';

/** Browsers and CDNs may keep a public answer this long, then serve it stale while refreshing. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/** What yoga answered for one request: the bytes and whether they may be kept. */
export interface Computed {
  status: number;
  contentType: string;
  body: Buffer;
  cacheable: boolean;
}

export interface PublicReadOptions {
  store: AnswerStore;
  /** Runs the request through GraphQL (yoga), anonymously. */
  compute(url: string, accept: string): Promise<Computed>;
  /** Called before computing: false when the client has spent its budget (it got a 429). */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Told how a request is answered, before the answer is sent (a hit is sent at once). */
  outcome(req: IncomingMessage, outcome: Outcome): void;
}

/**
 * How a public read was answered: ready-made bytes (hit), computed now (miss), the previous answer
 * while a write's one recomputation runs (stale), an error (uncacheable), or refused (limited).
 */
export type Outcome = 'hit' | 'miss' | 'stale' | 'uncacheable' | 'limited';

/** A stale answer is sent once, never kept by browsers or CDNs: the next request asks again. */
const STALE_CACHE_CONTROL = 'public, no-cache';

/** Is this a request the public read path answers? (An anonymous GET of a persisted operation.) */
export function isPublicRead(req: IncomingMessage, url: URL): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    url.pathname === '/graphql' &&
    url.searchParams.has('documentId') &&
    !req.headers.authorization
  );
}

export function publicReads(options: PublicReadOptions) {
  const inflight = new Map<string, Promise<Computed>>();

  /** One computation per key and stamp at a time; the others wait for its result. */
  const computeOnce = (key: string, stamp: string, url: string, accept: string) => {
    const flight = `${stamp}:${key}`;
    let running = inflight.get(flight);
    if (!running) {
      running = options.compute(url, accept).finally(() => inflight.delete(flight));
      inflight.set(flight, running);
    }
    return running;
  };

  return async function answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<Outcome> {
    const accept = String(req.headers.accept ?? '*/*').slice(0, 200);
    const key = keyOf(url, accept);
    const scope = scopeOf(url);
    const ready = options.store.peek(key, scope);
    if (ready) return send(req, res, ready, 'hit');
    const stamp = await options.store.stamp(scope);
    const cached = await options.store.get(key, stamp);
    if (cached) return send(req, res, cached, 'hit');
    // A write changed the answer and a reader is already computing the new one: the others get the
    // previous answer meanwhile (within the store's staleMs), instead of queueing behind it.
    const old = inflight.has(`${stamp}:${key}`) ? options.store.stale(key, scope) : undefined;
    if (old) return send(req, res, old, 'stale');
    if (!(await options.admit(req, res))) {
      options.outcome(req, 'limited');
      return 'limited';
    }
    const computed = await computeOnce(key, stamp, url.pathname + url.search, accept);
    if (!computed.cacheable) {
      options.outcome(req, 'uncacheable');
      res.writeHead(computed.status, {
        'content-type': computed.contentType,
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : computed.body);
      return 'uncacheable';
    }
    const fresh = answerOf(computed);
    options.store.put(key, fresh, scope, stamp);
    return send(req, res, fresh, 'miss');
  };

  function send(req: IncomingMessage, res: ServerResponse, answer: Answer, cache: Served): Outcome {
    options.outcome(req, cache);
    sendAnswer(req, res, answer, cache);
    return cache;
  }
}

/**
 * The organisation an answer is about: the `org` variable every widget's operation takes (a code),
 * or EVERYTHING for a question that names none (changed by every write).
 */
export function scopeOf(url: URL): string {
  try {
    const variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as { org?: unknown } | null;
    return typeof variables?.org === 'string' ? variables.org : EVERYTHING;
  } catch {
    return EVERYTHING;
  }
}

/** The cache key: the operation, its variables and the media type asked for. */
function keyOf(url: URL, accept: string): string {
  const params = url.searchParams;
  return createHash('sha256')
    .update(
      `${params.get('documentId')}\0${params.get('variables') ?? ''}\0${params.get('operationName') ?? ''}\0${params.get('extensions') ?? ''}\0${accept}`,
    )
    .digest('base64url');
}

/** A strong ETag: the hash of the bytes sent. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** A computed answer made ready: compressed once, each form with the ETag of its bytes. */
export function answerOf(computed: { body: Buffer; contentType: string }): Answer {
  const { identity, br, gzip } = encodeAll(computed.body);
  return {
    contentType: computed.contentType,
    body: identity,
    br,
    gzip,
    etags: { identity: etagOf(identity), br: br && etagOf(br), gzip: gzip && etagOf(gzip) },
  };
}

/** Does If-None-Match name one of the answer's forms? (Each form's tag hashes its own bytes.) */
function matches(req: IncomingMessage, answer: Answer): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const tags = new Set(Object.values(answer.etags).filter(Boolean));
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tags.has(tag));
}

type Served = 'hit' | 'miss' | 'stale';

function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer, cache: Served) {
  const encoding = negotiate(req.headers['accept-encoding']);
  const bytes = (encoding && answer[encoding]) || answer.body;
  const sentEncoding = bytes === answer.body ? null : encoding;
  const headers = {
    'cache-control': cache === 'stale' ? STALE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    etag: (sentEncoding ? answer.etags[sentEncoding] : answer.etags.identity) as string,
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
    // The widgets' source line says when the figures were served, on every newsroom's origin.
    'access-control-expose-headers': 'Date',
    'x-ketnap-cache': cache,
  };
  if (matches(req, answer)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, {
    ...headers,
    'content-type': answer.contentType,
    'content-length': bytes.length,
    ...(sentEncoding ? { 'content-encoding': sentEncoding } : {}),
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
