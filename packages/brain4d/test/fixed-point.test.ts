/** The fixed-point primitives against exact BigInt arithmetic. */
import { describe, expect, it } from 'vitest';
import { mulShiftRound, toFixed } from '../src/fixed-point.js';
import { mulShiftRoundCases } from './fixed-point-cases.js';

/** ToInt32(⌊(a·c + 2^(s−1)) / 2^s⌋) in BigInt (BigInt's >> is an arithmetic shift, i.e. floor). */
const exact = (a: number, c: number, s: number) => Number(BigInt.asIntN(32, (BigInt(a) * BigInt(c) + (1n << BigInt(s - 1))) >> BigInt(s)));

describe('mulShiftRound', () => {
  it('equals the exact 64-bit product rounded half up and wrapped to int32 (s = 30, 16, 31)', () => {
    const cases = mulShiftRoundCases(20_000);
    for (const s of [30, 16, 31]) {
      const bad = cases.filter(([a, c]) => mulShiftRound(a, c, s) !== exact(a, c, s));
      expect(bad.slice(0, 5)).toEqual([]);
    }
  });

  it('rounds ties up (toward +∞)', () => {
    // 3 · 2^29 / 2^30 = 1.5 → 2; −3 · 2^29 / 2^30 = −1.5 → −1
    expect(mulShiftRound(3, 1 << 29, 30)).toBe(2);
    expect(mulShiftRound(-3, 1 << 29, 30)).toBe(-1);
  });
});

describe('toFixed', () => {
  it('rounds half up and refuses values outside int32', () => {
    expect(toFixed(-60, 16)).toBe(-60 * 65536);
    expect(toFixed(2.5 / 65536, 16)).toBe(3);
    expect(toFixed(-2.5 / 65536, 16)).toBe(-2);
    expect(() => toFixed(40000, 16)).toThrow(RangeError);
  });
});
