import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import { NeuronStep } from './kernel-names.js';
import type { NeuronReset, NeuronStepAttrs } from './kernel-names.js';
import { COEFFICIENTS, stripLeadingOnes } from './neuron-step-impl.js';
import type { CoefficientName } from './neuron-step-impl.js';

/**
 * Per-neuron coefficients of {@link neuronStep}: each a number, or a tensor
 * of size 1 or broadcastable to the neuron shape S (x is [B, ...S]).
 * Absent: aV = bV = 1, no cV / kV term, no current (aI), no threshold.
 */
export interface NeuronStepParams {
  /** Decay of v per step (e.g. 1 − dt/τ_mem). */
  aV?: tf.Tensor | number;
  /** Input gain on v (e.g. R·dt/τ_mem). */
  bV?: tf.Tensor | number;
  /** Gain of the current i on v (needs aI). */
  cV?: tf.Tensor | number;
  /** Constant drive per step (e.g. v_leak·dt/τ_mem). */
  kV?: tf.Tensor | number;
  /** Decay of the current i per step (e.g. 1 − dt/τ_syn); its presence adds the current state. */
  aI?: tf.Tensor | number;
  /** Input gain on i (default 1; needs aI). */
  bI?: tf.Tensor | number;
  /** Firing threshold; its presence makes the neuron spike and reset. */
  threshold?: tf.Tensor | number;
  /** Voltage after a spike for reset 'to_v_reset' (absent: 0). */
  vReset?: tf.Tensor | number;
  /** What a spike does to v (default 'to_v_reset'). */
  reset?: NeuronReset;
}

/** State of a neuron layer, [B, ...S] each; absent entries are zeros (the first step). */
export interface NeuronStepState {
  /** Membrane potential. */
  v?: tf.Tensor;
  /** Synaptic current (current-based layers). */
  i?: tf.Tensor;
}

/** One step's result, float32 [B, ...S] each, for the caller to dispose. */
export interface NeuronStepResult {
  /** z ∈ {0, 1} (only with a threshold). */
  spikes?: tf.Tensor;
  /** v after the reset (without a threshold: v'). */
  v: tf.Tensor;
  /** i' (only with aI). */
  i?: tf.Tensor;
}

/**
 * One time step of a layer of linear current-based neurons with threshold
 * and reset (I, IF, LI, LIF, CubaLI, CubaLIF in one form). x is the summed
 * input of the step, [B, ...S]; coefficients broadcast over the batch:
 *
 *   i'     = aI·i + bI·x                    (with aI)
 *   v'     = aV·v + bV·x + cV·i + kV
 *   z      = 1 if v' > threshold else 0     (with threshold)
 *   v_next = v' − z·threshold               (reset 'subtract')
 *            v' − z·v'                      (reset 'zero')
 *            v' + z·(vReset − v')           (reset 'to_v_reset'; absent vReset: as 'zero')
 *
 * Units are the caller's (the coefficients carry dt and the time constants).
 * On backends with the fused `NeuronStep` kernel (cpu, wasm) this is one pass
 * over the data; elsewhere (webgl, webgpu) the same equations as composed
 * tfjs ops. Both round every operation to float32 in the order written, so
 * cpu and wasm give bitwise the result of the composed ops. No gradient.
 * @throws TensorError naming the argument for a non-tensor x, a state or
 *   coefficient of the wrong shape, i/cV/bI without aI, vReset without threshold.
 */
