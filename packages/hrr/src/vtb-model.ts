import { toRng } from '@neurite/tensor';
import { broadcastRows, outArray, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import { unitRows } from './hrr-model.js';
import { checkIntegerPower, cosineOf, realBundle } from './model-parts.js';
import { permute } from './permute.js';
import { matInverse, polarOrthogonal } from './small-matrix.js';
import type { Vsa } from './vsa.js';

/**
 * @internal VTB, vector-derived transformation binding (Gosmann & Eliasmith 2019, nengo_spa
 * `VTB`), and its transposed variant TVTB (nengo_spa `TVTB`). D = d², a vector x is read as the
 * d×d matrix X (row-major, X_{ij} = x_{id+j}); elements are N(0, 1/D) like HRR.
 *
 * - vtb: B(x, y) = V_y x with V_y = √d · (I_d ⊗ Y), i.e. B(x, y) = vec(√d · X Yᵀ);
 * - tvtb: B(x, y) = V_yᵀ x, i.e. B(x, y) = vec(√d · X Y).
 *
 * Identity vec(I_d)/√d (a right identity for vtb; two-sided for tvtb). The approximate inverse
 * ỹ = vec(Yᵀ) undoes the key on the right: unbindRight(B(x, y), y) = B(B(x, y), ỹ) = d·X Yᵀ Y (vtb)
 * = X exactly when √d·Y is orthogonal (`unitary`), ≈ X for random y. unbind(c, x) recovers y from
 * c = B(x, y): vtb √d·Cᵀ X (its transpose), tvtb √d·Xᵀ C. Exact left/right inverses (nengo_spa
 * `linv`/`rinv`): B(l, y) = B(y, r) = identity, both vec(Y⁻ᵀ)/d for vtb and vec(Y⁻¹)/d for tvtb.
 * Bundle: sum (unit norm with `normalize`); similarity: cosine.
 */
export function vtbModel(model: 'vtb' | 'tvtb', dim: number): Vsa {
  const d = Math.round(Math.sqrt(dim));
  if (d * d !== dim)
    throw new HrrError('dim', `createVsa: the ${model} model needs a square dimension D = d², got ${dim}`, { code: 'ERR_SHAPE' });
  const sd = Math.sqrt(d);
  /** out_r = vec(scale · op(X_r) · op(Y_r)), op = transpose when the flag is set. */
  const prod = (
    fn: string,
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    out: Float32Array | undefined,
    ta: boolean,
    tb: boolean,
    an: string,
    bn: string,
  ) => {
    const na = rowsOf(fn, a, dim, an),
      nb = rowsOf(fn, b, dim, bn);
    const n = broadcastRows(fn, na, nb, an, bn);
    const o = outArray(fn, n * dim, out);
    const acc = new Float64Array(dim);
    for (let r = 0; r < n; r++) {
      const oa = na > 1 ? r * dim : 0,
        ob = nb > 1 ? r * dim : 0;
      acc.fill(0);
      for (let i = 0; i < d; i++)
        for (let k = 0; k < d; k++) {
          const x = ta ? a[oa + k * d + i] : a[oa + i * d + k];
          if (x === 0) continue;
          for (let j = 0; j < d; j++) acc[i * d + j] += x * (tb ? b[ob + j * d + k] : b[ob + k * d + j]);
        }
      for (let i = 0; i < dim; i++) o[r * dim + i] = sd * acc[i];
    }
    return o;
  };
  const transpose = (fn: string, a: ArrayLike<number>) => {
    const n = rowsOf(fn, a, dim, 'a');
    const out = new Float32Array(n * dim);
    for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out[r * dim + i * d + j] = a[r * dim + j * d + i];
    return out;
  };
  const bind = (a: ArrayLike<number>, b: ArrayLike<number>, out?: Float32Array) =>
    model === 'vtb' ? prod('bind', a, b, out, false, true, 'a', 'b') : prod('bind', a, b, out, false, false, 'a', 'b');
  const exactInverse = (fn: string, a: ArrayLike<number>) => {
    const n = rowsOf(fn, a, dim, 'a');
    const out = new Float32Array(n * dim);
    for (let r = 0; r < n; r++) {
      const inv = matInverse(
        a instanceof Float32Array ? a.subarray(r * dim, (r + 1) * dim) : Array.from({ length: dim }, (_, i) => a[r * dim + i]),
        d,
      );
      if (inv === null) throw new HrrError('a', `${fn}: the ${d}×${d} matrix of row ${r} is singular`, { code: 'ERR_INVALID_ARGUMENT' });
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) out[r * dim + i * d + j] = (model === 'vtb' ? inv[j * d + i] : inv[i * d + j]) / d;
    }
    return out;
  };
  const identity = () => {
    const e = new Float32Array(dim);
    for (let i = 0; i < d; i++) e[i * d + i] = 1 / sd;
    return e;
  };
  return {
    model,
    dim,
    elementSize: 1,
    featureDim: dim,
    random: (seed, count = 1) =>
      toRng(seed, 'seed', HrrError).normalArray(new Float32Array(dim * count), 0, 1 / Math.sqrt(dim)) as Float32Array,
    bind,
    // vtb: c = √d X Yᵀ → y ≈ vec(√d Cᵀ X); tvtb: c = √d X Y → y ≈ vec(√d Xᵀ C)
    unbind: (c, a, out) =>
      model === 'vtb' ? prod('unbind', c, a, out, true, false, 'c', 'a') : prod('unbind', a, c, out, true, false, 'a', 'c'),
    unbindRight: (c, b, out) => bind(c, transpose('unbind', b), out),
    inverse: (a) => transpose('inverse', a),
    leftInverse: (a) => exactInverse('leftInverse', a),
    rightInverse: (a) => exactInverse('rightInverse', a),
    power: (a, p) => {
      checkIntegerPower(model.toUpperCase(), p);
      if (p === 0) return identity();
      const base = p < 0 ? exactInverse('power', a) : Float32Array.from(a);
      let acc: Float32Array = base;
      for (let i = 1; i < Math.abs(p); i++) acc = bind(acc, base);
      return acc;
    },
    unitary: (a) => {
      const n = rowsOf('unitary', a, dim, 'a');
      const out = new Float32Array(n * dim);
      for (let r = 0; r < n; r++) {
        const q = polarOrthogonal(
          Array.from({ length: dim }, (_, i) => a[r * dim + i]),
          d,
        );
        for (let i = 0; i < dim; i++) out[r * dim + i] = q[i] / sd;
      }
      return out;
    },
    normalize: (a) => unitRows(a, dim, 'normalize'),
    permute: (a, by) => permute(a, by, { dim }),
    bundle: (v, opts) => realBundle(v, dim, opts),
    similarity: (a, b) => cosineOf(a, b, dim),
    identity,
    empty: () => new Float32Array(dim),
    features: (rows) => unitRows(rows, dim, 'features'),
  };
}
