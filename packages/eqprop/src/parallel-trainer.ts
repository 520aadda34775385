import { canShareMemory, createWorkerPool, sharedArray, type WorkerPool } from '@neurite/tensor';
import { addInto, checkBatch, EqPropKernel } from './eqprop-kernel.js';
import type { TrainStepResult } from './eqprop-kernel.js';
import { checkInt, EqPropError } from './eqprop-error.js';
import { BLOCK_STATS, parallelBlockRows, relaxBlock, releaseReplica } from './parallel-block.js';
import type { ParallelBlockArgs } from './parallel-block.js';

/** Options of {@link createParallelTrainer}. */
export interface ParallelTrainerOptions {
  /**
   * Worker threads (Node worker_threads, or module Web Workers in a crossOriginIsolated page, through
   * @neurite/tensor's worker pool); 0 runs the blocks on the calling thread. The result never depends on it.
   */
  workers: number;
  /** Rows per block (default 10): a batch of B rows is cut into ⌈B / blockRows⌉ blocks, whatever the worker count. */
  blockRows?: number;
}

/** Data-parallel EP training of one kernel (see {@link createParallelTrainer}). */
export interface ParallelTrainer {
  /** The trained kernel (its weights, optimiser state, schedule factor `lrScale`, particles and random-sign stream). */
  readonly kernel: EqPropKernel;
  /** Worker threads (0: the calling thread). */
  readonly workers: number;
  /** Rows per block. */
  readonly blockRows: number;
  /**
   * One training step on a batch [B, inputDim] with labels [B], as `kernel.trainBatch` (same options); one call at
   * a time. Rejects with EqPropError for bad input or a diverging relaxation, leaving the weights unchanged.
   */
  trainBatch(x: Float32Array, labels: ArrayLike<number>, options?: { ids?: ArrayLike<number> }): Promise<TrainStepResult>;
  /** Stop the workers and free their replicas; later calls reject. */
  close(): Promise<void>;
}

const FN = 'createParallelTrainer';
let trainers = 0;

/** URL of a compiled sibling module (workers load JavaScript: under vitest, src/x.ts maps to dist/x.js). */
function builtUrl(name: string): string {
  const url = new URL(`./${name}.js`, import.meta.url);
  if (import.meta.url.endsWith('.ts')) url.pathname = url.pathname.replace(/\/src\/(?!.*\/src\/)/, '/dist/');
  return url.href;
}

/**
 * Data-parallel equilibrium propagation: each batch is cut into fixed blocks of `blockRows` rows, every block
 * runs its free and nudged phases on a worker (each worker holds a replica of the kernel in its own WebAssembly
 * memory, given the kernel's weights through a SharedArrayBuffer after every update), and the calling thread sums
 * the blocks' Hebbian updates in block order, ΔW_l = Σ_k ΔW_l^(k) with ΔW_l^(k) = (α_l/B)(1/β)Σ_{b∈k}(…) as
 * in `trainBatch`, and applies it once (SGD, or the kernel's Adam and `lrScale`, float16 rounding, the spectral
 * bound). β's random sign is drawn once per batch from the kernel's stream; persistent particles stay in the kernel.
 *
 * The blocks depend on the batch size only, so the weights are bit-identical for any number of workers (0, 1, 2, …).
 * With one block (B ≤ blockRows) the step is `trainBatch`'s: bit for bit with Adam; with SGD the update is added
 * as one sum (W + (α/B)ΔW) instead of term by term, a float32 rounding difference. With ε > 0 each block stops its
 * relaxation on its own residual. The holomorphic estimator is not supported.
 *
 * @example
 * ```ts
 * import { createParallelTrainer, EqPropKernel, scellierPreset } from '@neurite/eqprop';
 *
 * const kernel = new EqPropKernel({ ...scellierPreset({ inputDim: 4, hiddenDims: [8], outputDim: 2 }), persistent: false, seed: 1 });
 * const trainer = await createParallelTrainer(kernel, { workers: 2, blockRows: 1 });
 * const x = Float32Array.of(1, 0, 1, 0, 0, 1, 0, 1);
 * for (let t = 0; t < 100; t++) await trainer.trainBatch(x, [0, 1]);
 * await trainer.close();
 * console.log(kernel.predictArray(x)); // Float32Array [1, 0, 0, 1]: the output states [B, 2]
 * ```
 * @throws EqPropError when `workers` or `blockRows` is not an integer in range (`ERR_OUT_OF_RANGE`), workers > 0 where
 *   memory cannot be shared (`ERR_UNSUPPORTED`), or the estimator is 'holomorphic' (`ERR_UNSUPPORTED`).
 */
