/**
 * Reference transforms for the FFT tests: the O(n^2) DFT straight from the
 * definition, with e^{-+2 pi i k t / n} taken from a table at (k t) mod n.
 */

/** Deterministic test data (xorshift32 -> [-1, 1)); independent of the code under test. */
export function testSignal(len: number, seed: number): Float64Array {
  let s = (seed * 2654435761) >>> 0 || 1;
  const out = new Float64Array(len);
  for (let i = 0; i < len; i++) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
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
    let re = 0, im = 0, j = 0;
    for (let t = 0; t < n; t++) {
      const xr = x[2 * t], xi = x[2 * t + 1];
      re += xr * c[j] - xi * s[j];
      im += xr * s[j] + xi * c[j];
      j += k; if (j >= n) j -= n;
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
    y[2 * k] = re; y[2 * k + 1] = im;
    if (k > 0) { y[2 * (n - k)] = re; y[2 * (n - k) + 1] = -im; }
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
