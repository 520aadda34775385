import { TensorError } from '../tensor-error.js';
import { checkInt } from '../tensor-validators.js';

/** Largest row / column count: int32 indices. */
const MAX_INT32 = 2147483647;

/**
 * A sparse matrix in compressed sparse row form.
 *
 * Row `i` holds the stored entries `k` in `indptr[i] <= k < indptr[i+1]`; entry
 * `k` sits in column `indices[k]` with value `data[k]` (or 1 when `data` is
 * null: a pattern / unweighted matrix). Columns are sorted ascending and
 * distinct within a row. Memory: 4 bytes per stored index plus 4 per stored
 * value (none for a pattern), plus 4 (nRows + 1) for `indptr`.
 */
export interface CSR {
  /** Rows of the matrix. */
  readonly nRows: number;
  /** Columns of the matrix. */
  readonly nCols: number;
  /** nRows + 1 offsets into `indices` / `data`; indptr[0] = 0, indptr[nRows] = nnz. */
  readonly indptr: Int32Array;
  /** Column of each stored entry, sorted within a row. */
  readonly indices: Int32Array;
  /** Value of each stored entry, or null when every stored value is 1. */
  readonly data: Float32Array | null;
}

/** A dense matrix stored row-major: element (i, j) is `data[i * nCols + j]`. */
export interface DenseMatrix {
  /** Rows of the matrix. */
  readonly nRows: number;
  /** Columns of the matrix. */
  readonly nCols: number;
  /** nRows · nCols values, row-major. */
  readonly data: Float32Array;
}

/** @internal true for a CSR (has indptr), false for a DenseMatrix. */
export function isCSR(m: CSR | DenseMatrix): m is CSR {
  return (m as CSR).indptr !== undefined;
}

/**
 * @internal Cheap O(1) structural checks of a CSR (lengths and nnz); the
 * kernels check every index they use against its bound as they go.
 */
export function checkCSR(fn: string, name: string, m: CSR): number {
  if (m == null || !(m.indptr instanceof Int32Array) || !(m.indices instanceof Int32Array)) {
    throw new TensorError(name, `${fn}: ${name} must be a CSR with Int32Array indptr and indices`);
  }
  checkInt(fn, `${name}.nRows`, m.nRows, 0, MAX_INT32);
  checkInt(fn, `${name}.nCols`, m.nCols, 0, MAX_INT32);
  if (m.indptr.length !== m.nRows + 1) {
    throw new TensorError(name, `${fn}: ${name}.indptr must have nRows + 1 = ${m.nRows + 1} entries, got ${m.indptr.length}`);
  }
  const nnz = m.indptr[m.nRows];
  if (m.indptr[0] !== 0 || nnz > m.indices.length || nnz < 0) {
    throw new TensorError(
      name,
      `${fn}: ${name}.indptr must start at 0 and end at nnz <= indices.length (${m.indices.length}), got [${m.indptr[0]}, …, ${nnz}]`,
    );
  }
  if (m.data !== null && (!(m.data instanceof Float32Array) || m.data.length < nnz)) {
    throw new TensorError(name, `${fn}: ${name}.data must be null or a Float32Array with at least nnz = ${nnz} values`);
  }
  return nnz;
}

/** @internal Throw unless `rows` is array-like (its entries are checked where they are used). */
export function checkRowList(fn: string, name: string, rows: ArrayLike<number>): void {
  if (rows == null || typeof rows !== 'object' || typeof rows.length !== 'number') {
    throw new TensorError(name, `${fn}: ${name} must be an array or typed array of row indices`);
  }
}

/** @internal O(1) checks of a DenseMatrix: integer sizes and a Float32Array of nRows * nCols values. */
export function checkDense(fn: string, name: string, m: DenseMatrix): void {
  checkInt(fn, `${name}.nRows`, m.nRows, 0, MAX_INT32);
  checkInt(fn, `${name}.nCols`, m.nCols, 0, MAX_INT32);
  if (!(m.data instanceof Float32Array) || m.data.length !== m.nRows * m.nCols) {
    throw new TensorError(name, `${fn}: ${name}.data must be a Float32Array of nRows * nCols = ${m.nRows * m.nCols} values`);
  }
}

/** @internal `out` when it is a Float32Array of length n, a new one when omitted; throws otherwise. */
export function prepareOut(fn: string, out: Float32Array | undefined, n: number): Float32Array {
  if (out === undefined) return new Float32Array(n);
  if (!(out instanceof Float32Array) || out.length !== n) {
    throw new TensorError(
      'out',
      `${fn}: out must be a Float32Array of length ${n}, got ${out instanceof Float32Array ? `length ${out.length}` : typeof out}`,
    );
  }
  return out;
}

/** @internal Throw a TensorError naming a bad row / column index. */
export function badIndex(fn: string, name: string, pos: number, v: number, bound: number): never {
  throw new TensorError(name, `${fn}: ${name}[${pos}] must be an integer in [0, ${bound}), got ${String(v)}`);
}

/** @internal Throw a TensorError naming a malformed CSR row. */
export function badRow(fn: string, name: string, row: number): never {
  throw new TensorError(
    name,
    `${fn}: ${name}.indptr is not non-decreasing at row ${row}, or a column index in that row is outside [0, nCols)`,
  );
}
