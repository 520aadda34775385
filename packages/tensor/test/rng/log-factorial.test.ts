import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../src/rng/log-factorial.js';

describe('logFactorial', () => {
  it('equals ln k! from exact integer products (k <= 20) and from summed logs (k up to 2e5)', () => {
    let f = 1n;
    for (let k = 0; k <= 20; k++) {
      if (k > 0) f *= BigInt(k);
      expect(logFactorial(k)).toBeCloseTo(Math.log(Number(f)), 12);
    }
    let s = 0;
    for (let k = 1; k <= 200_000; k++) {
      s += Math.log(k);
      if ([255, 256, 257, 1000, 12345, 200_000].includes(k)) expect(Math.abs(logFactorial(k) - s) / s).toBeLessThan(1e-13);
    }
  });
});
