import { tf } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import { forward } from './forward.js';
import { fromNir } from './from-nir.js';
import type { LayerNode, Network } from './network.js';
import { size } from './network.js';
import { disposeParams, makeParams } from './params.js';
import type { NodeParams } from './params.js';
import type { SpikingNetwork } from './spiking-network.js';
import { toNir } from './to-nir.js';

/**
 * Loihi 2 CUBA LIF, fixed point, as published in Lava's bit-accurate LIF
 * process model (lava-nc/lava, `PyLifModelBitAcc`), per step and neuron:
 *
 *   u ← sgn(p)·(|p| >> 12) + (a_in << 6),   p = u·(4096 − (du + 1)), u wraps to 24 bits
 *   v ← clip(sgn(q)·(|q| >> 12) + u + b_eff, ±(2²³ − 1)),   q = v·(4096 − dv)
 *   s = [v > vth << 6];   reset: v ← 0 (Lava's LIF) or v ← v − (vth << 6) ('subtract')
 *
 * du, dv: 12-bit decays (du = 4095 makes u the present input only; dv = 0 is
 * no leak: an IF neuron); b_eff = bias_mant << bias_exp (13-bit signed mantissa,
 * 3-bit exponent); vth: 17-bit threshold mantissa; weights: 8-bit signed
 * integers per layer with one float scale s_l, so θ_l ≈ vth·s_l and
 * W_l ≈ w_int·s_l. The analog first layer is computed on the host and enters
 * as each neuron's bias (Loihi's usual direct-input path); the output layer is
 * accumulated on the host. This is a model of the published equations in
 * TypeScript, not Lava and not Loihi silicon; 'subtract' reset needs Loihi 2's
 * programmable neurons (Lava's LIF resets to 0).
 */
export interface LoihiOptions {
  /** Weight bits (signed), default 8. */
  weightBits?: number;
  /** After a spike: v ← v − θ ('subtract', default; needs Loihi 2's programmable neurons) or v ← 0 (Lava's LIF). */
  reset?: 'subtract' | 'zero';
  /** 12-bit current decay, default 4095 (no synaptic memory). */
  du?: number;
  /** 12-bit voltage decay, default round(4096 (1 − β)) of the network's neurons: 0 for IF. */
  dv?: number;
  /** Threshold mantissa (≤ 131071) given to the largest θ of layers fed by the analog input, default 4096. */
  inputThreshold?: number;
}

interface LoihiLayer {
  /** Index of the IF node in `net`. */
  node: number;
  /** Integer thresholds vth (per neuron), before the << 6. */
  vth: Int32Array;
  /** Integer bias b_eff per neuron (already mant << exp); null for the analog layer (bias computed per sample). */
  bias: Int32Array | null;
  /** Float scale: one integer unit of a_in is `scale` in float current. */
  scale: number;
  analog: boolean;
}

const VTH_MAX = 131071;
const UV_MAX = 2 ** 23;

/** Round a value to 13-bit mantissa × 2^exp (exp 0..7), as Loihi stores biases; returns mant << exp. */
export function loihiBias(x: number): number {
  let e = 0;
  while (e < 7 && Math.abs(Math.round(x / 2 ** e)) > 4095) e++;
  const m = Math.max(-4096, Math.min(4095, Math.round(x / 2 ** e)));
  return m * 2 ** e;
}

