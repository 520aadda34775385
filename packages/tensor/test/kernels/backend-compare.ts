/** Helpers for the wasm-kernel tests: deterministic data and running one computation on a backend. */
import { tf, setBackend } from '../../src/index.js';
import type { BackendName } from '../../src/index.js';
import { testSignal } from '../fft/direct-dft.js';

/** Deterministic values in [-1, 1): testSignal (xorshift32) rounded to float32. */
export function testValues(len: number, seed: number): Float32Array {
  return Float32Array.from(testSignal(len, seed));
}

/**
 * Switch to `backend`, run `fn` in a tidy scope and return the values of the
 * tensors it returns (complex64 as interleaved pairs), disposing them.
 */
export async function runOn(
  backend: BackendName,
  fn: () => tf.Tensor[],
): Promise<{ values: Float32Array[]; shapes: number[][]; dtypes: string[] }> {
  await setBackend(backend);
  const ts = tf.tidy(fn);
  const values = ts.map((t) => t.dataSync() as Float32Array);
  const shapes = ts.map((t) => t.shape);
  const dtypes = ts.map((t) => t.dtype as string);
  tf.dispose(ts);
  return { values, shapes, dtypes };
}

/** max_i |a_i - b_i| / max(1, max_i |b_i|) */
export function relMaxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  let s = 1;
  for (let i = 0; i < a.length; i++) {
    m = Math.max(m, Math.abs(a[i] - b[i]));
    s = Math.max(s, Math.abs(b[i]));
  }
  return m / s;
}

/** gamma_k = k u / (1 - k u) for float32, u = 2^-24 (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Lemma 3.1). */
export function gamma32(k: number): number {
  return (k * 2 ** -24) / (1 - k * 2 ** -24);
}

/**
 * Largest |a_i - b_i| / bound_i over the outputs of two float32 evaluations
 * (two backends) of the same sums of at most k products: each is within
 * gamma32(k) * absSum_i of the exact value (Higham eq. 3.5), so they differ by at
 * most 2 gamma32(k) absSum_i. absSum_i = sum |terms| is the same kernel run on
 * the inputs' absolute values (its own rounding, at most gamma32(k) relative,
 * is covered by dividing by 1 - gamma32(k)). At most 1 when within the bound.
 */
export function worstOfTwoSumsBound(a: ArrayLike<number>, b: ArrayLike<number>, absSum: ArrayLike<number>, k: number): number {
  if (a.length !== b.length || a.length !== absSum.length) throw new Error(`lengths ${a.length}, ${b.length}, ${absSum.length}`);
  const g = gamma32(k);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - b[i]);
    if (err > 0) worst = Math.max(worst, err / ((2 * g * absSum[i]) / (1 - g)));
  }
  return worst;
}
