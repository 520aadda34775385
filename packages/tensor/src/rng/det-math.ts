/**
 * Deterministic ln x, ln(1 + x), e^x and e^x - 1 for the RNG: the same bits on
 * every JavaScript engine and platform.
 *
 * ECMAScript leaves the accuracy of `Math.log`, `Math.exp`, ... to the engine
 * ("implementation-approximated"), and engines do differ (Chromium and Node
 * disagree by 1 ulp on some `Math.log` arguments). These functions use only
 * IEEE-754 `+ - * /` and comparisons on doubles (correctly rounded, and JS never
 * contracts them into fused multiply-adds), integer operations, and reads of the
 * high 32-bit word of a double, so every engine computes the same result.
 *
 * The algorithms are those of Sun's fdlibm (1993; also FreeBSD msun, musl):
 * - argument reduction with ln 2 = LN2_HI + LN2_LO, where LN2_HI has 21
 *   trailing zero bits so k·LN2_HI is exact for |k| < 2^21 (here |k| <= 1075);
 * - ln(1 + f) for sqrt(2)/2 < 1 + f < sqrt(2) from s = f / (2 + f),
 *   ln(1 + f) = 2s + s·R(s²) with a degree-7 minimax polynomial R (|error| < 2^-58.45);
 * - e^r for |r| <= ln2/2 as 1 + r + r·c / (2 - c), c = r - r²·P(r²) (|error| < 2^-59);
 * - e^r - 1 from the rational form of r·(e^r + 1)/(e^r - 1) (|error| < 2^-61).
 * Each result is within 1 ulp of the exact value (fdlibm's error analysis; the
 * tests measure it against 60-digit references).
 */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
/** Index of the high (sign, exponent, top 20 mantissa bits) word: 1 on little-endian hosts. */
const HI = U32[1] === 0x3ff00000 ? 1 : 0;

/** The high word of x as a signed int32. */
function highWord(x: number): number {
  F64[0] = x;
  return U32[HI] | 0;
}

/** Exact powers of two: POW2[P0 + k] = 2^k for k in [-1074, 1023] (made by exact doubling and halving). */
const P0 = 1074;
const POW2 = new Float64Array(P0 + 1024);
POW2[P0] = 1;
for (let k = 1; k <= 1023; k++) POW2[P0 + k] = POW2[P0 + k - 1] * 2;
for (let k = 1; k <= 1074; k++) POW2[P0 - k] = POW2[P0 - k + 1] / 2;
const TWO_M1000 = POW2[P0 - 1000];
const TWO_1023 = POW2[P0 + 1023];
const TWO_54 = 18014398509481984;

/** ln 2 = LN2_HI + LN2_LO; LN2_HI = 0x3fe62e42 fee00000 (low 21 bits zero), LN2_LO = 0x3dea39ef 35793c76. */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** 1 / ln 2 (0x3ff71547 652b82fe). */
const INV_LN2 = 1.442695040888963387;

/** Minimax coefficients of R(z) ≈ (ln((1+s)/(1-s)) - 2s)/s, z = s² (fdlibm Lg1..Lg7). */
const LG1 = 6.66666666666673513e-1; // 3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 3FC2F112 DF3E5244

/** Minimax coefficients of r·(e^r + 1)/(e^r - 1) ≈ 2 + P1 r² + ... + P5 r^10 on |r| <= ln2/2 (fdlibm exp). */
const P1 = 1.66666666666666019037e-1; // 3FC55555 5555553E
const P2 = -2.77777777770155933842e-3; // BF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-5; // 3F11566A AF25DE2C
const P4 = -1.6533902205465251539e-6; // BEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-8; // 3E663769 72BEA4D0

/**
 * Coefficients of R1(z) ≈ 6/r·((e^r + 1)/(e^r - 1) - 2/r) = 1 + Q1 z + ... + Q5 z^5,
 * scaled for z = r²/2 (fdlibm expm1).
 */
const Q1 = -3.33333333333331316428e-2; // BFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // BF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // BE8AFDB7 6E09C32D

