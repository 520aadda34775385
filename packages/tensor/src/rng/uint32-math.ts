/** Exact unsigned 32/64-bit integer helpers on doubles (16-bit limbs: every partial product is < 2^53). */

/** High 32 bits of the 64-bit product of two uint32 values: floor(a·b / 2^32). */
export function mulHi32(a: number, b: number): number {
  const a1 = a >>> 16,
    a0 = a & 0xffff,
    b1 = b >>> 16,
    b0 = b & 0xffff;
  const mid = a1 * b0 + a0 * b1 + ((a0 * b0) >>> 16);
  return a1 * b1 + Math.floor(mid / 65536);
}

/** (ah:al) · (bh:bl) mod 2^64, written to out as [hi, lo] (uint32 each). */
export function mul64(ah: number, al: number, bh: number, bl: number, out: number[]): void {
  out[1] = Math.imul(al, bl) >>> 0;
  out[0] = (mulHi32(al >>> 0, bl >>> 0) + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}
