import { tf } from '@neurite/tensor';

/**
 * The batch size from which `Vsa.bind`/`unbind` switch from the typed-array CPU path to the
 * tensor path on the active backend (see `neurite-bench hrr`, cases "bind batch" and
 * "bind batch tensor"):
 * - `cpu` and `wasm`: Infinity. On these backends tf.spectral runs the same O(D log D) work
 *   on the same cores as the CPU path plus complex-tensor allocation, upload and download; the
 *   bench (wasm, D = 1024, 2-core machine under load) measured the tensor path 36×, 10×, 9.7×
 *   and 11× slower than the CPU path at batch 1, 10, 100 and 1000 (CPU path ≈ 14–15 µs per row
 *   at every batch size), so there is no crossover to switch at. (On the tfjs `cpu` backend the
 *   tensor ops themselves run the CPU path, see `bindTensor`.)
 * - `webgl` and `webgpu`: 64. On a GPU the per-call cost (upload, dispatch, download)
 *   dominates below a few dozen rows; above it the GPU's parallel FFT wins. This value is a
 *   default not measured on these machines (they have no GPU); override it with
 *   `createVsa({ tensorThreshold })`.
 */
export function defaultTensorThreshold(backend: string = tf.getBackend()): number {
  return backend === 'webgl' || backend === 'webgpu' ? 64 : Infinity;
}
