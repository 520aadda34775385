import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, chiSquareDiscrete, mean } from './stats.js';

describe('geometric (failures before the first success)', () => {
  for (const p of [0.9, 0.5, 0.1, 1e-3]) {
    it(`p = ${p}: chi-square against (1-p)^k p, mean (1-p)/p`, () => {
      const rng = createRng(`geom ${p}`);
      const n = 200_000;
      const xs = Float64Array.from({ length: n }, () => rng.geometric(p));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0 && !Object.is(x, -0))).toBe(true);
      const kmax = Math.ceil(Math.log(1e-12) / Math.log1p(-p));
      const pmf = Float64Array.from({ length: kmax + 1 }, (_, k) => Math.pow(1 - p, k) * p);
      const r = chiSquareDiscrete(xs, 0, pmf);
      expect(r.p, `chi2 = ${r.stat.toFixed(1)}, df = ${r.df}`).toBeGreaterThan(ALPHA);
      const m = (1 - p) / p,
        v = (1 - p) / (p * p);
      expect(Math.abs(mean(xs) - m)).toBeLessThan(5 * Math.sqrt(v / n));
    });
  }

  it('p = 1 always gives 0; p outside (0, 1] throws naming p', () => {
    const rng = createRng(1);
    expect(rng.geometric(1)).toBe(0);
    for (const bad of [0, -0.5, 1.5, NaN]) {
      try {
        rng.geometric(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(TensorError);
        expect((e as TensorError).argument).toBe('p');
      }
    }
  });
});
