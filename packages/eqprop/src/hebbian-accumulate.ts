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

/**
 * {@link addOuter} for a sparse right factor: acc[i, j] += c · Σ_b a[b, i] · t[b, j] visiting only
 * the non-zero t[b, j] (e.g. the difference of two phases' states, zero wherever a unit sat at the
 * same clip bound in both) — a gather over the non-zero indices instead of full rows when fewer
 * than half of them are non-zero.
 */
export function addOuterSparse(acc: Float32Array, a: Float32Array, t: Float32Array, c: number, batch: number, m: number, n: number): void {
  const nz = new Int32Array(n);
  const tv = new Float32Array(n);
  for (let b = 0; b < batch; b++) {
    const tb = b * n;
    let k = 0;
    for (let j = 0; j < n; j++) {
      const v = t[tb + j];
      if (v !== 0) {
        nz[k] = j;
        tv[k++] = v;
      }
    }
    if (k === 0) continue;
    const ab = b * m;
    if (2 * k > n) {
      for (let i = 0; i < m; i++) {
        const v = a[ab + i] * c;
        if (v === 0) continue;
        const r = i * n;
        for (let j = 0; j < n; j++) acc[r + j] += v * t[tb + j];
      }
    } else {
      for (let i = 0; i < m; i++) {
        const v = a[ab + i] * c;
        if (v === 0) continue;
        const r = i * n;
        for (let q = 0; q < k; q++) acc[r + nz[q]] += v * tv[q];
      }
    }
  }
}
