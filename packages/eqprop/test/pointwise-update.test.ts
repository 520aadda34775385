import { describe, expect, it } from 'vitest';
import { createRng } from '@neurite/tensor';
import { createDenseArena } from '../src/dense-arena.js';
import { gemm } from '../src/gemm.js';
import { pointwiseUpdate, productUpdate } from '../src/pointwise-update.js';

/** Random float32 values in [lo, hi) with a fraction `zeros` of exact zeros. */
function fill(a: Float32Array, seed: number, lo: number, hi: number, zeros = 0): Float32Array {
  const rng = createRng(seed);
  for (let i = 0; i < a.length; i++) a[i] = rng.uniform() < zeros ? 0 : lo + (hi - lo) * rng.uniform();
  return a;
}

const bits = (a: Float32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('pointwiseUpdate', () => {
  for (const rule of ['euler', 'damped'] as const) {
    for (const n of [500, 10, 7, 3]) {
      it(`${rule}, n = ${n}: SIMD bits = JavaScript bits (states and residual sums), clip to [0, 1], NaN kept`, () => {
        const rows = 5;
        const arena = createDenseArena(4 * 3 * rows * n + 8 * rows + 1024, 8);
        const s = fill(arena.alloc(rows * n), 1, 0, 1, 0.3);
        const u = fill(arena.alloc(rows * n), 2, -1.5, 2.5);
        u[3] = NaN;
        const res = arena.alloc64(rows).fill(0.25);
        const js = { s: s.slice(), u: u.slice(), res: res.slice() };
        pointwiseUpdate(rule, s, u, rows, n, 0.6, res);
        pointwiseUpdate(rule, js.s, js.u, rows, n, 0.6, js.res);
        // (toEqual: NaN equals NaN whatever its payload; ±0 and every other value compared exactly)
        expect(Array.from(s)).toEqual(Array.from(js.s));
        expect(Array.from(res)).toEqual(Array.from(js.res));
        expect(Number.isNaN(s[3])).toBe(true);
        expect(Number.isNaN(res[Math.floor(3 / n)])).toBe(true);
        for (let i = 0; i < s.length; i++) if (i !== 3) expect(s[i] >= 0 && s[i] <= 1).toBe(true);
        // without residual sums: the same states, res untouched
        const s2 = fill(arena.alloc(rows * n), 1, 0, 1, 0.3);
        const res2 = arena.alloc64(rows).fill(0.25);
        pointwiseUpdate(rule, s2, u, rows, n, 0.6, null);
        expect(Array.from(s2)).toEqual(Array.from(s));
        expect(Array.from(res2)).toEqual(new Array<number>(rows).fill(0.25));
      });
    }
  }
});

describe('productUpdate', () => {
  // the feedback product of a relaxation step fused with the update, vs gemm into u then pointwiseUpdate
  for (const rule of ['euler', 'damped'] as const) {
    for (const { M, K, N } of [
      { M: 20, K: 10, N: 500 },
      { M: 3, K: 25, N: 37 },
      { M: 4, K: 1, N: 13 },
    ]) {
      it(`${rule} [${M}, ${K}] x [${K}, ${N}]: the bits of gemm + pointwiseUpdate, in the SIMD module and in JavaScript`, () => {
        const arena = createDenseArena(4 * (2 * M * K + K * N + 4 * M * N) + 16 * M + 2048, K);
        const a = fill(arena.alloc(M * K), 3, 0, 1, 0.6);
        const b = fill(arena.alloc(K * N), 4, -0.5, 0.5);
        const c0 = fill(arena.alloc(M * N), 5, -1, 1.5);
        const s = fill(arena.alloc(M * N), 6, 0, 1, 0.4);
        const res = arena.alloc64(M);
        const ref = { s: s.slice(), res: new Float64Array(M), u: new Float32Array(M * N) };
        gemm(ref.u, a.slice(), b.slice(), M, K, N, K, 1, N, N, 1, c0.slice(), N);
        pointwiseUpdate(rule, ref.s, ref.u, M, N, 0.5, ref.res);
        const js = { s: s.slice(), res: new Float64Array(M) };
        productUpdate(rule, js.s, a.slice(), b.slice(), M, K, N, K, 1, N, 1, c0.slice(), N, 0.5, js.res);
        productUpdate(rule, s, a, b, M, K, N, K, 1, N, 1, c0, N, 0.5, res);
        expect(bits(s).equals(bits(ref.s))).toBe(true);
        expect(bits(res).equals(bits(ref.res))).toBe(true);
        expect(bits(js.s).equals(bits(ref.s))).toBe(true);
        expect(bits(js.res).equals(bits(ref.res))).toBe(true);
      });
    }
  }
});
