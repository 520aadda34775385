/**
 * The block function of the pool's matrix product: each worker runs its own
 * tfjs wasm backend (XNNPACK, with @neurite/tensor's wasm kernels, so
 * transposed operands also reach XNNPACK) and multiplies one block of rows of
 * `a` by the whole of op(b), or the whole of `a` by one slab of columns of
 * op(b). Loaded only inside pool workers (it selects the
 * wasm backend of the worker's own tfjs engine).
 * @internal
 */
import * as tf from '@tensorflow/tfjs-core';
import '../register/wasm.js';
import type { BlockArgs } from './block-task.js';
import { blockRange } from './block-task.js';
import { rowNormsRange } from './block-kernels.js';

let ready: Promise<void> | undefined;
let cached: { key: string; b: tf.Tensor2D } | undefined;
let cachedA: { key: string; a: tf.Tensor2D } | undefined;

async function start(): Promise<void> {
  // One pool worker is one core: tfjs-wasm's threaded build (which it picks wherever a worker can share
  // memory, as in a crossOriginIsolated page) would start threads of its own. Node never picks it.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  const ok = await tf.setBackend('wasm');
  if (!ok) throw new Error('the wasm backend did not start in a pool worker');
  await tf.ready();
}

/** The arguments of a pool matMul task: out [m, n] = a [m, k] · op(b); `key` names the task's operands. */
type MatMulTaskArgs = {
  a: Float32Array;
  b: Float32Array;
  out: Float32Array;
  m: number;
  k: number;
  n: number;
  transposeB: boolean;
  key: string;
  aNorms?: Float32Array | null;
};

/**
 * Columns [c0, c1) of op(b) as a [k, c1 − c0] tensor, op(b) = b ([k, n]) or bᵀ
 * (b is [n, k], `transposeB`: the slab's rows of b are contiguous, and its
 * transpose is materialised so that XNNPACK gets a plain [k, w] operand).
 */
function opBSlab(b: Float32Array, k: number, n: number, transposeB: boolean, c0: number, c1: number): tf.Tensor2D {
  const w = c1 - c0;
  if (transposeB) {
    const raw = tf.tensor2d(b.subarray(c0 * k, c1 * k), [w, k]);
    const t = tf.transpose(raw);
    raw.dispose();
    return t;
  }
  if (w === n) return tf.tensor2d(b, [k, n]);
  const s = new Float32Array(k * w);
  for (let i = 0; i < k; i++) s.set(b.subarray(i * n + c0, i * n + c1), i * w);
  return tf.tensor2d(s, [k, w]);
}

/**
 * out[r0:r1, :] = a[r0:r1, :] · op(b), op(b) = b ([k, n]) or bᵀ (b is [n, k],
 * `transposeB`); args { a, b, out, m, k, n, transposeB, key } where `key`
 * names this task's `b` (uploaded, and transposed, once per worker and task).
 * With `aNorms` (a Float32Array of m), the Euclidean norms of the block's rows
 * of `a` are written there too (rowNormsRange: the same bits as rowNormsBlock),
 * while those rows are in cache.
 */
export async function matMulBlock(args: BlockArgs, block: number, blocks: number): Promise<void> {
  const { a, b, out, m, k, n, transposeB, key, aNorms } = args as MatMulTaskArgs;
  ready ??= start();
  await ready;
  const [r0, r1] = blockRange(m, block, blocks);
  if (r1 <= r0) return;
  if (cached?.key !== key) {
    cached?.b.dispose();
    // op(b) is materialised once per worker and task: XNNPACK packs its weights only when b is a new
    // tensor, so a product against the same [k, n] tensor packs once for all of the task's blocks
    // (transposeB on each call would transpose and repack b per block).
    cached = { key, b: opBSlab(b, k, n, transposeB, 0, n) };
  }
  const ta = tf.tensor2d(a.subarray(r0 * k, r1 * k), [r1 - r0, k]);
  const c = tf.matMul(ta, cached.b);
  // A worker's own wasm backend: the product is in its heap, read synchronously.
  out.set(c.dataSync() as Float32Array, r0 * n);
  ta.dispose();
  c.dispose();
  if (aNorms != null) rowNormsRange(a, k, r0, r1, aNorms);
}

/**
 * out[:, c0:c1] = a · op(b)[:, c0:c1] for the block's columns [c0, c1) of the
 * result; args as {@link matMulBlock} (no `aNorms`). `a` is uploaded once per
 * worker and task (`key`); each block uploads and packs only its own slab of
 * op(b) (k × (c1 − c0)), so the packing of b is split over the workers
 * instead of repeated by each of them.
 */
export async function matMulColsBlock(args: BlockArgs, block: number, blocks: number): Promise<void> {
  const { a, b, out, m, k, n, transposeB, key } = args as MatMulTaskArgs;
  ready ??= start();
  await ready;
  const [c0, c1] = blockRange(n, block, blocks);
  const w = c1 - c0;
  if (w <= 0) return;
  if (cachedA?.key !== key) {
    cachedA?.a.dispose();
    cachedA = { key, a: tf.tensor2d(a, [m, k]) };
  }
  const slab = opBSlab(b, k, n, transposeB, c0, c1);
  const c = tf.matMul(cachedA.a, slab);
  const v = c.dataSync() as Float32Array;
  for (let i = 0; i < m; i++) out.set(v.subarray(i * w, (i + 1) * w), i * n + c0);
  slab.dispose();
  c.dispose();
}
