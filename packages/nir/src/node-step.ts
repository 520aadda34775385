import { neuronStep, tf } from '@neurite/tensor';
import type { NeuronStepParams, Tensor } from '@neurite/tensor';
import type { NirArray, NirNode } from './types.js';
import { NirError } from './nir-error.js';
import { flattenShape } from './check-graph.js';
import { spatial } from './spatial.js';
import { neuronCoefficients } from './neuron-coefficients.js';
import type { Integration } from './neuron-coefficients.js';
import type { ResetMode } from './compile.js';

/** One step of one node: (summed input, state) -> (output, new state), inside the step's tf.tidy. */
export type StepFn = (x: Tensor, state: Tensor[]) => [Tensor, Tensor[]];

/** A node's step and the names of its recordable states (e.g. ['v'] or ['v', 'i']). */
export interface NodeStep {
  fn: StepFn;
  stateNames: string[];
}

/** What the steps need from the simulator: the options, and a kept float32 constant it disposes. */
export interface StepContext {
  dt: number;
  integration: Integration;
  reset: ResetMode;
  /** 'immediate': reset right after the spike; 'next-step': in the next step's update (snnTorch's reset_delay). */
  resetTiming: 'immediate' | 'next-step';
  constant(data: ArrayLike<number>, shape: number[]): Tensor;
}

/**
 * The step of one leaf node of an inlined graph (a NIRGraph throws).
 * Parameters become constant tensors once, here; the returned closure only
 * runs ops. Neuron equations: see {@link neuronCoefficients}.
 */
export function nodeStep(name: string, n: NirNode, ctx: StepContext): NodeStep {
  const dt = ctx.dt;
  const c = (a: NirArray) => ctx.constant(a.data, a.shape);
  const allEq = (a: ArrayLike<number>, v: number) => {
    for (let j = 0; j < a.length; j++) if (a[j] !== v) return false;
    return true;
  };
  switch (n.type) {
    // The caller's tensor itself (no copy); stepAll clones it where it would outlive the step (state, back edge).
    case 'Input':
      return { fn: (x, s) => [x, s], stateNames: [] };
    case 'Output':
      return { fn: (x, s) => [x, s], stateNames: [] };
    case 'Affine':
    case 'Linear': {
      const wt = ctx.constant(transpose2d(n.weight), [n.weight.shape[1], n.weight.shape[0]]);
      const b = n.type === 'Affine' && !allEq(n.bias.data, 0) ? c(n.bias) : null;
      return { fn: (x, s) => [b ? tf.add(tf.matMul(x, wt), b) : tf.matMul(x, wt), s], stateNames: [] };
    }
    case 'Scale': {
      const s_ = c(n.scale);
      return { fn: (x, s) => [tf.mul(x, s_), s], stateNames: [] };
    }
    // z = H(x − θ) as tf.step(x − θ) (1 where x > θ: exact for finite floats), not cast(greater(x, θ)): on tfjs 4.22's
    // webgpu backend a bool→float32 cast read by a later transpose or reduction gives wrong values.
    case 'Threshold': {
      const th = c(n.threshold);
      return { fn: (x, s) => [tf.step(tf.sub(x, th)), s], stateNames: [] };
    }
    case 'Flatten':
      return {
        fn: (x, s) => [tf.reshape(x, [x.shape[0], ...flattenShape(x.shape.slice(1), n.start_dim, n.end_dim)]), s],
        stateNames: [],
      };
    case 'Delay':
      return { fn: delayStep(name, n.delay, ctx), stateNames: [] };
    case 'Conv1d':
    case 'Conv2d':
      return { fn: convStep(name, n, ctx), stateNames: [] };
    case 'SumPool2d':
    case 'AvgPool2d':
      return { fn: poolStep(n), stateNames: [] };
    case 'I':
    case 'IF':
    case 'LI':
    case 'LIF':
    case 'CubaLI':
    case 'CubaLIF': {
      const co = neuronCoefficients(n, dt, ctx.integration);
      for (const [k, arr] of Object.entries(co)) {
        if (arr instanceof Float64Array)
          for (const v of arr)
            if (!Number.isFinite(v))
              throw new NirError(`parameters give a non-finite coefficient ${k} at dt=${dt} (time constants must be > 0)`, {
                node: name,
                code: 'ERR_NOT_FINITE',
              });
      }
      const t = (a: Float64Array) => ctx.constant(a, co.shape);
      // A coefficient equal to neuronStep's default everywhere (1 for a gain, 0 for kV) is left out.
      const unless = (a: Float64Array | undefined, dflt: number) => (a === undefined || allEq(a, dflt) ? undefined : t(a));
      const cur = co.aI !== undefined;
      const spiking = n.type === 'IF' || n.type === 'LIF' || n.type === 'CubaLIF';
      // One fused update per step (neuronStep: the NeuronStep kernel on cpu/wasm, composed ops elsewhere):
      //   i' = aI·i + bI·x;  v' = aV·v + bV·x + cV·i + kV;  z = v' > v_threshold;  v = reset(v', z).
      // bV = 0 (CubaLI(F) with euler: x enters through i only) is kept as a zero tensor: v' + 0·x = v'.
      const params: NeuronStepParams = {
        aV: unless(co.aV, 1),
        bV: unless(co.bV, 1),
        kV: unless(co.kV, 0),
        cV: cur ? t(co.cV!) : undefined,
        aI: cur ? t(co.aI!) : undefined,
        bI: unless(co.bI, 1),
        threshold: spiking ? c(n.v_threshold) : undefined,
        vReset: spiking && ctx.reset === 'to_v_reset' && !allEq(n.v_reset.data, 0) ? c(n.v_reset) : undefined,
        reset: ctx.reset,
      };
      if (spiking && ctx.resetTiming === 'next-step')
        return { fn: nextStepResetFn(params, cur, ctx.reset), stateNames: cur ? ['v', 'i', 'z'] : ['v', 'z'] };
      const fn: StepFn = (x, s) => {
        const r = neuronStep(x, { v: s[0], i: s[1] }, params);
        return [spiking ? r.spikes! : r.v, cur ? [r.v, r.i!] : [r.v]];
      };
      return { fn, stateNames: cur ? ['v', 'i'] : ['v'] };
    }
    case 'NIRGraph':
      throw new NirError('nested graph left after inlining', { node: name, code: 'ERR_STATE' });
  }
}

