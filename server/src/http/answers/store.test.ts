// The local cache of public answers: bounded in bytes, emptied by a write that does not say what
// it touched, invalidating only the scopes of one that does, and never keeping an answer computed
// before the write that made it stale.
import { describe, expect, it } from 'vitest';
import { connectShared } from './shared.ts';
import { AnswerStore, EVERYTHING } from './store.ts';

const answer = (bytes: number) => ({
  body: Buffer.alloc(bytes, 120),
  etags: { identity: '"x"' },
  contentType: 'application/json',
});

const options = { maxBytes: 1 << 20, ttlMs: 60_000, degradedTtlMs: 1_000, staleMs: 0 };

describe('AnswerStore without Redis', () => {
  it('holds no more bytes than its budget, dropping the least recently used', async () => {
    const store = new AnswerStore(connectShared(undefined), { ...options, maxBytes: 10_000 });
    const stamp = await store.stamp('x');
    for (let i = 0; i < 50; i++) store.put(`k${i}`, answer(1_000), 'x', stamp);
    expect(store.size().bytes).toBeLessThanOrEqual(10_000);
    expect(store.size().entries).toBeGreaterThan(0);
    expect(await store.get('k0', stamp)).toBeUndefined();
    expect(await store.get('k49', stamp)).toBeDefined();
  });

  it('is emptied by a write without scopes and ignores an answer computed before it', async () => {
    const store = new AnswerStore(connectShared(undefined), options);
    const before = await store.stamp('x');
    store.put('a', answer(10), 'x', before);
    await store.invalidate();
    const after = await store.stamp('x');
    expect(after).not.toBe(before);
    expect(await store.get('a', after)).toBeUndefined();
    store.put('b', answer(10), 'x', before);
    expect(await store.get('b', after)).toBeUndefined();
    store.put('b', answer(10), 'x', after);
    expect(await store.get('b', after)).toBeDefined();
  });

  it('a scoped write makes stale its scopes and "*", and leaves every other scope served', async () => {
    const store = new AnswerStore(connectShared(undefined), options);
    const stamps = { a: await store.stamp('a'), b: await store.stamp('b'), all: await store.stamp(EVERYTHING) };
    store.put('qa', answer(10), 'a', stamps.a);
    store.put('qb', answer(10), 'b', stamps.b);
    store.put('qall', answer(10), EVERYTHING, stamps.all);
    await store.invalidate(['a']);
    expect(await store.stamp('b')).toBe(stamps.b);
    expect(await store.get('qb', await store.stamp('b'))).toBeDefined();
    expect(await store.get('qa', await store.stamp('a'))).toBeUndefined();
    expect(await store.get('qall', await store.stamp(EVERYTHING))).toBeUndefined();
    store.put('qa2', answer(10), 'a', stamps.a); // computed before the write: not kept
    expect(await store.get('qa2', await store.stamp('a'))).toBeUndefined();
  });
});
