/**
 * Power iteration for the top singular value of W [m, n] (row-major) with a
 * persistent left vector u [m] (updated in place; a zero u starts from all ones):
 *
 *   v ← Wᵀu / ‖Wᵀu‖,   u ← W v / ‖W v‖,   σ ≈ uᵀ W v = ‖W v‖
 *
 * Each iteration multiplies the error of σ by (σ₂/σ₁)²; with u kept between calls
 * (Miyato et al. 2018) one iteration per training step tracks the slowly moving W.
 * Computed in float64. Returns σ.
 */
export function powerIteration(w: Float32Array, m: number, n: number, u: Float64Array, iters: number): number {
  let norm = 0;
  for (let i = 0; i < m; i++) norm += u[i] * u[i];
  if (norm === 0) u.fill(1 / Math.sqrt(m));
  const v = new Float64Array(n);
  let sigma = 0;
  for (let it = 0; it < iters; it++) {
    v.fill(0);
    for (let i = 0; i < m; i++) {
      const ui = u[i];
      if (ui === 0) continue;
      const r = i * n;
      for (let j = 0; j < n; j++) v[j] += ui * w[r + j];
    }
    let nv = 0;
    for (let j = 0; j < n; j++) nv += v[j] * v[j];
    nv = Math.sqrt(nv);
    if (nv === 0) return 0;
    for (let j = 0; j < n; j++) v[j] /= nv;
    let nu = 0;
    for (let i = 0; i < m; i++) {
      const r = i * n;
      let acc = 0;
      for (let j = 0; j < n; j++) acc += w[r + j] * v[j];
      u[i] = acc;
      nu += acc * acc;
    }
    sigma = Math.sqrt(nu);
    if (sigma === 0) return 0;
    for (let i = 0; i < m; i++) u[i] /= sigma;
  }
  return sigma;
}
