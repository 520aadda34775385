import { describe, expect, it } from 'vitest';
import { dot, TensorError } from '../src/index.js';

describe('dot', () => {
  it('equals the exact sum for integer inputs and a float64 reference within n·eps·Σ|ab|', () => {
    const a = Float32Array.from({ length: 1003 }, (_, i) => (i % 7) - 3);
    const b = Float32Array.from({ length: 1003 }, (_, i) => (i % 5) - 2);
    let exact = 0;
    for (let i = 0; i < a.length; i++) exact += a[i] * b[i];
    expect(dot(a, b)).toBe(exact);
    const x = Float64Array.from({ length: 999 }, (_, i) => Math.sin(i));
    const y = Float64Array.from({ length: 999 }, (_, i) => Math.cos(3 * i));
    let s = 0;
    let abs = 0;
    for (let i = 0; i < x.length; i++) {
      s += x[i] * y[i];
      abs += Math.abs(x[i] * y[i]);
    }
    expect(Math.abs(dot(x, y) - s)).toBeLessThanOrEqual(999 * 2 ** -53 * abs);
    expect(dot([], [])).toBe(0);
  });
  it('rejects different lengths', () => {
    expect(() => dot([1, 2], [1])).toThrow(TensorError);
  });
});
