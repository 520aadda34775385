import { toRng, type Rng } from '@neurite/tensor';
import { broadcastRows, outArray, rowsOf } from './check.js';
import { HrrError } from './hrr-error.js';
import { unitRows } from './hrr-model.js';
import { checkIntegerPower, cosineOf, realBundle } from './model-parts.js';
import { checkPermutation } from './permute.js';
import { cMatInverse, cMatMul, cPolarUnitary } from './small-matrix.js';
import type { Vsa } from './vsa.js';

/**
 * @internal GHRR, generalised holographic reduced representations (Yeung, Zou & Imani 2024,
 * arXiv:2405.09689): a hypervector is D matrices a_j ∈ U(m) (m×m complex unitary). Stored as
 * D·2m² floats: element j at offset 2m²·j, its real part (m², row-major) then its imaginary part.
 * The Float32Array length (`vsa.dim`) is 2m²·D.
 *
 * - random: a_j = Q_j Λ_j, Q_j Haar-random unitary (Gram–Schmidt of a complex Gaussian matrix),
 *   Λ_j = diag(e^{iθ}) with θ uniform on [−π, π); m = 1 is FHRR;
 * - bind: (a ⊛ b)_j = a_j b_j (matrix product; not commutative for m > 1); identity a_j = I;
 * - inverse: a_j^† (exact for unitary elements); unbind(c, a) = a_j^† c_j recovers b,
 *   unbindRight(c, b) = c_j b_j^† recovers a; leftInverse = rightInverse = a_j⁻¹ (exact);
 * - bundle: Σ_i w_i a_i (sum of matrices); `normalize` maps each element to its unitary polar factor;
 * - similarity: Re Σ_j tr(a_j b_j^†) / (‖a‖‖b‖), which is (1/(mD)) Re Σ_j tr(a_j b_j^†) for
 *   unitary elements (the paper's δ); mean 0 and variance 1/(2mD)·… for random pairs (see tests).
 */
