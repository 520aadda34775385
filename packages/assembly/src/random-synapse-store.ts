import { randomCSR, type Rng } from '@neurite/tensor';
import { SynapseStore } from './synapse-store.js';

/** Pool slots a random store of rows × cols Bernoulli(p) synapses starts with (expected synapses + 30% + 4 per row). */
export function randomStoreCapacity(rows: number, cols: number, p: number): { rowCapacity: number; poolCapacity: number } {
  return { rowCapacity: Math.max(16, rows), poolCapacity: Math.max(256, Math.ceil(rows * cols * p * 1.3) + rows * 4) };
}

/** A store of `rows` × `cols` Bernoulli(p) synapses of weight 1 (@neurite/tensor's randomCSR, pattern only). */
export function randomSynapseStore(rows: number, cols: number, p: number, rng: Rng): SynapseStore {
  const { rowCapacity, poolCapacity } = randomStoreCapacity(rows, cols, p);
  const store = new SynapseStore(rowCapacity, poolCapacity);
  if (rows === 0) return store;
  if (cols === 0 || p === 0) {
    for (let r = 0; r < rows; r++) store.addRow();
    return store;
  }
  const csr = randomCSR(rows, cols, p, rng, { pattern: true });
  for (let r = 0; r < rows; r++) store.addRow(csr.indices, 1, csr.indptr[r], csr.indptr[r + 1]);
  return store;
}
