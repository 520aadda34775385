import type { NirGraph, NirNode } from '@neurite/nir';
import { ConvertError } from './convert-error.js';
import type { LayerNode, LayerOp, Network } from './network.js';
import { size } from './network.js';
import { SpikingNetwork } from './spiking-network.js';

/** [C, H, W] (NIR) → [H, W, C] (NHWC); other ranks unchanged. */
const nhwc = (s: number[]) => (s.length === 3 ? [s[1], s[2], s[0]] : [...s]);
/** A CHW-ordered array as HWC. */
function toHwc(d: ArrayLike<number>, s: number[]): Float32Array {
  const out = new Float32Array(d.length);
  if (s.length !== 3) {
    out.set(d);
    return out;
  }
  const [C, H, W] = s;
  for (let c = 0; c < C; c++) for (let h = 0; h < H; h++) for (let w = 0; w < W; w++) out[(h * W + w) * C + c] = d[(c * H + h) * W + w];
  return out;
}
const pair = (v: unknown): [number, number] => {
  if (typeof v === 'number') return [v, v];
  const d = (v as { data: ArrayLike<number> }).data;
  return d.length === 1 ? [d[0], d[0]] : [d[0], d[1]];
};

/**
 * Read a NIR graph of Input, Affine/Linear, Conv2d, AvgPool2d/SumPool2d,
 * Flatten, Scale, IF, LIF (one τ per layer, v_leak = 0) and one Output (as `toNir` writes, or from another tool)
 * into a SpikingNetwork whose IF layers emit binary spikes, so `run` matches
 * NIR's executor with dt = 1 and reset 'subtract' (IF with r ≠ 1 gets its
 * input scaled by r; v_reset must be 0). The initial membrane / θ comes from
 * the graph's `v0` metadata (0 when absent). Edges into a node are summed.
 * @throws ConvertError ERR_UNSUPPORTED for other node types, cycles, nested graphs.
 */
