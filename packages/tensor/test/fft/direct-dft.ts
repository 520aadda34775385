/**
 * Reference transforms for the FFT tests: the O(n^2) DFT straight from the
 * definition, with e^{-+2 pi i k t / n} taken from a table at (k t) mod n.
 */

/** Deterministic test data (xorshift32 -> [-1, 1)); independent of the code under test. */
export function testSignal(len: number, seed: number): Float64Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** X[k] = sum_t x[t] e^{sign 2 pi i k t / n} on interleaved complex x (2n numbers), times `scale`. */
export function directDft(x: ArrayLike<number>, n: number, sign: -1 | 1 = -1, scale = 1): Float64Array {
  const c = new Float64Array(n);
  const s = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    c[j] = Math.cos((2 * Math.PI * j) / n);
    s[j] = sign * Math.sin((2 * Math.PI * j) / n);
  }
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    let re = 0,
      im = 0,
      j = 0;
    for (let t = 0; t < n; t++) {
      const xr = x[2 * t],
        xi = x[2 * t + 1];
      re += xr * c[j] - xi * s[j];
      im += xr * s[j] + xi * c[j];
      j += k;
      if (j >= n) j -= n;
    }
    out[2 * k] = re * scale;
    out[2 * k + 1] = im * scale;
  }
  return out;
}

/** First floor(n/2)+1 bins of the DFT of the real signal x (n numbers from `off`). */
export function directRealDft(x: ArrayLike<number>, n: number, off = 0): Float64Array {
  const cx = new Float64Array(2 * n);
  for (let t = 0; t < n; t++) cx[2 * t] = x[off + t];
  return directDft(cx, n).subarray(0, 2 * (Math.floor(n / 2) + 1));
}

/**
 * The inverse real DFT from the definition: complete the spectrum by Hermitian
 * symmetry (Y[n-k] = conj X[k]; imaginary parts of X[0] and, for even n,
 * X[n/2] dropped, as numpy.fft.irfft does) and take x[t] = (1/n) sum_k Y[k] e^{+2 pi i k t/n}.
 */
export function directInverseRealDft(spec: ArrayLike<number>, n: number, off = 0): Float64Array {
  const bins = Math.floor(n / 2) + 1;
  const y = new Float64Array(2 * n);
  for (let k = 0; k < bins; k++) {
    const re = spec[off + 2 * k];
    let im = spec[off + 2 * k + 1];
    if (k === 0 || (n % 2 === 0 && k === n / 2)) im = 0;
    y[2 * k] = re;
    y[2 * k + 1] = im;
    if (k > 0) {
      y[2 * (n - k)] = re;
      y[2 * (n - k) + 1] = -im;
    }
  }
  const full = directDft(y, n, 1, 1 / n);
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = full[2 * t];
  return out;
}

/** max_i |a_i - b_i| */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** max_i |a_i| */
export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

/*
 * Error bounds for comparing an FFT with the direct DFT above, in float64
 * (unit roundoff u = 2^-53), from Higham, Accuracy and Stability of Numerical
 * Algorithms, 2nd ed. (2002):
 * - the direct DFT is an inner product of n complex terms with rounded
 *   twiddles: |fl(X_k) - X_k| <= gamma_{n+4} sum_t |x_t| (eq. 3.5 with the
 *   complex multiply and twiddle rounding counted as 4 more operations), where
 *   gamma_m = m u / (1 - m u) and |x_t| = |re| + |im|;
 * - one FFT of length m (Theorem 24.2; twiddles with error mu = u, i.e.
 *   Math.cos / Math.sin faithful): ||fl(y) - y||_2 <= beta(m) ||y||_2 with
 *   beta(m) = L eta / (1 - L eta), L = ceil(log2 m), eta = mu + gamma_4 (sqrt 2 + mu).
 *   The worst engine is Bluestein: three FFTs of length m < 4n and a pointwise
 *   product with a chirp spectrum of modulus <= 2n - 1, so for every engine
 *   ||fl(Fx) - Fx||_2 <= E(n) ||x||_2 with E(n) = 3 (2n) beta(4n) = 6 n beta(4n)
 *   (each FFT's error is beta times the norm of its input, at most (2n - 1) ||x||_2
 *   after the chirp product; the plain engines, beta(n) sqrt(n) ||x||_2, are below it).
 * These bounds are far above the errors seen (they hold for any input); a
 * wrong transform misses them by orders of magnitude.
 */
const U64 = 2 ** -53;

/** gamma_m = m u / (1 - m u), u = 2^-53. */
export function gamma64(m: number): number {
  return (m * U64) / (1 - m * U64);
}

function beta(m: number): number {
  const L = Math.max(1, Math.ceil(Math.log2(m)));
  const eta = U64 + gamma64(4) * (Math.SQRT2 + U64);
  return (L * eta) / (1 - L * eta);
}

/** E(n): ||fl(Fx) - Fx||_2 <= E(n) ||x||_2 for every engine of length n (see above). */
export function fftErrorFactor(n: number): number {
  return 6 * n * beta(4 * n);
}

/** sum |x_i| and sqrt(sum x_i^2) of a real or interleaved complex array. */
export function norms(x: ArrayLike<number>): { l1: number; l2: number } {
  let l1 = 0,
    s2 = 0;
  for (let i = 0; i < x.length; i++) {
    l1 += Math.abs(x[i]);
    s2 += x[i] * x[i];
  }
  return { l1, l2: Math.sqrt(s2) };
}

/**
 * Bound on max_k |FFT(x)_k - directDft(x)_k| (times `scale`, for the 1/n of an
 * inverse): the reference's gamma_{n+4} ||x||_1 plus the FFT's E(n) ||x||_2
 * (an entry is at most the 2-norm of the error vector).
 */
export function dftBound(x: ArrayLike<number>, n: number, scale = 1): number {
  const { l1, l2 } = norms(x);
  return scale * (gamma64(n + 4) * l1 + fftErrorFactor(n) * l2);
}

/**
 * Bound on max_t |inverse(forward(x))_t - x_t|: the forward error E ||x||_2
 * maps through the inverse (norm 1/sqrt(n)), the inverse adds its own E/n
 * times ||Fx||_2 + E ||x||_2, and the 1/n scaling one rounding.
 */
export function roundTripBound(x: ArrayLike<number>, n: number): number {
  const { l2 } = norms(x);
  const E = fftErrorFactor(n);
  return (E / Math.sqrt(n) + (E / n) * (Math.sqrt(n) + E) + U64) * l2;
}
