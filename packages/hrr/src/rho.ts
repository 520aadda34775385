import { inversePermutation, randomPermutation } from './permute.js';
import type { Vsa } from './vsa.js';

const cache = new Map<number, [Int32Array, Int32Array]>();

/**
 * @internal The structural permutation ρ^k of the sequence/graph/tree encodings: the cyclic shift
 * by k (`vsa.permute(x, k)`, as torchhd), except for hrr, where the cyclic shift commutes with
 * circular convolution (ρ(a) ⊛ b = ρ(a ⊛ b), which would make a ⊛ ρ(b) = ρ(a) ⊛ b and lose order);
 * hrr uses a fixed random permutation of the D indices (seed 'rho') applied k times instead.
 */
export function rho(vsa: Vsa, x: ArrayLike<number>, k: number): Float32Array {
  if (vsa.model !== 'hrr' || k === 0) return vsa.permute(x, k);
  let p = cache.get(vsa.dim);
  if (p === undefined) {
    const f = randomPermutation(vsa.dim, 'rho');
    p = [f, inversePermutation(f)];
    cache.set(vsa.dim, p);
  }
  const perm = k > 0 ? p[0] : p[1];
  let y = vsa.permute(x, perm);
  for (let i = 1; i < Math.abs(k); i++) y = vsa.permute(y, perm);
  return y;
}
