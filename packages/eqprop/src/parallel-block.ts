/**
 * The block function of data-parallel EP training (see createParallelTrainer), run by the
 * worker pool of @neurite/tensor (a Node worker_threads worker or a module Web Worker) or on
 * the calling thread: each worker keeps one EqPropKernel replica per trainer (its own
 * WebAssembly memory), takes the trainer's weights from shared memory when they changed,
 * relaxes its rows of the batch and writes their (scaled) Hebbian update into its block's slot.
 * No node: imports, so browser bundlers can build it.
 */
import { EqPropKernel } from './eqprop-kernel.js';
import type { EqPropOptions } from './eqprop-kernel.js';

/** Values in a block's stats slot. @internal */
export const BLOCK_STATS = 5;

/** What one batch's task shares with the workers (typed arrays over SharedArrayBuffer). @internal */
export interface ParallelBlockArgs {
  /** Trainer id: one replica per trainer per worker. */
  id: string;
  /** The kernel's settings (every default filled in). */
  settings: EqPropOptions;
  /** W_0 … W_{L−1} then b_0 … b_{L−1}, flattened. */
  params: Float32Array;
  /** Incremented whenever `params` changes. */
  version: number;
  /** Batch rows B and rows per block (the last block may have fewer). */
  rows: number;
  blockRows: number;
  /** x [≥ B, n_0] and labels [≥ B]. */
  x: Float32Array;
  labels: Int32Array;
  /** Start the free phase from `states` (persistent particles) and write the free fixed points back there. */
  persistent: boolean;
  /** Per state layer l: [≥ B, n_{l+1}]. */
  states: Float32Array[];
  /** Sign of β for this batch ('random-sign'), and the learning-rate factor. */
  sign: number;
  lrScale: number;
  /** Per block: its update, params-shaped (blocks × params.length). */
  updates: Float32Array;
  /** Per block: loss, accuracy, free steps, nudged steps, residual (blocks × BLOCK_STATS). */
  stats: Float64Array;
}

const replicas = new Map<string, { kernel: EqPropKernel; version: number }>();

/** Rows [start, end) of block `block` of a batch of `rows` cut into blocks of `blockRows` rows. @internal */
export function parallelBlockRows(rows: number, blockRows: number, block: number): [number, number] {
  const start = block * blockRows;
  return [start, Math.min(rows, start + blockRows)];
}

/** Block `block` of one training batch (see ParallelBlockArgs); same bits on every thread. @internal */
export function relaxBlock(args: Record<string, unknown>, block: number): void {
  const a = args as unknown as ParallelBlockArgs;
  let replica = replicas.get(a.id);
  if (replica === undefined) {
    replica = { kernel: new EqPropKernel({ ...a.settings, persistent: false, spectralNorm: false, seed: 0 }), version: -1 };
    replicas.set(a.id, replica);
  }
  const k = replica.kernel;
  const { weights, biases } = k.net;
  if (replica.version !== a.version) {
    let o = 0;
    for (const p of [...weights, ...biases]) {
      p.set(a.params.subarray(o, o + p.length));
      o += p.length;
    }
    replica.version = a.version;
  }
  const [r0, r1] = parallelBlockRows(a.rows, a.blockRows, block);
  const n0 = k.sizes[0];
  const start = a.persistent ? a.states.map((s, l) => s.subarray(r0 * k.sizes[l + 1], r1 * k.sizes[l + 1])) : undefined;
  const g = k.blockUpdate(a.x.subarray(r0 * n0, r1 * n0), a.labels.subarray(r0, r1), {
    batchSize: a.rows,
    sign: a.sign,
    lrScale: a.lrScale,
    start,
  });
  let o = block * a.params.length;
  for (const p of [...g.weights, ...g.biases]) {
    a.updates.set(p, o);
    o += p.length;
  }
  if (start) g.free.forEach((f, l) => start[l].set(f));
  a.stats.set([g.loss, g.accuracy, g.freeSteps, g.nudgedSteps, g.residual], block * BLOCK_STATS);
}

/** Drop this thread's replica of a trainer (the calling thread's, when it ran blocks itself). @internal */
export function releaseReplica(id: string): void {
  replicas.delete(id);
}
