import { toRng } from '@neurite/tensor';
import { elementwise, mapRows } from './elementwise.js';
import { HrrError } from './hrr-error.js';
import { bundleWeights, checkIntegerPower, checkPairDim, rowList } from './model-parts.js';
import { permute } from './permute.js';
import { rowsOf } from './check.js';
import type { Vsa } from './vsa.js';

/**
 * @internal BSC, Kanerva's binary spatter codes: elements b ∈ {0, 1} (stored as 0/1 floats).
 * - random: i.i.d. Bernoulli(½) bits;
 * - bind: a ⊕ b (XOR), self-inverse (inverse(a) = a), identity 0…0;
 * - bundle: the (weighted) majority, bit_j = [Σ_i w_i (2 b_ij − 1) > 0]; exact ties are broken
 *   by the bit of a ⊕ b of the first two rows (Kanerva's tie-breaker, deterministic);
 * - similarity: 1 − 2 h(a, b)/D with h the Hamming distance, so for random a, b:
 *   h ~ Binomial(D, ½) and the similarity has mean 0 and variance 1/D;
 * - features: (2b − 1)/√D, so f(a)·f(b) = 1 − 2h/D.
 */
export function bscModel(dim: number): Vsa {
  const bits = (x: number) => (x >= 0.5 ? 1 : 0);
  return {
    model: 'bsc',
    dim,
    elementSize: 1,
    featureDim: dim,
    random: (seed, count = 1) => {
      const rng = toRng(seed, 'seed', HrrError);
      const n = dim * count,
        out = new Float32Array(n);
      for (let i = 0; i < n; i += 32) {
        const w = rng.nextUint32();
        for (let j = 0; j < 32 && i + j < n; j++) out[i + j] = (w >>> j) & 1;
      }
      return out;
    },
    bind: (a, b, out) => elementwise('bind', a, b, dim, out, (x, y) => bits(x) ^ bits(y)),
    unbind: (c, a, out) => elementwise('unbind', c, a, dim, out, (x, y) => bits(x) ^ bits(y), 'c', 'a'),
    unbindRight: (c, b, out) => elementwise('unbind', c, b, dim, out, (x, y) => bits(x) ^ bits(y), 'c', 'b'),
    inverse: (a) => mapRows('inverse', a, dim, bits),
    leftInverse: (a) => mapRows('leftInverse', a, dim, bits),
    rightInverse: (a) => mapRows('rightInverse', a, dim, bits),
    power: (a, p) => {
      checkIntegerPower('BSC', p);
      return mapRows('power', a, dim, (x) => (p % 2 === 0 ? 0 : bits(x)));
    },
    unitary: (a) => mapRows('unitary', a, dim, bits),
    normalize: (a) => mapRows('normalize', a, dim, bits),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (vectors, opts = {}) => {
      const list = rowList('bundle', vectors, dim);
      const w = bundleWeights('bundle', list.length, opts.weights);
      const out = opts.out ?? new Float32Array(dim);
      for (let j = 0; j < dim; j++) {
        let s = 0;
        for (let i = 0; i < list.length; i++) s += w[i] * (2 * bits(list[i][j]) - 1);
        out[j] = s > 0 ? 1 : s < 0 ? 0 : list.length >= 2 ? bits(list[0][j]) ^ bits(list[1][j]) : bits(list[0][j]);
      }
      return out;
    },
    similarity: (a, b) => {
      checkPairDim('similarity', a, b, dim);
      let h = 0;
      for (let j = 0; j < dim; j++) h += bits(a[j]) ^ bits(b[j]);
      return 1 - (2 * h) / dim;
    },
    identity: () => new Float32Array(dim),
    empty: () => new Float32Array(dim),
    features: (rows) => {
      const n = rowsOf('features', rows, dim, 'rows');
      const out = new Float32Array(n * dim),
        s = 1 / Math.sqrt(dim);
      for (let i = 0; i < n * dim; i++) out[i] = (2 * bits(rows[i]) - 1) * s;
      return out;
    },
  };
}
