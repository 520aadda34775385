// The tensor demo (guide/tensor.md) on cpu, wasm, webgl and webgpu in Chromium: the page runs a
// matmul, tf.spectral.rfft and Neurite's SparseGatherRowsSum on the backend; this test redraws the
// same inputs in Node from the seed and sizes the page returns (demoInputs, createRng) and computes
// each result exactly in float64 on typed arrays, then asserts the page's float32 results lie within
// their rounding bounds; no console error, no request leaves localhost.
import { expect } from 'vitest';
import * as tensor from '@neurite/tensor';
import { demoInputs, type TensorDemoResult } from '../.vitepress/theme/demos/tensor/run-tensor.js';
import { describeDemo } from './site.js';

const U = 2 ** -24; // float32 unit roundoff

/**
 * Exact (float64) results and their float32 bounds. A float32 sum of m products has
 * |error| ≤ γ_m Σ|terms|, γ_m ≈ m·u (Higham, Accuracy and Stability, §3.1), plus the storage
 * rounding of the result (u·|result| ≤ u·Σ|terms|). The rfft of length L is a naive float32 DFT on
 * every backend for L not a power of two (cpu: Math.cos/sin rounded to float32; the GPU shaders:
 * the shader's sin/cos, whose absolute error WGSL bounds by 2^-11): |ΔX_k| ≤ Σ|x_t|·(ε_tw + (L + 1)·u)
 * with ε_tw = 2^-11 on every backend (the largest of the three).
 */
function reference(r: TensorDemoResult) {
  const { a, b, signal, csr, rows } = demoInputs(tensor, r);
  const n = r.n;
  const matmul = Array.from({ length: 16 }, (_, j) => {
    let s = 0;
    let abs = 0;
    for (let k = 0; k < n; k++) {
      s += a[k] * b[k * n + j];
      abs += Math.abs(a[k] * b[k * n + j]);
    }
    return { value: s, tol: (n + 1) * U * abs };
  });
  const L = r.fftLength;
  let sumAbs = 0;
  for (const v of signal) sumAbs += Math.abs(v);
  const fft = Array.from({ length: 16 }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let t = 0; t < L; t++) {
      const ph = (-2 * Math.PI * ((k * t) % L)) / L;
      re += signal[t] * Math.cos(ph);
      im += signal[t] * Math.sin(ph);
    }
    return { value: Math.hypot(re, im), tol: sumAbs * (2 ** -11 + (L + 1) * U) };
  });
  const sums = new Float64Array(csr.nCols);
  const abs = new Float64Array(csr.nCols);
  for (const row of rows) {
    for (let k = csr.indptr[row]; k < csr.indptr[row + 1]; k++) {
      sums[csr.indices[k]] += csr.data![k];
      abs[csr.indices[k]] += Math.abs(csr.data![k]);
    }
  }
  const sparse = Array.from({ length: 16 }, (_, j) => ({ value: sums[j], tol: (rows.length + 1) * U * abs[j] }));
  return { matmul, fft, sparse, nnz: csr.indptr[csr.nRows] };
}

describeDemo<TensorDemoResult>({
  title: 'docs: tensor demo',
  page: 'guide/tensor',
  demo: 'tensor',
  test: (backend) => `matmul, rfft and SparseGatherRowsSum on ${backend} agree with float64 within float32 bounds`,
  check({ result }, backend) {
    expect(result.backend).toBe(backend);
    expect(result).toMatchObject({ n: 256, fftLength: 1000, seed: 1 });
    const ref = reference(result);
    expect(result.sparse.nnz).toBe(ref.nnz);
    for (const [name, got, want] of [
      ['matmul', result.matmul.row0, ref.matmul],
      ['rfft', result.fft.magnitudes, ref.fft],
      ['gatherRowsSum', result.sparse.sums, ref.sparse],
    ] as const) {
      expect(got).toHaveLength(16);
      got.forEach((v, i) => expect(Math.abs(v - want[i].value), `${name}[${i}]`).toBeLessThanOrEqual(want[i].tol));
    }
    for (const ms of [result.matmul.ms, result.fft.ms, result.fft.jsMs, result.sparse.ms]) expect(ms).toBeGreaterThan(0);
  },
});
