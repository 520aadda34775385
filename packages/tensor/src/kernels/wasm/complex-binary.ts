import { backend_util } from '@tensorflow/tfjs-core';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { f32View, sizeOf, type WasmBackend } from './wasm-heap.js';

/** (ar, ai, br, bi) -> writes re, im into out[0], out[1]. */
export type ComplexOp = (ar: number, ai: number, br: number, bi: number, out: Float64Array) => void;

function alignedStrides(inShape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let s = 1;
  for (let j = inShape.length - 1; j >= 0; j--) {
    const i = j + rank - inShape.length;
    strides[i] = inShape[j] === 1 ? 0 : s;
    s *= inShape[j];
  }
  return strides;
}

const tmp = new Float64Array(2);

/**
 * Elementwise complex binary op with numpy broadcasting on wasm; either input
 * may be complex64 (interleaved) or real (imaginary part 0). Output complex64.
 */
function complexBinaryWasm(backend: WasmBackend, a: TensorInfo, b: TensorInfo, op: ComplexOp): TensorInfo {
  const outShape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
  const out = backend.makeOutput(outShape, 'complex64');
  const size = sizeOf(outShape);
  if (size === 0) return out;
  const aC = a.dtype === 'complex64';
  const bC = b.dtype === 'complex64';
  const av = aC ? f32View(backend, a) : backend.typedArrayFromHeap(a);
  const bv = bC ? f32View(backend, b) : backend.typedArrayFromHeap(b);
  const o = f32View(backend, out);
  const rank = outShape.length;
  const sa = alignedStrides(a.shape, outShape);
  const sb = alignedStrides(b.shape, outShape);
  const idx = new Array<number>(rank).fill(0);
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < size; k++) {
    const ar = aC ? av[2 * ia] : av[ia];
    const ai = aC ? av[2 * ia + 1] : 0;
    const br = bC ? bv[2 * ib] : bv[ib];
    const bi = bC ? bv[2 * ib + 1] : 0;
    op(ar, ai, br, bi, tmp);
    o[2 * k] = tmp[0];
    o[2 * k + 1] = tmp[1];
    // odometer over the output index
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      ia += sa[d];
      ib += sb[d];
      if (idx[d] < outShape[d]) break;
      ia -= sa[d] * outShape[d];
      ib -= sb[d] * outShape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** Wrap a binary wasm kernel so complex64 inputs take the complex path. @internal */
export function withComplexBinary(op: ComplexOp): (original: KernelFunc) => KernelFunc {
  return (original) => (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    if (a.dtype !== 'complex64' && b.dtype !== 'complex64') return original(args);
    return complexBinaryWasm(args.backend as WasmBackend, a, b, op);
  };
}
