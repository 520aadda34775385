import { describe, expect, it } from 'vitest';
import { bind, dot, HrrError, randomVectors } from '../src/index.js';
import { directConvolution, maxAbsDiff, meanVar, row } from './helpers.js';

describe('bind', () => {
  it.each([3, 7, 512, 1000])('FFT path equals the direct O(D²) circular convolution, D = %i', (D) => {
    const a = randomVectors('hrr', D, `a${D}`), b = randomVectors('hrr', D, `b${D}`);
    const ref = directConvolution(a, b);
    // float32 output of a float64 computation: error ~ 1 ulp of the magnitude
    expect(maxAbsDiff(bind(a, b), ref)).toBeLessThan(2e-6);
  });

  it('binds [batch, D] rows and broadcasts a single row', () => {
    const D = 50, n = 4;
    const A = randomVectors('hrr', D, 1, n), B = randomVectors('hrr', D, 2, n), b0 = row(B, 0, D);
    const AB = bind(A, B, { dim: D }), Ab0 = bind(A, b0);
    for (let r = 0; r < n; r++) {
      expect(maxAbsDiff(row(AB, r, D), directConvolution(row(A, r, D), row(B, r, D)))).toBeLessThan(1e-6);
      expect(maxAbsDiff(row(Ab0, r, D), directConvolution(row(A, r, D), b0))).toBeLessThan(1e-6);
    }
    const out = new Float32Array(n * D);
    expect(bind(b0, A, { out })).toBe(out);
    expect(maxAbsDiff(out, Ab0)).toBeLessThan(1e-6);
  });

  it('is commutative and associative', () => {
    const D = 257;
    const [a, b, c] = [1, 2, 3].map((s) => randomVectors('hrr', D, s));
    expect(maxAbsDiff(bind(a, b), bind(b, a))).toBeLessThan(1e-6);
    expect(maxAbsDiff(bind(bind(a, b), c), bind(a, bind(b, c)))).toBeLessThan(1e-6);
  });

  it.each([64, 256])('(a⊛b)·(a⊛b) has mean 1 and variance (6D+4)/D² (D = %i)', (D) => {
    const N = 4000;
    const A = randomVectors('hrr', D, 'norm-a', N), B = randomVectors('hrr', D, 'norm-b', N);
    const C = bind(A, B, { dim: D });
    const e = new Float64Array(N);
    for (let i = 0; i < N; i++) { const c = row(C, i, D); e[i] = dot(c, c); }
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
