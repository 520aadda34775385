/**
 * @internal Input checks shared by the NeuronStep kernels of every backend,
 * and the typed-array loop shared by the cpu and wasm kernels.
 */
import { util, type TensorInfo } from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import { NeuronStep } from './kernel-names.js';
import type { NeuronReset, NeuronStepAttrs, NeuronStepInputs } from './kernel-names.js';

/** Names of the per-neuron coefficient inputs, in a fixed order. */
export const COEFFICIENTS = ['aV', 'bV', 'cV', 'kV', 'aI', 'bI', 'threshold', 'vReset'] as const;
export type CoefficientName = (typeof COEFFICIENTS)[number];

/** The checked inputs of NeuronStep. */
export interface CheckedNeuronStep {
  x: TensorInfo;
  v: TensorInfo;
  i: TensorInfo | null;
  coef: Record<CoefficientName, TensorInfo | null>;
  reset: NeuronReset;
  /** Elements of x; neurons per batch entry (the block the coefficients repeat over). */
  size: number;
  block: number;
  spiking: boolean;
  current: boolean;
}

const RESETS: readonly string[] = ['subtract', 'zero', 'to_v_reset'];

/** Shape without leading ones. */
export function stripLeadingOnes(shape: readonly number[]): number[] {
  let k = 0;
  while (k < shape.length && shape[k] === 1) k++;
  return shape.slice(k);
}

/**
 * Check the inputs and attrs of NeuronStep: x, v (and i) float32 of one shape;
 * every coefficient float32 of size 1 or of shape S = the trailing dims of x
 * (leading ones allowed), all non-scalar coefficients of the same size.
 */
export function checkNeuronStepInputs(inputs: NeuronStepInputs, attrs: NeuronStepAttrs): CheckedNeuronStep {
  const x = expectFloat('x', inputs.x);
  const v = expectFloat('v', inputs.v);
  if (!util.arraysEqual(v.shape, x.shape))
    throw new TensorError('v', `${NeuronStep}: v must have the shape of x [${x.shape.join(', ')}], got [${v.shape.join(', ')}]`);
  const reset = attrs?.reset;
  if (!RESETS.includes(reset))
    throw new TensorError('reset', `${NeuronStep}: attr reset must be 'subtract', 'zero' or 'to_v_reset', got '${String(reset)}'`);
  const coef = {} as Record<CoefficientName, TensorInfo | null>;
  const size = util.sizeFromShape(x.shape);
  let block = 1;
  let blockShape: number[] = [];
  for (const name of COEFFICIENTS) {
    const c = inputs[name];
    if (c == null) {
      coef[name] = null;
      continue;
    }
    expectFloat(name, c);
    const s = stripLeadingOnes(c.shape);
    const n = util.sizeFromShape(s);
    if (n !== 1) {
      const trailing = x.shape.slice(x.shape.length - s.length);
      if (s.length > x.shape.length || !util.arraysEqual(s, trailing)) {
        throw new TensorError(
          name,
          `${NeuronStep}: ${name} must have size 1 or the trailing shape of x [${x.shape.join(', ')}], got [${c.shape.join(', ')}]`,
        );
      }
      if (block !== 1 && n !== block) {
        throw new TensorError(
          name,
          `${NeuronStep}: ${name} [${c.shape.join(', ')}] must have the size of the other coefficients [${blockShape.join(', ')}] or size 1`,
        );
      }
      block = n;
      blockShape = s;
    }
    coef[name] = c;
  }
  const current = coef.aI !== null;
  const i = inputs.i == null ? null : expectFloat('i', inputs.i);
  if (current && i === null) throw new TensorError('i', `${NeuronStep}: input i (the current) is needed with aI`);
  if (!current) {
    for (const name of ['i', 'bI', 'cV'] as const) {
      if (inputs[name] != null) throw new TensorError(name, `${NeuronStep}: ${name} is only allowed with aI (a current state)`);
    }
  }
  if (i !== null && !util.arraysEqual(i.shape, x.shape))
    throw new TensorError('i', `${NeuronStep}: i must have the shape of x [${x.shape.join(', ')}], got [${i.shape.join(', ')}]`);
  const spiking = coef.threshold !== null;
  if (!spiking && coef.vReset !== null) throw new TensorError('vReset', `${NeuronStep}: vReset is only allowed with threshold`);
  if (size === 0) block = 1;
  return { x, v, i, coef, reset: reset as NeuronReset, size, block, spiking, current };
}

