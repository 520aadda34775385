import { gatherRowsSum, tf } from '@neurite/tensor';
import { ConvertError } from './convert-error.js';
import { evalNode } from './forward.js';
import type { LayerNode, Network } from './network.js';
import { size } from './network.js';
import { disposeParams, makeParams } from './params.js';

/** One node of the spiking part: computes its output array from the earlier ones. */
type Step = (vals: Float32Array[]) => void;

/**
 * Event-driven simulation of a spiking network on typed arrays. The network splits in two:
 * the analog part (nodes that no spike reaches: the input and the first linear layers) is
 * evaluated once per batch (per frame for event input) with batched tfjs ops on the active
 * backend and read back once; the spiking part runs per sample and step in JavaScript, where
 * every linear layer fed by spikes is computed from the nonzero entries of its input only:
 * Dense sums the weight rows of the active inputs (@neurite/tensor's `gatherRowsSum` when
 * the active values are equal, e.g. binary spikes or one θ per layer), Conv2D / depthwise /
 * pooling scatter each active input into the outputs it reaches. The cost per step is
 * O(active inputs × fan-out) instead of O(inputs × outputs). IF/LIF updates use float32
 * arithmetic in the same order as the tfjs step, so spikes agree with the dense path up to
 * the summation order of the currents.
 */
export class EventEngine {
  private readonly net: Network;
  /** Nodes reached by spikes (computed per step here). */
  private readonly spiking: boolean[];
  /** Analog nodes read by spiking nodes (or the output): read back from tfjs. */
  private readonly boundary: number[];
  private readonly vals: Float32Array[];
  /** Per node: the indices of its nonzero outputs this step (first `nAct[i]` entries), when it keeps them (IF, pooling of spikes). */
  private readonly act: (Int32Array | null)[];
  /** Per node: how many entries of `act[i]` are valid; −1 when the node keeps no list (its consumers scan it). */
  private readonly nAct: Int32Array;
  private readonly steps: { node: number; run: Step }[] = [];
  private readonly resets: (() => void)[] = [];
  /** Spikes of the last `run` (all IF layers, all samples and steps). */
  spikes = 0;
  constructor(net: Network) {
    this.net = net;
    const n = net.nodes.length;
    this.spiking = new Array<boolean>(n).fill(false);
    net.nodes.forEach((node, i) => {
      this.spiking[i] = node.op.kind === 'if' || node.inputs.some((k) => this.spiking[k]);
    });
    const needed = new Set<number>();
    net.nodes.forEach((node, i) => {
      if (this.spiking[i]) for (const k of node.inputs) if (!this.spiking[k]) needed.add(k);
    });
    if (!this.spiking[net.output]) needed.add(net.output);
    this.boundary = [...needed];
    this.vals = net.nodes.map((nd) => new Float32Array(size(nd.shape)));
    this.act = net.nodes.map(() => null);
    this.nAct = new Int32Array(n).fill(-1);
    net.nodes.forEach((node, i) => {
      if (this.spiking[i]) this.steps.push({ node: i, run: this.build(node, i) });
    });
  }

