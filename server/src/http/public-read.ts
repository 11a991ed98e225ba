// The public read path the widgets use: GET requests for persisted operations (an id, not a
// query text), answered from a shared response cache (memory, or Redis for several instances),
// with Cache-Control for browsers and CDNs, an ETag and 304s. Anonymous requests only.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRedisCache } from '@envelop/response-cache-redis';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { widgetsDist } from './static.ts';

/** Browsers and CDNs may keep a public answer this long, then serve it stale while refreshing. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

export function loadManifest(file = resolve(widgetsDist, 'persisted-operations.json')): Record<string, string> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

export interface PublicRead {
  plugins: Plugin[];
  cache: Cache;
  close(): Promise<void>;
}

const isAnonymous = (request: Request) => !request.headers.get('authorization');

export function publicReadPath(options: {
  redisUrl?: string | undefined;
  manifest?: Record<string, string>;
}): PublicRead {
  const manifest = options.manifest ?? loadManifest();
  const redis = options.redisUrl ? new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 }) : null;
  const cache = redis ? createRedisCache({ redis }) : createInMemoryCache();
  const plugins: Plugin[] = [
    // Before the response cache: otherwise different ids could share one cache entry.
    usePersistedOperations({
      getPersistedOperation: (id) => manifest[id] ?? null,
      allowArbitraryOperations: true,
      customErrors: {
        notFound: {
          message: 'Persisted operation not found: this documentId is not in the manifest (rebuild the widgets?)',
          extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND', http: { status: 404 } },
        },
      },
      extractPersistedOperationId: (params, request) =>
        new URL(request.url).searchParams.get('documentId') ??
        ((params as { documentId?: string }).documentId || null) ??
        null,
    }),
    useResponseCache({
      session: () => null,
      enabled: (request) => isAnonymous(request),
      cache,
      ttl: 5 * 60_000,
    }),
    {
      onResponse: ({ request, response }) => {
        const cacheable = request.method === 'GET' && isAnonymous(request) && response.status < 400;
        response.headers.set('Cache-Control', cacheable ? PUBLIC_CACHE_CONTROL : 'no-store');
        if (cacheable) response.headers.set('Vary', 'Accept-Encoding');
      },
    },
  ];
  return { plugins, cache, close: async () => void redis?.disconnect() };
}
