// Expensive work per client is limited: every request that runs GraphQL (a public read that was
// not cached, or any other query or mutation) spends a point, plus a point for every 20 ms it
// took; a client that has spent its budget gets 429 with Retry-After until its window ends.
// Anonymous clients are told apart by address; a valid token has a budget of its own, ten times
// larger (staff importing or correcting data), so that staff behind one office address do not
// share one budget and a made-up token buys nothing.
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
const MS_PER_POINT = 20;

/** A token's budget, against an address's. */
const TOKEN_FACTOR = 10;

export interface Limiter {
  /** Spends a point; false (and a 429 sent) when the client has none left. */
  admit(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Charges the time a request took. */
  charge(req: IncomingMessage, ms: number): void;
}

/** The token a request carries, when it is a valid one (null otherwise). */
export type TokenOf = (req: IncomingMessage) => Promise<number | null>;

function budget(points: number, windowSeconds: number, prefix: string, shared: Shared) {
  const memory = new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix: prefix });
  return shared.redis
    ? new RateLimiterRedis({
        storeClient: shared.redis,
        points,
        duration: windowSeconds,
        keyPrefix: prefix,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
}

export function createLimiter(limit: RateLimit, shared: Shared, tokenOf: TokenOf): Limiter {
  const anonymous = budget(limit.points, limit.windowSeconds, 'ketnap-rl', shared);
  const staff = budget(limit.points * TOKEN_FACTOR, limit.windowSeconds, 'ketnap-rl-token', shared);
  const chosen = new WeakMap<IncomingMessage, { limiter: typeof anonymous; key: string }>();
  const clientOf = async (req: IncomingMessage) => {
    let found = chosen.get(req);
    if (!found) {
      const token = req.headers.authorization ? await tokenOf(req) : null;
      found =
        token === null
          ? { limiter: anonymous, key: clientKey(req, limit.trustProxy) }
          : { limiter: staff, key: `token:${token}` };
      chosen.set(req, found);
    }
    return found;
  };
  return {
    async admit(req, res) {
      const { limiter, key } = await clientOf(req);
      try {
        await limiter.consume(key, 1);
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
      const found = chosen.get(req);
      if (points > 0 && found) found.limiter.penalty(found.key, points).catch(() => {});
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