  /** Readout [B, classes] row-major (mean output over T); `x` is [B, ...shape] or, with `frames`, [B, frames, ...shape]. */
  async run(x: tf.Tensor, T: number, frames?: number): Promise<Float32Array> {
    const net = this.net;
    const B = x.shape[0];
    const F = frames ?? 1;
    const shape = net.nodes[0].shape;
    const params = makeParams(net);
    let analog: Float32Array[];
    let zero: Float32Array[] | null = null;
    try {
      const eval_ = async (xin: tf.Tensor): Promise<Float32Array[]> => {
        const outs = tf.tidy(() => {
          const vs: tf.Tensor[] = new Array<tf.Tensor>(net.nodes.length);
          const last = Math.max(-1, ...this.boundary);
          for (let i = 0; i <= last; i++) if (!this.spiking[i]) vs[i] = evalNode(net.nodes[i], params[i], vs, xin);
          return this.boundary.map((i) => vs[i]);
        });
        const data = await Promise.all(outs.map((t) => t.data() as Promise<Float32Array>));
        tf.dispose(outs);
        return data;
      };
      const xin = frames ? tf.reshape(x, [B * F, ...shape]) : x;
      analog = await eval_(xin);
      if (frames) {
        xin.dispose();
        const z = tf.zeros([1, ...shape]);
        zero = await eval_(z);
        z.dispose();
      }
    } finally {
      disposeParams(params);
    }
    const out = net.nodes[net.output];
    const classes = size(out.shape);
    const readout = new Float32Array(B * classes);
    const acc = new Float32Array(classes);
    this.spikes = 0;
    for (let b = 0; b < B; b++) {
      for (const r of this.resets) r();
      acc.fill(0);
      const setBoundary = (t: number) =>
        this.boundary.forEach((i, j) => {
          const len = this.vals[i].length;
          if (frames && t >= F) this.vals[i] = zero![j];
          else {
            const s = frames ? b * F + t : b;
            this.vals[i] = analog[j].subarray(s * len, (s + 1) * len);
          }
        });
      if (!frames) setBoundary(0); // static input: the same analog values at every step
      for (let t = 0; t < T; t++) {
        if (frames) setBoundary(t);
        for (const s of this.steps) s.run(this.vals);
        const y = this.vals[net.output];
        for (let k = 0; k < classes; k++) acc[k] += y[k];
      }
      for (let k = 0; k < classes; k++) readout[b * classes + k] = acc[k] / T;
    }
    return readout;
  }

  /**
   * The nonzero entries of node k's output: its kept list, or a scan of the array into `scratch`.
   * Returns the count; the indices are in the returned array's first `count` entries.
   */
  private active(k: number, a: Float32Array, scratch: Int32Array): [Int32Array, number] {
    const n = this.nAct[k];
    if (n >= 0) return [this.act[k]!, n];
    let m = 0;
    for (let j = 0; j < a.length; j++) if (a[j] !== 0) scratch[m++] = j;
    return [scratch, m];
  }

