import { toRng } from '@neurite/tensor';
import { outArray, rowsOf, broadcastRows } from './check.js';
import { HrrError } from './hrr-error.js';
import { bundleWeights, checkIntegerPower, cosineOf, rowList } from './model-parts.js';
import { unitRows } from './hrr-model.js';
import { permute } from './permute.js';
import type { Vsa } from './vsa.js';

/**
 * @internal BSBC, binary sparse block codes (Laiho et al. 2015; torchhd `BSBC`): D = B·L split into
 * B blocks of length L, a random element has exactly one 1 per block (stored one-hot as 0/1 floats).
 * - bind: block-wise circular convolution (a ⊛_L b)_{b,k} = Σ_i a_{b,i} b_{b,(k−i) mod L}, which
 *   on one-hot blocks adds the hot indices mod L; identity: index 0 in every block;
 * - inverse: index negation per block, inv_{b,k} = a_{b,(−k) mod L} (exact on one-hot blocks);
 * - bundle: the (weighted) sum; `normalize` keeps one hot position per block, the arg-max
 *   (ties: lowest index);
 * - similarity: cosine, for one-hot vectors the fraction of blocks whose indices agree, so for
 *   random a, b: B·s ~ Binomial(B, 1/L).
 */
export function bsbcModel(dim: number, blockSize: number): Vsa {
  const L = blockSize,
    B = dim / L;
  const conv = (
    fn: string,
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    out: Float32Array | undefined,
    invA: boolean,
    an = 'a',
    bn = 'b',
  ) => {
    const na = rowsOf(fn, a, dim, an),
      nb = rowsOf(fn, b, dim, bn);
    const n = broadcastRows(fn, na, nb, an, bn);
    const o = outArray(fn, n * dim, out);
    const acc = new Float64Array(L);
    for (let r = 0; r < n; r++) {
      const oa = na > 1 ? r * dim : 0,
        ob = nb > 1 ? r * dim : 0;
      for (let blk = 0; blk < B; blk++) {
        acc.fill(0);
        const s = blk * L;
        for (let i = 0; i < L; i++) {
          const x = a[oa + s + i];
          if (x === 0) continue;
          const shift = invA ? (L - i) % L : i;
          for (let k = 0; k < L; k++) acc[(k + shift) % L] += x * b[ob + s + k];
        }
        for (let k = 0; k < L; k++) o[r * dim + s + k] = acc[k];
      }
    }
    return o;
  };
  const argmaxRows = (fn: string, a: ArrayLike<number>, f: (i: number) => number) => {
    const n = rowsOf(fn, a, dim, 'a');
    const out = new Float32Array(n * dim);
    for (let r = 0; r < n; r++)
      for (let blk = 0; blk < B; blk++) {
        const s = r * dim + blk * L;
        let best = 0;
        for (let i = 1; i < L; i++) if (a[s + i] > a[s + best]) best = i;
        out[s + (((f(best) % L) + L) % L)] = 1;
      }
    return out;
  };
  const blockMap = (fn: string, a: ArrayLike<number>, f: (k: number) => number) => {
    const n = rowsOf(fn, a, dim, 'a');
    const out = new Float32Array(n * dim);
    for (let r = 0; r < n; r++)
      for (let blk = 0; blk < B; blk++) {
        const s = r * dim + blk * L;
        for (let k = 0; k < L; k++) out[s + k] = a[s + (((f(k) % L) + L) % L)];
      }
    return out;
  };
  const inverse = (a: ArrayLike<number>) => blockMap('inverse', a, (k) => -k);
  return {
    model: 'bsbc',
    dim,
    elementSize: L,
    featureDim: dim,
    random: (seed, count = 1) => {
      const rng = toRng(seed, 'seed', HrrError);
      const out = new Float32Array(count * dim);
      for (let r = 0; r < count; r++) for (let blk = 0; blk < B; blk++) out[r * dim + blk * L + rng.uniformInt(L)] = 1;
      return out;
    },
    bind: (a, b, out) => conv('bind', a, b, out, false),
    unbind: (c, a, out) => conv('unbind', a, c, out, true, 'a', 'c'),
    unbindRight: (c, b, out) => conv('unbind', b, c, out, true, 'b', 'c'),
    inverse,
    leftInverse: inverse,
    rightInverse: inverse,
    power: (a, p) => {
      checkIntegerPower('BSBC', p);
      return argmaxRows('power', a, (i) => i * p);
    },
    unitary: (a) => argmaxRows('unitary', a, (i) => i),
    normalize: (a) => argmaxRows('normalize', a, (i) => i),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (vectors, opts = {}) => {
      const list = rowList('bundle', vectors, dim);
      const w = bundleWeights('bundle', list.length, opts.weights);
      const s = new Float32Array(dim);
      for (let j = 0; j < dim; j++) {
        let t = 0;
        for (let i = 0; i < list.length; i++) t += w[i] * list[i][j];
        s[j] = t;
      }
      const res = opts.normalize ? argmaxRows('bundle', s, (i) => i) : s;
      if (opts.out) {
        opts.out.set(res);
        return opts.out;
      }
      return res;
    },
    similarity: (a, b) => cosineOf(a, b, dim),
    identity: () => {
      const e = new Float32Array(dim);
      for (let blk = 0; blk < B; blk++) e[blk * L] = 1;
      return e;
    },
    empty: () => new Float32Array(dim),
    features: (rows) => unitRows(rows, dim, 'features'),
  };
}
