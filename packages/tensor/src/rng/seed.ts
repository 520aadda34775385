/**
 * Seeding for xoshiro128**: a seed becomes a 64-bit integer u, and two
 * splitmix64 outputs of u become the four 32-bit state words. All 64-bit
 * arithmetic is done on (hi, lo) pairs of uint32 with exact 16-bit-limb
 * products, so it is bit-identical everywhere.
 *
 * - number: a safe integer, taken as 64-bit two's complement (createRng(5) ≡ createRng(5n));
 * - bigint: in [-2^63, 2^64), taken modulo 2^64;
 * - string: u = FNV-1a-64 of its UTF-8 bytes.
 *
 * splitmix64 (Steele, Lea & Flood 2014; Vigna's constants):
 *   state += 0x9E3779B97F4A7C15; z = state;
 *   z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>>27) * 0x94D049BB133111EB; z ^= z>>>31.
 * State = [lo(z1), hi(z1), lo(z2), hi(z2)].
 */
import { TensorError } from '../tensor-error.js';

import { mul64 } from './uint32-math.js';

const TWO32 = 4294967296;

const t = [0, 0];

/** The splitmix64 output function (mixer) of z = (hi:lo) -> [hi, lo]. */
export function mix64(hi: number, lo: number): [number, number] {
  // z ^= z >>> 30
  lo = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  hi = (hi ^ (hi >>> 30)) >>> 0;
  mul64(hi, lo, 0xbf58476d, 0x1ce4e5b9, t);
  hi = t[0];
  lo = t[1];
  // z ^= z >>> 27
  lo = (lo ^ ((lo >>> 27) | (hi << 5))) >>> 0;
  hi = (hi ^ (hi >>> 27)) >>> 0;
  mul64(hi, lo, 0x94d049bb, 0x133111eb, t);
  hi = t[0];
  lo = t[1];
  // z ^= z >>> 31
  lo = (lo ^ ((lo >>> 31) | (hi << 1))) >>> 0;
  hi = (hi ^ (hi >>> 31)) >>> 0;
  return [hi, lo];
}

/** (hi:lo) + k * 0x9E3779B97F4A7C15 mod 2^64, for k = 1 or 2. */
export function addGamma(hi: number, lo: number, k: number): [number, number] {
  // gamma = 0x9E3779B97F4A7C15, 2·gamma mod 2^64 = 0x3C6EF372FE94F82A
  const gh = k === 1 ? 0x9e3779b9 : 0x3c6ef372;
  const gl = k === 1 ? 0x7f4a7c15 : 0xfe94f82a;
  const l = lo + gl;
  const carry = l >= TWO32 ? 1 : 0;
  return [(hi + gh + carry) >>> 0, l >>> 0];
}

/** Four state words from the 64-bit value (hi:lo) by two splitmix64 steps; never all zero. */
export function stateFrom64(hi: number, lo: number): [number, number, number, number] {
  const [ah, al] = addGamma(hi, lo, 1);
  const [bh, bl] = addGamma(hi, lo, 2);
  const z1 = mix64(ah, al);
  const z2 = mix64(bh, bl);
  const s: [number, number, number, number] = [z1[1], z1[0], z2[1], z2[0]];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // xoshiro's one forbidden state
  return s;
}

/** FNV-1a 64-bit hash of bytes -> [hi, lo] (offset 0xCBF29CE484222325, prime 0x100000001B3). */
export function fnv1a64(bytes: Uint8Array): [number, number] {
  let hi = 0xcbf29ce4,
    lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    mul64(hi, lo, 0x00000100, 0x000001b3, t);
    hi = t[0];
    lo = t[1];
  }
  return [hi, lo];
}

/** The 64-bit value (hi:lo) a seed stands for; throws a TensorError naming `seed` if invalid. */
export function seedTo64(seed: number | bigint | string): [number, number] {
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) {
      throw new TensorError('seed', `createRng: seed must be a safe integer, a bigint or a string, got ${String(seed)}`);
    }
    return [Math.floor(seed / TWO32) >>> 0, seed >>> 0];
  }
  if (typeof seed === 'bigint') {
    if (seed < -(1n << 63n) || seed >= 1n << 64n) {
      throw new TensorError('seed', `createRng: a bigint seed must be in [-2^63, 2^64), got ${seed}`);
    }
    const u = BigInt.asUintN(64, seed);
    return [Number(u >> 32n), Number(u & 0xffffffffn)];
  }
  if (typeof seed === 'string') {
    return fnv1a64(new TextEncoder().encode(seed));
  }
  throw new TensorError('seed', `createRng: seed must be a number, bigint or string, got ${typeof seed}`);
}
