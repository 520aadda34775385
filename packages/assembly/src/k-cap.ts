/**
 * The k-cap selection of Brain. Not @neurite/tensor's topK (same set, same tie rule): a round
 * needs the set in index order, or only the threshold, with k a large fraction of n (k of the
 * w + k known neurons and candidates), where one quickselect is ~2.5x faster than topK's
 * threshold scan plus sorting (n = 2500, k = 317; n = 25000, k = 10000). topK wins for k ≪ n.
 */

/**
 * The k-th largest of values[0..n) (1 <= k <= n), by 3-way quickselect on
 * `scratch` (overwritten; length >= n). Expected O(n), robust to many ties.
 */
export function kthLargest(values: ArrayLike<number>, n: number, k: number, scratch: Float64Array): number {
  const a = scratch;
  for (let i = 0; i < n; i++) a[i] = values[i];
  const r = k - 1; // 0-based rank in descending order
  let lo = 0,
    hi = n - 1;
  for (;;) {
    if (lo >= hi) return a[lo];
    const mid = (lo + hi) >>> 1;
    const x = a[lo],
      y = a[mid],
      z = a[hi];
    const pivot = x > y ? (y > z ? y : x > z ? z : x) : x > z ? x : y > z ? z : y;
    // descending 3-way partition: [lo, lt) > pivot, [lt, gt] = pivot, (gt, hi] < pivot
    let lt = lo,
      i = lo,
      gt = hi;
    while (i <= gt) {
      const v = a[i];
      if (v > pivot) {
        a[i] = a[lt];
        a[lt] = v;
        lt++;
        i++;
      } else if (v < pivot) {
        a[i] = a[gt];
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (r < lt) hi = lt - 1;
    else if (r > gt) lo = gt + 1;
    else return pivot;
  }
}

/**
 * The k-cap as a set: indices of the k largest of values[0..n), ties at the
 * threshold going to lower indices (the same set as a stable descending
 * top-k), returned in ascending index order. Expected O(n); `scratch` is
 * overwritten (length >= n).
 */
export function kCapIndices(values: ArrayLike<number>, n: number, k: number, scratch: Float64Array): Int32Array {
  const out = new Int32Array(k);
  if (k === 0) return out;
  const v = kthLargest(values, n, k, scratch);
  let above = 0;
  for (let i = 0; i < n; i++) if (values[i] > v) above++;
  let ties = k - above,
    m = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x > v) out[m++] = i;
    else if (x === v && ties > 0) {
      out[m++] = i;
      ties--;
    }
  }
  return out;
}
