/**
 * The second thread of a {@link SimdArena}'s bundle: a pool worker that runs
 * the same SIMD column-sum loop on the arena's shared memory. A bundle is cut
 * into column chunks (fixed by its shape); the calling thread and the helper
 * each claim the next chunk with an atomic compare-exchange until none is
 * left, so a chunk is summed exactly once, by the same loop with the same
 * additions wherever it runs: the result is that of the one-thread loop, and
 * a helper that is slow to wake only leaves more chunks to the calling thread.
 * @internal
 */
import type { BlockArgs } from '../pool/block-task.js';
import { blockRange } from '../pool/block-task.js';
import { simdLoopsModuleBytes } from './simd-loops-module.js';

/** Int32 slots of the control array (a SharedArrayBuffer beside the arena's memory). @internal */
export const CTL = {
  /** The job's sequence number (23 bits), bumped by the calling thread to post a job. */
  seq: 0,
  /** (seq << 8) | next chunk to claim. */
  next: 1,
  /** Chunks finished. */
  done: 2,
  /** Non-zero: the helper returns. */
  stop: 3,
  x: 4,
  rows: 5,
  rowBytes: 6,
  out: 7,
  chunks: 8,
  /** Chunks the helper has summed so far (statistics). */
  helped: 9,
  length: 10,
} as const;

/** How long the helper keeps polling for the next job before it sleeps in Atomics.wait (ms). */
export const HELPER_SPIN_MS = 2;

export type Colsum = (x: number, rows: number, rowBytes: number, out: number, widthBytes: number) => void;

/** The column-sum loop on a shared memory of `pages` 64 KiB pages. @internal */
export function sharedColsum(memory: WebAssembly.Memory, pages: number): Colsum {
  const inst = new WebAssembly.Instance(new WebAssembly.Module(simdLoopsModuleBytes(pages)), { e: { m: memory } });
  return (inst.exports as { colsum: Colsum }).colsum;
}

/**
 * Claim and sum chunks of job `seq` until none is left (or the job is no
 * longer `seq`); returns how many this thread summed. @internal
 */
export function claimChunks(ctl: Int32Array, colsum: Colsum, seq: number): number {
  const tag = seq << 8;
  const x = Atomics.load(ctl, CTL.x);
  const rows = Atomics.load(ctl, CTL.rows);
  const rowBytes = Atomics.load(ctl, CTL.rowBytes);
  const out = Atomics.load(ctl, CTL.out);
  // Whole rows are summed: 16-byte column groups of the row (rowBytes is a multiple of 16 here).
  const groups = rowBytes >> 4;
  const chunks = Atomics.load(ctl, CTL.chunks);
  let mine = 0;
  for (;;) {
    const v = Atomics.load(ctl, CTL.next);
    // Another job (the parameters read above may be its), or every chunk claimed.
    if ((v & ~0xff) !== tag || (v & 0xff) >= chunks) return mine;
    if (Atomics.compareExchange(ctl, CTL.next, v, v + 1) !== v) continue;
    const [g0, g1] = blockRange(groups, v & 0xff, chunks);
    colsum(x + 16 * g0, rows, rowBytes, out + 16 * g0, 16 * (g1 - g0));
    mine++;
    Atomics.add(ctl, CTL.done, 1);
  }
}

/**
 * The helper's block function, run by one pool worker until `stop` is set:
 * args { memory (the arena's shared WebAssembly.Memory), pages, control }.
 * It polls for a new job for {@link HELPER_SPIN_MS} after each, then sleeps
 * in Atomics.wait until the calling thread posts one.
 */
export function simdBundleHelper(args: BlockArgs): void {
  const { memory, pages, control } = args as { memory: WebAssembly.Memory; pages: number; control: Int32Array };
  const colsum = sharedColsum(memory, pages);
  let last = Atomics.load(control, CTL.seq);
  for (;;) {
    if (Atomics.load(control, CTL.stop) !== 0) return;
    const seq = Atomics.load(control, CTL.seq);
    if (seq === last) {
      const until = performance.now() + HELPER_SPIN_MS;
      while (Atomics.load(control, CTL.seq) === last && Atomics.load(control, CTL.stop) === 0 && performance.now() < until);
      if (Atomics.load(control, CTL.seq) === last && Atomics.load(control, CTL.stop) === 0) Atomics.wait(control, CTL.seq, last);
      continue;
    }
    last = seq;
    const mine = claimChunks(control, colsum, seq);
    if (mine > 0) Atomics.add(control, CTL.helped, mine);
  }
}
