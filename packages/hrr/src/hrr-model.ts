import { approxInverse } from './approx-inverse.js';
import { bind } from './bind.js';
import { bindPower } from './bind-power.js';
import { bundle } from './bundle.js';
import { rowsOf } from './check.js';
import { exactInverse } from './exact-inverse.js';
import { makeUnitary } from './make-unitary.js';
import { permute } from './permute.js';
import { randomVectors } from './random-vectors.js';
import { cosine } from './similarity.js';
import { unbind } from './unbind.js';
import type { Vsa } from './vsa.js';

/** @internal Row-wise unit normalisation into [n, D] features (zero rows stay zero). */
export function unitRows(rows: ArrayLike<number>, dim: number, fn: string): Float32Array {
  const n = rowsOf(fn, rows, dim, 'rows');
  const out = new Float32Array(n * dim);
  for (let r = 0, o = 0; r < n; r++, o += dim) {
    let e = 0;
    for (let j = 0; j < dim; j++) e += rows[o + j] * rows[o + j];
    const s = e > 0 ? 1 / Math.sqrt(e) : 0;
    for (let j = 0; j < dim; j++) out[o + j] = rows[o + j] * s;
  }
  return out;
}

/** @internal The HRR model (Plate): real vectors, circular convolution. */
export function hrrModel(dim: number): Vsa {
  return {
    model: 'hrr',
    dim,
    elementSize: 1,
    featureDim: dim,
    random: (seed, count = 1) => randomVectors('hrr', dim, seed, count),
    bind: (a, b, out) => bind(a, b, { dim, out }),
    unbind: (c, a, out) => unbind(c, a, { dim, out }),
    unbindRight: (c, b, out) => unbind(c, b, { dim, out }),
    inverse: (a) => approxInverse(a, { dim }),
    leftInverse: (a) => exactInverse(a, { dim }),
    rightInverse: (a) => exactInverse(a, { dim }),
    normalize: (a) => unitRows(a, dim, 'normalize'),
    empty: () => new Float32Array(dim),
    power: (a, p) => bindPower(a, p, { dim }),
    unitary: (a) => makeUnitary(a, { dim }),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (v, opts) => bundle(v, dim, opts),
    similarity: (a, b) => cosine(a, b),
    identity: () => {
      const e = new Float32Array(dim);
      e[0] = 1;
      return e;
    },
    features: (r) => unitRows(r, dim, 'features'),
  };
}
