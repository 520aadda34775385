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

/**
 * Packs B [K, N] (rows `ldb` apart, K a multiple of 4) for {@link gemmPacked}: p[((k/4)·N + j)·4 + k mod 4] = B[k, j],
 * so that the four k-lanes of each column of a block of four rows lie in one vector.
 */
export function packPanel(p: Float32Array, b: Float32Array, K: number, N: number, ldb: number): void {
  for (let k = 0; k < K; k++) {
    const o = (k >> 2) * N * 4 + (k & 3);
    const r = k * ldb;
    for (let j = 0; j < N; j++) p[o + 4 * j] = b[r + j];
  }
}

/**
 * C = C0 + A·B for a thin B packed by {@link packPanel} (K a multiple of 4), as dot products along k:
 * C[r, j] = fround(C0[r, j] + fround(fround(L0 + L1) + fround(L2 + L3))) where L_q sums A[r, k]·B[k, j]
 * over k ≡ q (mod 4) in increasing k, in float32 (each product rounded). A's rows are `lda` apart (elements
 * contiguous), C's `ldc`, C0's `ldc0` (0: one broadcast row, e.g. a bias). Every term is added (no zero
 * skipping). The WebAssembly SIMD loop (2 rows × 5 columns in registers) when all arrays share one arena,
 * else the JavaScript loop below: the same bits.
 */
export function gemmPacked(
  c: Float32Array,
  a: Float32Array,
  p: Float32Array,
  M: number,
  K: number,
  N: number,
  lda: number,
  ldc: number,
  c0: Float32Array,
  ldc0: number,
): void {
  if (M === 0 || N === 0) return;
  const st = arenaOf(c.buffer);
  if (st !== undefined && a.buffer === c.buffer && p.buffer === c.buffer && c0.buffer === c.buffer) {
    st.exports.dot(c.byteOffset, a.byteOffset, p.byteOffset, M, K, N, 4 * lda, 4 * ldc, c0.byteOffset, 4 * ldc0);
    return;
  }
  const L = [0, 0, 0, 0];
  for (let r = 0; r < M; r++) {
    for (let j = 0; j < N; j++) {
      L.fill(0);
      for (let k = 0; k < K; k++) {
        const q = k & 3;
        L[q] = fround(L[q] + fround(a[r * lda + k] * p[((k >> 2) * N + j) * 4 + q]));
      }
      c[r * ldc + j] = fround(c0[r * ldc0 + j] + fround(fround(L[0] + L[1]) + fround(L[2] + L[3])));
    }
  }
}