export function fromNir(graph: NirGraph): SpikingNetwork {
  const names = Object.keys(graph.nodes);
  const preds = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const [a, b] of graph.edges) preds.get(b)?.push(a);
  const inputs = names.filter((n) => graph.nodes[n].type === 'Input');
  const outputs = names.filter((n) => graph.nodes[n].type === 'Output');
  if (inputs.length !== 1 || outputs.length !== 1)
    throw new ConvertError('graph', `fromNir: the graph needs one Input and one Output, has ${inputs.length} and ${outputs.length}`, {
      code: 'ERR_UNSUPPORTED',
    });
  // topological order (DFS post-order on predecessors)
  const order: string[] = [];
  const state = new Map<string, number>();
  const visit = (n: string) => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1)
      throw new ConvertError(n, `fromNir: the graph has a cycle through '${n}'; only feed-forward graphs convert`, {
        code: 'ERR_UNSUPPORTED',
      });
    state.set(n, 1);
    for (const p of preds.get(n)!) visit(p);
    state.set(n, 2);
    order.push(n);
  };
  visit(outputs[0]);
  const nodes: LayerNode[] = [];
  const at = new Map<string, number>();
  const nirShape = new Map<string, number[]>();
  const flatOf = new Map<string, number[] | null>();
  const v0 = typeof graph.metadata?.v0 === 'number' ? graph.metadata.v0 : 0;
  const push = (name: string, className: string, op: LayerOp, ins: number[], shape: number[]) => {
    nodes.push({ name, className, op, inputs: ins, shape });
    return nodes.length - 1;
  };
  for (const name of order) {
    const n: NirNode = graph.nodes[name];
    const ps = preds.get(name)!;
    let src = -1;
    if (n.type !== 'Input') {
      if (ps.length === 0) throw new ConvertError(name, `fromNir: node '${name}' has no input`, { code: 'ERR_UNSUPPORTED' });
      src = at.get(ps[0])!;
      if (ps.length > 1)
        src = push(
          `${name}_sum`,
          'Add',
          { kind: 'add' },
          ps.map((p) => at.get(p)!),
          nodes[src].shape,
        );
    }
    const inNir = src >= 0 ? nirShape.get(ps[0])! : [];
    const inFlat = src >= 0 ? (flatOf.get(ps[0]) ?? null) : null;
    let shape: number[] = inNir;
    let flat: number[] | null = null;
    let idx: number;
    switch (n.type) {
      case 'Input':
        shape = Array.from(n.shape.data);
        idx = push(name, 'Input', { kind: 'input', shape: nhwc(shape) }, [], nhwc(shape));
        break;
      case 'Output':
        idx = src;
        break;
      case 'Affine':
      case 'Linear': {
        const [out, inn] = n.weight.shape;
        const w = new Float32Array(inn * out);
        for (let o = 0; o < out; o++)
          for (let k = 0; k < inn; k++) {
            let r = k; // CHW flat index k → NHWC flat index r
            if (inFlat) {
              const [C, H, W] = inFlat;
              const c = Math.floor(k / (H * W));
              r = (k % (H * W)) * C + c;
            }
            w[r * out + o] = n.weight.data[o * inn + k];
          }
        const b = n.type === 'Affine' ? Float32Array.from(n.bias.data) : new Float32Array(out);
        shape = [out];
        idx = push(name, 'Dense', { kind: 'dense', w, b, inUnits: inn, units: out }, [src], [out]);
        break;
      }
      case 'Conv2d': {
        const [cout, cinG, kh, kw] = n.weight.shape;
        const groups = n.groups;
        const cin = inNir[0];
        const strides = pair(n.stride);
        const dilation = pair(n.dilation);
        let pad: [number, number] = [0, 0];
        if (n.padding === 'same') pad = [(dilation[0] * (kh - 1)) >> 1, (dilation[1] * (kw - 1)) >> 1];
        else if (n.padding !== 'valid') pad = pair(n.padding);
        let x = src;
        if (pad[0] || pad[1]) {
          const H = inNir[1] + 2 * pad[0];
          const W = inNir[2] + 2 * pad[1];
          x = push(
            `${name}_pad`,
            'ZeroPadding2D',
            {
              kind: 'zeropad',
              pad: [
                [pad[0], pad[0]],
                [pad[1], pad[1]],
              ],
            },
            [src],
            [H, W, cin],
          );
        }
        const H = Math.floor((inNir[1] + 2 * pad[0] - dilation[0] * (kh - 1) - 1) / strides[0]) + 1;
        const W = Math.floor((inNir[2] + 2 * pad[1] - dilation[1] * (kw - 1) - 1) / strides[1]) + 1;
        shape = [cout, H, W];
        const b = Float32Array.from(n.bias.data);
        if (groups === 1) {
          const w = new Float32Array(kh * kw * cin * cout);
          for (let o = 0; o < cout; o++)
            for (let ci = 0; ci < cin; ci++)
              for (let y = 0; y < kh; y++)
                for (let xk = 0; xk < kw; xk++)
                  w[((y * kw + xk) * cin + ci) * cout + o] = n.weight.data[((o * cinG + ci) * kh + y) * kw + xk];
          idx = push(
            name,
            'Conv2D',
            { kind: 'conv2d', w, b, kernel: [kh, kw], cin, cout, strides, padding: 'valid', dilation },
            [x],
            nhwc(shape),
          );
        } else if (groups === cin && cinG === 1) {
          const mult = cout / cin;
          const w = new Float32Array(kh * kw * cin * mult);
          for (let o = 0; o < cout; o++)
            for (let y = 0; y < kh; y++)
              for (let xk = 0; xk < kw; xk++)
                w[((y * kw + xk) * cin + Math.floor(o / mult)) * mult + (o % mult)] = n.weight.data[(o * kh + y) * kw + xk];
          if (dilation[0] !== 1 || dilation[1] !== 1)
            throw new ConvertError(name, `fromNir: node '${name}': dilated depthwise convolution is not supported`, {
              code: 'ERR_UNSUPPORTED',
            });
          idx = push(
            name,
            'DepthwiseConv2D',
            { kind: 'depthwise', w, b, kernel: [kh, kw], cin, multiplier: mult, strides, padding: 'valid' },
            [x],
            nhwc(shape),
          );
        } else
          throw new ConvertError(name, `fromNir: node '${name}': grouped convolution (groups ${groups}) is not supported`, {
            code: 'ERR_UNSUPPORTED',
          });
        break;
      }
      case 'AvgPool2d':
      case 'SumPool2d': {
        const k = pair(n.kernel_size);
        const s = pair(n.stride);
        const p = pair(n.padding);
        if (p[0] || p[1])
          throw new ConvertError(name, `fromNir: node '${name}': padded pooling is not supported`, { code: 'ERR_UNSUPPORTED' });
        const H = Math.floor((inNir[1] - k[0]) / s[0]) + 1;
        const W = Math.floor((inNir[2] - k[1]) / s[1]) + 1;
        shape = [inNir[0], H, W];
        idx = push(name, n.type, { kind: 'avgpool', pool: k, strides: s, padding: 'valid' }, [src], nhwc(shape));
        if (n.type === 'SumPool2d')
          idx = push(`${name}_sum`, 'Scale', { kind: 'scale', scale: new Float32Array(size(shape)).fill(k[0] * k[1]) }, [idx], nhwc(shape));
        break;
      }
      case 'Flatten': {
        if (inNir.length === 1) {
          idx = src;
          flat = inFlat;
          break;
        }
        if (n.start_dim !== 0 || (n.end_dim !== -1 && n.end_dim !== inNir.length - 1))
          throw new ConvertError(name, `fromNir: node '${name}': only a Flatten of all dims is supported`, { code: 'ERR_UNSUPPORTED' });
        shape = [size(inNir)];
        flat = inNir;
        idx = push(name, 'Flatten', { kind: 'flatten' }, [src], shape);
        break;
      }
      case 'Scale':
        idx = push(
          name,
          'Scale',
          {
            kind: 'scale',
            scale: toHwc(n.scale.data.length === size(inNir) ? n.scale.data : new Float32Array(size(inNir)).fill(n.scale.data[0]), inNir),
          },
          [src],
          nhwc(inNir),
        );
        flat = inFlat;
        break;
      case 'IF':
      case 'LIF': {
        for (const v of n.v_reset.data)
          if (v !== 0)
            throw new ConvertError(name, `fromNir: node '${name}': ${n.type} with v_reset ≠ 0 is not supported (reset by subtraction)`, {
              code: 'ERR_UNSUPPORTED',
            });
        // input gain: R for IF; R/τ for LIF (forward Euler at dt = 1), with β = 1 − 1/τ (one β per node)
        let beta = 1;
        let gain: Float32Array = Float32Array.from(n.r.data);
        if (n.type === 'LIF') {
          const taus = Array.from(n.tau.data);
          if (taus.some((t) => t !== taus[0] || !(t >= 1)) || Array.from(n.v_leak.data).some((v) => v !== 0))
            throw new ConvertError(
              name,
              `fromNir: node '${name}': LIF needs one τ ≥ 1 (in steps of dt) for the whole layer and v_leak = 0`,
              { code: 'ERR_UNSUPPORTED' },
            );
          beta = 1 - 1 / taus[0];
          gain = Float32Array.from(n.r.data, (r) => r / taus[0]);
        }
        let x = src;
        if (gain.some((v) => v !== 1)) {
          const full = gain.length === 1 ? new Float32Array(size(inNir)).fill(gain[0]) : toHwc(gain, inNir);
          x = push(`${name}_r`, 'Scale', { kind: 'scale', scale: full }, [src], nhwc(inNir));
        }
        const th = n.v_threshold.data;
        const theta = th.length === 1 ? Float32Array.from(th) : toHwc(th, inNir);
        const op: LayerOp = beta === 1 ? { kind: 'if', theta, v0, binary: true } : { kind: 'if', theta, v0, binary: true, beta };
        idx = push(name, n.type, op, [x], nhwc(inNir));
        flat = inFlat;
        break;
      }
      default:
        throw new ConvertError(
          name,
          `fromNir: node '${name}' is ${n.type}; supported: Input, Affine, Linear, Conv2d, AvgPool2d, SumPool2d, Flatten, Scale, IF, LIF, Output`,
          {
            code: 'ERR_UNSUPPORTED',
          },
        );
    }
    at.set(name, idx);
    nirShape.set(name, shape);
    flatOf.set(name, flat);
  }
  const net: Network = { nodes, output: at.get(outputs[0])! };
  return new SpikingNetwork(net);
}
