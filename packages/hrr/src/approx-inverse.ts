import { unaryShape } from './check.js';

/** Options of the row-wise unary HRR operations. */
export interface UnaryOptions {
  /** Vector dimension D (default a.length: one vector). Give it to treat `a` as [batch, D]. */
  dim?: number;
  /** Output array of length batch*D. */
  out?: Float32Array;
}

/**
 * Approximate inverse (involution) a^†[i] = a[(-i) mod D]: in the frequency domain the
 * complex conjugate, so a^† ⊛ c is the circular correlation of a and c. Exact (a^† = a^{-1})
 * for unitary a. Row-wise on [batch, D].
 */
export function approxInverse(a: ArrayLike<number>, opts: UnaryOptions = {}): Float32Array {
  const { dim, rows: n, out } = unaryShape('approxInverse', a, opts);
  if ((out as ArrayLike<number>) === a) a = Float32Array.from(a);
  for (let r = 0, o = 0; r < n; r++, o += dim) {
    out[o] = a[o];
    for (let i = 1; i < dim; i++) out[o + i] = a[o + dim - i];
  }
  return out;
}
