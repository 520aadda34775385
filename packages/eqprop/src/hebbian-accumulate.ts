/**
 * acc[i, j] += c · Σ_b a[b, i] · t[b, j]  for a [B, m], t [B, n], acc [m, n]:
 * the contrastive Hebbian term ∂Φ/∂W_l = s_lᵀ s_{l+1} of a batch, scaled by c,
 * skipping zero presynaptic states.
 */
export function addOuter(acc: Float32Array, a: Float32Array, t: Float32Array, c: number, batch: number, m: number, n: number): void {
  for (let b = 0; b < batch; b++) {
    const ab = b * m;
    const tb = b * n;
    for (let i = 0; i < m; i++) {
      const v = a[ab + i] * c;
      if (v === 0) continue;
      const r = i * n;
      for (let j = 0; j < n; j++) acc[r + j] += v * t[tb + j];
    }
  }
}

/** acc[j] += c · Σ_b t[b, j] (the bias term ∂Φ/∂b_l = s_{l+1}). */
export function addColumnSums(acc: Float32Array, t: Float32Array, c: number, batch: number, n: number): void {
  for (let b = 0; b < batch; b++) {
    const tb = b * n;
    for (let j = 0; j < n; j++) acc[j] += c * t[tb + j];
  }
}
