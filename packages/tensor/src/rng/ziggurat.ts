/**
 * Standard normal variates by the 256-layer ziggurat (Marsaglia & Tsang 2000;
 * layer index and magnitude from disjoint bits, as Doornik 2005 advises).
 *
 * Layer i (0..255) of area v covers [0, X[i]] x [F[i], F[i+1]] under
 * f(x) = exp(-x^2/2) (tables in ziggurat-tables.ts). A draw picks i and a
 * magnitude m uniform on [0, 2^B); x = m · X[i] / 2^B.
 * - m < K[i] = floor(2^B X[i+1] / X[i])  -> x lies in the rectangle under f: accept (≈ 99 %);
 * - i = 0 -> tail x > r (Marsaglia 1964): e1 = -ln(U1)/r, e2 = -ln(U2), return r + e1 when 2 e2 > e1^2;
 * - else the wedge: accept when F[i] + U (F[i+1] - F[i]) < exp(-x^2/2); otherwise redraw.
 * The sign is one more random bit.
 *
 * Two precisions: `normalStd` (B = 53: bits 0-7 of the first word pick the
 * layer, bit 8 the sign, bits 9-31 and 30 bits of a second word the magnitude)
 * and the Float32Array fill (B = 23, one word: layer, sign, 23-bit magnitude;
 * the same layout as numpy's float32 ziggurat).
 */
import type { Xoshiro128StarStar } from './xoshiro128.js';
import { ZIG_F, ZIG_R, ZIG_X } from './ziggurat-tables.js';
import { detExp, detLog } from './det-math.js';

const N = 256;
const K53 = new Float64Array(N),
  W53 = new Float64Array(N);
const K23 = new Int32Array(N),
  W23 = new Float64Array(N);
const F = Float64Array.from(ZIG_F);
for (let i = 0; i < N; i++) {
  const ratio = ZIG_X[i + 1] / ZIG_X[i];
  K53[i] = Math.floor(ratio * 9007199254740992);
  W53[i] = ZIG_X[i] / 9007199254740992;
  K23[i] = Math.floor(ratio * 8388608);
  W23[i] = ZIG_X[i] / 8388608;
}
const INV_R = 1 / ZIG_R;

/** A variate from the tail x > r (Marsaglia 1964), as a positive number. */
function tail(g: Xoshiro128StarStar): number {
  for (;;) {
    const e1 = -detLog(1 - g.uniform()) * INV_R;
    const e2 = -detLog(1 - g.uniform());
    if (e2 + e2 > e1 * e1) return ZIG_R + e1;
  }
}

/**
 * Finish a draw that missed the rectangle: layer `i`, candidate magnitude `x`.
 * Returns |x| accepted (or a tail variate), or -1 when the draw is rejected.
 */
function slowPath(g: Xoshiro128StarStar, i: number, x: number): number {
  if (i === 0) return tail(g);
  return F[i] + g.uniform() * (F[i + 1] - F[i]) < detExp(-0.5 * x * x) ? x : -1;
}

/** One standard normal variate with a 53-bit magnitude (two words per try). */
export function normalStd(g: Xoshiro128StarStar): number {
  for (;;) {
    const a = g.nextUint32();
    const b = g.nextUint32();
    const i = a & 0xff;
    const m = (a >>> 9) * 1073741824 + (b >>> 2);
    let x = m * W53[i];
    if (m >= K53[i]) {
      x = slowPath(g, i, x);
      if (x < 0) continue;
    }
    return (a & 0x100) !== 0 ? -x : x;
  }
}

/** Fill `out` with mean + std·z, z from the single-word (23-bit) ziggurat; the generator is inlined. */
export function normalFill32(g: Xoshiro128StarStar, out: Float32Array, mean: number, std: number): void {
  let s0 = g.s0,
    s1 = g.s1,
    s2 = g.s2,
    s3 = g.s3;
  const n = out.length;
  for (let j = 0; j < n;) {
    // xoshiro128** step
    const p = Math.imul(s1, 5);
    const a = Math.imul((p << 7) | (p >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const i = a & 0xff;
    const m = a >>> 9;
    if (m >= K23[i]) {
      g.s0 = s0;
      g.s1 = s1;
      g.s2 = s2;
      g.s3 = s3;
      const x = slowPath(g, i, m * W23[i]);
      s0 = g.s0;
      s1 = g.s1;
      s2 = g.s2;
      s3 = g.s3;
      if (x < 0) continue;
      out[j++] = mean + std * ((a & 0x100) !== 0 ? -x : x);
      continue;
    }
    const x = m * W23[i];
    out[j++] = mean + std * ((a & 0x100) !== 0 ? -x : x);
  }
  g.s0 = s0;
  g.s1 = s1;
  g.s2 = s2;
  g.s3 = s3;
}
