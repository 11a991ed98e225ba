// Writes empty the public response cache: every public figure may depend on any write
// (an admission changes counts, progress and risk far up the tree).
import type { Cache } from '@graphql-yoga/plugin-response-cache';

let publicCache: Cache | null = null;

export function setPublicCache(cache: Cache) {
  publicCache = cache;
}

export async function invalidatePublicCache(): Promise<void> {
  await publicCache?.invalidate([{ typename: 'Organisation' }]);
}
