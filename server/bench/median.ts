// The median time of BENCH_ROUNDS runs (15 by default) of one thing, in milliseconds.
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

export async function median(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return middle(times);
}

/** The middle value (of an odd count; the upper middle of an even one). */
export const middle = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
