import { toRng } from '@neurite/tensor';
import { elementwise, mapRows } from './elementwise.js';
import { HrrError } from './hrr-error.js';
import { bundleWeights, checkIntegerPower, checkPairDim, rowList } from './model-parts.js';
import { permute } from './permute.js';
import { rowsOf } from './check.js';
import type { Vsa } from './vsa.js';

/**
 * @internal The two models on the cyclic group ℤ_q (elements are integers 0…q−1, stored as floats):
 *
 * - `cgr`, cyclic group representation (torchhd `CGR`): bundle is the (weighted) per-element mode
 *   (ties: the value of the earliest row among the tied ones); similarity is the fraction of equal
 *   elements, so for random a, b: D·s ~ Binomial(D, 1/q);
 * - `mcr`, modular composite representation (Snaider & Franklin 2014; torchhd `MCR`): the element
 *   k stands for the phasor e^{2πik/q}; bundle is the angle of Σ w_i e^{2πi a_i/q} rounded to the
 *   nearest level; similarity is (1/D) Σ_j cos(2π(a_j − b_j)/q), for random a, b mean 0 and
 *   variance 1/(2D) (q ≥ 3).
 *
 * Both: bind (a + b) mod q; inverse (−a) mod q; identity 0; power p·a mod q (integer p).
 */
export function cyclicModel(model: 'cgr' | 'mcr', dim: number, q: number): Vsa {
  const m = (x: number) => ((Math.round(x) % q) + q) % q;
  const TWO_PI = 2 * Math.PI;
  const inverse = (a: ArrayLike<number>) => mapRows('inverse', a, dim, (x) => m(-x));
  return {
    model,
    dim,
    elementSize: 1,
    featureDim: model === 'cgr' ? dim * q : 2 * dim,
    random: (seed, count = 1) => {
      const rng = toRng(seed, 'seed', HrrError);
      const out = new Float32Array(count * dim);
      for (let i = 0; i < out.length; i++) out[i] = rng.uniformInt(q);
      return out;
    },
    bind: (a, b, out) => elementwise('bind', a, b, dim, out, (x, y) => m(x + y)),
    unbind: (c, a, out) => elementwise('unbind', c, a, dim, out, (x, y) => m(x - y), 'c', 'a'),
    unbindRight: (c, b, out) => elementwise('unbind', c, b, dim, out, (x, y) => m(x - y), 'c', 'b'),
    inverse,
    leftInverse: inverse,
    rightInverse: inverse,
    power: (a, p) => {
      checkIntegerPower(model.toUpperCase(), p);
      return mapRows('power', a, dim, (x) => m(p * x));
    },
    unitary: (a) => mapRows('unitary', a, dim, m),
    normalize: (a) => mapRows('normalize', a, dim, m),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (vectors, opts = {}) => {
      const list = rowList('bundle', vectors, dim);
      const w = bundleWeights('bundle', list.length, opts.weights);
      const out = opts.out ?? new Float32Array(dim);
      if (model === 'cgr') {
        const votes = new Float64Array(q);
        for (let j = 0; j < dim; j++) {
          votes.fill(0);
          for (let i = 0; i < list.length; i++) votes[m(list[i][j])] += w[i];
          let best = m(list[0][j]);
          for (let i = 0; i < list.length; i++) {
            const v = m(list[i][j]);
            if (votes[v] > votes[best]) best = v;
          }
          out[j] = best;
        }
      } else {
        for (let j = 0; j < dim; j++) {
          let re = 0,
            im = 0;
          for (let i = 0; i < list.length; i++) {
            const t = (TWO_PI * m(list[i][j])) / q;
            re += w[i] * Math.cos(t);
            im += w[i] * Math.sin(t);
          }
          out[j] = re === 0 && im === 0 ? m(list[0][j]) : m((Math.atan2(im, re) / TWO_PI) * q);
        }
      }
      return out;
    },
    similarity: (a, b) => {
      checkPairDim('similarity', a, b, dim);
      let s = 0;
      if (model === 'cgr') for (let j = 0; j < dim; j++) s += m(a[j]) === m(b[j]) ? 1 : 0;
      else for (let j = 0; j < dim; j++) s += Math.cos((TWO_PI * (m(a[j]) - m(b[j]))) / q);
      return s / dim;
    },
    identity: () => new Float32Array(dim),
    empty: () => new Float32Array(dim),
    features: (rows) => {
      const n = rowsOf('features', rows, dim, 'rows');
      const s = 1 / Math.sqrt(dim);
      if (model === 'cgr') {
        const out = new Float32Array(n * dim * q);
        for (let r = 0; r < n; r++) for (let j = 0; j < dim; j++) out[(r * dim + j) * q + m(rows[r * dim + j])] = s;
        return out;
      }
      const out = new Float32Array(2 * n * dim);
      for (let r = 0; r < n; r++)
        for (let j = 0; j < dim; j++) {
          const t = (TWO_PI * m(rows[r * dim + j])) / q;
          out[2 * r * dim + j] = Math.cos(t) * s;
          out[(2 * r + 1) * dim + j] = Math.sin(t) * s;
        }
      return out;
    },
  };
}
