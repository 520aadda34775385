import { bundle } from './bundle.js';
import { elementwise, mapRows } from './elementwise.js';
import { HrrError } from './hrr-error.js';
import { unitRows } from './hrr-model.js';
import { permute } from './permute.js';
import { randomVectors } from './random-vectors.js';
import { cosine } from './similarity.js';
import type { Vsa } from './vsa.js';

/** @internal MAP (Gayler's multiply–add–permute): bipolar ±1 vectors, elementwise product binding. */
export function mapModel(dim: number): Vsa {
  return {
    model: 'map',
    dim,
    elementSize: 1,
    featureDim: dim,
    random: (seed, count = 1) => randomVectors('map', dim, seed, count),
    bind: (a, b, out) => elementwise('bind', a, b, dim, out, (x, y) => x * y),
    unbind: (c, a, out) => elementwise('unbind', c, a, dim, out, (x, y) => x * y, 'c', 'a'),
    unbindRight: (c, b, out) => elementwise('unbind', c, b, dim, out, (x, y) => x * y, 'c', 'b'),
    inverse: (a) => mapRows('inverse', a, dim, (x) => x),
    leftInverse: (a) => mapRows('leftInverse', a, dim, (x) => 1 / x),
    rightInverse: (a) => mapRows('rightInverse', a, dim, (x) => 1 / x),
    normalize: (a) => mapRows('normalize', a, dim, (x) => (x >= 0 ? 1 : -1)),
    empty: () => new Float32Array(dim),
    power: (a, p) => {
      if (!Number.isInteger(p)) throw new HrrError('p', `power: the MAP model has integer binding powers only (elementwise a^p), got ${p}`);
      return mapRows('power', a, dim, (x) => Math.pow(x, p));
    },
    unitary: (a) => mapRows('unitary', a, dim, (x) => (x >= 0 ? 1 : -1)),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (v, opts = {}) => {
      const s = bundle(v, dim, { weights: opts.weights, out: opts.out });
      if (opts.normalize) for (let j = 0; j < dim; j++) s[j] = s[j] >= 0 ? 1 : -1;
      return s;
    },
    similarity: (a, b) => {
      if (a.length !== dim || b.length !== dim)
        throw new HrrError('b', `similarity: a and b must have length dim=${dim}, got ${a.length} and ${b.length}`, { code: 'ERR_SHAPE' });
      return cosine(a, b);
    },
    identity: () => new Float32Array(dim).fill(1),
    features: (rows) => unitRows(rows, dim, 'features'),
  };
}