  private build(node: LayerNode, i: number): Step {
    const op = node.op;
    const out = this.vals[i];
    const ins = node.inputs;
    const inShape = ins.length ? this.net.nodes[ins[0]].shape : [];
    switch (op.kind) {
      case 'if': {
        const C = node.shape[node.shape.length - 1];
        const len = out.length;
        const th = Float32Array.from({ length: len }, (_, k) =>
          op.theta.length === 1 ? op.theta[0] : op.theta.length === len ? op.theta[k] : op.theta[k % C],
        );
        const beta = Math.fround(op.beta ?? 1);
        const v = new Float32Array(len);
        const v0 = Math.fround(op.v0);
        this.resets.push(() => {
          for (let k = 0; k < len; k++) v[k] = Math.fround(th[k] * v0);
          out.fill(0);
          this.nAct[i] = 0;
        });
        const binary = op.binary === true;
        const list = new Int32Array(len);
        this.act[i] = list;
        return (vals) => {
          const x = vals[ins[0]];
          // clear last step's spikes only
          for (let j = 0, m = this.nAct[i]; j < m; j++) out[list[j]] = 0;
          let n = 0;
          for (let k = 0; k < len; k++) {
            // the tfjs step in float32: v ← β v + x; s = [v ≥ θ]; v ← v − θ s
            const vi = beta === 1 ? Math.fround(v[k] + x[k]) : Math.fround(Math.fround(v[k] * beta) + x[k]);
            if (vi >= th[k]) {
              v[k] = Math.fround(vi - th[k]);
              out[k] = binary ? 1 : th[k];
              list[n++] = k;
            } else v[k] = vi;
          }
          this.nAct[i] = n;
          this.spikes += n;
        };
      }
      case 'dense': {
        const { w, b, inUnits, units } = op;
        const m = { nRows: inUnits, nCols: units, data: w };
        const scratch = new Int32Array(inUnits);
        const sum = new Float32Array(units);
        return (vals) => {
          const a = vals[ins[0]];
          const [rows, n] = this.active(ins[0], a, scratch);
          const u = n > 0 ? a[rows[0]] : 0;
          let uniform = true;
          for (let t = 1; t < n && uniform; t++) if (a[rows[t]] !== u) uniform = false;
          if (uniform) {
            gatherRowsSum(m, rows.subarray(0, n), sum);
            for (let j = 0; j < units; j++) out[j] = b[j] + (n === 0 ? 0 : u === 1 ? sum[j] : u * sum[j]);
            return;
          }
          out.set(b);
          for (let t = 0; t < n; t++) {
            const k = rows[t];
            const ak = a[k];
            const base = k * units;
            for (let j = 0; j < units; j++) out[j] += ak * w[base + j];
          }
        };
      }
      case 'conv2d':
      case 'depthwise': {
        const [H, W, Cin] = inShape;
        const [Ho, Wo, Cout] = node.shape;
        const [kh, kw] = op.kernel;
        const [sh, sw] = op.strides;
        const [dh, dw] = op.kind === 'conv2d' ? op.dilation : [1, 1];
        const padT = op.padding === 'same' ? Math.floor(Math.max(0, (Ho - 1) * sh + (kh - 1) * dh + 1 - H) / 2) : 0;
        const padL = op.padding === 'same' ? Math.floor(Math.max(0, (Wo - 1) * sw + (kw - 1) * dw + 1 - W) / 2) : 0;
        const { w, b } = op;
        const mult = op.kind === 'depthwise' ? op.multiplier : 0;
        // per input pixel: the (output pixel, kernel tap) pairs it reaches, as a CSR built once
        const ptr = new Int32Array(H * W + 1);
        const pairs: number[] = [];
        for (let y = 0; y < H; y++)
          for (let x = 0; x < W; x++) {
            for (let ky = 0; ky < kh; ky++) {
              const oyn = y + padT - ky * dh;
              if (oyn < 0 || oyn % sh !== 0 || oyn / sh >= Ho) continue;
              for (let kx = 0; kx < kw; kx++) {
                const oxn = x + padL - kx * dw;
                if (oxn < 0 || oxn % sw !== 0 || oxn / sw >= Wo) continue;
                pairs.push((oyn / sh) * Wo + oxn / sw, ky * kw + kx);
              }
            }
            ptr[y * W + x + 1] = pairs.length / 2;
          }
        const tab = Int32Array.from(pairs);
        const scratch = new Int32Array(H * W * Cin);
        return (vals) => {
          const a = vals[ins[0]];
          for (let p = 0; p < Ho * Wo; p++) out.set(b, p * Cout);
          const [list, n] = this.active(ins[0], a, scratch);
          for (let t = 0; t < n; t++) {
            const k = list[t];
            const u = a[k];
            const c = k % Cin;
            const pix = (k - c) / Cin;
            for (let e = ptr[pix]; e < ptr[pix + 1]; e++) {
              const o = tab[2 * e] * Cout;
              const tap = tab[2 * e + 1];
              if (mult === 0) {
                const wb = (tap * Cin + c) * Cout;
                for (let co = 0; co < Cout; co++) out[o + co] += u * w[wb + co];
              } else {
                const wb = (tap * Cin + c) * mult;
                for (let j = 0; j < mult; j++) out[o + c * mult + j] += u * w[wb + j];
              }
            }
          }
        };
      }
      case 'avgpool':
      case 'maxpool': {
        const [H, W, C] = inShape;
        const [Ho, Wo] = node.shape;
        const [ph, pw] = op.pool;
        const [sh, sw] = op.strides;
        const padT = op.padding === 'same' ? Math.floor(Math.max(0, (Ho - 1) * sh + ph - H) / 2) : 0;
        const padL = op.padding === 'same' ? Math.floor(Math.max(0, (Wo - 1) * sw + pw - W) / 2) : 0;
        // window of output (oy, ox): rows oy·sh − padT … + ph − 1 clipped to the input; averages divide by the clipped count
        const count = new Float32Array(Ho * Wo);
        for (let oy = 0; oy < Ho; oy++)
          for (let ox = 0; ox < Wo; ox++) {
            const y0 = Math.max(0, oy * sh - padT);
            const y1 = Math.min(H, oy * sh - padT + ph);
            const x0 = Math.max(0, ox * sw - padL);
            const x1 = Math.min(W, ox * sw - padL + pw);
            count[oy * Wo + ox] = (y1 - y0) * (x1 - x0);
          }
        if (op.kind === 'maxpool')
          return (vals) => {
            const a = vals[ins[0]];
            for (let oy = 0; oy < Ho; oy++)
              for (let ox = 0; ox < Wo; ox++)
                for (let c = 0; c < C; c++) {
                  let m = -Infinity;
                  for (let y = Math.max(0, oy * sh - padT); y < Math.min(H, oy * sh - padT + ph); y++)
                    for (let x = Math.max(0, ox * sw - padL); x < Math.min(W, ox * sw - padL + pw); x++)
                      m = Math.max(m, a[(y * W + x) * C + c]);
                  out[(oy * Wo + ox) * C + c] = m;
                }
          };
        // per input pixel: the output pixels whose window holds it, as a CSR built once
        const ptr = new Int32Array(H * W + 1);
        const outs: number[] = [];
        for (let y = 0; y < H; y++)
          for (let x = 0; x < W; x++) {
            for (let oy = 0; oy < Ho; oy++)
              if (oy * sh - padT <= y && y < oy * sh - padT + ph)
                for (let ox = 0; ox < Wo; ox++) if (ox * sw - padL <= x && x < ox * sw - padL + pw) outs.push(oy * Wo + ox);
            ptr[y * W + x + 1] = outs.length;
          }
        const tab = Int32Array.from(outs);
        const scratch = new Int32Array(H * W * C);
        const list = new Int32Array(out.length);
        this.act[i] = list;
        const sums = new Float32Array(out.length);
        const listed = new Uint8Array(out.length);
        return (vals) => {
          const a = vals[ins[0]];
          for (let j = 0, m = this.nAct[i]; j < m; j++) out[list[j]] = 0;
          let m = 0;
          const [act, n] = this.active(ins[0], a, scratch);
          for (let t = 0; t < n; t++) {
            const k = act[t];
            const c = k % C;
            const pix = (k - c) / C;
            for (let e = ptr[pix]; e < ptr[pix + 1]; e++) {
              const o = tab[e] * C + c;
              if (listed[o] === 0) {
                listed[o] = 1;
                list[m++] = o;
              }
              sums[o] += a[k];
            }
          }
          // an entry can sum to 0 (a + (−a)): keep only the nonzero ones in the list
          let kept = 0;
          for (let j = 0; j < m; j++) {
            const o = list[j];
            out[o] = sums[o] / count[(o - (o % C)) / C];
            sums[o] = 0;
            listed[o] = 0;
            if (out[o] !== 0) list[kept++] = o;
          }
          this.nAct[i] = kept;
        };
      }
      case 'gap': {
        const [H, W, C] = inShape;
        return (vals) => {
          const a = vals[ins[0]];
          out.fill(0);
          for (let p = 0; p < H * W; p++) for (let c = 0; c < C; c++) if (a[p * C + c] !== 0) out[c] += a[p * C + c];
          for (let c = 0; c < C; c++) out[c] /= H * W;
        };
      }
      case 'flatten':
        return (vals) => {
          vals[i] = vals[ins[0]]; // NHWC flatten keeps the memory order, and the list of nonzero entries
          this.nAct[i] = this.nAct[ins[0]];
          this.act[i] = this.act[ins[0]];
        };
      case 'zeropad': {
        const [H, W, C] = inShape;
        const [, Wp] = node.shape;
        const [[pt], [pl]] = op.pad;
        return (vals) => {
          const a = vals[ins[0]];
          out.fill(0);
          for (let y = 0; y < H; y++) out.set(a.subarray(y * W * C, (y + 1) * W * C), ((y + pt) * Wp + pl) * C);
        };
      }
      case 'add':
        return (vals) => {
          out.set(vals[ins[0]]);
          for (let j = 1; j < ins.length; j++) {
            const a = vals[ins[j]];
            for (let k = 0; k < out.length; k++) out[k] += a[k];
          }
        };
      case 'scale': {
        const s = op.scale;
        return (vals) => {
          const a = vals[ins[0]];
          for (let k = 0; k < out.length; k++) out[k] = a[k] * s[k];
        };
      }
      default:
        throw new ConvertError(node.name, `compile: node '${node.name}' (${op.kind}) cannot run event-driven; use mode 'dense'`, {
          code: 'ERR_UNSUPPORTED',
        });
    }
  }
}
