import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';
import type { CSR } from './csr.js';
import { badIndex } from './csr.js';

/**
 * Build a CSR from coordinate (COO) triplets: entry t is m[rows[t], cols[t]] +=
 * values[t] (1 when `values` is omitted). Duplicates are summed (in double
 * precision, in input order, rounded to float32 once); columns come out sorted
 * within each row.
 *
 * Two stable counting sorts (by column, then by row) give sorted rows in
 * O(nnz + nRows + nCols) = O(nnz + nRows) time, used when nCols <= nnz + nRows;
 * for wider matrices the column pass would cost O(nCols), so each row is
 * sorted by comparison instead: O(nnz log(longest row) + nRows).
 * With no `values` and no duplicates `data` is null (pattern matrix).
 * @throws TensorError for lengths that differ, indices that are not integers
 *   in range, or non-finite values.
 */
export function csrFromCOO(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values?: ArrayLike<number>,
): CSR {
  const fn = 'csrFromCOO';
  checkInt(fn, 'nRows', nRows, 0, 2147483646);
  checkInt(fn, 'nCols', nCols, 0, 2147483647);
  for (const [name, a] of [
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (a == null || typeof a !== 'object' || typeof a.length !== 'number') {
      throw new TensorError(name, `${fn}: ${name} must be an array or typed array of indices`);
    }
  }
  const nnzIn = rows.length;
  if (cols.length !== nnzIn) {
    throw new TensorError('cols', `${fn}: cols must have the same length as rows (${nnzIn}), got ${cols.length}`);
  }
  if (values !== undefined && (values == null || typeof values !== 'object' || values.length !== nnzIn)) {
    throw new TensorError(
      'values',
      `${fn}: values must have the same length as rows (${nnzIn}), got ${values == null ? String(values) : values.length}`,
    );
  }
  if (nnzIn > 2147483647) throw new TensorError('rows', `${fn}: at most 2^31-1 entries, got ${nnzIn}`);

  // Validate and copy indices into int32.
  const r32 = new Int32Array(nnzIn);
  const c32 = new Int32Array(nnzIn);
  const rowCount = new Int32Array(nRows + 1);
  for (let t = 0; t < nnzIn; t++) {
    const r = rows[t];
    const c = cols[t];
    if (!(r >>> 0 === r && r < nRows)) badIndex(fn, 'rows', t, r, nRows);
    if (!(c >>> 0 === c && c < nCols)) badIndex(fn, 'cols', t, c, nCols);
    r32[t] = r;
    c32[t] = c;
    rowCount[r + 1]++;
  }
  if (values !== undefined) {
    for (let t = 0; t < nnzIn; t++) {
      const v = values[t];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new TensorError('values', `${fn}: values[${t}] must be a finite number, got ${String(v)}`);
      }
    }
  }
  const indptr = rowCount; // prefix sums in place: indptr[r] = start of row r
  for (let r = 0; r < nRows; r++) indptr[r + 1] += indptr[r];

  // order[k] = input entry placed at position k, rows grouped, columns sorted.
  const order = new Int32Array(nnzIn);
  const next = indptr.slice(0, nRows);
  if (nCols <= nnzIn + nRows) {
    // Pass 1: stable counting sort by column.
    const colStart = new Int32Array(nCols + 1);
    for (let t = 0; t < nnzIn; t++) colStart[c32[t] + 1]++;
    for (let c = 0; c < nCols; c++) colStart[c + 1] += colStart[c];
    const byCol = new Int32Array(nnzIn);
    for (let t = 0; t < nnzIn; t++) byCol[colStart[c32[t]]++] = t;
    // Pass 2: stable counting sort by row keeps columns ascending in each row.
    for (let q = 0; q < nnzIn; q++) {
      const t = byCol[q];
      order[next[r32[t]]++] = t;
    }
  } else {
    for (let t = 0; t < nnzIn; t++) order[next[r32[t]]++] = t;
    for (let r = 0; r < nRows; r++) {
      const a = indptr[r];
      const b = indptr[r + 1];
      if (b - a > 1) {
        const seg = Array.from(order.subarray(a, b));
        seg.sort((x, y) => c32[x] - c32[y] || x - y);
        order.set(seg, a);
      }
    }
  }

  // Merge duplicates (adjacent after sorting) row by row, compacting in place.
  const indices = new Int32Array(nnzIn);
  const sums = values !== undefined ? new Float64Array(nnzIn) : null;
  let hasDup = false;
  let w = 0;
  let k = 0;
  const outPtr = new Int32Array(nRows + 1);
  const dupCount = values === undefined ? new Int32Array(nnzIn) : null;
  for (let r = 0; r < nRows; r++) {
    const end = indptr[r + 1];
    let prev = -1;
    for (; k < end; k++) {
      const t = order[k];
      const c = c32[t];
      if (c === prev) {
        hasDup = true;
        if (sums !== null) sums[w - 1] += (values as ArrayLike<number>)[t];
        else (dupCount as Int32Array)[w - 1]++;
      } else {
        indices[w] = c;
        if (sums !== null) sums[w] = (values as ArrayLike<number>)[t];
        else (dupCount as Int32Array)[w] = 1;
        w++;
        prev = c;
      }
    }
    outPtr[r + 1] = w;
  }
  let data: Float32Array | null = null;
  if (sums !== null) data = Float32Array.from(sums.subarray(0, w));
  else if (hasDup) data = Float32Array.from((dupCount as Int32Array).subarray(0, w));
  return { nRows, nCols, indptr: outPtr, indices: w === nnzIn ? indices : indices.slice(0, w), data };
}
