// Embeds' answers kept as the widgets' reads are: ready-made bytes in the public answer store
// (local memory bounded in bytes, shared through Redis when set), in the scope of the organisation
// they are about, so a write touching it makes them stale. Each is computed once however many
// readers ask at the same time, and only a success is kept.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagOf, PUBLIC_CACHE_CONTROL } from '../http/answers/public-read.ts';
import type { Answer, AnswerStore } from '../http/answers/store.ts';
import { negotiate } from '../http/encoding.ts';

export type Outcome = 'hit' | 'miss' | 'limited';

export function embedCache(store: AnswerStore) {
  const inflight = new Map<string, Promise<Answer>>();

  /** The answer under `key` in `scope`, made by `make` (once per stamp) when it is not kept. */
  async function through(key: string, scope: string, make: () => Promise<Answer>, admit?: () => Promise<boolean>) {
    const stamp = await store.stamp(scope);
    const kept = await store.get(key, stamp);
    if (kept) return { answer: kept, outcome: 'hit' as const };
    if (admit && !(await admit())) return { answer: null, outcome: 'limited' as const };
    const flight = `${stamp}:${key}`;
    let running = inflight.get(flight);
    if (!running) {
      running = make().finally(() => inflight.delete(flight));
      inflight.set(flight, running);
    }
    const answer = await running;
    store.put(key, answer, scope, stamp);
    return { answer, outcome: 'miss' as const };
  }

  return { through };
}

/** An answer that is not worth compressing (a PNG is compressed already). */
export function rawAnswer(contentType: string, body: Buffer): Answer {
  return { contentType, body, etags: { identity: etagOf(body) } };
}

/** Sends a kept answer as the widgets' reads are sent: public max-age, ETag of the bytes sent, 304. */
export function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Answer,
  cache: 'hit' | 'miss',
  extra: Record<string, string> = {},
): void {
  const encoding = negotiate(req.headers['accept-encoding']);
  const bytes = (encoding && answer[encoding]) || answer.body;
  const sent = bytes === answer.body ? null : encoding;
  const etag = (sent ? answer.etags[sent] : answer.etags.identity) as string;
  const headers = {
    'cache-control': PUBLIC_CACHE_CONTROL,
    etag,
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
    'x-ketnap-cache': cache,
    ...extra,
  };
  const tags = new Set(Object.values(answer.etags).filter(Boolean));
  const asked = String(req.headers['if-none-match'] ?? '')
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''));
  if (asked.some((tag) => tag === '*' || tags.has(tag))) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, {
    ...headers,
    'content-type': answer.contentType,
    'content-length': bytes.length,
    ...(sent ? { 'content-encoding': sent } : {}),
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