/**
 * A spiking neuron whose reset acts in the next step's update, as snnTorch's Leaky / Synaptic do with
 * `reset_delay=True` (its default): with z the previous step's spikes,
 * - subtract: v' = aV·v + bV·x + cV·i + kV − θ·z (the threshold is subtracted after the decay);
 * - zero / to_v_reset: v is first set to 0 / v_reset where z = 1, then v' = aV·v + bV·x + cV·i + kV;
 * then z' = [v' > θ]. The state v keeps the value before the reset (snnTorch's `mem`), so a recorded
 * v shows it; spikes are the same as with an immediate reset for zero / to_v_reset.
 */
function nextStepResetFn(p: NeuronStepParams, cur: boolean, reset: ResetMode): StepFn {
  return (x, s) => {
    const v0 = s[0] ?? tf.zerosLike(x);
    const i0 = cur ? (s[1] ?? tf.zerosLike(x)) : undefined;
    const z0 = s[cur ? 2 : 1] ?? tf.zerosLike(x);
    const th = p.threshold!;
    let v = v0;
    if (reset === 'zero' || (reset === 'to_v_reset' && p.vReset === undefined)) v = tf.sub(v, tf.mul(z0, v));
    else if (reset === 'to_v_reset') v = tf.add(v, tf.mul(z0, tf.sub(p.vReset!, v)));
    let nv = p.aV ? tf.mul(v, p.aV) : v;
    nv = tf.add(nv, p.bV ? tf.mul(x, p.bV) : x);
    if (p.cV && i0) nv = tf.add(nv, tf.mul(i0, p.cV));
    if (p.kV) nv = tf.add(nv, p.kV);
    if (reset === 'subtract') nv = tf.sub(nv, tf.mul(z0, th));
    const z = tf.step(tf.sub(nv, th));
    const ni = cur ? tf.add(tf.mul(i0!, p.aI!), p.bI ? tf.mul(x, p.bI) : x) : undefined;
    return [z, cur ? [nv, ni!, z] : [nv, z]];
  };
}

/** Longest delay line, in steps, of one Delay node (a longer delay is refused at compile, naming the node). */
export const MAX_DELAY_STEPS = 2 ** 20;
/** Most delayed values (steps × elements) one Delay node may hold per batch row; a larger delay line is refused at compile. */
export const MAX_DELAY_ELEMENTS = 2 ** 26;

function delayStep(name: string, delay: NirArray, ctx: StepContext): StepFn {
  const steps = Array.from(delay.data, (d) => Math.round(d / ctx.dt));
  let max = 0;
  for (const s of steps) max = Math.max(max, s);
  if (!(max <= MAX_DELAY_STEPS) || max * steps.length > MAX_DELAY_ELEMENTS)
    throw new NirError(
      `a delay of ${max} steps at dt=${ctx.dt} (${steps.length} elements) exceeds the bound of ${MAX_DELAY_STEPS} steps and ${MAX_DELAY_ELEMENTS} held values`,
      { node: name, field: 'delay', code: 'ERR_OUT_OF_RANGE' },
    );
  if (max === 0) return (x, s) => [x, s];
  const distinct = [...new Set(steps)].sort((a, b) => a - b);
  const masks =
    distinct.length === 1
      ? null
      : distinct.map((d) =>
          ctx.constant(
            steps.map((s) => (s === d ? 1 : 0)),
            delay.shape,
          ),
        );
  // state: the last `max` inputs, oldest first.
  return (x, s) => {
    const hist = s.length === max ? s : [...new Array<Tensor>(max - s.length).fill(tf.zerosLike(x)), ...s];
    const at = (d: number) => (d === 0 ? x : hist[max - d]);
    let out: Tensor;
    if (masks === null) out = tf.clone(at(distinct[0]));
    else {
      out = tf.mul(at(distinct[0]), masks[0]);
      for (let k = 1; k < distinct.length; k++) out = tf.add(out, tf.mul(at(distinct[k]), masks[k]));
    }
    return [out, [...hist.slice(1), x]];
  };
}

