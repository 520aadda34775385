import type { MeasureOptions } from './suite.js';

/** Median of a list of numbers (the list is copied). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall-clock and process CPU time (user + system) of one timed block, in microseconds per call. */
export interface CallTime {
  wallUs: number;
  cpuUs: number;
}

/**
 * The bench's one timing primitive: `inner` calls of fn in a row (each awaited when it
 * returns a promise), timed with `performance.now()` (wall) and `process.cpuUsage()`
 * (CPU), divided by `inner`. `measure` repeats it; a suite timing the steps of a stateful
 * process (rounds of a brain) calls it once per step.
 */
export async function timeCall(fn: () => unknown, inner = 1): Promise<CallTime> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let j = 0; j < inner; j++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const wallUs = (performance.now() - t0) * 1000;
  const cpu = process.cpuUsage(c0);
  return { wallUs: wallUs / inner, cpuUs: (cpu.user + cpu.system) / inner };
}

/** Median wall-clock microseconds per call of fn after warm-up (`timeCall` repeated). */
export async function measure(fn: () => unknown, quick: boolean, opts: MeasureOptions = {}): Promise<number> {
  const warmup = opts.warmup ?? (quick ? 1 : 3);
  const repeats = opts.repeats ?? (quick ? 5 : 15);
  const inner = opts.inner ?? 1;
  for (let i = 0; i < warmup; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push((await timeCall(fn, inner)).wallUs);
  return median(times);
}
