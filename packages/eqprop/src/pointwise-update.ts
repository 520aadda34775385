import { arenaOf, gemmGroup } from './dense-arena.js';
import { gemm, NARROW_N } from './gemm.js';

const fround = Math.fround;

/** clip(x) = pmax(pmin(x, 1), 0) with WebAssembly's pmin/pmax: 1 < x ? 1 : x, then m < 0 ? 0 : m (NaN stays NaN). */
function clip(x: number): number {
  const m = 1 < x ? 1 : x;
  return m < 0 ? 0 : m;
}

/**
 * The pointwise state updates of a relaxation on [rows, n] float32 arrays, in
 * place, each adding (when `res` is given) every row's squared change Σ_j (s_new − s_old)² to res[row]:
 *
 * - 'euler' (projected Euler, Scellier & Bengio 2017):  s ← clip(s + ε(u − s))
 * - 'damped' (damped hard sigmoid, Laborieux et al. 2021): s ← (1 − γ)s + γ·clip(u)
 *
 * with clip(x) = min(1, max(0, x)) (a NaN stays NaN), in float32 arithmetic (ε, 1 − γ and γ rounded to
 * float32). The squares are summed in four float32 lanes (column j mod 4 over the first 4⌊n/4⌋ columns)
 * and one float32 tail, then added to res in float64 (lane 0, 1, 2, 3, tail): the bits of the
 * WebAssembly SIMD loop when s, u and res share one {@link createDenseArena} arena, and of the
 * JavaScript loop otherwise.
 */
export function pointwiseUpdate(
  rule: 'euler' | 'damped',
  s: Float32Array,
  u: Float32Array,
  rows: number,
  n: number,
  param: number,
  res: Float64Array | null,
): void {
  const st = arenaOf(s.buffer);
  const keep = fround(1 - fround(param));
  if (st !== undefined && u.buffer === s.buffer && (res === null || res.buffer === s.buffer)) {
    const rp = res === null ? 0 : res.byteOffset;
    const wr = res === null ? 0 : 1;
    if (rule === 'euler') st.exports.euler(s.byteOffset, u.byteOffset, rows, n, param, rp, wr);
    else st.exports.damped(s.byteOffset, u.byteOffset, rows, n, keep, param, rp, wr);
    return;
  }
  pointwiseRows(rule, s, u, 0, 0, rows, n, param, res);
}

/** The JavaScript loop of {@link pointwiseUpdate} on rows [r0, r0 + rows) of s and res, u from row u0. */
function pointwiseRows(
  rule: 'euler' | 'damped',
  s: Float32Array,
  u: Float32Array,
  r0: number,
  u0: number,
  rows: number,
  n: number,
  param: number,
  res: Float64Array | null,
): void {
  const p = fround(param);
  const keep = fround(1 - p);
  const n4 = n & ~3;
  const lanes = [0, 0, 0, 0];
  for (let r = 0; r < rows; r++) {
    lanes.fill(0);
    let tail = 0;
    for (let j = 0; j < n; j++) {
      const k = (r0 + r) * n + j;
      const old = s[k];
      const uk = u[(u0 + r) * n + j];
      const v = rule === 'euler' ? clip(fround(old + fround(p * fround(uk - old)))) : fround(fround(keep * old) + fround(p * clip(uk)));
      s[k] = v;
      if (res === null) continue;
      const d = fround(v - old);
      if (j < n4) lanes[j & 3] = fround(lanes[j & 3] + fround(d * d));
      else tail = fround(tail + fround(d * d));
    }
    if (res !== null) res[r0 + r] = res[r0 + r] + lanes[0] + lanes[1] + lanes[2] + lanes[3] + tail;
  }
}

/**
 * u = C0 + α·A·B (exactly as {@link gemm} computes it, [M, N] with C0 rows `ldc0` apart) and then
 * {@link pointwiseUpdate} of s [M, N] by u, in one pass: in the WebAssembly module each block of u
 * lives in registers between the product and the update and is never stored (the product of a
 * relaxation step fused with its state update). The same bits as the two calls; the JavaScript
 * version makes them row by row.
 */
export function productUpdate(
  rule: 'euler' | 'damped',
  s: Float32Array,
  a: Float32Array,
  b: Float32Array,
  M: number,
  K: number,
  N: number,
  sar: number,
  sak: number,
  ldb: number,
  alpha: number,
  c0: Float32Array,
  ldc0: number,
  param: number,
  res: Float64Array | null,
): void {
  if (M === 0 || N === 0) return;
  const st = arenaOf(s.buffer);
  if (
    N > NARROW_N &&
    st !== undefined &&
    a.buffer === s.buffer &&
    b.buffer === s.buffer &&
    c0.buffer === s.buffer &&
    (res === null || res.buffer === s.buffer) &&
    gemmGroup(st, K, 1) > 0
  ) {
    const rp = res === null ? 0 : res.byteOffset;
    const wr = res === null ? 0 : 1;
    const [sp, ap, bp, cp] = [s.byteOffset, a.byteOffset, b.byteOffset, c0.byteOffset];
    const ex = st.exports;
    if (rule === 'euler') ex.gemmEuler(sp, ap, bp, M, K, N, 4 * sar, 4 * sak, 4 * ldb, alpha, st.pairs, cp, 4 * ldc0, param, rp, wr);
    else
      ex.gemmDamped(
        sp,
        ap,
        bp,
        M,
        K,
        N,
        4 * sar,
        4 * sak,
        4 * ldb,
        alpha,
        st.pairs,
        cp,
        4 * ldc0,
        fround(1 - fround(param)),
        param,
        rp,
        wr,
      );
    return;
  }
  const u = new Float32Array(N);
  for (let r = 0; r < M; r++) {
    gemm(u, a.subarray(r * sar), b, 1, K, N, sar, sak, ldb, N, alpha, c0.subarray(r * ldc0), 0);
    pointwiseRows(rule, s, u, r, 0, 1, N, param, res);
  }
}
