// The Redis connection the public answers and the rate limiter share, when REDIS_URL is set.
// Redis is an optimisation: commands fail fast while it is unreachable (no offline queue, a short
// timeout), callers fall back to the database, and the state is reported on /readyz.
import { Redis } from 'ioredis';
import { log } from '../../log.ts';

export type SharedState = 'off' | 'up' | 'down';

export interface Shared {
  /** The command connection, or null when REDIS_URL is not set. */
  redis: Redis | null;
  /** A second connection in subscriber mode (pub/sub), or null. */
  subscriber: Redis | null;
  state(): SharedState;
  /** Called with 'up' or 'down' whenever the state changes. */
  onChange(listener: (state: SharedState) => void): void;
  close(): Promise<void>;
}

const OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 300,
  connectTimeout: 1_000,
  retryStrategy: (times: number) => Math.min(100 * times, 2_000),
};

export function connectShared(url: string | undefined): Shared {
  if (!url) {
    return { redis: null, subscriber: null, state: () => 'off', onChange: () => {}, close: async () => {} };
  }
  const redis = new Redis(url, { ...OPTIONS, connectionName: 'ketnap' });
  // The subscriber queues its SUBSCRIBE until connected; ioredis subscribes again after a reconnect.
  const subscriber = new Redis(url, { ...OPTIONS, enableOfflineQueue: true, connectionName: 'ketnap-sub' });
  let state: SharedState = 'down';
  const listeners: ((state: SharedState) => void)[] = [];
  const set = (next: SharedState, why?: string) => {
    if (next === state) return;
    state = next;
    if (next === 'down') log.warn('Redis unreachable: answering from the database and a local cache', { why });
    else log.info('Redis reachable: sharing the public cache again');
    for (const listener of listeners) listener(next);
  };
  // Both connections must be up: without the subscriber, other instances' writes go unheard.
  const update = (why?: string) => set(redis.status === 'ready' && subscriber.status === 'ready' ? 'up' : 'down', why);
  for (const connection of [redis, subscriber]) {
    connection.on('ready', () => update());
    connection.on('close', () => update('connection closed'));
    connection.on('end', () => update('connection ended'));
    // ioredis reconnects by itself; an 'error' listener keeps the error from being unhandled.
    connection.on('error', (error: Error) => update(error.message));
  }
  return {
    redis,
    subscriber,
    state: () => state,
    onChange: (listener) => void listeners.push(listener),
    close: async () => {
      redis.disconnect();
      subscriber.disconnect();
    },
  };
}
