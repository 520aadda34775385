import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import { checkCSRTensors } from '../sparse/csr-tensors.js';
import type { CSRTensors } from '../sparse/csr-tensors.js';
import { SparseRowsScale } from './sparse-rows-scale-impl.js';
import type { SparseRowsScaleAttrs } from './sparse-rows-scale-impl.js';
import { sparseRowsScaleCpuConfig } from './sparse-rows-scale-cpu.js';
import { sparseRowsScaleWasmConfig } from './sparse-rows-scale-wasm.js';
import { sparseRowsScaleWebgpuConfig } from './sparse-rows-scale-webgpu.js';

export { SparseRowsScale } from './sparse-rows-scale-impl.js';
export type { SparseRowsScaleInputs, SparseRowsScaleAttrs } from './sparse-rows-scale-impl.js';

/** Options of {@link sparseRowsScale}. */
export interface SparseRowsScaleOptions {
  /** Upper bound of a scaled entry (default Infinity), rounded to float32. */
  maxWeight?: number;
}

/** The backends with an in-place `SparseRowsScale` kernel (registered on first use, not at import). */
const CONFIGS: Readonly<Record<string, tf.KernelConfig>> = {
  cpu: sparseRowsScaleCpuConfig,
  wasm: sparseRowsScaleWasmConfig,
  webgpu: sparseRowsScaleWebgpuConfig,
};

/**
 * Scale, in place, the entries of a CSR on the active backend that lie in the selected rows
 * and columns — Hebbian plasticity of a connectome stored as `csrToTensors` (rows = presynaptic
 * neurons that fired, cols = postsynaptic winners):
 *
 *   w_rj ← min(fround(w_rj · fround(factor)), fround(maxWeight))   for r ∈ rows, j ∈ cols, (r, j) stored
 *
 * Only the selected rows' entries are read and written — O(Σ_{r ∈ rows} row length), no copy of
 * the nnz values — through the registered kernel `SparseRowsScale` (cpu and wasm: the
 * backend's own arrays; webgpu: a compute pass on `m.data`'s buffer). The product is the float32
 * product on every backend, so one input gives bit-identical weights everywhere.
 *
 * In place means every tensor sharing `m.data`'s buffer (clones, reshapes of it) sees the new
 * values; tfjs otherwise treats tensors as immutable, so keep `m.data` to yourself. On cpu,
 * `tf.tensor` keeps the Float32Array it is given: the `data` of a `csrToTensors(csr)` is then
 * `csr.data` itself, which changes too (upload a copy to keep it). webgl has no
 * such kernel (a texture cannot be read and written by one pass) and throws.
 * @param rows distinct row indices in [0, nRows)
 * @param cols column indices in [0, nCols), strictly ascending
 * @throws TensorError for a malformed CSRTensors, bad rows / cols / factor / maxWeight, or
 *   (ERR_UNSUPPORTED) a backend without the kernel.
 * @example
 * ```ts
 * import { csrFromCOO, csrToTensors, sparseRowsScale } from '@neurite/tensor';
 * const m = csrToTensors(csrFromCOO(3, 3, [0, 0, 1], [0, 2, 2], [1, 1, 1]));
 * sparseRowsScale(m, [0], [2], 1.5); // entry (0, 2) becomes 1.5; (1, 2) is not in a selected row
 * console.log(await m.data.data()); // Float32Array [1, 1.5, 1]
 * ```
 */
export function sparseRowsScale(
  m: CSRTensors,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  factor: number,
  opts: SparseRowsScaleOptions = {},
): void {
  const fn = 'sparseRowsScale';
  checkCSRTensors(fn, 'm', m);
  if (typeof factor !== 'number' || !Number.isFinite(factor)) {
    throw new TensorError('factor', `${fn}: factor must be a finite number, got ${String(factor)}`, { code: 'ERR_NOT_FINITE' });
  }
  const maxWeight = opts.maxWeight ?? Infinity;
  if (typeof maxWeight !== 'number' || Number.isNaN(maxWeight)) {
    throw new TensorError('maxWeight', `${fn}: maxWeight must be a number, got ${String(maxWeight)}`, { code: 'ERR_OUT_OF_RANGE' });
  }
  const r = checkedRows(fn, rows, m.nRows);
  const c = checkedCols(fn, cols, m.nCols);
  if (r.length === 0 || c.length === 0 || m.indices.shape[0] === 0) return;
  const backend = tf.engine().backendName ?? tf.getBackend();
  const config = CONFIGS[backend];
  if (config === undefined) {
    throw new TensorError(
      'backend',
      `${fn}: no in-place SparseRowsScale kernel on the ${backend} backend (cpu, wasm and webgpu have one)`,
      {
        code: 'ERR_UNSUPPORTED',
      },
    );
  }
  if (tf.getKernel(SparseRowsScale, backend) == null) tf.registerKernel(config);
  const attrs: SparseRowsScaleAttrs = { nCols: m.nCols, factor: Math.fround(factor), maxWeight: Math.fround(maxWeight) };
  const rowsT = tf.tensor1d(r, 'int32');
  const colsT = tf.tensor1d(c, 'int32');
  try {
    // the kernel returns m.data's own buffer under a second handle: drop that handle
    const same = tf
      .engine()
      .runKernel(
        SparseRowsScale,
        { indptr: m.indptr, indices: m.indices, values: m.data, rows: rowsT, cols: colsT },
        attrs as unknown as tf.NamedAttrMap,
      ) as tf.Tensor;
    same.dispose();
  } finally {
    rowsT.dispose();
    colsT.dispose();
  }
}

function checkedRows(fn: string, rows: ArrayLike<number>, nRows: number): Int32Array {
  if (rows == null || typeof rows !== 'object' || typeof rows.length !== 'number') {
    throw new TensorError('rows', `${fn}: rows must be an array of row indices`);
  }
  const out = new Int32Array(rows.length);
  const seen = new Set<number>();
  for (let t = 0; t < rows.length; t++) {
    const v = rows[t];
    if (!(v >>> 0 === v && v < nRows)) {
      throw new TensorError(`rows[${t}]`, `${fn}: rows[${t}] must be an integer in [0, ${nRows}), got ${String(v)}`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    }
    if (seen.has(v)) throw new TensorError(`rows[${t}]`, `${fn}: rows must be distinct; row ${v} appears twice`);
    seen.add(v);
    out[t] = v;
  }
  return out;
}

function checkedCols(fn: string, cols: ArrayLike<number>, nCols: number): Int32Array {
  if (cols == null || typeof cols !== 'object' || typeof cols.length !== 'number') {
    throw new TensorError('cols', `${fn}: cols must be an array of column indices`);
  }
  const out = new Int32Array(cols.length);
  for (let t = 0; t < cols.length; t++) {
    const v = cols[t];
    if (!(v >>> 0 === v && v < nCols)) {
      throw new TensorError(`cols[${t}]`, `${fn}: cols[${t}] must be an integer in [0, ${nCols}), got ${String(v)}`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    }
    if (t > 0 && v <= out[t - 1]) throw new TensorError(`cols[${t}]`, `${fn}: cols must be strictly ascending (cols[${t}] = ${v})`);
    out[t] = v;
  }
  return out;
}
