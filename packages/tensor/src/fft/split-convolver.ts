import { MixedRadixFft } from './mixed-radix-fft.js';

/**
 * Batched circular convolution / correlation of real rows of even length
 * n = 2h, fused around three split-array complex FFTs of length h:
 *
 *   y = IDFT(op(DFT(a)) · DFT(b)),  op = identity (convolution) or conj (correlation).
 *
 * Each real row is packed as z[t] = x[2t] + i x[2t+1], Z = FFT_h(z); with
 * m = h - k, W = e^{-2 pi i/n},
 *   E[k] = (Z[k] + conj Z[m]) / 2,  O[k] = (Z[k] - conj Z[m]) / (2i),
 * the real spectrum is X[k] = E[k] + W^k O[k] and conj X[m] = E[k] - W^k O[k].
 * Packing the product C = A B for the inverse half-length FFT (see
 * EvenRealPlan), Zc[k] = (C[k] + conj C[m])/2 + i W^{-k} (C[k] - conj C[m])/2,
 * the twiddles W^k cancel except for one W^{2k}:
 *   convolution  Zc[k] = Ea Eb + W^{2k} Oa Ob + i (Ea Ob + Oa Eb)
 *   correlation  Zc[k] = Ea* Eb + Oa* Ob + i (Ea* Ob + W^{-2k} Oa* Eb)
 * and Zc[m] = conj U + i conj V for Zc[k] = U + i V. One loop over the bin
 * pairs (k, h-k) goes from the packed spectra of a and b straight to the
 * packed product (no spectrum is stored). The packed spectrum of a single-row
 * (broadcast) operand is computed once per call.
 * @internal
 */
export class SplitConvolver {
  private readonly h: number;
  private readonly engA: MixedRadixFft;
  private readonly engB: MixedRadixFft;
  private readonly engC: MixedRadixFft;
  private readonly cos: number[];
  private readonly sin: number[];

  /**
   * @param cos cos(2 pi k / n), k = 0..n/2 (the real plan's table).
   * @param sin sin(2 pi k / n), k = 0..n/2.
   * @param base an engine of length n/2 whose twiddle tables are shared (ignored for another length).
   */
  constructor(n: number, cos: number[], sin: number[], base?: MixedRadixFft) {
    const h = n >> 1;
    this.h = h;
    this.engA = new MixedRadixFft(h, base);
    this.engB = new MixedRadixFft(h, this.engA);
    this.engC = new MixedRadixFft(h, this.engA);
    this.cos = cos;
    this.sin = sin;
  }

  /**
   * out[r] = IDFT(op(DFT(a[ra])) · DFT(b[rb])) for r = 0..rows-1, with ra = r
   * when na > 1 else 0 (same for b). Lengths are the caller's to check.
   */
  run(
    a: ArrayLike<number>,
    na: number,
    b: ArrayLike<number>,
    nb: number,
    out: Float32Array | Float64Array,
    rows: number,
    conjA: boolean,
  ): void {
    const h = this.h;
    const n = 2 * h;
    const engA = this.engA,
      engB = this.engB,
      engC = this.engC;
    const cs = this.cos,
      sn = this.sin;
    const hs = 0.5 / h;
    for (let r = 0; r < rows; r++) {
      if (na > 1 || r === 0) engA.execInterleaved(a, na > 1 ? r * n : 0);
      if (nb > 1 || r === 0) engB.execInterleaved(b, nb > 1 ? r * n : 0);
      const par = engA.resRe,
        pai = engA.resIm,
        pbr = engB.resRe,
        pbi = engB.resIm;
      // inverse input, swapped (re <-> im) so that the forward FFT inverts
      const zr = engC.inIm,
        zi = engC.inRe;
      {
        const a0 = par[0] + pai[0],
          ah = par[0] - pai[0];
        const b0 = pbr[0] + pbi[0],
          bh = pbr[0] - pbi[0];
        const c0 = a0 * b0,
          ch = ah * bh;
        zr[0] = hs * (c0 + ch);
        zi[0] = hs * (c0 - ch);
      }
      if (conjA) correlatePairs(par, pai, pbr, pbi, zr, zi, cs, sn, h);
      else convolvePairs(par, pai, pbr, pbi, zr, zi, cs, sn, h);
      engC.execSwappedTo(out, r * n);
    }
  }
}

