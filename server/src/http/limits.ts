// Expensive work per client is limited: every request that runs GraphQL (a public read that was
// not cached, or any other query or mutation) spends a point, plus a point for every 50 ms it
// took; a client that has spent its budget gets 429 with Retry-After until its window ends.
// Cached public answers cost nothing, so they stay fast during a flood. The budget is shared
// through Redis when it is set (it holds across instances) and kept in memory when it is not,
// or while Redis is unreachable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Shared } from './answers/shared.ts';

export interface RateLimit {
  /** Points a client may spend per window. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** Take the client's address from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy: boolean;
}

/** One point per this many milliseconds of work, beyond the first point every request costs. */
const MS_PER_POINT = 50;

export interface Limiter {
  /** Spends a point; false (and a 429 sent) when the client has none left. */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Charges the time a request took. */
  charge(req: IncomingMessage, ms: number): void;
}

export function createLimiter(limit: RateLimit, shared: Shared): Limiter {
  const memory = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds, keyPrefix: 'ketnap-rl' });
  const limiter = shared.redis
    ? new RateLimiterRedis({
        storeClient: shared.redis,
        points: limit.points,
        duration: limit.windowSeconds,
        keyPrefix: 'ketnap-rl',
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  const clientOf = (req: IncomingMessage) => clientKey(req, limit.trustProxy);
  return {
    async admit(req, res) {
      try {
        await limiter.consume(clientOf(req), 1);
        return true;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.writeHead(429, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': String(retryAfter),
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
        });
        res.end(
          JSON.stringify({
            errors: [
              {
                message: `Too many requests from this client: try again in ${retryAfter} s`,
                extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
              },
            ],
          }),
        );
        return false;
      }
    },
    charge(req, ms) {
      const points = Math.floor(ms / MS_PER_POINT);
      if (points > 0) limiter.penalty(clientOf(req), points).catch(() => {});
    },
  };
}

/** Who is asking: the client's address (the first X-Forwarded-For hop behind a trusted proxy). */
function clientKey(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? String(req.headers['x-forwarded-for'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  return `ip:${forwarded || req.socket.remoteAddress || 'unknown'}`;
}
