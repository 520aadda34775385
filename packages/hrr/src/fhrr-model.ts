import { checkFinite, checkDim, rowsOf } from './check.js';
import { elementwise, mapRows } from './elementwise.js';
import { HrrError } from './hrr-error.js';
import { permute } from './permute.js';
import { randomVectors } from './random-vectors.js';
import type { Vsa } from './vsa.js';
import type { BundleOptions } from './bundle.js';

const TWO_PI = 2 * Math.PI;
/** @internal Wrap an angle into [−π, π). */
export function wrapAngle(x: number): number {
  return x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
}

/** @internal FHRR (Plate's frequency-domain HRR): unit phasors e^{iθ}, stored as angles θ. */
export function fhrrModel(dim: number): Vsa {
  checkDim('createVsa', dim);
  const bundleAngles = (vectors: ArrayLike<number> | ArrayLike<number>[], opts: BundleOptions = {}) => {
    const list = Array.isArray(vectors) && vectors.length > 0 && typeof vectors[0] === 'object' ? (vectors as ArrayLike<number>[]) : null;
    const n = list ? list.length : rowsOf('bundle', vectors as ArrayLike<number>, dim, 'vectors');
    const w = opts.weights;
    if (w !== undefined && w.length !== n)
      throw new HrrError('weights', `bundle: weights has length ${w.length}, expected ${n}`, { code: 'ERR_SHAPE' });
    const re = new Float64Array(dim),
      im = new Float64Array(dim);
    for (let r = 0; r < n; r++) {
      const v = list ? list[r] : (vectors as ArrayLike<number>);
      if (list && v.length !== dim)
        throw new HrrError('vectors', `bundle: vectors[${r}] has length ${v.length}, expected dim=${dim}`, { code: 'ERR_SHAPE' });
      const o = list ? 0 : r * dim,
        wr = w === undefined ? 1 : checkFinite('bundle', `weights[${r}]`, w[r]);
      for (let j = 0; j < dim; j++) {
        re[j] += wr * Math.cos(v[o + j]);
        im[j] += wr * Math.sin(v[o + j]);
      }
    }
    const out = opts.out ?? new Float32Array(dim);
    for (let j = 0; j < dim; j++) out[j] = wrapAngle(Math.atan2(im[j], re[j]));
    return out;
  };
  return {
    model: 'fhrr',
    dim,
    elementSize: 1,
    featureDim: 2 * dim,
    random: (seed, count = 1) => randomVectors('fhrr', dim, seed, count),
    bind: (a, b, out) => elementwise('bind', a, b, dim, out, (x, y) => wrapAngle(x + y)),
    unbind: (c, a, out) => elementwise('unbind', c, a, dim, out, (x, y) => wrapAngle(x - y), 'c', 'a'),
    unbindRight: (c, b, out) => elementwise('unbind', c, b, dim, out, (x, y) => wrapAngle(x - y), 'c', 'b'),
    inverse: (a) => mapRows('inverse', a, dim, (x) => wrapAngle(-x)),
    leftInverse: (a) => mapRows('leftInverse', a, dim, (x) => wrapAngle(-x)),
    rightInverse: (a) => mapRows('rightInverse', a, dim, (x) => wrapAngle(-x)),
    normalize: (a) => mapRows('normalize', a, dim, wrapAngle),
    empty: () => new Float32Array(dim),
    power: (a, p) => {
      checkFinite('power', 'p', p);
      return mapRows('power', a, dim, (x) => wrapAngle(p * x));
    },
    unitary: (a) => mapRows('unitary', a, dim, (x) => x),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: bundleAngles,
    similarity: (a, b) => {
      if (a.length !== dim || b.length !== dim)
        throw new HrrError('b', `similarity: a and b must have length dim=${dim}, got ${a.length} and ${b.length}`, { code: 'ERR_SHAPE' });
      let s = 0;
      for (let j = 0; j < dim; j++) s += Math.cos(a[j] - b[j]);
      return s / dim;
    },
    identity: () => new Float32Array(dim),
    features: (rows) => {
      const n = rowsOf('features', rows, dim, 'rows');
      const out = new Float32Array(2 * n * dim),
        s = 1 / Math.sqrt(dim);
      for (let r = 0; r < n; r++)
        for (let j = 0; j < dim; j++) {
          const t = rows[r * dim + j];
          out[2 * r * dim + j] = Math.cos(t) * s;
          out[(2 * r + 1) * dim + j] = Math.sin(t) * s;
        }
      return out;
    },
  };
}