export async function createParallelTrainer(kernel: EqPropKernel, options: ParallelTrainerOptions): Promise<ParallelTrainer> {
  if (!(kernel instanceof EqPropKernel)) throw new EqPropError('kernel', `${FN}: kernel must be an EqPropKernel`);
  if (typeof options !== 'object' || options === null) throw new EqPropError('options', `${FN}: options must be an object`);
  const workers = checkInt(FN, 'workers', options.workers, 0, 256);
  const blockRows = checkInt(FN, 'blockRows', options.blockRows ?? 10, 1);
  if (workers > 0 && !canShareMemory()) {
    throw new EqPropError('workers', `${FN}: workers = ${workers} needs SharedArrayBuffer (in a browser: a crossOriginIsolated page)`, {
      code: 'ERR_UNSUPPORTED',
    });
  }
  const s = kernel.settings;
  if (s.estimator === 'holomorphic')
    throw new EqPropError('estimator', `${FN}: the holomorphic estimator is not supported`, { code: 'ERR_UNSUPPORTED' });
  const pool: WorkerPool | null = workers > 0 ? await createWorkerPool({ workers }) : null;
  const id = `eqprop-${++trainers}-${Math.random().toString(36).slice(2)}`;
  const module = builtUrl('parallel-block');
  const { sizes } = kernel;
  const L = sizes.length - 1;
  const S = kernel.stateLayers;
  const shapes = [...kernel.net.weights, ...kernel.net.biases].map((p) => p.length);
  const P = shapes.reduce((t, n) => t + n, 0);
  const params = sharedArray(Float32Array, P);
  const sum = shapes.map((n) => new Float32Array(n));
  const particles = (kernel as unknown as { particles: Map<number, Float32Array[]> }).particles;
  let cap = 0;
  let buffers: Pick<ParallelBlockArgs, 'x' | 'labels' | 'states' | 'updates' | 'stats'> | null = null;
  let version = 0;
  let busy = false;
  let closed = false;

  function reserve(B: number, blocks: number): NonNullable<typeof buffers> {
    if (buffers !== null && B <= cap) return buffers;
    cap = Math.max(B, 2 * cap);
    const maxBlocks = Math.ceil(cap / blockRows);
    buffers = {
      x: sharedArray(Float32Array, cap * sizes[0]),
      labels: sharedArray(Int32Array, cap),
      states: sizes.slice(1, S + 1).map((n) => sharedArray(Float32Array, cap * n)),
      updates: sharedArray(Float32Array, Math.max(blocks, maxBlocks) * P),
      stats: new Float64Array(new (canShareMemory() ? SharedArrayBuffer : ArrayBuffer)(Math.max(blocks, maxBlocks) * BLOCK_STATS * 8)),
    };
    return buffers;
  }

  async function trainBatch(x: Float32Array, labels: ArrayLike<number>, o: { ids?: ArrayLike<number> } = {}): Promise<TrainStepResult> {
    const f = 'ParallelTrainer.trainBatch';
    if (closed) throw new EqPropError('trainer', `${f}: the trainer was closed`, { code: 'ERR_STATE' });
    if (busy) throw new EqPropError('trainer', `${f}: a batch is still running (await it first)`, { code: 'ERR_STATE' });
    const B = checkBatch(x, labels, sizes, false, f);
    const ids = s.persistent ? o.ids : undefined;
    if (ids !== undefined && ids.length !== B)
      throw new EqPropError('ids', `${f}: ids has ${ids.length} entries for a batch of ${B}`, { code: 'ERR_SHAPE' });
    const blocks = Math.ceil(B / blockRows);
    const buf = reserve(B, blocks);
    buf.x.set(x);
    buf.labels.set(Array.from({ length: B }, (_, b) => labels[b]));
    if (ids !== undefined) {
      for (let b = 0; b < B; b++) {
        const p = particles.get(ids[b]);
        buf.states.forEach((st, l) => {
          const n = sizes[l + 1];
          if (p) st.set(p[l], b * n);
          else st.fill(0, b * n, (b + 1) * n);
        });
      }
    }
    let off = 0;
    for (const p of [...kernel.net.weights, ...kernel.net.biases]) {
      params.set(p, off);
      off += p.length;
    }
    const args: ParallelBlockArgs = {
      id,
      settings: s,
      params,
      version: ++version,
      rows: B,
      blockRows,
      ...buf,
      persistent: ids !== undefined,
      sign: kernel.drawSign(),
      lrScale: kernel.lrScale,
    };
    busy = true;
    try {
      if (pool) {
        await pool.run({ module, fn: 'relaxBlock', args: args as unknown as Record<string, unknown>, blocks }).catch((e: unknown) => {
          const m = e instanceof Error ? e.message : String(e);
          throw new EqPropError('relaxation', `${f}: a block failed: ${m}`, { code: 'ERR_STATE', cause: e });
        });
      } else for (let k = 0; k < blocks; k++) relaxBlock(args as unknown as Record<string, unknown>, k);
    } finally {
      busy = false;
    }
    // Σ of the blocks' updates, in block order
    for (let k = 0; k < blocks; k++) {
      let o2 = k * P;
      for (const d of sum) {
        const src = buf.updates.subarray(o2, o2 + d.length);
        if (k === 0) d.set(src);
        else addInto(d, src);
        o2 += d.length;
      }
    }
    kernel.applyUpdate(sum.slice(0, L), sum.slice(L));
    if (ids !== undefined) {
      for (let b = 0; b < B; b++)
        particles.set(
          ids[b],
          buf.states.map((st, l) => st.slice(b * sizes[l + 1], (b + 1) * sizes[l + 1])),
        );
    }
    const r: TrainStepResult = { loss: 0, accuracy: 0, freeSteps: 0, nudgedSteps: 0, residual: 0 };
    for (let k = 0; k < blocks; k++) {
      const [r0, r1] = parallelBlockRows(B, blockRows, k);
      const st = buf.stats.subarray(k * BLOCK_STATS, (k + 1) * BLOCK_STATS);
      r.loss += (st[0] * (r1 - r0)) / B;
      r.accuracy += (st[1] * (r1 - r0)) / B;
      r.freeSteps = Math.max(r.freeSteps, st[2]);
      r.nudgedSteps = Math.max(r.nudgedSteps, st[3]);
      r.residual = Math.max(r.residual, st[4]);
    }
    return r;
  }

  return {
    kernel,
    workers,
    blockRows,
    trainBatch,
    async close() {
      if (closed) return;
      closed = true;
      releaseReplica(id);
      if (pool) await pool.terminate();
    },
  };
}
