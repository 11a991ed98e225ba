// Ready-made public answers: a local cache bounded in bytes, in front of Redis (shared by every
// instance) when REDIS_URL is set. Writes invalidate by changing the epoch: a random token that
// every key carries, kept in Redis and announced on a channel, so one write empties the cache of
// every instance at once.
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
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = { maxBytes: 64 << 20, ttlMs: 5 * 60_000, degradedTtlMs: 5_000 };

const EPOCH_KEY = 'ketnap:epoch';
const CHANNEL = 'ketnap:epoch';
const newEpoch = () => randomBytes(9).toString('base64url');

export class AnswerStore {
  private readonly local: LRUCache<string, Answer>;
  private current = newEpoch();
  private owed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly shared: Shared,
    private readonly options: StoreOptions = DEFAULT_STORE_OPTIONS,
  ) {
    this.local = new LRUCache<string, Answer>({
      maxSize: options.maxBytes,
      sizeCalculation: (answer, key) =>
        answer.body.length + (answer.br?.length ?? 0) + (answer.gzip?.length ?? 0) + key.length + 256,
      ttl: options.ttlMs,
    });
    shared.subscriber?.on('message', (_channel: string, epoch: string) => this.adopt(epoch));
    shared.subscriber
      ?.subscribe(CHANNEL)
      .catch((error: Error) => log.warn('cannot subscribe', { error: error.message }));
    let wasUp = false;
    shared.onChange((state) => {
      this.local.clear();
      if (state !== 'up') return;
      // After an outage nothing shared is trusted: a write elsewhere may have gone unannounced.
      if (wasUp) void this.invalidate();
      else void this.resync();
      wasUp = true;
    });
  }

  /** The epoch an answer computed now belongs to; pass it back to put(). */
  epoch(): string {
    return this.current;
  }

  async get(key: string): Promise<Answer | undefined> {
    const found = this.local.get(key);
    if (found) return found;
    const redis = this.sharing();
    if (!redis) return undefined;
    const epoch = this.current;
    try {
      const stored = await redis.getBuffer(this.sharedKey(epoch, key));
      if (!stored || epoch !== this.current) return undefined;
      const answer = decode(stored);
      this.local.set(key, answer);
      return answer;
    } catch (error) {
      log.warn('Redis read failed; computing the answer', { error: (error as Error).message });
      return undefined;
    }
  }

  /** Keeps an answer computed in `epoch`, unless a write has happened since. */
  put(key: string, answer: Answer, epoch: string): void {
    if (epoch !== this.current) return;
    const redis = this.sharing();
    this.local.set(key, answer, {
      ttl: this.shared.state() === 'down' ? this.options.degradedTtlMs : this.options.ttlMs,
    });
    if (!redis) return;
    redis.set(this.sharedKey(epoch, key), encode(answer), 'PX', this.options.ttlMs).catch((error: Error) => {
      log.warn('Redis write failed; the answer stays local', { error: error.message });
    });
  }

  /** After a committed write: every answer computed before it is stale, here and everywhere. */
  async invalidate(): Promise<void> {
    this.current = newEpoch();
    this.local.clear();
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

  private sharedKey(epoch: string, key: string) {
    return `ketnap:answer:${epoch}:${key}`;
  }

  private adopt(epoch: string) {
    if (epoch === this.current) return;
    this.current = epoch;
    this.local.clear();
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