// ea = 2 E, oa = 2 O of one operand from Z[k] = (xr, xi), Z[m] = (yr, yi):
//   ea = (xr + yr) + i (xi - yi),  oa = (xi + yi) + i (yr - xr).
// The factors 1/2 of E and O and the 1/h of the inverse go into sc = 1 / (4h).
// cs[2k], sn[2k] = cos, sin(4 pi k / n): W^{2k} = cs[2k] - i sn[2k].

function convolvePairs(
  par: number[],
  pai: number[],
  pbr: number[],
  pbi: number[],
  zr: number[],
  zi: number[],
  cs: number[],
  sn: number[],
  h: number,
): void {
  const sc = 0.25 / h;
  for (let k = 1, m = h - 1; k <= m; k++, m--) {
    let xr = par[k],
      xi = pai[k],
      yr = par[m],
      yi = pai[m];
    const ear = xr + yr,
      eai = xi - yi,
      oar = xi + yi,
      oai = yr - xr;
    xr = pbr[k];
    xi = pbi[k];
    yr = pbr[m];
    yi = pbi[m];
    const ebr = xr + yr,
      ebi = xi - yi,
      obr = xi + yi,
      obi = yr - xr;
    const c = cs[2 * k],
      s = sn[2 * k];
    // p = oa ob, then W^{2k} p = (c - i s) p
    const pr = oar * obr - oai * obi,
      pi = oar * obi + oai * obr;
    const ur = ear * ebr - eai * ebi + c * pr + s * pi;
    const ui = ear * ebi + eai * ebr + c * pi - s * pr;
    const vr = ear * obr - eai * obi + oar * ebr - oai * ebi;
    const vi = ear * obi + eai * obr + oar * ebi + oai * ebr;
    zr[k] = sc * (ur - vi);
    zi[k] = sc * (ui + vr);
    if (m !== k) {
      zr[m] = sc * (ur + vi);
      zi[m] = sc * (vr - ui);
    }
  }
}

function correlatePairs(
  par: number[],
  pai: number[],
  pbr: number[],
  pbi: number[],
  zr: number[],
  zi: number[],
  cs: number[],
  sn: number[],
  h: number,
): void {
  const sc = 0.25 / h;
  for (let k = 1, m = h - 1; k <= m; k++, m--) {
    let xr = par[k],
      xi = pai[k],
      yr = par[m],
      yi = pai[m];
    // conjugates of ea and oa of operand a
    const ear = xr + yr,
      eai = yi - xi,
      oar = xi + yi,
      oai = xr - yr;
    xr = pbr[k];
    xi = pbi[k];
    yr = pbr[m];
    yi = pbi[m];
    const ebr = xr + yr,
      ebi = xi - yi,
      obr = xi + yi,
      obi = yr - xr;
    const c = cs[2 * k],
      s = sn[2 * k];
    // q = oa* eb, then W^{-2k} q = (c + i s) q
    const qr = oar * ebr - oai * ebi,
      qi = oar * ebi + oai * ebr;
    const ur = ear * ebr - eai * ebi + oar * obr - oai * obi;
    const ui = ear * ebi + eai * ebr + oar * obi + oai * obr;
    const vr = ear * obr - eai * obi + c * qr - s * qi;
    const vi = ear * obi + eai * obr + c * qi + s * qr;
    zr[k] = sc * (ur - vi);
    zi[k] = sc * (ui + vr);
    if (m !== k) {
      zr[m] = sc * (ur + vi);
      zi[m] = sc * (vr - ui);
    }
  }
}
