import { describe, expect, it } from 'vitest';
import { mul64, mulHi32 } from '../../src/rng/uint32-math.js';

describe('exact 32/64-bit products', () => {
  const M64 = (1n << 64n) - 1n;
  const edge = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 0x9e3779b9];
  let x = 12345;
  const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  const values = [...edge, ...Array.from({ length: 300 }, rnd)];

  it('mulHi32(a, b) = floor(a·b / 2^32) (BigInt reference)', () => {
    for (const a of values)
      for (const b of values.slice(0, 40)) {
        expect(mulHi32(a, b)).toBe(Number((BigInt(a) * BigInt(b)) >> 32n));
      }
  });

  it('mul64 = (a·b) mod 2^64 on (hi, lo) pairs (BigInt reference)', () => {
    const out = [0, 0];
    for (let i = 0; i + 3 < values.length; i += 2) {
      const [ah, al, bh, bl] = [values[i], values[i + 1], values[i + 2], values[i + 3]];
      mul64(ah, al, bh, bl, out);
      const want = (((BigInt(ah) << 32n) | BigInt(al)) * ((BigInt(bh) << 32n) | BigInt(bl))) & M64;
      expect((BigInt(out[0]) << 32n) | BigInt(out[1])).toBe(want);
    }
  });
});
