/**
 * The fixed-point arithmetic of the `fixed` and `webgpu` engines (see fixed-network.ts for the
 * model). Two formats, both in int32:
 * - state, drives and weights in **Q15.16**: x_q = round(x · 2^16), x in mV (the `lif` model keeps
 *   its synaptic currents as R·I in mV); 1 LSB = 2^−16 mV ≈ 15.3 nV, range ±32768 mV;
 * - propagators (decay factors) in **Q1.30**: c_q = round(c · 2^30), c ∈ [0, 2); 1 LSB = 2^−30.
 *
 * A product of a state x_q and a propagator c_q is the exact 64-bit product rounded half up to
 * Q15.16 and wrapped to int32: mulShiftRound(x, c, 30) = ToInt32(⌊(x·c + 2^29) / 2^30⌋). Sums wrap
 * to int32 (two's complement) as WGSL's i32 addition does, so the JavaScript engine and the WGSL
 * shaders compute the same integers even on overflow, with no floating point involved.
 */

/** Fraction bits of the state format (Q15.16). */
export const STATE_FRAC = 16;
/** Fraction bits of the propagator format (Q1.30). */
export const PROP_FRAC = 30;
/** One LSB of the state format, mV. */
export const STATE_LSB = 2 ** -STATE_FRAC;

/**
 * round(x · 2^frac), half up (⌊x · 2^frac + 1/2⌋, JavaScript's Math.round), as an int32.
 * @throws RangeError when the value does not fit in int32 (the caller names the parameter).
 */
export function toFixed(x: number, frac: number): number {
  const q = Math.round(x * 2 ** frac);
  if (!(q >= -(2 ** 31) && q < 2 ** 31)) throw new RangeError(`${x} does not fit in Q${31 - frac}.${frac}`);
  return q;
}

/**
 * ToInt32(⌊(a·c + 2^(s−1)) / 2^s⌋) for int32 a, c and 16 ≤ s ≤ 31: the exact 64-bit product
 * rounded half up and shifted right by s (what the WGSL `mul_shift_round` computes from 16-bit
 * limbs). Exact in doubles: c = c_h·2^16 + c_l (c_l ∈ [0, 2^16)); x = a·c_l + 2^(s−1) < 2^48;
 * x = x_h·2^16 + x_l; then ⌊(a·c + 2^(s−1)) / 2^s⌋ = ⌊(a·c_h + x_h) / 2^(s−16)⌋ since x_l < 2^16,
 * with |a·c_h + x_h| < 2^48.
 */
export function mulShiftRound(a: number, c: number, s: number): number {
  const cl = c & 0xffff;
  const ch = (c - cl) / 65536;
  const x = a * cl + 2 ** (s - 1);
  const xh = Math.floor(x / 65536);
  return Math.floor((a * ch + xh) / 2 ** (s - 16)) | 0;
}
