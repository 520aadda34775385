import { TensorError } from '../tensor-error.js';
import type { Rng } from '../rng/rng.js';
import { geometricSampler } from '../rng/geometric-sampler.js';
import { checkInt, checkProb } from '../tensor-validators.js';
import type { CSR } from './csr.js';

/** Options of {@link randomCSR}. */
export interface RandomCSROptions {
  /**
   * Value of every stored entry: a constant (default 1), or a function called
   * once per stored entry, in row-major order, after the structure is drawn
   * (so the same seed gives the same connectivity with or without weights).
   */
  weight?: number | ((rng: Rng) => number);
  /** Return `data = null` (every stored value 1, 4 bytes/nnz). Default false. */
  pattern?: boolean;
}

const MAX_NNZ = 2147483647;

/**
 * A random n x m matrix whose entries are independently present with
 * probability p (Bernoulli(p) connectivity, i.e. an Erdős–Rényi bipartite
 * graph), built in O(nnz + nRows) time and memory.
 *
 * Geometric skipping: within a row, the gap between consecutive stored
 * columns minus one is G ~ Geometric(p) (failures before a success,
 * P(G = s) = p (1-p)^s), so about nnz + nRows draws are made, never n * m.
 * For p >= 1e-3, G is drawn by table inversion of one 32-bit draw
 * (rng.nextUint32(); every P(G <= s) within 2^-32 of exact, the far tail by
 * the memoryless property, see geometricSampler); for p < 1e-3 by
 * floor(log(1 - u) / log(1 - p)) with a 53-bit u = rng.uniform(). The arrays
 * are sized once from E[nnz] = n m p plus 6 standard deviations
 * (sqrt(n m p (1-p))) and only grown in the (probability < 1e-9) event that
 * this is exceeded.
 *
 * Memory: 4 bytes/nnz for `indices` plus 4 bytes/nnz for float32 `data`
 * (none with `pattern: true`), plus 4 (nRows + 1) for `indptr`.
 * @throws TensorError for p outside [0, 1], non-integer sizes, an expected nnz
 *   beyond 2^31 - 1, a non-finite weight, or `pattern` with a weight.
 */
export function randomCSR(nRows: number, nCols: number, p: number, rng: Rng, opts: RandomCSROptions = {}): CSR {
  const fn = 'randomCSR';
  checkInt(fn, 'nRows', nRows, 0, 2147483646);
  checkInt(fn, 'nCols', nCols, 0, 2147483647);
  checkProb(fn, 'p', p);
  if (rng == null || typeof rng.uniform !== 'function') {
    throw new TensorError('rng', `${fn}: rng must be an Rng (createRng(seed))`);
  }
  const weight = opts.weight;
  const pattern = opts.pattern === true;
  if (pattern && weight !== undefined) {
    throw new TensorError('opts.weight', `${fn}: a pattern matrix (pattern: true) has no weights; drop opts.weight`);
  }
  if (weight !== undefined && typeof weight !== 'function' && !(typeof weight === 'number' && Number.isFinite(weight))) {
    throw new TensorError('opts.weight', `${fn}: opts.weight must be a finite number or a function (rng) => number, got ${String(weight)}`);
  }

  const cells = nRows * nCols;
  const mean = cells * p;
  const sd = Math.sqrt(mean * (1 - p));
  if (mean - 6 * sd > MAX_NNZ) {
    throw new TensorError('p', `${fn}: expected nnz = nRows*nCols*p = ${mean} exceeds 2^31 - 1 (int32 indices)`);
  }
  let cap = Math.min(cells, MAX_NNZ, Math.ceil(mean + 6 * sd + 16));
  let indices: Int32Array = allocInt32(fn, cap);
  const indptr = new Int32Array(nRows + 1);
  let k = 0;

  if (p === 1) {
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) indices[k++] = j;
      indptr[i + 1] = k;
    }
  } else if (p > 0 && nCols > 0) {
    const g = geometricSampler(p, rng);
    for (let i = 0; i < nRows; i++) {
      // The next stored column is j + 1 + G (G failures first); j = -1 at a row's start.
      // g(nCols - j) stops drawing once G alone would leave the row.
      for (let j = -1; ;) {
        j += 1 + g(nCols - j);
        if (j >= nCols) break;
        if (k === cap) indices = grow(indices, (cap = nextCap(fn, cap)));
        indices[k++] = j;
      }
      indptr[i + 1] = k;
    }
  }
  const nnz = k;
  // Keep the slack (6 sd, ~0.06% at nnz = 1e8) rather than copy, unless large.
  if (cap - nnz > 4096 && cap - nnz > nnz / 64) indices = indices.slice(0, nnz);
  else if (cap !== nnz) indices = indices.subarray(0, nnz);

  let data: Float32Array | null = null;
  if (!pattern) {
    data = new Float32Array(nnz);
    if (typeof weight === 'function') {
      for (let q = 0; q < nnz; q++) {
        const v = weight(rng);
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new TensorError('opts.weight', `${fn}: opts.weight returned ${String(v)} for entry ${q}; weights must be finite numbers`);
        }
        data[q] = v;
      }
    } else {
      data.fill(weight ?? 1);
    }
  }
  return { nRows, nCols, indptr, indices, data };
}

function nextCap(fn: string, cap: number): number {
  if (cap === MAX_NNZ) throw new TensorError('p', `${fn}: nnz exceeds 2^31 - 1 (int32 indices)`);
  return Math.min(MAX_NNZ, Math.ceil(cap * 1.25) + 1024);
}

function allocInt32(fn: string, n: number): Int32Array {
  try {
    return new Int32Array(n);
  } catch {
    throw new TensorError(
      'p',
      `${fn}: could not allocate ${n} int32 indices (${((n * 4) / 2 ** 30).toFixed(2)} GiB); lower nRows * nCols * p`,
    );
  }
}

function grow(a: Int32Array, cap: number): Int32Array {
  const b = allocInt32('randomCSR', cap);
  b.set(a);
  return b;
}
