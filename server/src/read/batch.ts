// Per-request batching: every field that asks the same question for many organisations in one
// request is answered by one SQL statement (no query per organisation, whatever the tree's size).
import DataLoader from 'dataloader';
import type { Context } from '../context.ts';

export function batched<K, V>(
  ctx: Context,
  key: string,
  load: (keys: readonly K[]) => Promise<Map<K, V>>,
  fallback: V,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(async (keys) => {
      const found = await load(keys);
      return keys.map((k) => (found.has(k) ? (found.get(k) as V) : fallback));
    });
    ctx.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}
