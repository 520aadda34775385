import type { NetworkSpec } from './network-spec.js';

/** What each partition worker receives. */
export interface PartitionData {
  spec: NetworkSpec;
  duration: number;
  index: number;
  workers: number;
  lo: number;
  hi: number;
  /** The exchange memory, laid out by {@link exchangeLayout}. */
  shared: SharedArrayBuffer;
  N: number;
  /** Longest spin before blocking in Atomics.wait, µs (see {@link waitUntil}). */
  spinUs: number;
  /** Steps per exchange (see SimulatorOptions.partition.every); default 1. */
  every?: number;
  /** Instead of simulating, time this many exchanges (see measureExchange in run-partitioned.ts). */
  exchanges?: number;
}

/**
 * Int32 elements of one padding unit: 128 bytes, two 64-byte cache lines, because x86 cores
 * fetch lines in adjacent pairs. Every field one worker writes starts on its own unit, so no
 * two workers ever write into the same pair of lines (no false sharing).
 */
export const LINE = 32;

/**
 * Ids a worker's slot holds: a step's whole spike list (N) when it exchanges every step, else
 * `every` records [count, ids…] of its partition (at most ⌈N / workers⌉ + 1 neurons).
 */
export function exchangeCapacity(N: number, workers: number, every = 1): number {
  return every === 1 ? N : every * (Math.ceil(N / workers) + 2);
}

/**
 * Where everything lies in the exchange memory (Int32 indices). Worker w's slot for the
 * exchanges of parity p (0, 1) at `slot(w, p)` is [flag, count, ids…] with room for `capacity`
 * ids: the flag is the number of the last exchange published in it, and it shares its cache
 * line with the count and the first 30 ids, so that a partner's wait and its read of a step's
 * few spikes cost one line transfer. The number of threads blocked waiting on w's flags is at
 * `sleepers(w)`; the start barrier's arrival count and generation at `arrive` and `generation`.
 */
export function exchangeLayout(workers: number, capacity: number) {
  const pad = (n: number) => Math.ceil(n / LINE) * LINE;
  const slotSize = pad(capacity + 2);
  const slots = (workers + 1) * LINE;
  return {
    sleepers: (w: number) => w * LINE,
    arrive: workers * LINE,
    generation: workers * LINE + 1,
    slot: (w: number, p: number) => slots + (2 * w + p) * slotSize,
    /** Bytes of the whole exchange memory. */
    bytes: 4 * (slots + 2 * workers * slotSize),
  };
}

/**
 * The start barrier (used once, after every partition is built): the last worker to arrive
 * resets the count and bumps the generation; the others block in Atomics.wait.
 */
export function barrier(d: PartitionData): () => void {
  const a = new Int32Array(d.shared);
  const L = exchangeLayout(d.workers, 0);
  return () => {
    const gen = Atomics.load(a, L.generation);
    if (Atomics.add(a, L.arrive, 1) === d.workers - 1) {
      Atomics.store(a, L.arrive, 0);
      Atomics.add(a, L.generation, 1);
      Atomics.notify(a, L.generation);
      return;
    }
    while (Atomics.load(a, L.generation) === gen) Atomics.wait(a, L.generation, gen, 50);
  };
}

/**
 * Waits until the Int32 at `a[at]` reaches `target` (compared modulo 2³², so counts may wrap):
 * first spins on Atomics.load, the reads a core does while its partner finishes a step (a
 * crossing costs ≈ 0.1–0.5 µs between two idle cores), then, once `budget.us` µs have passed,
 * counts itself in `a[sleepers]` and blocks in Atomics.wait (each wake-up costs tens of µs, so
 * the steady state must never get here on an idle machine). The budget adapts, quick to fall
 * and slow to rise: ÷8 (down to `budget.min`) after a wait that had to block, ×1.125 (up to
 * `budget.max`) after one that spinning ended. So on an oversubscribed machine, where the
 * partner is often descheduled for a whole time slice and spinning only delays it further,
 * the budget stays near the floor once more than ≈ 5 % of the waits block (8 = 1.125^17.7),
 * while on an idle machine a rare block (an interrupt) leaves it at 1/8 of its maximum, still
 * above a wake-up's latency, so the partner's next wait spins through that wake-up instead
 * of blocking in turn. Returns true when it blocked.
 */
