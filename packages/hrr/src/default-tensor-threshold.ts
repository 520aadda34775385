import { tf } from '@neurite/tensor';

/**
 * The batch size from which `Vsa.bind`/`unbind` switch from the typed-array CPU path to the
 * tensor path on the active backend (see `neurite-bench hrr`, cases "bind batch" and
 * "bind batch tensor"):
 * - `cpu` and `wasm`: Infinity. On these backends tf.spectral runs the same O(D log D) work
 *   on the same cores as the CPU path plus tensor allocation, upload and download; the bench
 *   measured the CPU path faster at every batch size from 1 to 1000 (D = 1024).
 * - `webgl` and `webgpu`: 64. On a GPU the per-call cost (upload, dispatch, download)
 *   dominates below a few dozen rows; above it the GPU's parallel FFT wins. This value is a
 *   default not measured on these machines (they have no GPU); override it with
 *   `createVsa({ tensorThreshold })`.
 */
export function defaultTensorThreshold(backend: string = tf.getBackend()): number {
  return backend === 'webgl' || backend === 'webgpu' ? 64 : Infinity;
}
