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
export async function runOn(backend: BackendName, fn: () => tf.Tensor[]): Promise<{ values: Float32Array[]; shapes: number[][]; dtypes: string[] }> {
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
