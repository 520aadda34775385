import { broadcastRows, outArray, rowsOf } from './check.js';

/** @internal out[r, j] = f(a[ra, j], b[rb, j]) with single-row broadcasting. */
export function elementwise(
  fn: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  dim: number,
  out: Float32Array | undefined,
  f: (x: number, y: number) => number,
  an = 'a',
  bn = 'b',
): Float32Array {
  const na = rowsOf(fn, a, dim, an),
    nb = rowsOf(fn, b, dim, bn);
  const n = broadcastRows(fn, na, nb, an, bn);
  const o = outArray(fn, n * dim, out);
  for (let r = 0; r < n; r++) {
    const oa = na > 1 ? r * dim : 0,
      ob = nb > 1 ? r * dim : 0,
      oo = r * dim;
    for (let j = 0; j < dim; j++) o[oo + j] = f(a[oa + j], b[ob + j]);
  }
  return o;
}

/** @internal out[i] = f(a[i]) over [n, D]. */
export function mapRows(fn: string, a: ArrayLike<number>, dim: number, f: (x: number) => number): Float32Array {
  const n = rowsOf(fn, a, dim, 'a');
  const o = new Float32Array(n * dim);
  for (let i = 0; i < o.length; i++) o[i] = f(a[i]);
  return o;
}
