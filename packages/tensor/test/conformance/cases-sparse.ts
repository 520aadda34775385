import type { ConformanceCase } from './types.js';
import { createRng, csrToTensors, gatherRowsSumTensor, propagateSpikesTensor, randomCSR, spmvTensor, tf } from '../../src/index.js';

/** Deterministic row selections (with repeats) from a seeded stream. */
function pickRows(seed: string, nRows: number, count: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: count }, () => rng.uniformInt(nRows));
}

const GPU_SUM = 'GPU kernels accumulate in float32; cpu/wasm sum SpMV rows in double and round once';

/**
 * The sparse / event kernels (GatherRowsSum, SparseGatherRowsSum,
 * SparseMatVec) through their tensor functions on the active backend.
 * Shapes include a CSR with > 4096 stored entries so webgl packs the
 * vectors into 2D textures.
 */
export const cases: ConformanceCase[] = [
  {
    name: 'sparse/gatherRowsSum dense 64x300, 40 rows with repeats',
    async run() {
      const rng = createRng('conf-dense');
      const m = tf.tensor2d(rng.normalArray(64 * 300) as Float32Array, [64, 300]);
      const out = gatherRowsSumTensor(m as tf.Tensor2D, pickRows('conf-dense-rows', 64, 40));
      const values = await out.data();
      tf.dispose([m, out]);
      return { values };
    },
  },
  {
    name: 'sparse/gatherRowsSum CSR 400x500 p=0.05 weighted (nnz ≈ 1e4), 60 rows',
    async run() {
      const csr = randomCSR(400, 500, 0.05, createRng('conf-csr'), { weight: (r) => r.normal() });
      const t = csrToTensors(csr);
      const out = gatherRowsSumTensor(t, pickRows('conf-csr-rows', 400, 60));
      const values = await out.data();
      tf.dispose([t, out]);
      return { values };
    },
  },
  {
    name: 'sparse/gatherRowsSum CSR pattern 300x200 p=0.1 (row given twice counts twice)',
    async run() {
      const csr = randomCSR(300, 200, 0.1, createRng('conf-pattern'), { pattern: true });
      const t = csrToTensors(csr);
      const rows = tf.tensor1d([0, 5, 5, 299, 17], 'int32');
      const out = gatherRowsSumTensor(t, rows as tf.Tensor1D);
      const values = await out.data();
      tf.dispose([t, rows, out]);
      return { values };
    },
  },
  {
    name: 'sparse/propagateSpikes CSR 250x180 p=0.08, scale 0.5',
    async run() {
      const rng = createRng('conf-spikes');
      const csr = randomCSR(250, 180, 0.08, rng, { weight: (r) => r.uniform() });
      const t = csrToTensors(csr);
      const target = tf.tensor1d(rng.normalArray(180) as Float32Array);
      const out = propagateSpikesTensor(t, pickRows('conf-spikes-rows', 250, 25), target as tf.Tensor1D, 0.5);
      const values = await out.data();
      tf.dispose([t, target, out]);
      return { values };
    },
  },
  {
    name: 'sparse/spmv CSR 600x300 p=0.04 weighted (nnz ≈ 7200)',
    atol: 1e-4,
    toleranceReason: GPU_SUM,
    async run() {
      const rng = createRng('conf-spmv');
      const csr = randomCSR(600, 300, 0.04, rng, { weight: (r) => r.normal() });
      const t = csrToTensors(csr);
      const x = tf.tensor1d(rng.normalArray(300) as Float32Array);
      const out = spmvTensor(t, x as tf.Tensor1D);
      const values = await out.data();
      tf.dispose([t, x, out]);
      return { values };
    },
  },
];
