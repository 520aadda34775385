import { TensorError } from '../tensor-error.js';
import { checkFinite } from '../tensor-validators.js';
import type { CSR } from './csr.js';
import { checkCSR, checkRowList } from './csr.js';
import { addCsrRows } from './gather-rows-sum.js';

/**
 * Event-driven spike propagation through a synapse matrix `m` (rows =
 * presynaptic sources, columns = postsynaptic targets, values = weights):
 *
 *   target[j] += scale * sum_{s in spiking} m[s, j]
 *
 * Only the rows of the sources that spiked are read: cost O(sum of their nnz).
 * `target` (length nCols) is updated in place and returned. `scale` is
 * typically the weight unit or dt-scaled gain (dimensionless here).
 * @throws TensorError when a spiking index is not in [0, nRows), `target` is
 *   not a Float32Array of length nCols, or `scale` is not finite.
 */
export function propagateSpikes(m: CSR, spiking: ArrayLike<number>, target: Float32Array, scale = 1): Float32Array {
  const fn = 'propagateSpikes';
  checkCSR(fn, 'm', m);
  checkRowList(fn, 'spiking', spiking);
  if (!(target instanceof Float32Array) || target.length !== m.nCols) {
    throw new TensorError('target', `${fn}: target must be a Float32Array of length nCols = ${m.nCols}`);
  }
  checkFinite(fn, 'scale', scale);
  addCsrRows(fn, 'spiking', m, spiking, target, scale);
  return target;
}
