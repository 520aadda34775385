/**
 * The spike exchange's pieces in one thread (layout, wait and publish, the adaptive spin
 * budget), and the exchange between workers through measureExchange (the built dist, as in
 * run-partitioned.test.ts).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { exchangeLayout, LINE, MIN_SPIN_US, publish, spikeExchange, waitUntil, type SpinBudget } from '../src/spike-exchange.js';

const dist = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'run-partitioned.js')).href;

describe('exchangeLayout', () => {
  it('puts every worker-written field on its own 128-byte unit and the slots apart', () => {
    const L = exchangeLayout(3, 100);
    const starts = [0, 1, 2].flatMap((w) => [L.sleepers(w), L.slot(w, 0), L.slot(w, 1)]).concat([L.arrive]);
    for (const s of starts) expect(s % LINE).toBe(0);
    expect(new Set(starts.map((s) => Math.floor(s / LINE))).size).toBe(starts.length);
    // A slot ([flag, count, ids…]) holds 100 ids before the next one starts.
    expect(L.slot(0, 1) - L.slot(0, 0)).toBeGreaterThanOrEqual(102);
    expect(L.bytes).toBe(4 * (L.slot(2, 1) + (L.slot(0, 1) - L.slot(0, 0))));
  });
});

describe('waitUntil', () => {
  const budget = (): SpinBudget => ({ us: 64, min: MIN_SPIN_US, max: 64, blocked: 0 });
  it('returns at once when the flag has reached the target, also across the 2³² wrap', () => {
    const a = new Int32Array(64);
    const b = budget();
    a[0] = 5;
    expect(waitUntil(a, 0, 5, 32, b)).toBe(false);
    expect(waitUntil(a, 0, 4, 32, b)).toBe(false);
    a[0] = -2147483648; // 2³¹ exchanges: one past 2147483647
    expect(waitUntil(a, 0, 2147483647, 32, b)).toBe(false);
    expect(b.blocked).toBe(0);
    publish(a, 0, 7, 32);
    expect(a[0]).toBe(7);
  });
  it('blocks after its budget, cuts the budget by 8 and wakes when another thread publishes', async () => {
    const sab = new SharedArrayBuffer(256);
    const a = new Int32Array(sab);
    const b = budget();
    // Another thread publishes the flag 50 ms later, waking the waiter as publish() does.
    const w = new Worker(
      `const { workerData: sab } = require('node:worker_threads'); const a = new Int32Array(sab);
       Atomics.wait(a, 60, 0, 50); Atomics.store(a, 0, 1); if (Atomics.load(a, 32) !== 0) Atomics.notify(a, 0);`,
      { eval: true, workerData: sab },
    );
    const t0 = performance.now();
    expect(waitUntil(a, 0, 1, 32, b)).toBe(true);
    // The worker's own 50 ms sleep bounds the wait from below (less 1 ms for timer rounding).
    expect(performance.now() - t0).toBeGreaterThan(49);
    expect(b).toEqual({ us: 8, min: MIN_SPIN_US, max: 64, blocked: 1 });
    expect(a[32]).toBe(0);
    await w.terminate();
    // A wait that spinning ends raises the budget by 1/8.
    expect(waitUntil(a, 0, 1, 32, b)).toBe(false);
    expect(b.us).toBe(9);
  });
});

describe('spikeExchange', () => {
  it('one worker alone: publishes its spikes and returns them', () => {
    const L = exchangeLayout(1, 10);
    const shared = new SharedArrayBuffer(L.bytes);
    const d = { spec: {} as never, duration: 0, index: 0, workers: 1, lo: 0, hi: 10, shared, N: 10, spinUs: 10 };
    const { exchange } = spikeExchange(d);
    const out = new Int32Array(10);
    expect(exchange(Int32Array.of(3, 7), 2, out)).toBe(2);
    expect(Array.from(out.subarray(0, 2))).toEqual([3, 7]);
    const a = new Int32Array(shared);
    expect(Array.from(a.subarray(L.slot(0, 0), L.slot(0, 0) + 4))).toEqual([1, 2, 3, 7]);
    expect(exchange(Int32Array.of(9), 1, out)).toBe(1);
    expect(Array.from(a.subarray(L.slot(0, 1), L.slot(0, 1) + 3))).toEqual([2, 1, 9]);
  });
});

describe('measureExchange', () => {
  it('2 workers cross 2000 exchanges; every wait that blocked is counted', async () => {
    const { measureExchange } = (await import(dist)) as typeof import('../src/run-partitioned.js');
    const r = await measureExchange(2000, 2);
    expect(r.exchanges).toBe(2000);
    expect(r.usPerExchange).toBeGreaterThan(0);
    expect(r.blocked).toHaveLength(2);
    for (const b of r.blocked) {
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThanOrEqual(2000);
    }
  }, 30_000);
});
