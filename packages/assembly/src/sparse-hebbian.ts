/**
 * Hebbian plasticity on a CSR connectome, in place: every stored synapse of a firing row
 * (presynaptic neuron r in `rows`) whose column (postsynaptic neuron) is a winner
 * (`isWinner[col] = 1`) is multiplied by `factor` = 1 + β and capped:
 * w ← min(w · factor, maxWeight), rounded to the storage type (float32, or binary16 bits
 * through `encode` / `decode`). O(Σ_r row length), the same work as the round's input sum.
 * `factor` is a float32 (Math.fround(1 + β)): the product of two float32 values rounded to
 * float32 is then the one every backend computes.
 */
export function sparseHebbian(
  indptr: Int32Array,
  indices: Int32Array,
  data: Float32Array | Uint16Array,
  rows: ArrayLike<number>,
  isWinner: Uint8Array,
  factor: number,
  maxWeight: number,
  f16?: { encode: (x: number) => number; table: Float32Array },
): void {
  for (let t = 0; t < rows.length; t++) {
    const r = rows[t];
    const end = indptr[r + 1];
    if (f16 === undefined) {
      const d = data as Float32Array;
      for (let e = indptr[r]; e < end; e++) {
        if (isWinner[indices[e]] === 1) {
          const v = Math.fround(d[e] * factor);
          d[e] = v > maxWeight ? maxWeight : v;
        }
      }
    } else {
      const d = data as Uint16Array;
      for (let e = indptr[r]; e < end; e++) {
        if (isWinner[indices[e]] === 1) {
          const v = Math.fround(f16.table[d[e]] * factor);
          d[e] = f16.encode(v > maxWeight ? maxWeight : v);
        }
      }
    }
  }
}
