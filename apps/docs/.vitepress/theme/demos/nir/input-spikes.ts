// The input spike train the NIR demo feeds a graph, reproducible from its seed on every platform.

/** The part of @neurite/tensor's Rng this file uses. */
interface UniformRng {
  uniform(): number;
}

/**
 * A Bernoulli spike train [steps, 1, ...shape] in row-major order: element k is 1 when the k-th
 * draw of `createRng(seed).uniform()` is below `rate`, else 0 (one draw per element, in order).
 */
export function inputSpikes(rng: UniformRng, shape: readonly number[], steps: number, rate: number): Float32Array {
  const n = steps * shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let k = 0; k < n; k++) out[k] = rng.uniform() < rate ? 1 : 0;
  return out;
}