export function waitUntil(a: Int32Array, at: number, target: number, sleepers: number, budget: SpinBudget): boolean {
  for (let i = 0; i < 256; i++) if (((Atomics.load(a, at) - target) | 0) >= 0) return spun(budget);
  const t0 = performance.now();
  const limit = budget.us / 1000;
  for (;;) {
    for (let i = 0; i < 256; i++) if (((Atomics.load(a, at) - target) | 0) >= 0) return spun(budget);
    if (performance.now() - t0 > limit) break;
  }
  budget.us = Math.max(budget.min, budget.us / 8);
  budget.blocked++;
  Atomics.add(a, sleepers, 1);
  for (;;) {
    const v = Atomics.load(a, at);
    if (((v - target) | 0) >= 0) break;
    Atomics.wait(a, at, v, 20);
  }
  Atomics.sub(a, sleepers, 1);
  return true;
}

/** The adaptive spin budget of {@link waitUntil}, µs, and how many waits blocked. */
export interface SpinBudget {
  us: number;
  min: number;
  max: number;
  blocked: number;
}

function spun(b: SpinBudget): false {
  if (b.us < b.max) b.us = Math.min(b.max, b.us * 1.125);
  return false;
}

/** Publishes `value` at `a[at]` and wakes the threads blocked on it, if any (none in the steady state of an idle machine). */
export function publish(a: Int32Array, at: number, value: number, sleepers: number): void {
  Atomics.store(a, at, value);
  // Sequentially consistent: a waiter counts itself in `sleepers` before it checks `at` in
  // Atomics.wait, so either this load sees it or its wait sees the new value.
  if (Atomics.load(a, sleepers) !== 0) Atomics.notify(a, at);
}

/** Floor of the adaptive spin budget, µs. */
export const MIN_SPIN_US = 4;

/**
 * The spike exchange of a partitioned run over SharedArrayBuffer: each worker writes its
 * spikes into its slot of the exchange's parity, then publishes the exchange's number in the
 * slot's flag; the others spin on that flag (no read-modify-write, no counter shared by all
 * workers: one cache-line transfer per partner) and concatenate all slots in worker order
 * (partitions are ascending index ranges, so the list is ascending, exactly the single-thread
 * order). Two parities suffice: a worker writes the same parity again (exchange e + 2) only
 * after it saw every partner publish e + 1, and a partner publishes e + 1 only after it
 * finished reading exchange e. The few spikes of a step are copied by plain loops (a typed
 * array's set() costs more than the copy). `during`, if given, runs between publishing and
 * waiting (the simulator delivers its own spikes there when the order of the sums does not
 * matter). Returns the exchange and its spin statistics.
 */
export function spikeExchange(d: PartitionData): {
  exchange: (local: Int32Array, count: number, out: Int32Array, during?: () => void) => number;
  budget: SpinBudget;
} {
  const a = new Int32Array(d.shared);
  const L = exchangeLayout(d.workers, exchangeCapacity(d.N, d.workers, d.every));
  const k = d.workers;
  const me = d.index;
  const budget: SpinBudget = { us: d.spinUs, min: Math.min(d.spinUs, MIN_SPIN_US), max: d.spinUs, blocked: 0 };
  const slots = [0, 1].map((p) => Int32Array.from({ length: k }, (_, w) => L.slot(w, p)));
  const sleepers = Int32Array.from({ length: k }, (_, w) => L.sleepers(w));
  let e = 0;
  const exchange = (local: Int32Array, count: number, out: Int32Array, during?: () => void) => {
    const at = slots[e & 1];
    e = (e + 1) | 0;
    const mine = at[me];
    a[mine + 1] = count;
    for (let i = 0; i < count; i++) a[mine + 2 + i] = local[i];
    publish(a, mine, e, sleepers[me]);
    // Work that needs no partner's spikes fills the time their flags take to arrive.
    if (during) during();
    let n = 0;
    for (let w = 0; w < k; w++) {
      if (w === me) {
        for (let i = 0; i < count; i++) out[n + i] = local[i];
        n += count;
        continue;
      }
      const s = at[w];
      waitUntil(a, s, e, sleepers[w], budget);
      const c = a[s + 1];
      for (let i = 0; i < c; i++) out[n + i] = a[s + 2 + i];
      n += c;
    }
    return n;
  };
  return { exchange, budget };
}