/**
 * fdlibm compares high words (e.g. "hx <= 0x3fd62e42" for |x| <= ~ln2/2); the same tests on
 * the value itself, which need no bit access, use the doubles with those high words and low
 * word 0: hx <= H  <=>  |x| < double(H + 1, 0), and hx >= H  <=>  |x| >= double(H, 0).
 */
const HALF_LN2_UP = 0.3465735912322998; // double(0x3fd62e43, 0): |x| below it <=> hx <= 0x3fd62e42
const EXP_BIG = 709.7822265625; // double(0x40862e42, 0)
const EXPM1_BIG = 38.81622314453125; // double(0x4043687a, 0) ≈ 56 ln2
const LOG1P_K0_HI = 0.4142136573791504; // double(0x3fda827a, 0) ≈ sqrt(2) - 1
const LOG1P_K0_LO = -0.292893648147583; // -double(0x3fd2bec5, 0) ≈ sqrt(2)/2 - 1
const TWO_M28 = 3.725290298461914e-9;
const TWO_M29 = 1.862645149230957e-9;
const TWO_M54 = 5.551115123125783e-17;
const TWO_53 = 9007199254740992;

/** exp overflows above this (0x40862E42 FEFA39EF = 709.78...) and underflows to 0 below U_THRESHOLD. */
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2; // 0xc0874910 D52D3051

/** 2^k · y for |y| in [1/2, 2], k in [-1075, 1024], rounding once (subnormal results) like y·2^k in exact arithmetic. */
function scale(y: number, k: number): number {
  return k >= -1021 && k <= 1023 ? y * POW2[P0 + k] : scaleRare(y, k);
}

function scaleRare(y: number, k: number): number {
  if (k === 1024) return y * 2 * TWO_1023;
  return y * POW2[P0 + 1000 + k] * TWO_M1000; // exact, then one rounding to a subnormal
}

// Speed: each function keeps its common path small (V8 inlines functions of < 460 bytes of
// bytecode, and at most 920 into one caller); rare arguments (specials, subnormals, overflow,
// |f| < 2^-20) go to separate functions. The results are still fdlibm's, bit for bit:
// - where fdlibm has a separate k = 0 branch of the form f - a, the general k·LN2_HI - (a - f)
//   is used: with k = 0 it is 0 - (a - f) = f - a exactly in IEEE arithmetic;
// - where fdlibm special-cases k = ±1 (|x| < 1.5 ln2) in exp/expm1 to save a multiplication,
//   the general reduction gives the same k and the same (exact) hi and lo.

/**
 * Natural logarithm, within 1 ulp. x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2),
 * ln x = k·ln2 + ln(1 + f), ln(1 + f) = f - s·(f - R) or f - (f²/2 - s·(f²/2 + R)),
 * s = f/(2 + f). ln(±0) = -Infinity, ln(x < 0) = NaN, ln(Infinity) = Infinity.
 */
