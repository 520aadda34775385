const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * Round a float32 value to the nearest IEEE 754 binary16 value (ties to even),
 * returned as a number: overflow → ±Infinity, subnormal halves kept (step 2⁻²⁴).
 */
export function roundToF16(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = bits & 0x80000000;
  const exp = (bits >>> 23) & 0xff;
  if (exp === 0xff) return x; // NaN, ±Infinity
  const absBits = bits & 0x7fffffff;
  // The binary16 grid spacing at |x|: 2^(e−10) for normal halves (e ≥ −14), 2^−24 below.
  const e = exp - 127;
  const shift = e < -14 ? 23 - (e + 24) : 13; // bits of the float32 mantissa that binary16 drops
  if (e < -25) {
    u32[0] = sign;
    return f32[0];
  }
  if (shift >= 24) {
    // |x| < 2^−24: rounds to 0 or to the smallest subnormal 2^−24
    const v = Math.abs(x) > 2 ** -25 ? 2 ** -24 : 0;
    return sign ? -v : v;
  }
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  const rem = absBits & mask;
  let r = absBits & ~mask;
  if (rem > half || (rem === half && (r & (1 << shift)) !== 0)) r += 1 << shift;
  if (r >= 0x477ff000 + 0x1000) {
    // beyond 65504 (the largest binary16) after rounding
    return sign ? -Infinity : Infinity;
  }
  u32[0] = (r | sign) >>> 0;
  return f32[0];
}

/** Round every element of `a` to binary16 in place (float16 storage in float32 arrays). */
export function roundArrayToF16(a: Float32Array): void {
  for (let i = 0; i < a.length; i++) a[i] = roundToF16(a[i]);
}
