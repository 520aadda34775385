import { HrrError } from './hrr-error.js';
import { rho } from './rho.js';
import { matInverse } from './small-matrix.js';
import { rowList } from './model-parts.js';
import type { Vsa } from './vsa.js';

type Rows = ArrayLike<number> | ArrayLike<number>[];

/** Multiset (torchhd `multiset`): the bundle Σ_i x_i of the rows (`vsa.bundle`, un-normalised). */
export function multiset(vsa: Vsa, vectors: Rows): Float32Array {
  return vsa.bundle(vectors);
}

/** Multibind (torchhd `multibind`): x_0 ⊛ x_1 ⊛ … ⊛ x_{n−1}, bound left to right. */
export function multibind(vsa: Vsa, vectors: Rows): Float32Array {
  const list = rowList('multibind', vectors, vsa.dim);
  let acc: Float32Array = Float32Array.from(list[0]);
  for (let i = 1; i < list.length; i++) acc = vsa.bind(acc, list[i]);
  return acc;
}

/** Bundle sequence (torchhd `bundle_sequence`): Σ_i ρ^{n−1−i}(x_i), ρ the cyclic shift by one. */
export function bundleSequence(vsa: Vsa, vectors: Rows): Float32Array {
  const list = rowList('bundleSequence', vectors, vsa.dim);
  const n = list.length;
  return vsa.bundle(list.map((x, i) => rho(vsa, x, n - 1 - i)));
}

/** Bind sequence (torchhd `bind_sequence`): ⊛_i ρ^{n−1−i}(x_i). */
export function bindSequence(vsa: Vsa, vectors: Rows): Float32Array {
  const list = rowList('bindSequence', vectors, vsa.dim);
  const n = list.length;
  return multibind(
    vsa,
    list.map((x, i) => rho(vsa, x, n - 1 - i)),
  );
}

/**
 * N-grams (torchhd `ngrams`): Σ_{i=0}^{m−n} ⊛_{k=0}^{n−1} ρ^{n−1−k}(x_{i+k}) over the m rows; the
 * standard text/sequence encoding (Rahimi et al. 2016).
 */
export function ngrams(vsa: Vsa, vectors: Rows, n = 3): Float32Array {
  const list = rowList('ngrams', vectors, vsa.dim);
  if (!Number.isInteger(n) || n < 1 || n > list.length)
    throw new HrrError('n', `ngrams: n must be an integer in [1, ${list.length}], got ${n}`, { code: 'ERR_OUT_OF_RANGE' });
  const grams: Float32Array[] = [];
  for (let i = 0; i + n <= list.length; i++) grams.push(bindSequence(vsa, list.slice(i, i + n)));
  return vsa.bundle(grams);
}

/** Cross product (torchhd `cross_product`): (Σ_i a_i) ⊛ (Σ_j b_j) = Σ_{i,j} a_i ⊛ b_j. */
export function crossProduct(vsa: Vsa, a: Rows, b: Rows): Float32Array {
  return vsa.bind(vsa.bundle(a), vsa.bundle(b));
}

/** Hash table (torchhd `hash_table`): Σ_i k_i ⊛ v_i over matching rows of keys and values. */
export function hashTable(vsa: Vsa, keys: Rows, values: Rows): Float32Array {
  const k = rowList('hashTable', keys, vsa.dim),
    v = rowList('hashTable', values, vsa.dim);
  if (k.length !== v.length) throw new HrrError('values', `hashTable: ${k.length} keys but ${v.length} values`, { code: 'ERR_SHAPE' });
  return vsa.bundle(k.map((x, i) => vsa.bind(x, v[i])));
}

/**
 * Graph (torchhd `graph`): edges given as rows of `from` and `to` node vectors; undirected
 * Σ_e from_e ⊛ to_e, directed Σ_e from_e ⊛ ρ(to_e) (Poduval et al. 2022, GrapHD).
 */
export function graph(vsa: Vsa, from: Rows, to: Rows, opts: { directed?: boolean } = {}): Float32Array {
  const f = rowList('graph', from, vsa.dim),
    t = rowList('graph', to, vsa.dim);
  if (f.length !== t.length) throw new HrrError('to', `graph: ${f.length} from-nodes but ${t.length} to-nodes`, { code: 'ERR_SHAPE' });
  return vsa.bundle(f.map((x, i) => vsa.bind(x, opts.directed ? rho(vsa, t[i], 1) : t[i])));
}

/**
 * Ridge regression (torchhd `ridge_regression`): W = (XᵀX + αI)⁻¹ Xᵀ Y for samples X [n, F] and
 * targets Y [n, C] (row-major), returned as [F, C]; solved in float64 by Gauss–Jordan (for F up
 * to a few thousand). Used by `IntRVFL` for its read-out.
 */
export function ridgeRegression(x: ArrayLike<number>, y: ArrayLike<number>, n: number, alpha = 1): Float64Array {
  if (!(n >= 1) || x.length % n !== 0 || y.length % n !== 0)
    throw new HrrError('n', `ridgeRegression: x and y must have n=${n} rows`, { code: 'ERR_SHAPE' });
  if (!(alpha >= 0)) throw new HrrError('alpha', `ridgeRegression: alpha must be ≥ 0, got ${alpha}`, { code: 'ERR_OUT_OF_RANGE' });
  const F = x.length / n,
    C = y.length / n;
  const g = new Float64Array(F * F),
    xy = new Float64Array(F * C);
  for (let r = 0; r < n; r++)
    for (let i = 0; i < F; i++) {
      const xi = x[r * F + i];
      if (xi === 0) continue;
      for (let j = 0; j < F; j++) g[i * F + j] += xi * x[r * F + j];
      for (let c = 0; c < C; c++) xy[i * C + c] += xi * y[r * C + c];
    }
  for (let i = 0; i < F; i++) g[i * F + i] += alpha;
  const inv = matInverse(g, F);
  if (inv === null) throw new HrrError('x', 'ridgeRegression: XᵀX + αI is singular; use alpha > 0', { code: 'ERR_INVALID_ARGUMENT' });
  const w = new Float64Array(F * C);
  for (let i = 0; i < F; i++)
    for (let k = 0; k < F; k++) {
      const v = inv[i * F + k];
      for (let c = 0; c < C; c++) w[i * C + c] += v * xy[k * C + c];
    }
  return w;
}