export function neuronStep(x: tf.Tensor, state: NeuronStepState, params: NeuronStepParams): NeuronStepResult {
  const fn = 'neuronStep';
  if (!(x instanceof tf.Tensor)) throw new TensorError('x', `${fn}: x must be a tensor`);
  const reset = params.reset ?? 'to_v_reset';
  if (reset !== 'subtract' && reset !== 'zero' && reset !== 'to_v_reset') {
    throw new TensorError('reset', `${fn}: reset must be 'subtract', 'zero' or 'to_v_reset', got '${String(reset)}'`);
  }
  const current = params.aI !== undefined;
  if (!current) {
    for (const k of ['cV', 'bI'] as const) if (params[k] !== undefined) throw new TensorError(k, `${fn}: ${k} needs aI (a current state)`);
    if (state.i !== undefined) throw new TensorError('state.i', `${fn}: a current state i needs aI`);
  }
  if (params.threshold === undefined && params.vReset !== undefined) throw new TensorError('vReset', `${fn}: vReset needs threshold`);
  for (const [k, t] of [
    ['state.v', state.v],
    ['state.i', state.i],
  ] as const) {
    if (t === undefined) continue;
    if (!(t instanceof tf.Tensor)) throw new TensorError(k, `${fn}: ${k} must be a tensor`);
    if (!tf.util.arraysEqual(t.shape, x.shape))
      throw new TensorError(k, `${fn}: ${k} must have the shape of x [${x.shape.join(', ')}], got [${t.shape.join(', ')}]`);
  }
  const out = tf.tidy((): tf.TensorContainer => {
    const f32 = (t: tf.Tensor) => (t.dtype === 'float32' ? t : tf.cast(t, 'float32'));
    const xf = f32(x);
    const v = state.v === undefined ? tf.zerosLike(xf) : f32(state.v);
    const i = current ? (state.i === undefined ? tf.zerosLike(xf) : f32(state.i)) : undefined;
    const coef = coefficients(fn, x.shape, params);
    if (tf.getKernel(NeuronStep, tf.getBackend()) !== undefined) {
      const inputs: tf.NamedTensorMap = { x: xf, v };
      if (i !== undefined) inputs.i = i;
      for (const k of COEFFICIENTS) if (coef[k] !== undefined) inputs[k] = coef[k]!;
      const attrs: NeuronStepAttrs = { reset };
      const res = tf.engine().runKernel(NeuronStep, inputs, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
      const spiking = coef.threshold !== undefined;
      const r: NeuronStepResult = { v: res[spiking ? 1 : 0] };
      if (spiking) r.spikes = res[0];
      if (current) r.i = res[spiking ? 2 : 1];
      return r as unknown as tf.TensorContainer;
    }
    return composed(xf, v, i, coef, reset) as unknown as tf.TensorContainer;
  });
  return out as unknown as NeuronStepResult;
}

/** The same equations as separate tfjs ops (webgl, webgpu). */
function composed(
  x: tf.Tensor,
  v: tf.Tensor,
  i: tf.Tensor | undefined,
  c: Partial<Record<CoefficientName, tf.Tensor>>,
  reset: NeuronReset,
): NeuronStepResult {
  let nv = c.aV ? tf.mul(v, c.aV) : v;
  nv = tf.add(nv, c.bV ? tf.mul(x, c.bV) : x);
  if (c.cV && i) nv = tf.add(nv, tf.mul(i, c.cV));
  if (c.kV) nv = tf.add(nv, c.kV);
  const r: NeuronStepResult = { v: nv };
  if (c.threshold) {
    const th = c.threshold;
    // z = [nv > th] as step(nv - th): the same for finite values (the difference of two distinct floats is
    // never 0), and it avoids a bool -> float32 cast, which tfjs-backend-webgpu 4.22 reads back wrongly
    // once a transpose or reduction consumes the spikes.
    const z = tf.step(tf.sub(nv, th));
    if (reset === 'subtract') r.v = tf.sub(nv, tf.mul(z, th));
    else if (reset === 'to_v_reset' && c.vReset) r.v = tf.add(nv, tf.mul(z, tf.sub(c.vReset, nv)));
    else r.v = tf.sub(nv, tf.mul(z, nv));
    r.spikes = z;
  }
  if (i && c.aI) r.i = tf.add(tf.mul(i, c.aI), c.bI ? tf.mul(x, c.bI) : x);
  return r;
}

/**
 * The coefficients as float32 tensors of size 1 or of one trailing shape of
 * x (what the kernel takes): numbers become scalars, others are broadcast.
 */
function coefficients(fn: string, xShape: number[], params: NeuronStepParams): Partial<Record<CoefficientName, tf.Tensor>> {
  const out: Partial<Record<CoefficientName, tf.Tensor>> = {};
  let target: number[] = [];
  const stripped: Partial<Record<CoefficientName, number[]>> = {};
  for (const k of COEFFICIENTS) {
    const p = params[k];
    if (p === undefined) continue;
    let t: tf.Tensor;
    if (typeof p === 'number') t = tf.scalar(p, 'float32');
    else if (p instanceof tf.Tensor) t = p.dtype === 'float32' ? p : tf.cast(p, 'float32');
    else throw new TensorError(k, `${fn}: ${k} must be a number or a tensor`);
    const s = stripLeadingOnes(t.shape);
    const ok = s.length <= xShape.length && s.every((d, j) => d === 1 || d === xShape[xShape.length - s.length + j]);
    if (!ok) throw new TensorError(k, `${fn}: ${k} [${t.shape.join(', ')}] does not broadcast to the shape of x [${xShape.join(', ')}]`);
    out[k] = t;
    if (t.size !== 1) {
      stripped[k] = s;
      if (s.length > target.length) target = xShape.slice(xShape.length - s.length);
    }
  }
  for (const k of COEFFICIENTS) {
    const s = stripped[k];
    if (s === undefined || tf.util.arraysEqual(s, target)) continue;
    out[k] = tf.broadcastTo(tf.reshape(out[k]!, s), target);
  }
  return out;
}