export function detLog(x: number): number {
  F64[0] = x;
  let hx = U32[HI] | 0;
  let k = 0;
  if (hx < 0x00100000 || hx >= 0x7ff00000) {
    // x < 2^-1022 (zero, subnormal, negative, NaN with the sign bit), Infinity or NaN
    if (!(x > 0) || hx >= 0x7ff00000) return logSpecial(x);
    x *= TWO_54; // subnormal: scale up exactly
    hx = highWord(x);
    k = -54;
  }
  // x = 2^e · 1.m; when 1.m >= ~sqrt(2) (top mantissa bits >= 0x6a09c) write x = 2^(e+1) · (1.m / 2)
  const m = hx & 0x000fffff;
  const e = (hx >> 20) - 1023 + ((m + 0x95f64) >> 20); // + 1 iff m >= 0x6a09c (branch-free)
  // 1 + f = x · 2^-e, an exact scaling; f is exact (Sterbenz)
  const f = x * POW2[P0 - e] - 1;
  const dk = k + e;
  if (((m + 2) & 0x000fffff) < 3) return logNearPow2(f, dk); // |f| < 2^-20
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  if (m >= 0x6147a && m <= 0x6b851) {
    // |f| > ~0.29: the f²/2 form keeps the error below 1 ulp
    const hfsq = 0.5 * f * f;
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/** ln of ±0, negatives, Infinity and NaN. */
function logSpecial(x: number): number {
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  return x + x; // Infinity or NaN
}

/** k·ln2 + ln(1 + f) for |f| < 2^-20: ln(1 + f) = f - f²(1/2 - f/3) + O(f⁴). */
function logNearPow2(f: number, dk: number): number {
  if (f === 0) return dk === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
  const r = f * f * (0.5 - 0.33333333333333333 * f);
  return dk * LN2_HI - (r - dk * LN2_LO - f);
}

/**
 * ln(1 + x), within 1 ulp, accurate for tiny x. u = 1 + x rounded, c = ((1 + x) - u)/u
 * (exact rounding error, from Fast2Sum); ln(1 + x) = k·ln2 + ln(1 + f) + c with
 * u = 2^k (1 + f). For sqrt(2)/2 - 1 < x < sqrt(2) - 1, f = x and k = 0.
 * detLog1p(-1) = -Infinity, x < -1 gives NaN.
 */
export function detLog1p(x: number): number {
  if (x < LOG1P_K0_HI) {
    // x < ~sqrt(2) - 1
    const ax = x < 0 ? -x : x;
    // x <= -1, or |x| < 2^-29
    if (ax >= 1 || ax < TWO_M29) return log1pRare(x, ax);
    // sqrt(2)/2 <= 1 + x < sqrt(2): f = x exactly, k = 0
    if (x > LOG1P_K0_LO) return log1pReduced(x, 0, 0, 1);
  } else if (!(x < TWO_53)) {
    return log1pHuge(x); // x >= 2^53, Infinity or NaN
  }
  const u = 1 + x;
  let hu = highWord(u);
  let k = (hu >> 20) - 1023;
  const c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u; // ((1 + x) - u)/u, the difference exact
  // u = 2^k · 1.m; normalise into [sqrt(2)/2, sqrt(2)) by an exact scaling
  hu &= 0x000fffff;
  if (hu >= 0x6a09e) {
    k += 1;
    hu = (0x00100000 - hu) >> 2;
  }
  return log1pReduced(u * POW2[P0 - k] - 1, k, c, hu);
}

function log1pRare(x: number, ax: number): number {
  if (ax >= 1) return x === -1 ? -Infinity : NaN;
  // |x| < 2^-29: x - x²/2 (just x below 2^-54)
  return ax < TWO_M54 ? x : x - x * x * 0.5;
}

/** x >= 2^53: 1 + x rounds to x and 1/x is below half an ulp of ln x, so ln(1 + x) ≈ ln x (c = 0). */
function log1pHuge(x: number): number {
  if (!(x < Infinity)) return x + x; // Infinity or NaN
  const hx = highWord(x);
  let k = (hx >> 20) - 1023;
  let hu = hx & 0x000fffff;
  if (hu >= 0x6a09e) {
    k += 1;
    hu = (0x00100000 - hu) >> 2;
  }
  return log1pReduced(x * POW2[P0 - k] - 1, k, 0, hu);
}

/** k·ln2 + ln(1 + f) + c; hu = 0 flags |f| < 2^-20. */
function log1pReduced(f: number, k: number, c: number, hu: number): number {
  const hfsq = 0.5 * f * f;
  const dk = k;
  if (hu === 0) return log1pNearPow2(f, dk, c, hfsq);
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  return dk * LN2_HI - (hfsq - (s * (hfsq + r) + (dk * LN2_LO + c)) - f);
}

function log1pNearPow2(f: number, dk: number, c: number, hfsq: number): number {
  if (f === 0) return dk === 0 ? 0 : dk * LN2_HI + (c + dk * LN2_LO);
  const r = hfsq * (1 - 0.66666666666666666 * f);
  return dk * LN2_HI - (r - (dk * LN2_LO + c) - f);
}

/**
 * e^x, within 1 ulp. x = k·ln2 + r, |r| <= ln2/2, k = round(x/ln2), r = hi - lo with
 * hi = x - k·LN2_HI (exact) and lo = k·LN2_LO; e^r = 1 - ((lo - r·c/(2 - c)) - hi),
 * c = r - r²·P(r²); e^x = 2^k e^r. Overflows to Infinity above 709.78..., underflows
 * to 0 below -745.13...
 */
export function detExp(x: number): number {
  const ax = x < 0 ? -x : x;
  // |x| <= ~ln2/2: k = 0 (below 2^-28, e^x rounds to 1 + x)
  if (ax < HALF_LN2_UP) return ax < TWO_M28 ? 1 + x : expReduced(x, 0, 0);
  if (!(ax < EXP_BIG)) return expLarge(x); // |x| >= 709.78..., or NaN
  const k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0; // round half away from zero
  return expReduced(x - k * LN2_HI, k * LN2_LO, k); // k·LN2_HI is exact
}

function expLarge(x: number): number {
  if (x !== x) return x;
  if (x > O_THRESHOLD) return Infinity; // and e^Infinity
  if (x < U_THRESHOLD) return 0; // and e^-Infinity
  const k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  return expReduced(x - k * LN2_HI, k * LN2_LO, k);
}

/** 2^k · e^(hi - lo) for |hi - lo| <= ~ln2/2. */
function expReduced(hi: number, lo: number, k: number): number {
  const x = hi - lo;
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return scale(1 - (lo - (x * c) / (2 - c) - hi), k);
}

/**
 * e^x - 1, within 1 ulp, accurate for tiny x. x = k·ln2 + r (r rounded, with the
 * correction c = (hi - r) - lo); e^r - 1 = r + r²/2 + r³/2·(3 - (R1 + R1·r/2))/(6 - r(3 - R1·r/2))
 * with R1 a degree-5 polynomial in r²/2; then e^x - 1 = 2^k (e^r - 1 + 1) - 1, arranged
 * per k to avoid cancellation. detExpm1(-Infinity) = -1.
 */
export function detExpm1(x: number): number {
  const ax = x < 0 ? -x : x;
  // |x| <= ~ln2/2: k = 0 (below 2^-54, e^x - 1 rounds to x)
  if (ax < HALF_LN2_UP) return ax < TWO_M54 ? x : expm1Small(x);
  if (!(ax < EXPM1_BIG)) return expm1Large(x); // |x| >= 56 ln2, or NaN
  return expm1Reduced(x);
}

/** e^x - 1 for |x| <= ~ln2/2 (k = 0, no correction term). */
function expm1Small(x: number): number {
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  const e = hxs * ((r1 - t) / (6 - x * t));
  return x - (x * e - hxs);
}

function expm1Large(x: number): number {
  if (x !== x) return x;
  if (x < 0) return -1; // e^x < 2^-56: rounds to -1
  if (x > O_THRESHOLD) return Infinity;
  return expm1Reduced(x);
}

/** e^x - 1 for |x| > ~ln2/2: x = k·ln2 + (hi - lo), k != 0. */
function expm1Reduced(x0: number): number {
  const k = (INV_LN2 * x0 + (x0 < 0 ? -0.5 : 0.5)) | 0;
  const hi = x0 - k * LN2_HI; // exact
  const lo = k * LN2_LO;
  const x = hi - lo;
  const c = hi - x - lo;
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  // k <= -2 or k > 56: 2^k (1 + r - e) - 1, the 1 no longer cancels
  if (k <= -2 || k > 56) return scale(1 - (e - x), k) - 1;
  if (k < 20) return (1 - POW2[P0 - k] - (e - x)) * POW2[P0 + k]; // 1 - 2^-k is exact
  return (x - (e + POW2[P0 - k]) + 1) * POW2[P0 + k];
}