export function ghrrModel(dim: number, m: number): Vsa {
  const E = 2 * m * m,
    mm = m * m,
    D = dim / E;
  const view = (a: ArrayLike<number>, o: number): [ArrayLike<number>, ArrayLike<number>] =>
    a instanceof Float32Array
      ? [a.subarray(o, o + mm), a.subarray(o + mm, o + E)]
      : [Array.from({ length: mm }, (_, i) => a[o + i]), Array.from({ length: mm }, (_, i) => a[o + mm + i])];
  const perElement = (
    fn: string,
    a: ArrayLike<number>,
    f: (re: ArrayLike<number>, im: ArrayLike<number>) => [ArrayLike<number>, ArrayLike<number>],
  ) => {
    const n = rowsOf(fn, a, dim, 'a');
    const out = new Float32Array(n * dim);
    for (let o = 0; o < n * dim; o += E) {
      const [xr, xi] = view(a, o);
      const [yr, yi] = f(xr, xi);
      for (let i = 0; i < mm; i++) {
        out[o + i] = yr[i];
        out[o + mm + i] = yi[i];
      }
    }
    return out;
  };
  const mul = (
    fn: string,
    a: ArrayLike<number>,
    b: ArrayLike<number>,
    out: Float32Array | undefined,
    ha: boolean,
    hb: boolean,
    an: string,
    bn: string,
  ) => {
    const na = rowsOf(fn, a, dim, an),
      nb = rowsOf(fn, b, dim, bn);
    const n = broadcastRows(fn, na, nb, an, bn);
    const o = outArray(fn, n * dim, out);
    for (let r = 0; r < n; r++)
      for (let j = 0; j < D; j++) {
        const oa = (na > 1 ? r * dim : 0) + j * E,
          ob = (nb > 1 ? r * dim : 0) + j * E,
          oo = r * dim + j * E;
        const [ar, ai] = view(a, oa),
          [br, bi] = view(b, ob);
        const [cr, ci] = cMatMul(ar, ai, br, bi, m, ha, hb);
        for (let i = 0; i < mm; i++) {
          o[oo + i] = cr[i];
          o[oo + mm + i] = ci[i];
        }
      }
    return o;
  };
  const randomUnitary = (rng: Rng, out: Float32Array, o: number) => {
    // columns of a complex Gaussian matrix, Gram–Schmidt orthonormalised (R has a positive diagonal: Haar)
    const re = new Float64Array(mm),
      im = new Float64Array(mm);
    for (let i = 0; i < mm; i++) {
      re[i] = rng.normal();
      im[i] = rng.normal();
    }
    for (let c = 0; c < m; c++) {
      for (let p = 0; p < c; p++) {
        let dr = 0,
          di = 0; // <col p, col c> = Σ conj(p) c
        for (let i = 0; i < m; i++) {
          dr += re[i * m + p] * re[i * m + c] + im[i * m + p] * im[i * m + c];
          di += re[i * m + p] * im[i * m + c] - im[i * m + p] * re[i * m + c];
        }
        for (let i = 0; i < m; i++) {
          re[i * m + c] -= dr * re[i * m + p] - di * im[i * m + p];
          im[i * m + c] -= dr * im[i * m + p] + di * re[i * m + p];
        }
      }
      let nrm = 0;
      for (let i = 0; i < m; i++) nrm += re[i * m + c] ** 2 + im[i * m + c] ** 2;
      const s = 1 / Math.sqrt(nrm);
      // Λ: a uniform phase on column c
      const th = rng.uniform() * 2 * Math.PI - Math.PI,
        cr = Math.cos(th) * s,
        ci = Math.sin(th) * s;
      for (let i = 0; i < m; i++) {
        const xr = re[i * m + c],
          xi = im[i * m + c];
        out[o + i * m + c] = xr * cr - xi * ci;
        out[o + mm + i * m + c] = xr * ci + xi * cr;
        re[i * m + c] = xr * s;
        im[i * m + c] = xi * s;
      }
    }
  };
  const identity = () => {
    const e = new Float32Array(dim);
    for (let j = 0; j < D; j++) for (let i = 0; i < m; i++) e[j * E + i * m + i] = 1;
    return e;
  };
  const exactInverse = (fn: string) => (a: ArrayLike<number>) =>
    perElement(fn, a, (xr, xi) => {
      const inv = cMatInverse(xr, xi, m);
      if (inv === null) throw new HrrError('a', `${fn}: a singular ${m}×${m} element`, { code: 'ERR_INVALID_ARGUMENT' });
      return inv;
    });
  const unitary = (a: ArrayLike<number>) => perElement('unitary', a, (xr, xi) => cPolarUnitary(xr, xi, m));
  const dagger = (a: ArrayLike<number>) =>
    perElement('inverse', a, (xr, xi) => {
      const yr = new Float64Array(mm),
        yi = new Float64Array(mm);
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          yr[i * m + j] = xr[j * m + i];
          yi[i * m + j] = -xi[j * m + i];
        }
      return [yr, yi];
    });
  const bind = (a: ArrayLike<number>, b: ArrayLike<number>, out?: Float32Array) => mul('bind', a, b, out, false, false, 'a', 'b');
  return {
    model: 'ghrr',
    dim,
    elementSize: E,
    featureDim: dim,
    random: (seed, count = 1) => {
      const rng = toRng(seed, 'seed', HrrError);
      const out = new Float32Array(count * dim);
      for (let o = 0; o < out.length; o += E) randomUnitary(rng, out, o);
      return out;
    },
    bind,
    unbind: (c, a, out) => mul('unbind', a, c, out, true, false, 'a', 'c'),
    unbindRight: (c, b, out) => mul('unbind', c, b, out, false, true, 'c', 'b'),
    inverse: dagger,
    leftInverse: exactInverse('leftInverse'),
    rightInverse: exactInverse('rightInverse'),
    power: (a, p) => {
      checkIntegerPower('GHRR', p);
      const base = p < 0 ? dagger(a) : Float32Array.from(a);
      let acc: Float32Array = identity();
      for (let i = 0; i < Math.abs(p); i++) acc = bind(acc, base);
      return acc;
    },
    unitary,
    normalize: unitary,
    permute: (a, by) => {
      // permutes the D matrix elements (each block of 2m² floats moves as a whole)
      const n = rowsOf('permute', a, dim, 'a');
      const idx = new Int32Array(D);
      if (typeof by === 'number') {
        if (!Number.isSafeInteger(by)) throw new HrrError('by', `permute: a shift must be an integer, got ${by}`);
        const s = ((by % D) + D) % D;
        for (let i = 0; i < D; i++) idx[i] = (i - s + D) % D;
      } else {
        if (by.length !== D)
          throw new HrrError('by', `permute: a GHRR permutation moves the D=${D} elements, got length ${by.length}`, { code: 'ERR_SHAPE' });
        checkPermutation('permute', by);
        for (let i = 0; i < D; i++) idx[i] = by[i];
      }
      const out = new Float32Array(n * dim);
      for (let r = 0; r < n; r++)
        for (let i = 0; i < D; i++) for (let k = 0; k < E; k++) out[r * dim + i * E + k] = a[r * dim + idx[i] * E + k];
      return out;
    },
    bundle: (v, opts = {}) => {
      const s = realBundle(v, dim, { weights: opts.weights });
      const res = opts.normalize ? unitary(s) : s;
      if (opts.out) {
        opts.out.set(res);
        return opts.out;
      }
      return res;
    },
    similarity: (a, b) => cosineOf(a, b, dim),
    identity,
    empty: () => new Float32Array(dim),
    features: (rows) => unitRows(rows, dim, 'features'),
  };
}
