import { MixedRadixFft } from './mixed-radix-fft.js';

/**
 * Batched circular convolution / correlation of real rows of even length
 * n = 2h, fused around three split-array complex FFTs of length h:
 *
 *   y = IDFT(op(DFT(a)) · DFT(b)),  op = identity (convolution) or conj (correlation).
 *
 * Each real row is packed as z[t] = x[2t] + i x[2t+1], Z = FFT_h(z). One loop
 * over the bin pairs (k, h-k) unpacks A[k] = (Z[k] + conj Z[h-k])/2
 * + W^k (Z[k] - conj Z[h-k])/(2i) (W = e^{-2 pi i/n}) for both operands,
 * multiplies, and packs the product for the inverse half-length FFT (see
 * EvenRealPlan), so no spectrum is ever stored. The packed spectrum of a
 * single-row (broadcast) operand is computed once per call.
 * @internal
 */
export class SplitConvolver {
  private readonly h: number;
  private readonly engA: MixedRadixFft;
  private readonly engB: MixedRadixFft;
  private readonly engC: MixedRadixFft;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(n: number, cos: Float64Array, sin: Float64Array, base?: MixedRadixFft) {
    const h = n >> 1;
    this.h = h;
    this.engA = base !== undefined && base.n === h ? new MixedRadixFft(h, base) : new MixedRadixFft(h);
    this.engB = new MixedRadixFft(h, this.engA);
    this.engC = new MixedRadixFft(h, this.engA);
    this.cos = cos;
    this.sin = sin;
  }

  /**
   * out[r] = IDFT(op(DFT(a[ra])) · DFT(b[rb])) for r = 0..rows-1, with ra = r
   * when na > 1 else 0 (same for b). Lengths are the caller's to check.
   */
  run(a: ArrayLike<number>, na: number, b: ArrayLike<number>, nb: number, out: Float32Array | Float64Array, rows: number, conjA: boolean): void {
    const h = this.h;
    const n = 2 * h;
    const engA = this.engA, engB = this.engB, engC = this.engC;
    const cs = this.cos, sn = this.sin;
    const hs = 0.5 / h;
    const cj = conjA ? -1 : 1;
    for (let r = 0; r < rows; r++) {
      if (na > 1 || r === 0) engA.execInterleaved(a, na > 1 ? r * n : 0);
      if (nb > 1 || r === 0) engB.execInterleaved(b, nb > 1 ? r * n : 0);
      const par = engA.resRe, pai = engA.resIm, pbr = engB.resRe, pbi = engB.resIm;
      // inverse input, swapped (re <-> im) so that the forward FFT inverts
      const zr = engC.inIm, zi = engC.inRe;
      {
        const a0 = par[0] + pai[0], ah = par[0] - pai[0];
        const b0 = pbr[0] + pbi[0], bh = pbr[0] - pbi[0];
        const c0 = a0 * b0, ch = ah * bh;
        zr[0] = hs * (c0 + ch);
        zi[0] = hs * (c0 - ch);
      }
      for (let k = 1, m = h - 1; k <= m; k++, m--) {
        const c = cs[k], s = sn[k];
        // A[k], A[m]; W^m = -conj-like: cos(2 pi m/n) = -c, sin(2 pi m/n) = s
        let xr = par[k], xi = pai[k], yr = par[m], yi = pai[m];
        let er = 0.5 * (xr + yr), ei = 0.5 * (xi - yi), or = 0.5 * (xi + yi), oi = 0.5 * (yr - xr);
        const akr = er + c * or + s * oi, aki = cj * (ei + c * oi - s * or);
        const amr = er - c * or - s * oi, ami = cj * (-ei + c * oi - s * or);
        xr = pbr[k]; xi = pbi[k]; yr = pbr[m]; yi = pbi[m];
        er = 0.5 * (xr + yr); ei = 0.5 * (xi - yi); or = 0.5 * (xi + yi); oi = 0.5 * (yr - xr);
        const bkr = er + c * or + s * oi, bki = ei + c * oi - s * or;
        const bmr = er - c * or - s * oi, bmi = -ei + c * oi - s * or;
        // C = A B at k and m
        const ckr = akr * bkr - aki * bki, cki = akr * bki + aki * bkr;
        let cmr = amr * bmr - ami * bmi, cmi = amr * bmi + ami * bmr;
        if (m === k) { cmr = ckr; cmi = cki; }
        // pack: E = (C[k] + conj C[m]) / 2, D = (C[k] - conj C[m]) / 2, O = D W^{-k}, Z = E + i O (scaled by 1/h)
        const pr = hs * (ckr + cmr), pi = hs * (cki - cmi);
        const dr = hs * (ckr - cmr), di = hs * (cki + cmi);
        const qr = dr * c - di * s, qi = dr * s + di * c;
        zr[k] = pr - qi;
        zi[k] = pi + qr;
        if (m !== k) {
          // at m: E' = conj E, D' = -conj D, W^{-m} = (-c + i s)
          const qr2 = dr * c - di * s, qi2 = -dr * s - di * c;
          zr[m] = pr - qi2;
          zi[m] = -pi + qr2;
        }
      }
      engC.execSplit();
      const rr = engC.resIm, ri = engC.resRe;
      for (let t = 0, o = r * n; t < h; t++, o += 2) { out[o] = rr[t]; out[o + 1] = ri[t]; }
    }
  }
}
