import { describe, expect, it } from 'vitest';
import { benchmarkOperations, TensorError } from '../src/index.js';

/** Busy-wait at least `ms` on the clock the benchmark reads. */
function spin(ms: number): void {
  const t = performance.now();
  while (performance.now() - t < ms);
}

describe('benchmarkOperations', () => {
  it('runs warm-up and timed calls and summarises them', async () => {
    let calls = 0;
    const [r] = await benchmarkOperations(
      {
        spin: () => {
          calls++;
          spin(2);
        },
      },
      { iterations: 9, warmup: 3, items: { spin: 1000 } },
    );
    expect(calls).toBe(12);
    expect(r.name).toBe('spin');
    expect(r.iterations).toBe(9);
    // every call spins at least 2 ms on performance.now()
    expect(r.minMs).toBeGreaterThanOrEqual(2);
    expect(r.minMs).toBeLessThanOrEqual(r.p10Ms);
    expect(r.p10Ms).toBeLessThanOrEqual(r.medianMs);
    expect(r.medianMs).toBeLessThanOrEqual(r.p90Ms);
    expect(r.p90Ms).toBeLessThanOrEqual(r.maxMs);
    expect(r.meanMs).toBeGreaterThanOrEqual(r.minMs);
    expect(r.stdMs).toBeGreaterThanOrEqual(0);
    expect(r.madMs).toBeLessThanOrEqual(r.maxMs - r.minMs);
    expect(r.throughput).toBeCloseTo(1000 / (r.medianMs / 1000), 9);
  });

  it('awaits async operations and keeps the order of ops', async () => {
    // Each call of b may start only once the previous call's promise has resolved. (No timing
    // bound: libuv measures a timer's delay from the loop's cached clock, so a 5 ms timer can
    // resolve less than 5 ms after performance.now() was read.)
    let started = 0;
    let resolved = 0;
    const overlaps: number[] = [];
    const b = () => {
      if (resolved !== started) overlaps.push(started);
      started++;
      return new Promise<void>((r) =>
        setTimeout(() => {
          resolved++;
          r();
        }, 5),
      );
    };
    const res = await benchmarkOperations({ b, a: () => undefined }, { iterations: 3, warmup: 0 });
    expect(res.map((r) => r.name)).toEqual(['b', 'a']);
    expect(overlaps).toEqual([]);
    expect(resolved).toBe(3);
  });

  it('rejects bad options', async () => {
    await expect(benchmarkOperations({ a: () => 0 }, { iterations: 0 })).rejects.toThrow(TensorError);
    await expect(benchmarkOperations({ a: 3 as unknown as () => 0 })).rejects.toThrow(/ops.a/);
  });
});
