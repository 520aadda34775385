import { tf, type Tensor2D } from '@neurite/tensor';
import { approxInverse } from './approx-inverse.js';
import { bind } from './bind.js';
import { bindPower } from './bind-power.js';
import { bundle } from './bundle.js';
import { rowsOf } from './check.js';
import { bindTensor, unbindTensor } from './hrr-tensor.js';
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

/** @internal Runs a tensor-path op on typed arrays (upload, compute, download, dispose). */
export function viaTensor(a: ArrayLike<number>, b: ArrayLike<number>, dim: number, op: (x: Tensor2D, y: Tensor2D) => Tensor2D, out?: Float32Array): Float32Array {
  const x = tf.tensor2d(Float32Array.from(a), [a.length / dim, dim]);
  const y = tf.tensor2d(Float32Array.from(b), [b.length / dim, dim]);
  const z = op(x, y);
  const data = z.dataSync() as Float32Array;
  x.dispose(); y.dispose(); z.dispose();
  if (out) { out.set(data); return out; }
  return data;
}

/** @internal The HRR model (Plate): real vectors, circular convolution. */
export function hrrModel(dim: number, tensorThreshold: number): Vsa {
  const rows = (x: ArrayLike<number>) => x.length / dim;
  return {
    model: 'hrr', dim, tensorThreshold, featureDim: dim,
    random: (seed, count = 1) => randomVectors('hrr', dim, seed, count),
    bind: (a, b, out) => Math.max(rows(a), rows(b)) >= tensorThreshold ? viaTensor(a, b, dim, bindTensor, out) : bind(a, b, { dim, out }),
    unbind: (c, a, out) => Math.max(rows(a), rows(c)) >= tensorThreshold ? viaTensor(c, a, dim, unbindTensor, out) : unbind(c, a, { dim, out }),
    inverse: (a) => approxInverse(a, { dim }),
    power: (a, p) => bindPower(a, p, { dim }),
    unitary: (a) => makeUnitary(a, { dim }),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (v, opts) => bundle(v, dim, opts),
    similarity: (a, b) => cosine(a, b),
    identity: () => { const e = new Float32Array(dim); e[0] = 1; return e; },
    features: (r) => unitRows(r, dim, 'features'),
    bindTensor, unbindTensor,
  };
}
