import { describe, expect, it } from 'vitest';
import { fnv1a64, mix64, seedTo64, stateFrom64 } from '../../src/rng/seed.js';
import { TensorError } from '../../src/tensor-error.js';
import { kat, katSeed } from './kat.js';

const M64 = (1n << 64n) - 1n;
const big = ([hi, lo]: [number, number]) => (BigInt(hi) << 32n) | BigInt(lo);

// splitmix64's output function written with BigInt, straight from Vigna's splitmix64.c.
function mixRef(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

describe('seeding', () => {
  it('mix64 on 32-bit halves equals the 64-bit splitmix64 mixer', () => {
    let z = 0x0123456789abcdefn;
    for (let i = 0; i < 2000; i++) {
      z = (z * 6364136223846793005n + 1442695040888963407n) & M64; // walk through varied inputs
      const got = big(mix64(Number(z >> 32n), Number(z & 0xffffffffn)));
      expect(got).toBe(mixRef(z));
    }
  });

  it('FNV-1a 64 matches its published test values', () => {
    // FNV test suite (Fowler/Noll/Vo): FNV-1a 64 of "" and "a", "foobar".
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(big(fnv1a64(enc('')))).toBe(0xcbf29ce484222325n);
    expect(big(fnv1a64(enc('a')))).toBe(0xaf63dc4c8601ec8cn);
    expect(big(fnv1a64(enc('foobar')))).toBe(0x85944171f73967e8n);
  });

  it('seeds give the C reference state (numbers, bigints, strings incl. non-ASCII)', () => {
    for (const c of kat.seeded) {
      const [hi, lo] = seedTo64(katSeed(c.seed));
      expect(stateFrom64(hi, lo), JSON.stringify(c.seed)).toEqual(c.state);
    }
  });

  it("a number seed equals the same bigint seed (two's complement for negatives)", () => {
    for (const n of [0, 1, 42, -1, -12345, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(seedTo64(n)).toEqual(seedTo64(BigInt(n)));
    }
    expect(seedTo64(-1)).toEqual([0xffffffff, 0xffffffff]);
  });

  it('rejects seeds that are not safe integers, bigints in range or strings', () => {
    for (const bad of [1.5, NaN, Infinity, 2 ** 53, 1n << 64n, -(1n << 63n) - 1n, null, {}]) {
      expect(() => seedTo64(bad as number), String(bad)).toThrow(TensorError);
    }
    try {
      seedTo64(0.5);
    } catch (e) {
      expect((e as TensorError).argument).toBe('seed');
    }
  });
});
