/**
 * k distinct integers of [0, n): the first k positions of a Fisher-Yates
 * shuffle of 0..n-1, i.e. a uniformly random ordered k-sample (each of the
 * n!/(n-k)! sequences equally likely). Step i swaps position i with
 * i + uniformInt(n - i).
 * - sparse (n > 8k): positions that were moved are kept in a Map (virtual
 *   array a[j] = map.get(j) ?? j): O(k) expected time and memory;
 * - dense (n <= 8k): partial Fisher-Yates on an Int32Array of 0..n-1, O(n).
 */
import type { Rng } from './rng.js';

export function sampleWithoutReplacementOf(g: Rng, n: number, k: number): Int32Array {
  const out = new Int32Array(k);
  if (k === 0) return out;
  if (n <= 8 * k) {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + g.uniformInt(n - i);
      const t = a[j];
      a[j] = a[i];
      a[i] = t;
      out[i] = t;
    }
    return out;
  }
  const moved = new Map<number, number>();
  for (let i = 0; i < k; i++) {
    const j = i + g.uniformInt(n - i);
    const aj = moved.get(j) ?? j;
    if (j !== i) moved.set(j, moved.get(i) ?? i);
    out[i] = aj;
  }
  return out;
}