/** The fixed-point Loihi 2 model of a spiking network (see {@link LoihiOptions}). */
export class LoihiModel {
  /** The network in binary-spike form (θ in the weights, pooling as sums), as the model runs it. */
  readonly net: Network;
  /** Per spiking layer: integer thresholds, biases and the float scale of one integer unit. */
  readonly layers: LoihiLayer[];
  /** The options in effect (defaults filled in). */
  readonly options: Required<LoihiOptions>;
  private readonly v0: number;
  constructor(snn: SpikingNetwork, opts: LoihiOptions = {}) {
    const bits = checkInt('loihi', 'weightBits', opts.weightBits ?? 8, 2, 16);
    const du = checkInt('loihi', 'du', opts.du ?? 4095, 0, 4095);
    // LIF layers (leak β): dv = round(4096 (1 − β)), one β for the whole network
    const betas = new Set(snn.network.nodes.flatMap((n) => (n.op.kind === 'if' ? [n.op.beta ?? 1] : [])));
    if (betas.size > 1 && opts.dv === undefined)
      throw new ConvertError(
        'dv',
        `loihi: the layers leak differently (β ∈ {${[...betas].join(', ')}}); Loihi's dv is one per process here: pass dv`,
        {
          code: 'ERR_UNSUPPORTED',
        },
      );
    const dv = checkInt('loihi', 'dv', opts.dv ?? Math.round(4096 * (1 - [...betas][0])), 0, 4095);
    const reset = opts.reset ?? 'subtract';
    if (reset !== 'subtract' && reset !== 'zero')
      throw new ConvertError('reset', `loihi: reset must be 'subtract' or 'zero', got '${String(reset)}'`);
    const inputThreshold = checkInt('loihi', 'inputThreshold', opts.inputThreshold ?? 4096, 1, VTH_MAX);
    this.options = { weightBits: bits, du, dv, reset, inputThreshold };
    // Binary spikes with θ inside the weights (the NIR form), pooling as sums with 1/k² in the next weights.
    const bin = fromNir(toNir(snn)).network;
    this.v0 =
      snn.network.nodes.find((n) => n.op.kind === 'if')?.op.kind === 'if'
        ? (snn.network.nodes.find((n) => n.op.kind === 'if')!.op as { v0: number }).v0
        : 0;
    this.net = sumPools(bin);
    const qmax = 2 ** (bits - 1) - 1;
    this.layers = [];
    this.net.nodes.forEach((n, i) => {
      if (n.op.kind !== 'if') return;
      const lin = linearBefore(this.net, i);
      const analog = lin.analog;
      const theta = n.op.theta;
      const count = size(n.shape);
      const thetaAt = (k: number) => (theta.length === 1 ? theta[0] : theta.length === count ? theta[k] : theta[k % theta.length]);
      let scale: number;
      if (analog) {
        let tmax = 0;
        for (let k = 0; k < count; k++) tmax = Math.max(tmax, thetaAt(k));
        scale = tmax / inputThreshold;
      } else {
        const op = this.net.nodes[lin.index].op as { w: Float32Array };
        let wmax = 0;
        for (const w of op.w) wmax = Math.max(wmax, Math.abs(w));
        scale = wmax / qmax || 1;
        op.w = Float32Array.from(op.w, (w) => Math.max(-qmax, Math.min(qmax, Math.round(w / scale))));
      }
      const vth = new Int32Array(count);
      for (let k = 0; k < count; k++) {
        const q = Math.round(thetaAt(k) / scale);
        if (q > VTH_MAX)
          throw new ConvertError(
            n.name,
            `loihi: layer '${n.name}': threshold ${q} exceeds the 17-bit mantissa (use fewer weight bits or rescale)`,
            { code: 'ERR_OUT_OF_RANGE' },
          );
        vth[k] = Math.max(1, q);
      }
      let bias: Int32Array | null = null;
      if (!analog) {
        const op = this.net.nodes[lin.index].op as { b: Float32Array };
        const C = op.b.length;
        bias = new Int32Array(count);
        for (let k = 0; k < count; k++) bias[k] = loihiBias((op.b[k % C] / scale) * 64);
        op.b = new Float32Array(C); // the bias lives in the neuron
      }
      this.layers.push({ node: i, vth, bias, scale, analog });
    });
  }

  /**
   * Run on a batch of static inputs [B, ...shape] for T steps. Returns the
   * readout [B, classes] (mean output over T), as a Float32Array row-major.
   */
  async run(x: tf.Tensor, T: number): Promise<Float32Array> {
    checkInt('loihi.run', 'T', T, 1, 1 << 20);
    const B = x.shape[0];
    const params = makeParams(this.net);
    const state = this.layers.map((l) => {
      const n = size(this.net.nodes[l.node].shape) * B;
      const v = new Float64Array(n);
      for (let k = 0; k < n; k++) v[k] = Math.round(this.v0 * l.vth[k % l.vth.length] * 64);
      return { u: new Float64Array(n), v, s: new Float32Array(n), biasAnalog: null as Float64Array | null };
    });
    const classes = size(this.net.nodes[this.net.output].shape);
    const acc = new Float64Array(B * classes);
    const { du, dv, reset } = this.options;
    try {
      for (let t = 0; t < T; t++) {
        // a_in for every IF layer from the previous layer's spikes of this step (layers run in order)
        const spikesIn = new Map<number, tf.Tensor>();
        const runLayer = (j: number, current: Float32Array) => {
          const l = this.layers[j];
          const st = state[j];
          const n = st.v.length;
          const per = l.vth.length;
          if (l.analog && st.biasAnalog === null) st.biasAnalog = Float64Array.from(current, (c) => loihiBias((c / l.scale) * 64));
          for (let k = 0; k < n; k++) {
            let u = st.u[k];
            if (!l.analog) {
              const p = u * (4096 - (du + 1));
              u = Math.sign(p) * Math.floor(Math.abs(p) / 4096) + Math.round(current[k]) * 64; // a_in: an integer sum on chip
              if (u > UV_MAX) u -= 2 * UV_MAX;
              else if (u <= -UV_MAX) u += 2 * UV_MAX;
              st.u[k] = u;
            }
            const q = st.v[k] * (4096 - dv);
            let v = Math.sign(q) * Math.floor(Math.abs(q) / 4096) + (l.analog ? 0 : u) + (l.analog ? st.biasAnalog![k] : l.bias![k % per]);
            v = Math.max(-(UV_MAX - 1), Math.min(UV_MAX - 1, v));
            const th = l.vth[k % per] * 64;
            const s = v > th ? 1 : 0;
            if (s) v = reset === 'subtract' ? v - th : 0;
            st.v[k] = v;
            st.s[k] = s;
          }
        };
        // walk the IF layers in order: compute each one's input from tensors of earlier spikes
        for (let j = 0; j < this.layers.length; j++) {
          const l = this.layers[j];
          const inputTensor = tf.tidy(() => this.currentInto(l.node, x, params, spikesIn));
          const cur = (await inputTensor.data()) as Float32Array;
          inputTensor.dispose();
          runLayer(j, cur);
          spikesIn.set(l.node, tf.tensor(state[j].s, [B, ...this.net.nodes[l.node].shape]));
        }
        const out = tf.tidy(() => this.currentInto(this.net.output, x, params, spikesIn, true));
        const o = await out.data();
        out.dispose();
        for (let k = 0; k < o.length; k++) acc[k] += o[k];
        for (const s of spikesIn.values()) s.dispose();
      }
    } finally {
      disposeParams(params);
    }
    return Float32Array.from(acc, (a) => a / T);
  }

