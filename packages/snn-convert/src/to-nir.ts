import { createGraph, createNode, nirArray } from '@neurite/nir';
import type { NirGraph, NirNode } from '@neurite/nir';
import { ConvertError } from './convert-error.js';
import type { LayerNode } from './network.js';
import { size } from './network.js';
import type { SpikingNetwork } from './spiking-network.js';

/** Graph metadata key naming this file convention. */
export const NIR_CONVENTION = 'neurite-snn/1';

/**
 * A value flowing between converted layers: the sum of NIR node outputs,
 * each possibly θ-weighted spikes (theta per channel, not yet applied).
 */
interface Src {
  name: string;
  theta: Float32Array | null;
}
interface Value {
  srcs: Src[];
  /** Per-sample shape in NIR layout: [C, H, W] or [N]. */
  shape: number[];
  /** For a flat vector made from [C, H, W] by Flatten: that shape (θ index = c). */
  flatOf: number[] | null;
}

const clean = (s: string) => s.replace(/[^A-Za-z0-9_]/g, '_');
const nchw = (shape: number[]) => (shape.length === 3 ? [shape[2], shape[0], shape[1]] : [...shape]);

/**
 * Export a spiking network as a NIR graph (Python nir 1.0 layout) of Input,
 * Affine, Conv2d, AvgPool2d, Flatten, Scale, IF (LIF for leaky layers) and Output nodes, in NIR's
 * channel-first layout (weights permuted from NHWC). IF nodes emit binary
 * spikes: θ of each IF layer is multiplied into the weights of the layers it
 * feeds (a Scale node where a residual sum needs it), which gives the same
 * membrane inputs. IF: r = 1, v_threshold = θ, v_reset = 0; LIF (leak β): τ = r = 1/(1 − β),
 * v_leak = 0 (forward Euler at dt = 1 gives v ← β v + x); run with dt = 1
 * and reset 'subtract'. Graph metadata: `neurite_convention`, `v0` (the
 * initial membrane / θ: NIR's executor starts at 0, so only v0 = 0 networks
 * run identically there; `fromNir` restores v0), `readout` = 'mean'.
 * A zero-padding layer, 'same' padding a symmetric integer cannot express,
 * and kept max pooling throw ConvertError ERR_UNSUPPORTED.
 */
