import { arenaOf, gemmGroup } from './dense-arena.js';

const fround = Math.fround;

/** Widest B (columns) that gemm multiplies densely, R rows at a time with C in registers. */
export const NARROW_N = 12;

/**
 * C[r, j] = C0[r, j] + Σ_k (α·A[r, k]) · B[k, j]  for r < M, j < N, in float32:
 * A[r, k] = a[r·sar + k·sak] (strides in elements, so A may be a transposed
 * view), B[k, j] = b[k·ldb + j], C[r, j] = c[r·ldc + j], C0[r, j] = c0[r·ldc0 + j]
 * (by default C0 = C: C += α·A·B; `ldc0 = 0` starts every row from one row, e.g. a
 * bias). Each C[r, j] receives its terms in increasing k, every product and sum rounded to float32. For
 * N > {@link NARROW_N} the zero terms α·A[r, k] = 0 are skipped (sparse inputs and hard-sigmoid states:
 * only the non-zero terms cost time); for thin B (N ≤ 12, e.g. a 500 × 10 output coupling) every term
 * is added (a zero term changes no finite sum but the sign of a zero), R rows at a time. The same bits
 * whether it runs as the WebAssembly SIMD loops (all four arrays in one {@link createDenseArena} arena)
 * or as the JavaScript loops below.
 */
export function gemm(
  c: Float32Array,
  a: Float32Array,
  b: Float32Array,
  M: number,
  K: number,
  N: number,
  sar: number,
  sak: number,
  ldb: number,
  ldc: number,
  alpha = 1,
  c0: Float32Array = c,
  ldc0 = ldc,
): void {
  if (M === 0 || N === 0) return;
  const st = arenaOf(c.buffer);
  const inArena = st !== undefined && a.buffer === c.buffer && b.buffer === c.buffer && c0.buffer === c.buffer;
  const same = c0 === c && ldc0 === ldc;
  const p0 = same ? c.byteOffset : c0.byteOffset;
  const al = fround(alpha);
  if (N <= NARROW_N) {
    if (inArena) {
      st.exports.narrow(c.byteOffset, a.byteOffset, b.byteOffset, M, K, N, 4 * sar, 4 * sak, 4 * ldb, 4 * ldc, alpha, p0, 4 * ldc0);
      return;
    }
    const scaled = al !== 1;
    const row = new Float32Array(N);
    for (let r = 0; r < M; r++) {
      for (let j = 0; j < N; j++) row[j] = c0[r * ldc0 + j];
      for (let k = 0; k < K; k++) {
        const av = a[r * sar + k * sak];
        const v = scaled ? fround(av * al) : av;
        const o = k * ldb;
        for (let j = 0; j < N; j++) row[j] = fround(row[j] + fround(v * b[o + j]));
      }
      c.set(row, r * ldc);
    }
    return;
  }
  if (inArena) {
    const G = gemmGroup(st, K, M);
    if (G > 0) {
      st.exports.gemm(
        c.byteOffset,
        a.byteOffset,
        b.byteOffset,
        M,
        K,
        N,
        4 * sar,
        4 * sak,
        4 * ldb,
        4 * ldc,
        alpha,
        st.pairs,
        p0,
        4 * ldc0,
        G,
      );
      return;
    }
  }
  const ks = new Int32Array(K);
  const vs = new Float32Array(K);
  for (let r = 0; r < M; r++) {
    let cnt = 0;
    for (let k = 0; k < K; k++) {
      const v = fround(a[r * sar + k * sak] * al);
      if (v !== 0) {
        ks[cnt] = k * ldb;
        vs[cnt++] = v;
      }
    }
    if (cnt === 0 && same) continue;
    const o = r * ldc;
    const o0 = r * ldc0;
    for (let j = 0; j < N; j++) {
      let acc = c0[o0 + j];
      for (let q = 0; q < cnt; q++) acc = fround(acc + fround(vs[q] * b[ks[q] + j]));
      c[o + j] = acc;
    }
  }
}
