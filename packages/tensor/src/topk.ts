import { TensorError } from './tensor-error.js';

/**
 * The k largest entries of `values`, sorted descending, with their indices.
 *
 * Order: by value descending; equal values by lower index first (stable);
 * -0 and +0 are equal. NaN is never selected over a number: NaNs fill the tail
 * (lowest indices first) only when fewer than k entries are numbers.
 *
 * One pass with a threshold: an entry is kept only if it beats the current
 * k-th best; kept candidates go to a buffer of 2k and, when it is full, a
 * quickselect keeps the best k and raises the threshold. For n >= 32768 and
 * k <= n/16 the threshold starts at a quantile estimated from 2048 evenly
 * spaced entries (so sorted inputs stay cheap), with a plain second pass if
 * that estimate turns out too high. O(n + k log k) time, O(k) memory.
 * @throws TensorError unless k is an integer in [0, n].
 */
export function topK(values: ArrayLike<number>, k: number): { values: Float64Array; indices: Int32Array } {
  if (values == null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TensorError('values', 'topK: values must be an array or typed array of numbers');
  }
  const n = values.length;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 0 || k > n) {
    throw new TensorError('k', `topK: k must be an integer in [0, n=${n}], got ${String(k)}`);
  }
  if (k === 0) return { values: new Float64Array(0), indices: new Int32Array(0) };

  const cap = Math.min(2 * k, n);
  const bv = new Float64Array(cap);
  const bi = new Int32Array(cap);
  let size = 0;
  let i = 0;
  let threshold = Infinity;
  let seeded = false;

  // Seeded start: a strided sample's (3 k S / n + 8)-th largest value t0 has,
  // in practice, several k entries >= t0, so only those are ever buffered,
  // whatever the input order (sorted inputs included). If fewer than k entries
  // reach t0 (possible for contrived inputs), the plain pass below runs instead.
  if (n >= 32768 && 16 * k <= n) {
    const t0 = sampledThreshold(values, n, k);
    for (; i < n; i++) {
      const v = +values[i];
      if (v >= t0) {
        if (size === cap) {
          select(bv, bi, 0, size - 1, k - 1);
          size = k;
          threshold = bv[k - 1];
          seeded = true;
          if (v > threshold) {
            bv[size] = v;
            bi[size] = i;
            size++;
          }
          i++;
          break;
        }
        bv[size] = v;
        bi[size] = i;
        size++;
      }
    }
    if (!seeded && size >= k) seeded = true; // every entry >= t0 is buffered
    if (!seeded) {
      size = 0;
      i = 0;
    }
  }
  if (!seeded) {
    // Fill phase: the first k numbers are all candidates.
    for (; i < n && size < k; i++) {
      const v = +values[i];
      if (v !== v) continue;
      bv[size] = v;
      bi[size] = i;
      size++;
      if (v < threshold) threshold = v;
    }
  }
  // Scan phase: a later entry equal to the threshold loses the tie (higher index).
  for (; i < n; i++) {
    const v = +values[i];
    if (v > threshold) {
      if (size === cap) {
        select(bv, bi, 0, size - 1, k - 1);
        size = k;
        threshold = bv[k - 1];
        if (!(v > threshold)) continue;
      }
      bv[size] = v;
      bi[size] = i;
      size++;
    }
  }

  const outV = new Float64Array(k);
  const outI = new Int32Array(k);
  const take = Math.min(k, size);
  if (size > take) select(bv, bi, 0, size - 1, take - 1);
  sortRange(bv, bi, 0, take - 1);
  outV.set(bv.subarray(0, take));
  outI.set(bi.subarray(0, take));
  if (take < k) {
    // Fewer than k numbers: the lowest-index NaNs complete the result.
    let q = take;
    for (let j = 0; j < n && q < k; j++) {
      const v = +values[j];
      if (v !== v) {
        outV[q] = NaN;
        outI[q] = j;
        q++;
      }
    }
  }
  return { values: outV, indices: outI };
}

const SAMPLE = 2048;

/** The (ceil(3 k S / n) + 8)-th largest number among S entries at evenly spaced indices (-Infinity if too few). */
function sampledThreshold(values: ArrayLike<number>, n: number, k: number): number {
  const sample = new Float64Array(SAMPLE);
  let m = 0;
  for (let j = 0; j < SAMPLE; j++) {
    const v = +values[Math.floor(((j + 0.5) * n) / SAMPLE)];
    if (v === v) sample[m++] = v;
  }
  const rank = Math.ceil((3 * k * SAMPLE) / n) + 8;
  if (m < rank) return -Infinity;
  const sorted = sample.subarray(0, m).sort();
  return sorted[m - rank];
}

/** a before b: larger value, then lower index. */
function before(bv: Float64Array, bi: Int32Array, a: number, b: number): boolean {
  const va = bv[a];
  const vb = bv[b];
  return va > vb || (va === vb && bi[a] < bi[b]);
}

function swap(bv: Float64Array, bi: Int32Array, a: number, b: number): void {
  const tv = bv[a];
  bv[a] = bv[b];
  bv[b] = tv;
  const ti = bi[a];
  bi[a] = bi[b];
  bi[b] = ti;
}

/**
 * Partition [lo, hi] around the median of lo, mid and hi (by `before`):
 * returns the pivot's final position p, with better elements in [lo, p) and
 * the others in (p, hi].
 */
function partition(bv: Float64Array, bi: Int32Array, lo: number, hi: number): number {
  const mid = (lo + hi) >>> 1;
  if (before(bv, bi, mid, lo)) swap(bv, bi, mid, lo);
  if (before(bv, bi, hi, lo)) swap(bv, bi, hi, lo);
  if (before(bv, bi, mid, hi)) swap(bv, bi, mid, hi);
  // now lo <= hi (the pivot) <= mid in "before" order
  let store = lo;
  for (let j = lo; j < hi; j++) {
    if (before(bv, bi, j, hi)) {
      swap(bv, bi, j, store);
      store++;
    }
  }
  swap(bv, bi, store, hi);
  return store;
}

/** Rearrange [lo, hi] so position `nth` holds the element of that rank and better ones precede it. */
function select(bv: Float64Array, bi: Int32Array, lo: number, hi: number, nth: number): void {
  while (hi > lo) {
    const store = partition(bv, bi, lo, hi);
    if (store === nth) return;
    if (store < nth) lo = store + 1;
    else hi = store - 1;
  }
}

/** Sort [lo, hi] by `before` (introsort-free quicksort with insertion sort for short ranges). */
function sortRange(bv: Float64Array, bi: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const store = partition(bv, bi, lo, hi);
    // Recurse into the smaller side, loop on the larger.
    if (store - lo < hi - store) {
      sortRange(bv, bi, lo, store - 1);
      lo = store + 1;
    } else {
      sortRange(bv, bi, store + 1, hi);
      hi = store - 1;
    }
  }
  for (let a = lo + 1; a <= hi; a++) {
    let b = a;
    while (b > lo && before(bv, bi, b, b - 1)) {
      swap(bv, bi, b, b - 1);
      b--;
    }
  }
}
