import { describe, expect, it } from 'vitest';
import { bind, dot, HrrError, randomVectors } from '../src/index.js';
import { directConvolution, f32Tol, l1, maxAbs, maxAbsDiff, meanVar, row, U32 } from './helpers.js';

describe('bind', () => {
  it.each([3, 7, 512, 1000])('FFT path equals the direct O(D²) circular convolution, D = %i', (D) => {
    const a = randomVectors('hrr', D, `a${D}`),
      b = randomVectors('hrr', D, `b${D}`);
    const ref = directConvolution(a, b);
    // float64 FFT, then one rounding to float32 (see f32Tol)
    expect(maxAbsDiff(bind(a, b), ref)).toBeLessThanOrEqual(f32Tol(1, maxAbs(ref)));
  });

  it('binds [batch, D] rows and broadcasts a single row', () => {
    const D = 50,
      n = 4;
    const A = randomVectors('hrr', D, 1, n),
      B = randomVectors('hrr', D, 2, n),
      b0 = row(B, 0, D);
    const AB = bind(A, B, { dim: D }),
      Ab0 = bind(A, b0);
    for (let r = 0; r < n; r++) {
      const ref = directConvolution(row(A, r, D), row(B, r, D)),
        ref0 = directConvolution(row(A, r, D), b0);
      expect(maxAbsDiff(row(AB, r, D), ref)).toBeLessThanOrEqual(f32Tol(1, maxAbs(ref)));
      expect(maxAbsDiff(row(Ab0, r, D), ref0)).toBeLessThanOrEqual(f32Tol(1, maxAbs(ref0)));
    }
    const out = new Float32Array(n * D);
    expect(bind(b0, A, { out })).toBe(out);
    // two float64 evaluations of the same sums, each rounded once to float32
    expect(maxAbsDiff(out, Ab0)).toBeLessThanOrEqual(f32Tol(2, maxAbs(Ab0)));
  });

  it('is commutative and associative', () => {
    const D = 257;
    const [a, b, c] = [1, 2, 3].map((s) => randomVectors('hrr', D, s));
    const ab = bind(a, b);
    expect(maxAbsDiff(ab, bind(b, a))).toBeLessThanOrEqual(f32Tol(2, maxAbs(ab)));
    // each side rounds its inner product to float32 (|δ| ≤ u·|x|); bound through the outer bind,
    // |δ ⊛ y| ≤ u·max|x|·‖y‖₁, plus one final rounding on each side
    const bc = bind(b, c),
      abc = bind(ab, c);
    const tol = U32 * (maxAbs(ab) * l1(c) + maxAbs(bc) * l1(a)) + f32Tol(2, maxAbs(abc));
    expect(maxAbsDiff(abc, bind(a, bc))).toBeLessThanOrEqual(tol);
  });

  it.each([64, 256])('(a⊛b)·(a⊛b) has mean 1 and variance (6D+4)/D² (D = %i)', (D) => {
    const N = 4000;
    const A = randomVectors('hrr', D, 'norm-a', N),
      B = randomVectors('hrr', D, 'norm-b', N);
    const C = bind(A, B, { dim: D });
    const e = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      const c = row(C, i, D);
      e[i] = dot(c, c);
    }
    const { mean, variance, m4 } = meanVar(e);
    const theory = (6 * D + 4) / (D * D);
    expect(Math.abs(mean - 1)).toBeLessThan(5 * Math.sqrt(theory / N));
    const seVar = Math.sqrt((m4 - variance * variance) / N);
    expect(Math.abs(variance - theory)).toBeLessThan(5 * seVar);
    // and the bound is tight enough to tell the theory from the 2/D of an unbound vector's norm²
    expect(5 * seVar).toBeLessThan(Math.abs(theory - 2 / D));
  });

  it('rejects mismatched shapes with HrrError naming the argument', () => {
    expect(() => bind(new Float32Array(10), new Float32Array(7), { dim: 5 })).toThrow(HrrError);
    expect(() => bind(new Float32Array(15), new Float32Array(10), { dim: 5 })).toThrow(/b has 2 rows/);
    expect(() => bind(new Float32Array(4), new Float32Array(4), { out: new Float32Array(3) })).toThrow(/out must be/);
  });
});