  /** The input current of node `target` (an IF node: its integer a_in or, analog, the float current; or the output). */
  private currentInto(target: number, x: tf.Tensor, params: NodeParams[], spikes: Map<number, tf.Tensor>, isOutput = false): tf.Tensor {
    const net = this.net;
    const lin = isOutput ? target : linearBefore(net, target).index;
    // Evaluate the sub-network feeding `lin` with IF nodes replaced by their recorded spikes.
    const y = forward({ nodes: net.nodes.slice(0, lin + 1), output: lin }, params, x, (i) => {
      const s = spikes.get(i);
      if (!s) throw new Error(`loihi: spikes of node ${net.nodes[i].name} not computed yet`);
      return s;
    });
    if (!isOutput) return y;
    return y;
  }
}

/** The linear node feeding IF node `i` (through no other node), and whether it reads the analog input. */
function linearBefore(net: Network, i: number): { index: number; analog: boolean } {
  const src = net.nodes[i].inputs[0];
  const n = net.nodes[src];
  if (n.op.kind !== 'dense' && n.op.kind !== 'conv2d' && n.op.kind !== 'depthwise')
    throw new ConvertError(
      net.nodes[i].name,
      `loihi: IF layer '${net.nodes[i].name}' must follow a Dense/Conv2D layer directly (got ${n.className}); residual sums are not modelled`,
      {
        code: 'ERR_UNSUPPORTED',
      },
    );
  let k = n.inputs[0];
  while (['avgpool', 'gap', 'flatten', 'scale', 'zeropad'].includes(net.nodes[k].op.kind)) k = net.nodes[k].inputs[0];
  return { index: src, analog: net.nodes[k].op.kind === 'input' };
}

/** Average pools → sum pools (× k²) with 1/k² moved into the next linear layer's weights. */
function sumPools(net: Network): Network {
  const nodes: LayerNode[] = net.nodes.map((n) => ({ ...n }));
  const cons: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => n.inputs.forEach((k) => cons[k].push(i)));
  nodes.forEach((n, i) => {
    const op = n.op;
    if (op.kind !== 'avgpool' && op.kind !== 'gap') return;
    const inShape = nodes[n.inputs[0]].shape;
    const k2 = op.kind === 'gap' ? inShape[0] * inShape[1] : op.pool[0] * op.pool[1];
    let c = i;
    while (cons[c].length === 1 && ['flatten', 'scale'].includes(nodes[cons[c][0]].op.kind)) c = cons[c][0];
    const next = cons[c].length === 1 ? nodes[cons[c][0]] : null;
    if (!next || (next.op.kind !== 'dense' && next.op.kind !== 'conv2d' && next.op.kind !== 'depthwise'))
      throw new ConvertError(n.name, `loihi: pooling '${n.name}' must feed one Dense/Conv2D layer`, { code: 'ERR_UNSUPPORTED' });
    next.op = { ...next.op, w: Float32Array.from(next.op.w, (w) => w / k2) } as typeof next.op;
    (n as LayerNode & { sumFactor?: number }).sumFactor = k2;
  });
  // Insert the k² factors as scale nodes right after each pool (reindexing).
  const result: LayerNode[] = [];
  const map = new Int32Array(nodes.length);
  nodes.forEach((n, i) => {
    const f = (n as LayerNode & { sumFactor?: number }).sumFactor;
    const copy: LayerNode = { ...n, inputs: n.inputs.map((k) => map[k]) };
    delete (copy as LayerNode & { sumFactor?: number }).sumFactor;
    result.push(copy);
    map[i] = result.length - 1;
    if (f) {
      result.push({
        name: `${n.name}_sum`,
        className: 'SumPool',
        op: { kind: 'scale', scale: new Float32Array(size(n.shape)).fill(f) },
        inputs: [result.length - 1],
        shape: n.shape,
      });
      map[i] = result.length - 1;
    }
  });
  return { nodes: result, output: map[net.output] };
}
