import type { MeasureOptions } from './suite.js';

/** Median of a list of numbers (the list is copied). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median microseconds per call of fn after warm-up. */
export async function measure(fn: () => unknown, quick: boolean, opts: MeasureOptions = {}): Promise<number> {
  const warmup = opts.warmup ?? (quick ? 1 : 3);
  const repeats = opts.repeats ?? (quick ? 5 : 15);
  const inner = opts.inner ?? 1;
  for (let i = 0; i < warmup; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    for (let j = 0; j < inner; j++) {
      const r = fn();
      if (r instanceof Promise) await r;
    }
    times.push(((performance.now() - t0) * 1000) / inner);
  }
  return median(times);
}
