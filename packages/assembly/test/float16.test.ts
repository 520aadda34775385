import { describe, expect, it } from 'vitest';
import { float16Table, fromFloat16Bits, toFloat16Bits } from '../src/float16.js';

describe('binary16 conversions', () => {
  it('decode by the IEEE 754 definition and encode back to the same bits', () => {
    // (-1)^s 2^(e-15) (1 + m/1024); subnormals 2^-14 (m/1024)
    expect(fromFloat16Bits(0x3c00)).toBe(1);
    expect(fromFloat16Bits(0x3c01)).toBe(1 + 2 ** -10);
    expect(fromFloat16Bits(0x7bff)).toBe(65504);
    expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
    expect(fromFloat16Bits(0xc000)).toBe(-2);
    expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
    expect(Number.isNaN(fromFloat16Bits(0x7e00))).toBe(true);
    const table = float16Table();
    for (let h = 0; h < 65536; h++) {
      const v = fromFloat16Bits(h);
      expect(table[h]).toBe(v);
      if (!Number.isNaN(v)) expect(toFloat16Bits(v)).toBe(h === 0x8000 ? 0x8000 : h);
    }
  });

  it('rounds to nearest, ties to even', () => {
    const ulp1 = 2 ** -10; // spacing of halves in [1, 2)
    expect(toFloat16Bits(1 + ulp1 / 2)).toBe(0x3c00); // tie → even (1.0)
    expect(toFloat16Bits(1 + (3 * ulp1) / 2)).toBe(0x3c02); // tie → even (1 + 2 ulp)
    expect(toFloat16Bits(1 + ulp1 / 2 + 2 ** -20)).toBe(0x3c01); // above the tie
    expect(toFloat16Bits(65520)).toBe(0x7c00); // halfway to 2^16: rounds to even, past the largest finite
    expect(toFloat16Bits(2 ** -25)).toBe(0); // half the smallest subnormal: tie → 0
    expect(toFloat16Bits(1.5 * 2 ** -24)).toBe(2); // tie between subnormals 1 and 2 → even
  });
});