function convStep(name: string, n: Extract<NirNode, { type: 'Conv1d' | 'Conv2d' }>, ctx: StepContext): StepFn {
  const nd = n.type === 'Conv1d' ? 1 : 2;
  const w = n.weight; // (Cout, Cin/g, kh[, kw])
  const [cout, cinG] = w.shape;
  const kh = nd === 2 ? w.shape[2] : 1;
  const kw = nd === 2 ? w.shape[3] : w.shape[2];
  const s = spatial(n.stride, nd, { node: name, field: 'stride' });
  const d = spatial(n.dilation, nd, { node: name, field: 'dilation' });
  const strides: [number, number] = nd === 2 ? [s[0], s[1]] : [1, s[0]];
  const dil: [number, number] = nd === 2 ? [d[0], d[1]] : [1, d[0]];
  if ((strides[0] > 1 || strides[1] > 1) && (dil[0] > 1 || dil[1] > 1))
    throw new NirError('tfjs cannot combine stride > 1 with dilation > 1', { node: name, code: 'ERR_UNSUPPORTED' });
  let pad: 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
  if (typeof n.padding === 'string') pad = n.padding;
  else {
    const p = spatial(n.padding, nd, { node: name, field: 'padding' });
    const ph = nd === 2 ? p[0] : 0;
    const pw = nd === 2 ? p[1] : p[0];
    pad = [
      [0, 0],
      [ph, ph],
      [pw, pw],
      [0, 0],
    ];
  }
  const groups = n.groups;
  const coutG = cout / groups;
  // filters per group in tfjs layout [kh, kw, cin/g, cout/g]
  const filters: Tensor[] = [];
  for (let gi = 0; gi < groups; gi++) {
    const f = new Float32Array(kh * kw * cinG * coutG);
    for (let o = 0; o < coutG; o++)
      for (let ci = 0; ci < cinG; ci++)
        for (let y = 0; y < kh; y++)
          for (let xk = 0; xk < kw; xk++) {
            f[((y * kw + xk) * cinG + ci) * coutG + o] = w.data[(((gi * coutG + o) * cinG + ci) * kh + y) * kw + xk];
          }
    filters.push(ctx.constant(f, [kh, kw, cinG, coutG]));
  }
  const bias = ctx.constant(n.bias.data, [cout]);
  return (x, st) => {
    // x: [B, C, H, W] or [B, C, N]
    let h = nd === 2 ? tf.transpose(x, [0, 2, 3, 1]) : tf.expandDims(tf.transpose(x, [0, 2, 1]), 1);
    h = tf.cast(h, 'float32');
    const parts = groups === 1 ? [h] : tf.split(h, groups, 3);
    const outs = parts.map((p, gi) => tf.conv2d(p as tf.Tensor4D, filters[gi] as tf.Tensor4D, strides, pad, 'NHWC', dil));
    let y = outs.length === 1 ? outs[0] : tf.concat(outs, 3);
    y = tf.add(y, bias);
    return [nd === 2 ? tf.transpose(y, [0, 3, 1, 2]) : tf.transpose(tf.squeeze(y, [1]), [0, 2, 1]), st];
  };
}

function poolStep(n: Extract<NirNode, { type: 'SumPool2d' | 'AvgPool2d' }>): StepFn {
  const k = spatial(n.kernel_size, 2, {});
  const s = spatial(n.stride, 2, {});
  const p = spatial(n.padding, 2, {});
  const scale = n.type === 'SumPool2d' ? k[0] * k[1] : 1;
  return (x, st) => {
    const two = x.rank === 3; // [B, H, W]
    let h = two ? tf.expandDims(x, 3) : tf.transpose(x, [0, 2, 3, 1]);
    if (p[0] > 0 || p[1] > 0)
      h = tf.pad(h, [
        [0, 0],
        [p[0], p[0]],
        [p[1], p[1]],
        [0, 0],
      ]);
    let y = tf.avgPool(h as tf.Tensor4D, [k[0], k[1]], [s[0], s[1]], 'valid') as Tensor;
    if (scale !== 1) y = tf.mul(y, scale);
    return [two ? tf.squeeze(y, [3]) : tf.transpose(y, [0, 3, 1, 2]), st];
  };
}

function transpose2d(w: NirArray): Float32Array {
  const [r, c] = w.shape;
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = w.data[i * c + j];
  return out;
}
