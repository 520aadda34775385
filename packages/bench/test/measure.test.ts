import { describe, expect, it } from 'vitest';
import { measure, median } from '../src/measure.js';

describe('median', () => {
  it('is the middle value of an odd-length list', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });
  it('is the mean of the two middle values of an even-length list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('sorts numerically and leaves its input alone', () => {
    const xs = [10, 9, 100, 2, 1];
    expect(median(xs)).toBe(9);
    expect(xs).toEqual([10, 9, 100, 2, 1]);
  });
});

describe('measure', () => {
  it('calls fn warmup + repeats * inner times and returns microseconds per call', async () => {
    let calls = 0;
    const us = await measure(() => { calls++; }, false, { warmup: 2, repeats: 4, inner: 3 });
    expect(calls).toBe(2 + 4 * 3);
    expect(us).toBeGreaterThanOrEqual(0);
  });

  it('uses fewer repeats with quick (1 warm-up + 5) than without (3 + 15)', async () => {
    let quick = 0;
    await measure(() => { quick++; }, true);
    let full = 0;
    await measure(() => { full++; }, false);
    expect(quick).toBe(6);
    expect(full).toBe(18);
  });

  it('awaits promises and reports the median time', async () => {
    // Sleeps of 2 ms except one of 60 ms: the median ignores the outlier.
    let i = 0;
    const us = await measure(() => new Promise((r) => setTimeout(r, i++ === 3 ? 60 : 2)), false, { warmup: 1, repeats: 5 });
    expect(us).toBeGreaterThanOrEqual(1500);
    expect(us).toBeLessThan(40_000);
  });
});
