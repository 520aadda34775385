import { describe, it, expect, beforeAll } from 'vitest';
import { tf, setBackend } from '@neurite/tensor';
import { softKCap, AssemblyError } from '../src/index.js';

// Autodiff runs on both Node backends (setBackend registers the backend, its kernels and tfjs-core's gradients).
describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(async () => {
    await setBackend(backend);
  });

  describe('softKCap', () => {
    it('tends to the hard k-cap as the temperature goes to 0', () => {
      const x = tf.tensor2d([[5, 1, 3, 9, 7, 2]]);
      const a = softKCap(x, 3, 1e-3);
      expect(Array.from(a.dataSync()).map((v) => Math.round(v))).toEqual([0, 0, 0, 1, 1, 0].map((v, i) => (i === 0 ? 1 : v)));
      // threshold = (5 + 3)/2 = 4: σ((x − 4)/τ), checked in closed form at τ = 2
      const b = softKCap(x, 3, 2);
      const expected = [5, 1, 3, 9, 7, 2].map((v) => 1 / (1 + Math.exp(-(v - 4) / 2)));
      Array.from(b.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
      tf.dispose([x, a, b]);
    });

    it('has the sigmoid derivative and no gradient through the threshold', () => {
      const x = tf.tensor1d([5, 1, 3, 9]);
      const g = tf.grad((v: tf.Tensor) => tf.sum(softKCap(v, 2, 1)))(x);
      // θ = (5 + 3)/2 = 4; d/dx σ(x − θ) = σ(1 − σ)
      const expected = [5, 1, 3, 9].map((v) => {
        const s = 1 / (1 + Math.exp(-(v - 4)));
        return s * (1 - s);
      });
      Array.from(g.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
      tf.dispose([x, g]);
    });

    it('rejects bad k and temperature', () => {
      const x = tf.tensor1d([1, 2]);
      expect(() => softKCap(x, 3)).toThrow(AssemblyError);
      expect(() => softKCap(x, 3)).toThrow(/softKCap: k must be an integer in \[1, 2\], got 3/);
      expect(() => softKCap(x, 1, 0)).toThrow(/softKCap: temperature must be a finite number > 0, got 0/);
      x.dispose();
    });
  });
});