function expectFloat(name: string, t: TensorInfo | undefined): TensorInfo {
  if (t == null) throw new TensorError(name, `${NeuronStep}: input ${name} is missing`);
  if (t.dtype !== 'float32') throw new TensorError(name, `${NeuronStep}: ${name} must be float32, got ${t.dtype}`);
  return t;
}

/** Coefficient values repeated to one block of `block` neurons (size-1 coefficients filled). */
export function expandCoefficient(values: Float32Array | null, block: number): Float32Array | null {
  if (values === null) return null;
  if (values.length === block) return values;
  return new Float32Array(block).fill(values[0]);
}

/** Typed arrays of one NeuronStep call (coefficients already expanded to one block). */
export interface NeuronStepArrays {
  x: Float32Array;
  v: Float32Array;
  i: Float32Array | null;
  aV: Float32Array | null;
  bV: Float32Array | null;
  cV: Float32Array | null;
  kV: Float32Array | null;
  aI: Float32Array | null;
  bI: Float32Array | null;
  threshold: Float32Array | null;
  vReset: Float32Array | null;
  /** Outputs: spikes (with a threshold), v_next, i' (with aI). */
  z: Float32Array | null;
  vOut: Float32Array;
  iOut: Float32Array | null;
}

const f = Math.fround;

/**
 * The loop of NeuronStep (equations: see the kernel name's doc): every
 * operation rounded to float32 in the order of the composed tfjs ops.
 * `size` elements, coefficients repeating every `block` elements.
 */
export function neuronStepImpl(a: NeuronStepArrays, size: number, block: number, reset: NeuronReset): void {
  const { x, v, i, aV, bV, cV, kV, aI, bI, threshold, vReset, z, vOut, iOut } = a;
  if (i !== null && aI !== null && iOut !== null) {
    for (let o = 0; o < size; o += block) {
      for (let j = 0, k = o; j < block; j++, k++) {
        const xk = x[k];
        iOut[k] = f(f(i[k] * aI[j]) + (bI === null ? xk : f(xk * bI[j])));
      }
    }
  }
  // v' = aV·v + bV·x + cV·i + kV, then the reset; the common cases get their own loops.
  if (
    cV === null &&
    kV === null &&
    aV !== null &&
    threshold !== null &&
    z !== null &&
    reset !== 'subtract' &&
    (reset === 'zero' || vReset === null)
  ) {
    // LIF/IF with a reset to zero (Norse's default)
    for (let o = 0; o < size; o += block) {
      for (let j = 0, k = o; j < block; j++, k++) {
        const nv = f(f(v[k] * aV[j]) + (bV === null ? x[k] : f(x[k] * bV[j])));
        const s = nv > threshold[j] ? 1 : 0;
        z[k] = s;
        vOut[k] = f(nv - s * nv);
      }
    }
    return;
  }
  if (cV === null && kV === null && aV !== null && threshold !== null && z !== null && reset === 'subtract') {
    for (let o = 0; o < size; o += block) {
      for (let j = 0, k = o; j < block; j++, k++) {
        const nv = f(f(v[k] * aV[j]) + (bV === null ? x[k] : f(x[k] * bV[j])));
        const th = threshold[j];
        const s = nv > th ? 1 : 0;
        z[k] = s;
        vOut[k] = f(nv - s * th);
      }
    }
    return;
  }
  for (let o = 0; o < size; o += block) {
    for (let j = 0, k = o; j < block; j++, k++) {
      let nv = aV === null ? v[k] : f(v[k] * aV[j]);
      nv = f(nv + (bV === null ? x[k] : f(x[k] * bV[j])));
      if (cV !== null) nv = f(nv + f(i![k] * cV[j]));
      if (kV !== null) nv = f(nv + kV[j]);
      if (threshold === null) {
        vOut[k] = nv;
        continue;
      }
      const th = threshold[j];
      const s = nv > th ? 1 : 0;
      z![k] = s;
      if (reset === 'subtract') vOut[k] = f(nv - s * th);
      else if (reset === 'to_v_reset' && vReset !== null) vOut[k] = f(nv + s * f(vReset[j] - nv));
      else vOut[k] = f(nv - s * nv);
    }
  }
}
