/**
 * IEEE 754 binary16 ("half", fp16) storage for synaptic weights: 2 bytes a weight instead
 * of 4. Conversions are exact in one direction (every half is a float32) and round to
 * nearest, ties to even, in the other, like the hardware conversion (F16C, GPU `f16`).
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The binary16 bits nearest to `x` (round to nearest even; overflow → ±Infinity, NaN kept). */
export function toFloat16Bits(x: number): number {
  f32[0] = x; // to float32 first: a double that rounds to a tie in float32 then rounds once more, as hardware does from float32
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    // subnormal half (or zero): shift the implicit 1 in, round to nearest even
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rem > mid || (rem === mid && (half & 1) === 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // a carry out of the mantissa raises the exponent (to Infinity at the top): still correct
  return sign | (half + (rem > 0x1000 || (rem === 0x1000 && (half & 1) === 1) ? 1 : 0));
}

/** The value of binary16 bits `h` (exact: built from the float32 bit pattern). */
export function fromFloat16Bits(h: number): number {
  const sign = (h & 0x8000) << 16;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return (h & 0x8000 ? -m : m) / 16777216; // m · 2^-24, exact
  u32[0] = e === 0x1f ? sign | 0x7f800000 | (m << 13) : sign | ((e - 15 + 127) << 23) | (m << 13);
  return f32[0];
}

let table: Float32Array | undefined;

/** The float32 value of every one of the 65 536 binary16 bit patterns (256 KiB, made once). */
export function float16Table(): Float32Array {
  if (table === undefined) {
    table = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) table[h] = fromFloat16Bits(h);
  }
  return table;
}
