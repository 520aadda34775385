import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { setBackend } from '../../src/backend.js';
import { expectNoLeaks } from '../../src/memory.js';
import { TensorError } from '../../src/tensor-error.js';
import { createRng } from '../../src/rng/create-rng.js';
import {
  csrToTensors,
  gatherRowsSum,
  gatherRowsSumTensor,
  propagateSpikes,
  propagateSpikesTensor,
  randomCSR,
  spmv,
  spmvTensor,
  GatherRowsSum,
  SparseGatherRowsSum,
  SparseMatVec,
} from '../../src/index.js';
import type { CSR } from '../../src/index.js';
import { gamma32 } from './helpers.js';

afterAll(async () => {
  await setBackend('wasm');
});

/** The same matrix with |w| (a pattern matrix stays as it is: its entries are 1). */
function absCSR(a: CSR): CSR {
  return a.data === null ? a : { ...a, data: a.data.map(Math.abs) };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`registered sparse kernels on ${backend}`, () => {
    const rng = createRng(`kernels-${backend}`);
    const csr = randomCSR(120, 90, 0.1, rng, { weight: (r) => r.normal() });
    const pattern = randomCSR(40, 70, 0.2, rng, { pattern: true });
    const dense = Float32Array.from({ length: 50 * 33 }, () => rng.normal());
    const x = Float32Array.from({ length: 90 }, () => rng.normal());

    it('kernels are registered for the backend', async () => {
      await setBackend(backend);
      expect(tf.getBackend()).toBe(backend);
      for (const name of [GatherRowsSum, SparseGatherRowsSum, SparseMatVec]) {
        expect(tf.getKernel(name, backend)).toBeDefined();
      }
    });

    it('gatherRowsSumTensor (dense) equals the typed-array function bit for bit', async () => {
      await setBackend(backend);
      const rows = [0, 49, 3, 3, 17];
      const m = tf.tensor2d(dense, [50, 33]);
      const got = gatherRowsSumTensor(m as tf.Tensor2D, rows);
      expect(Array.from(got.dataSync())).toEqual(Array.from(gatherRowsSum({ nRows: 50, nCols: 33, data: dense }, rows)));
      const rt = tf.tensor1d(rows, 'int32');
      const got2 = gatherRowsSumTensor(m as tf.Tensor2D, rt);
      expect(Array.from(got2.dataSync())).toEqual(Array.from(got.dataSync()));
      tf.dispose([m, got, got2, rt]);
    });

    it('gatherRowsSumTensor / propagateSpikesTensor / spmvTensor (CSR) equal the typed-array functions', async () => {
      await setBackend(backend);
      for (const a of [csr, pattern]) {
        const t = csrToTensors(a);
        const rows = [1, 5, 5, a.nRows - 1];
        const g = gatherRowsSumTensor(t, rows);
        expect(Array.from(g.dataSync())).toEqual(Array.from(gatherRowsSum(a, rows)));
        const target = Float32Array.from({ length: a.nCols }, (_, j) => j * 0.01);
        const tt = tf.tensor1d(target);
        const p = propagateSpikesTensor(t, rows, tt, 0.5);
        const ref = propagateSpikes(a, rows, target.slice(), 0.5);
        // Both are float32: the typed version adds rows.length terms into target (rows.length roundings), the
        // tensor version sums the rows, scales and adds (rows.length + 2). Each is within gamma32(k) of
        // sum |terms| = |target| + 0.5 sum |w| of the exact value, so they differ by at most the sum of the two.
        const pv = p.dataSync();
        const absW = gatherRowsSum(absCSR(a), rows);
        for (let j = 0; j < a.nCols; j++) {
          const absSum = Math.abs(target[j]) + 0.5 * absW[j];
          expect(Math.abs(pv[j] - ref[j])).toBeLessThanOrEqual((gamma32(rows.length) + gamma32(rows.length + 2)) * absSum);
        }
        const xv = x.subarray(0, a.nCols);
        const y = spmvTensor(t, xv);
        expect(Array.from(y.dataSync())).toEqual(Array.from(spmv(a, xv)));
        tf.dispose([t, g, tt, p, y]);
      }
    });

    it('empty selections and empty matrices give zeros', async () => {
      await setBackend(backend);
      const t = csrToTensors(csr);
      const g = gatherRowsSumTensor(t, []);
      expect(Array.from(g.dataSync())).toEqual(new Array(90).fill(0));
      const e = csrToTensors(randomCSR(4, 5, 0, rng));
      const y = spmvTensor(e, [1, 2, 3, 4, 5]);
      expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 0]);
      tf.dispose([t, g, e, y]);
    });

    it('bad inputs throw TensorError and leak nothing', async () => {
      await setBackend(backend);
      const t = csrToTensors(csr);
      const before = tf.memory().numTensors;
      const dataIds = tf.engine().backend.numDataIds();
      expect(() => gatherRowsSumTensor(t, [120])).toThrow(TensorError);
      const bad = tf.tensor1d([0, 200], 'int32');
      expect(() => gatherRowsSumTensor(t, bad)).toThrow(TensorError);
      const m = tf.tensor2d(dense, [50, 33]);
      expect(() => gatherRowsSumTensor(m as tf.Tensor2D, bad)).toThrow(/rows\[1\]/);
      const f = tf.tensor1d([0, 1], 'float32');
      expect(() => gatherRowsSumTensor(m as tf.Tensor2D, f as tf.Tensor1D)).toThrow(/int32/);
      expect(() => spmvTensor(t, [1, 2])).toThrow(/x must be/);
      tf.dispose([bad, m, f]);
      expect(tf.memory().numTensors).toBe(before);
      // The wasm kernels allocate their output before the checks that throw: it must be freed.
      expect(tf.engine().backend.numDataIds()).toBe(dataIds);
      tf.dispose(t);
    });

    it('no tensor leaks over 10k calls', async () => {
      await setBackend(backend);
      const t = csrToTensors(csr);
      const m = tf.tensor2d(dense, [50, 33]) as tf.Tensor2D;
      const target = tf.zeros([90]) as tf.Tensor1D;
      const xt = tf.tensor1d(x);
      const rows = [2, 7, 11];
      await expectNoLeaks(
        () => {
          tf.dispose([
            gatherRowsSumTensor(m, rows),
            gatherRowsSumTensor(t, rows),
            propagateSpikesTensor(t, rows, target, 2),
            spmvTensor(t, xt),
          ]);
        },
        { iterations: 10_000 },
      );
      tf.dispose([t, m, target, xt]);
    });
  });
}
