import { arenaOf } from './dense-arena.js';

const fround = Math.fround;

/**
 * The pointwise state updates of a relaxation on [rows, n] float32 arrays, in
 * place, each adding every row's squared change Σ_j (s_new − s_old)² to res[row]:
 *
 * - 'euler' (projected Euler, Scellier & Bengio 2017):  s ← min(1, max(0, s + ε(u − s)))
 * - 'damped' (damped hard sigmoid, Laborieux et al. 2021): s ← (1 − γ)s + γ·min(1, max(0, u))
 *
 * in float32 arithmetic (ε, 1 − γ and γ rounded to float32). The squares are summed in four
 * float32 lanes (column j mod 4 over the first 4⌊n/4⌋ columns) and one float32 tail, then added
 * to res in float64 (lane 0, 1, 2, 3, tail): the bits of the WebAssembly SIMD loop when s, u and
 * res share one {@link createDenseArena} arena, and of the JavaScript loop otherwise.
 */
export function pointwiseUpdate(
  rule: 'euler' | 'damped',
  s: Float32Array,
  u: Float32Array,
  rows: number,
  n: number,
  param: number,
  res: Float64Array,
): void {
  const st = arenaOf(s.buffer);
  const keep = fround(1 - fround(param));
  if (st !== undefined && u.buffer === s.buffer && res.buffer === s.buffer) {
    if (rule === 'euler') st.exports.euler(s.byteOffset, u.byteOffset, rows, n, param, res.byteOffset);
    else st.exports.damped(s.byteOffset, u.byteOffset, rows, n, keep, param, res.byteOffset);
    return;
  }
  const p = fround(param);
  const n4 = n & ~3;
  const lanes = [0, 0, 0, 0];
  for (let r = 0; r < rows; r++) {
    lanes.fill(0);
    let tail = 0;
    for (let j = 0; j < n; j++) {
      const k = r * n + j;
      const old = s[k];
      let v: number;
      if (rule === 'euler') v = Math.max(0, Math.min(1, fround(old + fround(p * fround(u[k] - old)))));
      else v = fround(fround(keep * old) + fround(p * Math.max(0, Math.min(1, u[k]))));
      s[k] = v;
      const d = fround(v - old);
      if (j < n4) lanes[j & 3] = fround(lanes[j & 3] + fround(d * d));
      else tail = fround(tail + fround(d * d));
    }
    res[r] = res[r] + lanes[0] + lanes[1] + lanes[2] + lanes[3] + tail;
  }
}
