// Persisted operations: the widgets send an id (`documentId`, the sha256 of the query text)
// instead of the text, from the manifest the widgets' build writes.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { widgetsDist } from './static.ts';

export function loadManifest(file = resolve(widgetsDist, 'persisted-operations.json')): Record<string, string> {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

export function usePersisted(manifest: Record<string, string>): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (id) => manifest[id] ?? null,
    allowArbitraryOperations: true,
    customErrors: {
      notFound: {
        message: 'Persisted operation not found: this documentId is not in the manifest (rebuild the widgets?)',
        extensions: { code: 'PERSISTED_OPERATION_NOT_FOUND', http: { status: 404 } },
      },
    },
    extractPersistedOperationId: (params, request) =>
      new URL(request.url).searchParams.get('documentId') || (params as { documentId?: string }).documentId || null,
  }) as Plugin;
}
