// The local cache of public answers: bounded in bytes, emptied by a write, and never keeping an
// answer computed before the write that made it stale.
import { describe, expect, it } from 'vitest';
import { connectShared } from './shared.ts';
import { AnswerStore } from './store.ts';

const answer = (bytes: number) => ({
  body: Buffer.alloc(bytes, 120),
  etags: { identity: '"x"' },
  contentType: 'application/json',
});

describe('AnswerStore without Redis', () => {
  it('holds no more bytes than its budget, dropping the least recently used', async () => {
    const store = new AnswerStore(connectShared(undefined), { maxBytes: 10_000, ttlMs: 60_000, degradedTtlMs: 1_000 });
    for (let i = 0; i < 50; i++) store.put(`k${i}`, answer(1_000), store.epoch());
    expect(store.size().bytes).toBeLessThanOrEqual(10_000);
    expect(store.size().entries).toBeGreaterThan(0);
    expect(await store.get('k0')).toBeUndefined();
    expect(await store.get('k49')).toBeDefined();
  });

  it('is emptied by a write and ignores an answer computed before it', async () => {
    const store = new AnswerStore(connectShared(undefined), { maxBytes: 1 << 20, ttlMs: 60_000, degradedTtlMs: 1_000 });
    const before = store.epoch();
    store.put('a', answer(10), before);
    await store.invalidate();
    expect(await store.get('a')).toBeUndefined();
    store.put('b', answer(10), before);
    expect(await store.get('b')).toBeUndefined();
    store.put('b', answer(10), store.epoch());
    expect(await store.get('b')).toBeDefined();
  });
});
