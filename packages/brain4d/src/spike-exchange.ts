import type { NetworkSpec } from './network-spec.js';

/** What each partition worker receives. */
export interface PartitionData {
  spec: NetworkSpec;
  duration: number;
  index: number;
  workers: number;
  lo: number;
  hi: number;
  /** Two sets (even and odd steps) of one slot per worker: [count, ids…] (Int32, N + 1 entries each). */
  slots: SharedArrayBuffer;
  /** Barrier state: [arrived, generation]. */
  barrier: SharedArrayBuffer;
  N: number;
}

/**
 * A barrier over the partition's shared [arrived, generation] pair: the last worker to arrive
 * resets the count and bumps the generation; the others spin on the generation, then block in
 * Atomics.wait. The spin budget adapts (as adaptive mutexes do): it doubles (up to 4096 reads)
 * after a wait that spinning ended and halves (down to 16) after one that had to block, so
 * workers with a core each spin through the microseconds a step's imbalance lasts, while on an
 * oversubscribed machine they stop burning the time slices their partners need.
 */
export function barrier(d: PartitionData): () => void {
  const bar = new Int32Array(d.barrier);
  const k = d.workers;
  let budget = 1024;
  return () => {
    const gen = Atomics.load(bar, 1);
    if (Atomics.add(bar, 0, 1) === k - 1) {
      Atomics.store(bar, 0, 0);
      Atomics.add(bar, 1, 1);
      Atomics.notify(bar, 1);
      return;
    }
    for (let spin = 0; spin < budget; spin++)
      if (Atomics.load(bar, 1) !== gen) {
        budget = Math.min(4096, budget * 2);
        return;
      }
    budget = Math.max(16, budget >> 1);
    while (Atomics.load(bar, 1) === gen) Atomics.wait(bar, 1, gen, 50);
  };
}

/**
 * The spike exchange of a partitioned run over SharedArrayBuffer: every step each worker
 * writes its spikes into its slot of the step's parity, waits at a barrier and concatenates all
 * slots in worker order (partitions are ascending index ranges, so the list is ascending, exactly
 * the single-thread order). One barrier per step suffices: a worker can only write the same
 * parity again (step t + 2) after every worker reached the barrier of step t + 1, i.e. finished
 * reading step t. The barrier spins briefly, then blocks with Atomics.wait.
 */
export function spikeExchange(d: PartitionData): (local: Int32Array, count: number, out: Int32Array) => number {
  const stride = d.N + 1;
  const slots = new Int32Array(d.slots);
  const k = d.workers;
  const wait = barrier(d);
  let parity = 0;
  return (local, count, out) => {
    const base = parity * k * stride;
    parity ^= 1;
    const mine = base + d.index * stride;
    slots[mine] = count;
    slots.set(local.subarray(0, count), mine + 1);
    wait();
    let n = 0;
    for (let w = 0; w < k; w++) {
      const at = base + w * stride;
      const c = slots[at];
      out.set(slots.subarray(at + 1, at + 1 + c), n);
      n += c;
    }
    return n;
  };
}
