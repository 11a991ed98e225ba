// Ready-made public answers: a local cache bounded in bytes, in front of Redis (shared by every
// instance) when REDIS_URL is set. Every answer belongs to a scope: the organisation its question
// names (the `org` variable of a widget's operation), or "*" when it names none. Its key carries
// the epoch (a random token for the whole cache) and its scope's version (a random token per
// scope), both kept in Redis and announced on channels. A write that knows what it touched
// changes the versions of those organisations' scopes (and of "*"): answers about other
// organisations stay served. A write that does not know changes the epoch: everything goes.
//
// Redis down: entries from before the outage are dropped (another instance's write may go
// unheard), answers come from the database and are kept locally for a few seconds only, and a
// write's invalidation is retried until Redis answers again. When Redis returns, every instance
// starts a new epoch: nothing written before or during the outage is trusted after it.
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { log } from '../../log.ts';
import type { Shared } from './shared.ts';

/** A ready-made answer: its bytes as they are and compressed, each with its ETag. */
export interface Answer {
  contentType: string;
  body: Buffer;
  br?: Buffer | undefined;
  gzip?: Buffer | undefined;
  /** ETag of each form: a hash of exactly those bytes. */
  etags: { identity: string; br?: string | undefined; gzip?: string | undefined };
}

export interface StoreOptions {
  /** Bytes the local cache may hold (bodies and keys). */
  maxBytes: number;
  /** How long an answer is kept while Redis is up or not configured. */
  ttlMs: number;
  /** How long an answer is kept locally while Redis is unreachable. */
  degradedTtlMs: number;
  /**
   * How long after a write the previous answer of a scope it touched may still be sent to the
   * readers who arrive while its one recomputation runs (0: they wait for it).
   */
  staleMs: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = {
  maxBytes: 64 << 20,
  ttlMs: 5 * 60_000,
  degradedTtlMs: 5_000,
  staleMs: 10_000,
};

const EPOCH_KEY = 'ketnap:epoch';
const CHANNEL = 'ketnap:epoch';
const VERSION_KEY = 'ketnap:version:';
const VERSION_CHANNEL = 'ketnap:version';
const newEpoch = () => randomBytes(9).toString('base64url');

/** The scope of answers that name no organisation: changed by every write. */
export const EVERYTHING = '*';

export class AnswerStore {
  private readonly local: LRUCache<string, Answer>;
  private current = newEpoch();
  /** Each scope's version as this instance knows it (read from Redis on first use, then heard). */
  private readonly versions = new LRUCache<string, string>({ max: 100_000 });
  /** Each scope's stamp before its last change, while its answers may still be sent as stale. */
  private readonly previous: LRUCache<string, string>;
  private owed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly shared: Shared,
    private readonly options: StoreOptions = DEFAULT_STORE_OPTIONS,
  ) {
    this.previous = new LRUCache<string, string>({ max: 100_000, ttl: Math.max(1, options.staleMs) });
    this.local = new LRUCache<string, Answer>({
      maxSize: options.maxBytes,
      sizeCalculation: (answer, key) =>
        answer.body.length + (answer.br?.length ?? 0) + (answer.gzip?.length ?? 0) + key.length + 256,
      ttl: options.ttlMs,
    });
    shared.subscriber?.on('message', (channel: string, message: string) => {
      if (channel === CHANNEL) return this.adopt(message);
      const [scope, version] = message.split(' ');
      if (scope && version) this.change(scope, version);
    });
    shared.subscriber
      ?.subscribe(CHANNEL, VERSION_CHANNEL)
      .catch((error: Error) => log.warn('cannot subscribe', { error: error.message }));
    let wasUp = false;
    shared.onChange((state) => {
      this.local.clear();
      this.versions.clear();
      this.previous.clear();
      if (state !== 'up') return;
      // After an outage nothing shared is trusted: a write elsewhere may have gone unannounced.
      if (wasUp) void this.invalidate();
      else void this.resync();
      wasUp = true;
    });
  }

  /**
   * The stamp an answer of `scope` computed now belongs to (the epoch and the scope's version):
   * part of the answer's key; pass it to get() and put().
   */
  async stamp(scope: string): Promise<string> {
    const redis = this.sharing();
    if (!this.versions.has(scope) && redis) {
      try {
        const version = (await redis.get(VERSION_KEY + scope)) ?? '0';
        if (!this.versions.has(scope)) this.versions.set(scope, version);
      } catch (error) {
        log.warn('Redis read failed; the version stays local', { error: (error as Error).message });
      }
    }
    return this.stampNow(scope);
  }

  private stampNow(scope: string): string {
    return `${this.current}.${this.versions.get(scope) ?? '0'}`;
  }

  /** The answer held here for `key` in `scope`'s current version, without waiting (or undefined). */
  peek(key: string, scope: string): Answer | undefined {
    const version = this.versions.get(scope);
    if (version === undefined && this.sharing()) return undefined;
    return this.local.get(`${this.current}.${version ?? '0'}:${key}`);
  }

  async get(key: string, stamp: string): Promise<Answer | undefined> {
    const stamped = `${stamp}:${key}`;
    const found = this.local.get(stamped);
    if (found) return found;
    const redis = this.sharing();
    if (!redis) return undefined;
    try {
      const stored = await redis.getBuffer(`ketnap:answer:${stamped}`);
      if (!stored) return undefined;
      const answer = decode(stored);
      this.local.set(stamped, answer);
      return answer;
    } catch (error) {
      log.warn('Redis read failed; computing the answer', { error: (error as Error).message });
      return undefined;
    }
  }