export function toNir(snn: SpikingNetwork): NirGraph {
  const net = snn.network;
  const nodes: Record<string, NirNode> = {};
  const edges: [string, string][] = [];
  const vals: Value[] = [];
  const used = new Set<string>();
  const fresh = (base: string) => {
    let nm = clean(base);
    for (let k = 1; used.has(nm) || nm === 'input' || nm === 'output'; k++) nm = `${clean(base)}_${k}`;
    used.add(nm);
    return nm;
  };
  const unsupported = (n: LayerNode, why: string) =>
    new ConvertError(n.name, `toNir: layer '${n.name}' (${n.className}) cannot be written as NIR: ${why}`, { code: 'ERR_UNSUPPORTED' });
  let v0 = 0;
  /** Names summing to the value with every θ applied (Scale nodes added where needed). */
  const materialize = (v: Value, hint: string): string[] =>
    v.srcs.map((s) => {
      if (!s.theta) return s.name;
      const full = new Float32Array(size(v.shape));
      const C = v.flatOf ? v.flatOf[0] : v.shape[0];
      const per = full.length / C;
      for (let k = 0; k < full.length; k++) full[k] = s.theta[Math.floor(k / per)];
      const nm = fresh(`${hint}_scale`);
      nodes[nm] = createNode('Scale', { scale: nirArray(full, v.shape) });
      edges.push([s.name, nm]);
      return nm;
    });
  /** The one θ vector a linear layer can absorb, or null after materializing. */
  const absorb = (v: Value, hint: string): { names: string[]; theta: Float32Array | null } => {
    if (v.srcs.length === 1) return { names: [v.srcs[0].name], theta: v.srcs[0].theta };
    return { names: materialize(v, hint), theta: null };
  };
  const connect = (names: string[], to: string) => names.forEach((f) => edges.push([f, to]));
  net.nodes.forEach((n, i) => {
    const op = n.op;
    const a = n.inputs.length ? vals[n.inputs[0]] : null;
    const shape = nchw(n.shape);
    switch (op.kind) {
      case 'input':
        nodes.input = createNode('Input', { shape: nirArray(shape, [shape.length], 'int64') });
        vals[i] = { srcs: [{ name: 'input', theta: null }], shape, flatOf: null };
        return;
      case 'dense': {
        const { names, theta } = absorb(a!, n.name);
        const { inUnits, units } = op;
        const w = new Float32Array(units * inUnits);
        const f = a!.flatOf;
        for (let r = 0; r < inUnits; r++) {
          // r indexes the NHWC-flattened input; k is the same element in NIR's CHW order
          let k = r;
          let c = r;
          if (f) {
            const [C, H, W] = f;
            c = r % C;
            const hw = Math.floor(r / C);
            k = c * H * W + hw;
            void W;
          }
          const th = theta ? theta[c] : 1;
          for (let o = 0; o < units; o++) w[o * inUnits + k] = op.w[r * units + o] * th;
        }
        const nm = fresh(n.name);
        nodes[nm] = createNode('Affine', { weight: nirArray(w, [units, inUnits]), bias: nirArray(op.b, [units]) });
        connect(names, nm);
        vals[i] = { srcs: [{ name: nm, theta: null }], shape, flatOf: null };
        return;
      }
      case 'conv2d':
      case 'depthwise': {
        const [kh, kw] = op.kernel;
        const dil = op.kind === 'conv2d' ? op.dilation : ([1, 1] as [number, number]);
        let pad: [number, number] = [0, 0];
        if (op.padding === 'same') {
          if (op.strides[0] !== 1 || op.strides[1] !== 1 || kh % 2 === 0 || kw % 2 === 0)
            throw unsupported(
              n,
              "'same' padding with a stride or an even kernel is asymmetric; use 'valid' with ZeroPadding folded by hand, or an odd kernel and stride 1",
            );
          pad = [(dil[0] * (kh - 1)) / 2, (dil[1] * (kw - 1)) / 2];
        }
        const { names, theta } = absorb(a!, n.name);
        const cin = op.cin;
        const cout = op.kind === 'conv2d' ? op.cout : op.cin * op.multiplier;
        const cinG = op.kind === 'conv2d' ? cin : 1;
        const w = new Float32Array(cout * cinG * kh * kw);
        for (let y = 0; y < kh; y++)
          for (let x = 0; x < kw; x++)
            for (let ci = 0; ci < cin; ci++) {
              const th = theta ? theta[ci] : 1;
              if (op.kind === 'conv2d')
                for (let o = 0; o < cout; o++) w[((o * cinG + ci) * kh + y) * kw + x] = op.w[((y * kw + x) * cin + ci) * cout + o] * th;
              else
                for (let m = 0; m < op.multiplier; m++) {
                  const o = ci * op.multiplier + m;
                  w[(o * kh + y) * kw + x] = op.w[((y * kw + x) * cin + ci) * op.multiplier + m] * th;
                }
            }
        const nm = fresh(n.name);
        nodes[nm] = createNode('Conv2d', {
          input_shape: nirArray(a!.shape.slice(1), [2], 'int64'),
          weight: nirArray(w, [cout, cinG, kh, kw]),
          stride: nirArray(op.strides, [2], 'int64'),
          padding: nirArray(pad, [2], 'int64'),
          dilation: nirArray(dil, [2], 'int64'),
          groups: op.kind === 'conv2d' ? 1 : cin,
          bias: nirArray(op.b, [cout]),
        });
        connect(names, nm);
        vals[i] = { srcs: [{ name: nm, theta: null }], shape, flatOf: null };
        return;
      }
      case 'avgpool':
      case 'gap': {
        if (op.kind === 'avgpool' && op.padding !== 'valid') throw unsupported(n, "pooling with 'same' padding (use 'valid')");
        const [, H, W] = a!.shape;
        const k = op.kind === 'gap' ? [H, W] : op.pool;
        const s = op.kind === 'gap' ? [H, W] : op.strides;
        // θ commutes with a per-channel mean: keep it on the value
        const out: Src[] = [];
        const nm = fresh(n.name);
        nodes[nm] = createNode('AvgPool2d', {
          kernel_size: nirArray(k, [2], 'int64'),
          stride: nirArray(s, [2], 'int64'),
          padding: nirArray([0, 0], [2], 'int64'),
        });
        const one = a!.srcs.length === 1;
        connect(one ? [a!.srcs[0].name] : materialize(a!, n.name), nm);
        out.push({ name: nm, theta: one ? a!.srcs[0].theta : null });
        if (op.kind === 'gap') {
          const fl = fresh(`${n.name}_flatten`);
          nodes[fl] = createNode('Flatten', { start_dim: 0, end_dim: -1, input_type: nirArray([a!.shape[0], 1, 1], [3], 'int64') });
          edges.push([nm, fl]);
          vals[i] = { srcs: [{ name: fl, theta: out[0].theta }], shape, flatOf: [a!.shape[0], 1, 1] };
        } else vals[i] = { srcs: out, shape, flatOf: null };
        return;
      }
      case 'flatten': {
        const nm = fresh(n.name);
        nodes[nm] = createNode('Flatten', { start_dim: 0, end_dim: -1, input_type: nirArray(a!.shape, [a!.shape.length], 'int64') });
        const one = a!.srcs.length === 1;
        connect(one ? [a!.srcs[0].name] : materialize(a!, n.name), nm);
        vals[i] = { srcs: [{ name: nm, theta: one ? a!.srcs[0].theta : null }], shape, flatOf: a!.shape.length === 3 ? a!.shape : null };
        return;
      }
      case 'add':
        vals[i] = { srcs: n.inputs.flatMap((k) => vals[k].srcs), shape, flatOf: vals[n.inputs[0]].flatOf };
        return;
      case 'if': {
        v0 = op.v0;
        const names = materialize(a!, n.name);
        const C = op.theta.length;
        const full = new Float32Array(size(shape));
        const per = full.length / (shape.length === 3 ? shape[0] : full.length);
        for (let k = 0; k < full.length; k++) full[k] = op.theta[C === 1 ? 0 : shape.length === 3 ? Math.floor(k / per) : k];
        const nm = fresh(n.name);
        const beta = op.beta ?? 1;
        if (beta === 1)
          nodes[nm] = createNode('IF', {
            r: nirArray(new Float32Array(full.length).fill(1), shape),
            v_threshold: nirArray(full, shape),
            v_reset: nirArray(new Float32Array(full.length), shape),
          });
        else {
          // forward Euler at dt = 1: v' = (1 − 1/τ) v + (R/τ) x = β v + x with τ = R = 1/(1 − β)
          const tau = new Float32Array(full.length).fill(1 / (1 - beta));
          nodes[nm] = createNode('LIF', {
            tau: nirArray(tau, shape),
            r: nirArray(tau.slice(), shape),
            v_leak: nirArray(new Float32Array(full.length), shape),
            v_threshold: nirArray(full, shape),
            v_reset: nirArray(new Float32Array(full.length), shape),
          });
        }
        connect(names, nm);
        // binary IF (read from NIR): the weights after it already hold θ
        vals[i] = {
          srcs: [
            {
              name: nm,
              theta: op.binary
                ? null
                : op.theta.length === 1
                  ? new Float32Array(shape.length === 3 ? shape[0] : size(shape)).fill(op.theta[0])
                  : op.theta,
            },
          ],
          shape,
          flatOf: null,
        };
        return;
      }
      default:
        throw unsupported(
          n,
          op.kind === 'maxpool'
            ? 'max pooling of spikes has no NIR node (convert with maxPool: average)'
            : `${op.kind} has no NIR node here`,
        );
    }
  });
  const out = vals[net.output];
  nodes.output = createNode('Output', { shape: nirArray(out.shape, [out.shape.length], 'int64') });
  connect(materialize(out, 'output'), 'output');
  return createGraph({ nodes, edges, metadata: { neurite_convention: NIR_CONVENTION, v0, readout: 'mean', dt: 1, reset: 'subtract' } });
}
