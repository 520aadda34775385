import { describe, expect, it } from 'vitest';
import { createRng } from '@neurite/tensor';
import { createDenseArena, hasSimd } from '../src/dense-arena.js';
import { gemm, gemmPacked, packPanel } from '../src/gemm.js';

/** Random float32 values in [-1, 1] with a fraction `zeros` of exact zeros. */
function fill(a: Float32Array, seed: number, zeros = 0): Float32Array {
  const rng = createRng(seed);
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform() < zeros ? 0 : 2 * rng.uniform() - 1;
  return a;
}

describe('gemm', () => {
  it('runs WebAssembly SIMD in Node', () => {
    expect(hasSimd()).toBe(true);
  });

  // shapes exercising the 16-, 4- and 1-column paths, strided (transposed) A and row strides
  const shapes = [
    { M: 3, K: 7, N: 37, zeros: 0 },
    { M: 20, K: 784, N: 500, zeros: 0.8 },
    { M: 20, K: 500, N: 10, zeros: 0.5 },
    { M: 13, K: 10, N: 500, zeros: 0.3 },
    { M: 5, K: 1, N: 3, zeros: 0 },
    { M: 4, K: 9, N: 63, zeros: 0.2 },
  ];
  it('C = C0 + α·A·B: from another array, from one broadcast row (ldc0 = 0), and a row of A all zeros copies C0', () => {
    const [M, K, N] = [5, 9, 23];
    const arena = createDenseArena(4 * (M * K + K * N + 3 * M * N) + 1024, K);
    const a = fill(arena.alloc(M * K), 4, 0.3);
    a.fill(0, 2 * K, 3 * K);
    const b = fill(arena.alloc(K * N), 5);
    for (const [c0, ldc0] of [
      [fill(arena.alloc(M * N), 6), N],
      [fill(arena.alloc(N), 7), 0],
    ] as const) {
      const c = fill(arena.alloc(M * N), 8);
      gemm(c, a, b, M, K, N, K, 1, N, N, 1, c0, ldc0);
      const plain = c0.slice();
      const js = new Float32Array(M * N);
      gemm(js, a.slice(), b.slice(), M, K, N, K, 1, N, N, 1, plain, ldc0);
      expect(Array.from(c)).toEqual(Array.from(js));
      // the reference: start from C0, add in k order with float32 rounding
      for (let r = 0; r < M; r++)
        for (let j = 0; j < N; j++) {
          let acc = c0[r * ldc0 + j];
          for (let k = 0; k < K; k++) if (a[r * K + k] !== 0) acc = Math.fround(acc + Math.fround(a[r * K + k] * b[k * N + j]));
          expect(c[r * N + j]).toBe(acc);
        }
    }
  });

  for (const { M, K, N, zeros } of shapes) {
    for (const transA of [false, true]) {
      it(`[${M}, ${K}] x [${K}, ${N}]${transA ? ' (A transposed)' : ''}: SIMD bits = JavaScript bits, and ≈ float64`, () => {
        const arena = createDenseArena(4 * (M * K + K * N + 2 * M * N) + 1024, K);
        const a = fill(arena.alloc(M * K), 1, zeros);
        const b = fill(arena.alloc(K * N), 2);
        const c = fill(arena.alloc(M * N), 3);
        const [sar, sak] = transA ? [1, M] : [K, 1];
        const c0 = c.slice();
        const plain = { a: a.slice(), b: b.slice(), c: c.slice() };
        gemm(c, a, b, M, K, N, sar, sak, N, N, 0.75);
        gemm(plain.c, plain.a, plain.b, M, K, N, sar, sak, N, N, 0.75);
        expect(Buffer.from(c.buffer, c.byteOffset, c.byteLength).equals(Buffer.from(plain.c.buffer))).toBe(true);
        // float64 reference: each float32 operation errs by ≤ 2⁻²⁴ relative; K + 1 of them on sums of |terms| ≤ Σ|αab| + |c|
        let worst = 0;
        for (let r = 0; r < M; r++)
          for (let j = 0; j < N; j++) {
            let exact = c0[r * N + j];
            let mag = Math.abs(exact);
            for (let k = 0; k < K; k++) {
              const t = Math.fround(0.75 * a[r * sar + k * sak]) * b[k * N + j];
              exact += t;
              mag += Math.abs(t);
            }
            worst = Math.max(worst, Math.abs(c[r * N + j] - exact) / (mag * (K + 1) * 2 ** -23));
          }
        expect(worst).toBeLessThanOrEqual(1);
      });
    }
  }
});

describe('gemmPacked', () => {
  for (const { M, K, N } of [
    { M: 20, K: 500, N: 10 },
    { M: 7, K: 12, N: 3 },
    { M: 1, K: 8, N: 12 },
    { M: 5, K: 40, N: 6 },
  ]) {
    it(`[${M}, ${K}] x [${K}, ${N}] packed: SIMD bits = JavaScript bits = the documented lane sums, ≈ float64`, () => {
      const arena = createDenseArena(4 * (M * K + 2 * K * N + 3 * M * N) + 1024, K);
      const a = fill(arena.alloc(M * K), 11, 0.5);
      const b = fill(arena.alloc(K * N), 12);
      const bias = fill(arena.alloc(N), 13);
      const p = arena.alloc(K * N);
      packPanel(p, b, K, N, N);
      const c = arena.alloc(M * N);
      gemmPacked(c, a, p, M, K, N, K, N, bias, 0);
      const js = new Float32Array(M * N);
      gemmPacked(js, a.slice(), p.slice(), M, K, N, K, N, bias.slice(), 0);
      expect(Array.from(c)).toEqual(Array.from(js));
      for (let r = 0; r < M; r++)
        for (let j = 0; j < N; j++) {
          const L = [0, 0, 0, 0];
          let exact = bias[j];
          let mag = Math.abs(exact);
          for (let k = 0; k < K; k++) {
            const t = a[r * K + k] * b[k * N + j];
            L[k % 4] = Math.fround(L[k % 4] + Math.fround(t));
            exact += t;
            mag += Math.abs(t);
          }
          const want = Math.fround(bias[j] + Math.fround(Math.fround(L[0] + L[1]) + Math.fround(L[2] + L[3])));
          expect(c[r * N + j]).toBe(want);
          // float32: each of the K + 3 operations errs by ≤ 2⁻²⁴ relative of a partial sum ≤ Σ|terms|
          expect(Math.abs(c[r * N + j] - exact)).toBeLessThanOrEqual(mag * (K + 3) * 2 ** -24);
        }
    });
  }
});
