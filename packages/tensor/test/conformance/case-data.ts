/**
 * Inputs and read-out shared by the conformance cases (bundled for the
 * browser too, so it imports nothing from Node).
 */
import { tf } from '../../src/index.js';
import type { CaseOutput } from './types.js';

/**
 * Deterministic values in [lo, hi): x_{i+1} = (1103515245 x_i + 12345) mod 2^31,
 * value = lo + (hi - lo) * x / 2^31. Exact in double precision. A fixed
 * integer recurrence (not the project RNG), so the inputs depend on no other
 * module and are identical on every backend.
 */
export function fill(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const out = new Float32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    out[i] = lo + ((hi - lo) * x) / 2147483648;
  }
  return out;
}

/** Read every tensor of `outs` (complex64 as [re, im] pairs), dispose them, return plain typed arrays. */
export async function readOutputs(outs: Record<string, tf.Tensor>): Promise<CaseOutput> {
  const result: CaseOutput = {};
  for (const [k, v] of Object.entries(outs)) {
    result[k] = await v.data();
    v.dispose();
  }
  return result;
}
