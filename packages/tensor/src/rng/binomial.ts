/**
 * Binomial(n, p) variates, exact for any n (up to 2^53 - 1) and p in [0, 1].
 *
 * With r = min(p, 1 - p) (p > 1/2 is sampled as n - Binomial(n, 1 - p)):
 * - n·r < 30: sequential inversion from k = 0, P(0) = (1-r)^n,
 *   P(k) = P(k-1) · (n-k+1)/k · r/(1-r); search truncated at n·r + 10·sqrt(n·r·(1-r) + 1)
 *   (restart beyond it; the mass cut off is < 1e-20);
 * - otherwise BTPE (Kachitvichyanukul & Schmeiser 1988, "Binomial random
 *   variate generation", CACM 31(2)): a triangle/parallelogram/two-exponential
 *   hat over the pmf with squeezes and, when needed, the exact pmf ratio or the
 *   Stirling-corrected log pmf as the final acceptance test. O(1) expected time.
 */
import type { Rng } from './rng.js';
import { detExp, detLog, detLog1p } from './det-math.js';

export function binomialOf(g: Rng, n: number, p: number): number {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const r = p <= 0.5 ? p : 1 - p;
  const y = n * r < 30 ? inversion(g, n, r) : btpe(g, n, r);
  return p <= 0.5 ? y : n - y;
}

/** P(0) = (1 - r)^n of the last (n, r) (a pure function of them: repeated draws skip the exp and log). */
let lastN = NaN;
let lastR = NaN;
let lastQn = NaN;

function inversion(g: Rng, n: number, r: number): number {
  const q = 1 - r;
  if (n !== lastN || r !== lastR) {
    lastN = n;
    lastR = r;
    lastQn = detExp(n * detLog1p(-r));
  }
  const qn = lastQn;
  const ratio = r / q;
  const np = n * r;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  for (;;) {
    let x = 0;
    let px = qn;
    let u = g.uniform();
    let restart = false;
    while (u > px) {
      x++;
      if (x > bound) {
        restart = true;
        break;
      }
      u -= px;
      px = (px * (n - x + 1) * ratio) / x;
    }
    if (!restart) return x;
  }
}

/** Stirling correction term of ln k! with k = a: (13860 - (462 - (132 - (99 - 140/a²)/a²)/a²)/a²)/a/166320. */
function stirlingTail(a: number, a2: number): number {
  return (13860 - (462 - (132 - (99 - 140 / a2) / a2) / a2) / a2) / a / 166320;
}

function btpe(g: Rng, n: number, r: number): number {
  // Setup (step 0)
  const q = 1 - r;
  const nrq = n * r * q;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;

  for (;;) {
    // Step 1: region selection
    const u = g.uniform() * p4;
    let v = g.uniform();
    let y: number;
    if (u <= p1) {
      // triangle: accept immediately
      return Math.floor(xm - p1 * v + u);
    }
    if (u <= p2) {
      // Step 2: parallelograms
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 3: left exponential tail
      y = Math.floor(xl + detLog(v) / laml);
      if (y < 0) continue;
      v = v * (u - p2) * laml;
    } else {
      // Step 4: right exponential tail
      y = Math.floor(xr - detLog(v) / lamr);
      if (y > n) continue;
      v = v * (u - p3) * lamr;
    }
    // Step 5: acceptance/rejection
    const k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2 - 1) {
      // 5.1: explicit evaluation of f(y)/f(m) by the pmf ratio recurrence
      const s = r / q;
      const aa = s * (n + 1);
      let f = 1;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) f *= aa / i - s;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) f /= aa / i - s;
      }
      if (v <= f) return y;
      continue;
    }
    // 5.2: squeeze on ln v using a bound on ln f(y)/f(m)
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 1 / 6) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const lv = detLog(v);
    if (lv < t - rho) return y;
    if (lv > t + rho) continue;
    // 5.3: final test against ln f(y)/f(m) with Stirling's formula
    const x1 = y + 1,
      f1 = m + 1,
      z = n + 1 - m,
      w = n - y + 1;
    const bound =
      xm * detLog(f1 / x1) +
      (n - m + 0.5) * detLog(z / w) +
      (y - m) * detLog((w * r) / (x1 * q)) +
      stirlingTail(f1, f1 * f1) +
      stirlingTail(z, z * z) +
      stirlingTail(x1, x1 * x1) +
      stirlingTail(w, w * w);
    if (lv <= bound) return y;
  }
}
