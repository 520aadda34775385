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
    const res = await benchmarkOperations(
      { b: () => new Promise((r) => setTimeout(r, 5)), a: () => undefined },
      { iterations: 3, warmup: 0 },
    );
    expect(res.map((r) => r.name)).toEqual(['b', 'a']);
    // a timer never fires before its delay
    expect(res[0].minMs).toBeGreaterThanOrEqual(4.5);
  });

  it('rejects bad options', async () => {
    await expect(benchmarkOperations({ a: () => 0 }, { iterations: 0 })).rejects.toThrow(TensorError);
    await expect(benchmarkOperations({ a: 3 as unknown as () => 0 })).rejects.toThrow(/ops.a/);
  });
});
