import * as tf from '@tensorflow/tfjs-core';
import { overrideWasmKernel } from './override-wasm-kernel.js';
import { sizeOf } from './wasm-heap.js';

/*
 * Matrix products on wasm: tfjs-backend-wasm 4.22 sends BatchMatMul and
 * _FusedMatMul to XNNPACK (SIMD, ~25-30 GFLOP/s for 512x512 here) only when
 * transposeA = transposeB = false and both batch sizes are 1. Every other call
 * (a transposed operand, as in every matMul gradient, or a batch > 1) runs a
 * scalar blocked loop at ~1-2 GFLOP/s, and that loop is also wrong for
 * _FusedMatMul: it adds the bias once per 48-wide block of the shared
 * dimension, indexes a 1-D bias by (row * cols + col) instead of col, and clamps
 * (relu, relu6) partial sums. We wrap both kernels so those calls reach XNNPACK:
 * transposed operands are materialised with the wasm Transpose kernel (O(size)
 * copy); a batch of `a` against one `b` is folded into the rows of a single
 * product; other batches run one XNNPACK product per batch entry.
 */
interface WasmTensorInfo {
  dataId: object;
  shape: number[];
  dtype: string;
}
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): WasmTensorInfo;
  typedArrayFromHeap(t: WasmTensorInfo): Float32Array;
  disposeData(dataId: object): boolean;
}
type KernelArgs = {
  inputs: Record<string, WasmTensorInfo | undefined>;
  backend: WasmBackendLike;
  attrs: Record<string, unknown>;
};
type WasmKernelFunc = (args: KernelArgs) => WasmTensorInfo;

/** Below this many multiply-adds per product the stock BatchMatMul is fast enough. */
const FAST_PATH_MIN_MACS = 4096;
/** Fewest rows of a for which transposing and repacking b beats the stock scalar loop (measured: ~16). */
const MIN_ROWS_TO_REPACK = 16;

/** Wrap the wasm kernel `kernelName` (BatchMatMul or _FusedMatMul) so that every float32 product reaches XNNPACK. */
export function fastWasmMatMul(kernelName: string): void {
  if (tf.getKernel(kernelName, 'wasm') == null) return;
  overrideWasmKernel(kernelName, (original) => {
    const stock = original as unknown as WasmKernelFunc;
    const transposeKernel = tf.getKernel(tf.Transpose, 'wasm')!.kernelFunc as unknown as WasmKernelFunc;

    const fast: WasmKernelFunc = (args) => {
      const { inputs, backend, attrs } = args;
      const a = inputs.a!;
      const b = inputs.b!;
      const transposeA = Boolean(attrs.transposeA);
      const transposeB = Boolean(attrs.transposeB);
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return stock(args);
      const ra = a.shape.length;
      const rb = b.shape.length;
      const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
      const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
      const kb = transposeB ? b.shape[rb - 1] : b.shape[rb - 2];
      const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
      const outerA = a.shape.slice(0, -2);
      const outerB = b.shape.slice(0, -2);
      const batchA = sizeOf(outerA);
      const batchB = sizeOf(outerB);
      // Let the stock kernel report shape errors and handle what it already does well.
      if (k !== kb) return stock(args);
      // Small plain products are right on the stock path; fused ones (bias, activation) never are.
      if (m * n * k < FAST_PATH_MIN_MACS && kernelName === tf.BatchMatMul) return stock(args);
      if (!transposeA && !transposeB && batchA === 1 && batchB === 1) return stock(args);
      // XNNPACK packs b on every call unless b is the very tensor it saw last time. When b is a
      // temporary (transposed, or one batch entry) packing costs about as much as the scalar
      // product of a few rows, so few-row BatchMatMuls (matrix-vector work) stay on the stock path.
      // A single b (batchB = 1) folds the batch of a into rows: the output batch is then a's.
      const folds = batchB === 1;
      const rows = folds ? batchA * m : m;
      if (kernelName === tf.BatchMatMul && (transposeB || !folds) && rows < MIN_ROWS_TO_REPACK) return stock(args);
      const outOuter = tf.broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
      const batch = sizeOf(outOuter);
      // Flattened batch indexing works when one side is a single matrix or both have the same batch shape.
      const sameOuter = outerA.length === outerB.length && outerA.every((d, i) => d === outerB[i]);
      if (!(batchB === 1 || batchA === 1 || sameOuter)) return stock(args);
      const prelu = inputs.preluActivationWeights;
      if (prelu != null && (m * n) % sizeOf(prelu.shape) !== 0) return stock(args);

      const temps: WasmTensorInfo[] = [];
      const swapLast = (x: WasmTensorInfo): WasmTensorInfo => {
        const r = x.shape.length;
        const perm = x.shape.map((_, i) => (i === r - 2 ? r - 1 : i === r - 1 ? r - 2 : i));
        const y = transposeKernel({ inputs: { x }, backend, attrs: { perm } });
        temps.push(y);
        return y;
      };
      try {
        const a2 = transposeA ? swapLast(a) : a; // [...outerA, m, k]
        const b2 = transposeB ? swapLast(b) : b; // [...outerB, k, n]
        const plain = { ...attrs, transposeA: false, transposeB: false };
        const outShape = [...outOuter, m, n];
        if (folds) {
          // One weight matrix: fold the batch of a into rows, a single XNNPACK product.
          const out = stock({
            inputs: { ...inputs, a: { ...a2, shape: [1, batchA * m, k] }, b: { ...b2, shape: [1, k, n] } },
            backend,
            attrs: plain,
          });
          out.shape = outShape;
          return out;
        }
        // One XNNPACK product per batch entry, copied into the output.
        const out = backend.makeOutput(outShape, 'float32');
        for (let i = 0; i < batch; i++) {
          const ai = backend.makeOutput([1, m, k], 'float32');
          const bi = backend.makeOutput([1, k, n], 'float32');
          const ia = batchA === 1 ? 0 : i;
          const ib = batchB === 1 ? 0 : i;
          // Views are taken after every allocation: the wasm heap may have grown.
          backend.typedArrayFromHeap(ai).set(backend.typedArrayFromHeap(a2).subarray(ia * m * k, (ia + 1) * m * k));
          backend.typedArrayFromHeap(bi).set(backend.typedArrayFromHeap(b2).subarray(ib * k * n, (ib + 1) * k * n));
          const ci = stock({ inputs: { ...inputs, a: ai, b: bi }, backend, attrs: plain });
          backend.typedArrayFromHeap(out).set(backend.typedArrayFromHeap({ ...ci, shape: [m * n] }), i * m * n);
          backend.disposeData(ai.dataId);
          backend.disposeData(bi.dataId);
          backend.disposeData(ci.dataId);
        }
        return out;
      } finally {
        for (const t of temps) backend.disposeData(t.dataId);
      }
    };
    return fast as unknown as tf.KernelFunc;
  });
}
