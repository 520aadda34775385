import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { NeuronStep } from '../../neuron/kernel-names.js';
import type { NeuronStepAttrs, NeuronStepInputs } from '../../neuron/kernel-names.js';
import { checkNeuronStepInputs, COEFFICIENTS, expandCoefficient, neuronStepImpl } from '../../neuron/neuron-step-impl.js';
import type { CheckedNeuronStep, CoefficientName } from '../../neuron/neuron-step-impl.js';
import {
  FLAG_AV,
  FLAG_BI,
  FLAG_BV,
  FLAG_CURRENT,
  FLAG_CV,
  FLAG_KV,
  FLAG_SPIKING,
  FLAG_SUBTRACT,
  FLAG_TO_V_RESET,
  neuronStepSimd,
} from './neuron-step-simd.js';
import type { NeuronStepSimd } from './neuron-step-simd.js';
import { heapOffset, sizeOf } from './wasm-heap.js';

const FLAG_OF: Record<CoefficientName, number> = {
  aV: FLAG_AV,
  bV: FLAG_BV,
  cV: FLAG_CV,
  kV: FLAG_KV,
  aI: FLAG_CURRENT,
  bI: FLAG_BI,
  threshold: FLAG_SPIKING,
  vReset: FLAG_TO_V_RESET,
};

/**
 * wasm: the NeuronStep equations on the tensors where they lie in the wasm
 * heap (no copies). When the data holds whole blocks of coefficients tiled to
 * a multiple of four neurons (n neurons per batch entry: any batch when 4 | n,
 * an even batch when n is even, a batch of 4k otherwise), a WebAssembly SIMD loop
 * that imports the backend's memory does the work (see neuron-step-simd.ts);
 * otherwise, or without SIMD, the shared JS loop runs on heap views. Every
 * output and scratch buffer is allocated before any view is taken: a malloc
 * may grow the heap and detach earlier views.
 */
export function neuronStepWasm(args: { inputs: NeuronStepInputs; backend: BackendWasm; attrs: NeuronStepAttrs }): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const c = checkNeuronStepInputs(inputs, attrs);
  const shape = c.x.shape.slice();
  const outs: TensorInfo[] = [];
  if (c.spiking) outs.push(backend.makeOutput(shape, 'float32'));
  outs.push(backend.makeOutput(shape, 'float32'));
  if (c.current) outs.push(backend.makeOutput(shape, 'float32'));
  // The SIMD loop takes four neurons at a time: coefficients are tiled to a
  // block that is a multiple of four when the data holds whole such blocks.
  const block = c.block * (4 / gcd(c.block, 4));
  const simd = c.size > 0 && c.size % block === 0 ? neuronStepSimd(backend, flagsOf(c)) : null;
  try {
    if (simd !== null) runSimd(simd, backend, c, outs, block);
    else runJs(backend, c, outs);
  } catch (e) {
    for (const o of outs) backend.disposeData(o.dataId);
    throw e;
  }
  return outs;
}

/** The FLAG_* bits of the terms present (and the reset) in this call. */
function flagsOf(c: CheckedNeuronStep): number {
  let flags = 0;
  for (const k of COEFFICIENTS) if (c.coef[k] !== null) flags |= FLAG_OF[k];
  if (c.spiking && c.reset === 'subtract') flags |= FLAG_SUBTRACT;
  if (!(c.spiking && c.reset === 'to_v_reset')) flags &= ~FLAG_TO_V_RESET;
  return flags;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function runSimd(simd: NeuronStepSimd, backend: BackendWasm, c: CheckedNeuronStep, outs: TensorInfo[], block: number): void {
  // Coefficients smaller than the block (size 1, or c.block when the block is a
  // multiple of it) are tiled over one block in scratch heap memory.
  const scratch: { info: TensorInfo; from: TensorInfo }[] = [];
  const ptr: Record<CoefficientName, number> = { aV: 0, bV: 0, cV: 0, kV: 0, aI: 0, bI: 0, threshold: 0, vReset: 0 };
  for (const k of COEFFICIENTS) {
    const t = c.coef[k];
    if (t === null) continue;
    if (sizeOf(t.shape) === block) ptr[k] = heapOffset(backend, t);
    else {
      const info = backend.makeOutput([block], 'float32');
      scratch.push({ info, from: t });
      ptr[k] = heapOffset(backend, info);
    }
  }
  try {
    for (const s of scratch) {
      const to = backend.typedArrayFromHeap(s.info) as Float32Array;
      const from = backend.typedArrayFromHeap(s.from) as Float32Array;
      if (from.length === 1) to.fill(from[0]);
      else for (let o = 0; o < block; o += from.length) to.set(from, o);
    }
    let k = 0;
    const z = c.spiking ? heapOffset(backend, outs[k++]) : 0;
    const vOut = heapOffset(backend, outs[k++]);
    const iOut = c.current ? heapOffset(backend, outs[k++]) : 0;
    simd(
      heapOffset(backend, c.x),
      heapOffset(backend, c.v),
      c.i === null ? 0 : heapOffset(backend, c.i),
      z,
      vOut,
      iOut,
      ptr.aV,
      ptr.bV,
      ptr.cV,
      ptr.kV,
      ptr.aI,
      ptr.bI,
      ptr.threshold,
      ptr.vReset,
      c.size * 4,
      block * 4,
    );
  } finally {
    for (const s of scratch) backend.disposeData(s.info.dataId);
  }
}

function runJs(backend: BackendWasm, c: CheckedNeuronStep, outs: TensorInfo[]): void {
  const view = (t: TensorInfo | null) => (t === null ? null : (backend.typedArrayFromHeap(t) as Float32Array));
  const coef = (t: TensorInfo | null) => expandCoefficient(view(t), c.block);
  const z = c.spiking ? view(outs[0]) : null;
  const vOut = view(outs[c.spiking ? 1 : 0])!;
  const iOut = c.current ? view(outs[c.spiking ? 2 : 1]) : null;
  neuronStepImpl(
    {
      x: view(c.x)!,
      v: view(c.v)!,
      i: view(c.i),
      aV: coef(c.coef.aV),
      bV: coef(c.coef.bV),
      cV: coef(c.coef.cV),
      kV: coef(c.coef.kV),
      aI: coef(c.coef.aI),
      bI: coef(c.coef.bI),
      threshold: coef(c.coef.threshold),
      vReset: coef(c.coef.vReset),
      z,
      vOut,
      iOut,
    },
    c.size,
    c.block,
    c.reset,
  );
}

export const neuronStepWasmConfig: KernelConfig = {
  kernelName: NeuronStep,
  backendName: 'wasm',
  kernelFunc: neuronStepWasm as unknown as KernelFunc,
};