  /**
   * The answer `key` had before the last change of `scope`, while that change is recent (within
   * staleMs): what a reader gets while the one recomputation runs. Undefined when there is none.
   */
  stale(key: string, scope: string): Answer | undefined {
    if (this.options.staleMs <= 0) return undefined;
    const stamp = this.previous.get(scope);
    return stamp === undefined ? undefined : this.local.get(`${stamp}:${key}`);
  }

  /** A scope's new version; its answers under the old one may be sent as stale for a while. */
  private change(scope: string, version: string): void {
    if (this.versions.get(scope) === version) return;
    this.previous.set(scope, this.stampNow(scope));
    this.versions.set(scope, version);
  }

  /** Keeps an answer of `scope` computed under `stamp`, unless a write has changed the scope since. */
  put(key: string, answer: Answer, scope: string, stamp: string): void {
    if (stamp !== this.stampNow(scope)) return;
    const stamped = `${stamp}:${key}`;
    const redis = this.sharing();
    this.local.set(stamped, answer, {
      ttl: this.shared.state() === 'down' ? this.options.degradedTtlMs : this.options.ttlMs,
    });
    if (!redis) return;
    redis.set(`ketnap:answer:${stamped}`, encode(answer), 'PX', this.options.ttlMs).catch((error: Error) => {
      log.warn('Redis write failed; the answer stays local', { error: error.message });
    });
  }

  /**
   * After a committed write: the answers of the scopes it touched (and of "*") are stale, here and
   * everywhere; without scopes, every answer is. When Redis cannot be told, a scoped invalidation
   * becomes a whole one (owed, and retried until Redis answers).
   */
  async invalidate(scopes?: readonly string[]): Promise<void> {
    const redis = this.shared.redis;
    if (!scopes || (redis && this.shared.state() !== 'up')) return this.invalidateAll();
    const changed = [...new Set([...scopes, EVERYTHING])].map((scope) => [scope, newEpoch()] as const);
    for (const [scope, version] of changed) this.change(scope, version);
    if (!redis) return;
    try {
      const batch = redis.multi();
      for (const [scope, version] of changed)
        batch
          .set(VERSION_KEY + scope, version, 'PX', this.options.ttlMs * 2)
          .publish(VERSION_CHANNEL, `${scope} ${version}`);
      await batch.exec();
    } catch (error) {
      log.warn('scoped invalidation not shared; invalidating everything', { error: String(error) });
      await this.invalidateAll();
    }
  }

  private async invalidateAll(): Promise<void> {
    this.current = newEpoch();
    this.local.clear();
    this.versions.clear();
    this.previous.clear();
    await this.announce();
  }

  /** Bytes and entries held locally (for metrics and tests). */
  size(): { bytes: number; entries: number } {
    return { bytes: this.local.calculatedSize, entries: this.local.size };
  }

  close(): void {
    clearTimeout(this.retry);
  }

  private sharing() {
    return this.shared.state() === 'up' ? this.shared.redis : null;
  }

  private adopt(epoch: string) {
    if (epoch === this.current) return;
    this.current = epoch;
    this.local.clear();
    this.versions.clear();
    this.previous.clear();
  }

  /** Publishes the current epoch; while Redis cannot be reached, owes it and retries. */
  private async announce(): Promise<void> {
    const redis = this.shared.redis;
    if (!redis) return;
    const epoch = this.current;
    try {
      if (this.shared.state() !== 'up') throw new Error('Redis is unreachable');
      await redis.multi().set(EPOCH_KEY, epoch).publish(CHANNEL, epoch).exec();
      this.owed = false;
    } catch (error) {
      if (!this.owed) log.warn('invalidation not yet shared; retrying until Redis answers', { error: String(error) });
      this.owed = true;
      clearTimeout(this.retry);
      this.retry = setTimeout(() => void this.announce(), 1_000).unref();
    }
  }

  /** First connection: adopt the shared epoch (creating it if absent), or publish what is owed. */
  private async resync(): Promise<void> {
    const redis = this.shared.redis;
    if (!redis) return;
    if (this.owed) return this.announce();
    try {
      await redis.set(EPOCH_KEY, this.current, 'NX');
      const shared = await redis.get(EPOCH_KEY);
      if (shared) this.adopt(shared);
    } catch (error) {
      log.warn('could not read the shared epoch', { error: (error as Error).message });
    }
  }
}

/** An answer as one buffer: a JSON line (content type, ETags, lengths), then the bytes. */
function encode(answer: Answer): Buffer {
  const parts = [answer.body, answer.br ?? Buffer.alloc(0), answer.gzip ?? Buffer.alloc(0)];
  const head = { contentType: answer.contentType, etags: answer.etags, lengths: parts.map((p) => p.length) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), ...parts]);
}

function decode(stored: Buffer): Answer {
  const newline = stored.indexOf(10);
  const head = JSON.parse(stored.subarray(0, newline).toString()) as {
    contentType: string;
    etags: Answer['etags'];
    lengths: [number, number, number];
  };
  let at = newline + 1;
  const [body, br, gzip] = head.lengths.map((length) => {
    const part = stored.subarray(at, at + length);
    at += length;
    return part;
  });
  return {
    contentType: head.contentType,
    etags: head.etags,
    body: body ?? Buffer.alloc(0),
    br: br?.length ? br : undefined,
    gzip: gzip?.length ? gzip : undefined,
  };
}
