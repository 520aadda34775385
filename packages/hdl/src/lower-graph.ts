import { checkGraph, neuronCoefficients, type NirGraph, type NirNode, type Integration } from '@neurite/nir';
import { HdlError } from './hdl-error.js';

/** Neuron node types the mapping covers. */
export type NeuronType = 'IF' | 'LIF' | 'LI' | 'CubaLIF';
/** Synaptic (linear) node types the mapping covers; they are composed into one dense matrix per layer. */
export const SYNAPSE_TYPES = ['Affine', 'Linear', 'Scale', 'Flatten', 'Conv2d', 'SumPool2d', 'AvgPool2d'] as const;
const NEURON_TYPES: readonly string[] = ['IF', 'LIF', 'LI', 'CubaLIF'];

/** How a spiking neuron resets after a spike. */
export type ResetMode = 'to_v_reset' | 'subtract' | 'zero';

/**
 * One layer of a feed-forward spiking network in float, normalised so that the threshold is 1:
 *
 *   v[t]  = a · v'[t−1] + W x[t] + b        (x: spikes of the previous layer, 0/1)
 *   z[t]  = v[t] > 1                         (spiking layers)
 *   v'[t] = reset(v[t], z[t])                (v − 1, or vReset)
 *
 * with W = bV · W_graph / θ, b = (bV · b_graph + kV) / θ, vReset = v_reset / θ from the graph's
 * synaptic chain (composed into one dense map) and the neuron's coefficients (`neuronCoefficients` of
 * @neurite/nir, forward Euler or exact), per neuron. Scaling a neuron's state by 1/θ leaves its spikes
 * unchanged, so every layer can share the threshold 1. CubaLIF adds a synaptic current
 * i[t] = aI · i[t−1] + W x[t] that drives v through cV (then W multiplies x into i, not v).
 */
export interface FloatLayer {
  /** Name of the neuron node. */
  name: string;
  /** Names of the synaptic nodes composed into W, in order. */
  synapses: string[];
  /** Neuron type of the layer. */
  type: NeuronType;
  /** Inputs of the layer. */
  nIn: number;
  /** Neurons of the layer. */
  nOut: number;
  /** Row-major [nOut][nIn]. */
  weight: Float64Array;
  /** Bias b per neuron (in units of the threshold), added every step. */
  bias: Float64Array;
  /** Leak factor a (1 for IF). */
  leak: number;
  /** Potential after a spike for `reset: 'to_v_reset'`, in units of the threshold. */
  vReset: number;
  /** How the layer resets after a spike ('zero' is 'to_v_reset' with vReset 0). */
  reset: 'subtract' | 'to_v_reset';
  /** Whether the layer spikes (false for an LI readout). */
  spiking: boolean;
  /** CubaLIF only: synaptic decay aI per step. */
  synLeak?: number;
  /** CubaLIF only: the current-to-voltage factor cV / θ. */
  synGain?: number;
}

/** A feed-forward chain Input → (synapses → neuron)+ → Output. */
export interface FloatNetwork {
  /** Name of the Input node. */
  inputName: string;
  /** Name of the Output node. */
  outputName: string;
  /** Shape of the Input node. */
  inputShape: number[];
  /** Elements of the input (the product of `inputShape`). */
  inputSize: number;
  /** The layers, input to output. */
  layers: FloatLayer[];
}

/** Options of {@link lowerGraph} (and of {@link quantize}, which lowers first): the neuron discretisation and the reset. */
export interface LowerOptions {
  /** Time step in seconds for the neuron coefficients (default 1: one step per unit, as Sinabs/snnTorch exports). */
  dt?: number;
  /** Discretisation, as the @neurite/nir executor (default 'euler'). */
  integration?: Integration;
  /** Reset after a spike when the neuron node's metadata has no `reset_mode` (default 'to_v_reset', NIR's definition). */
  reset?: ResetMode;
  /** Largest dense matrix a composed layer may need (default 2^24 elements). */
  maxDense?: number;
}

const prod = (s: number[]) => s.reduce((a, b) => a * b, 1);

/**
 * Reads a NIR graph as a chain of layers (see {@link FloatLayer}). Synaptic nodes after the last
 * neuron become an integrating readout layer (type 'LI', leak 1: its membrane after the last step is
 * Σ_t of their output, as a readout that sums over time). Throws an `HdlError` naming the
 * node for anything the hardware mapping does not cover: a nested graph, a node type outside
 * {@link SYNAPSE_TYPES} and IF/LIF/LI/CubaLIF, fan-in or fan-out (branches), a cycle, a neuron
 * whose leak differs between its elements, a non-positive threshold.
 */
export function lowerGraph(graph: NirGraph, options: LowerOptions = {}): FloatNetwork {
  const dt = options.dt ?? 1;
  const integration = options.integration ?? 'euler';
  const maxDense = options.maxDense ?? 2 ** 24;
  if (!(dt > 0) || !Number.isFinite(dt))
    throw new HdlError('dt', `must be a positive finite number, got ${dt}`, { code: 'ERR_OUT_OF_RANGE' });
  const names = Object.keys(graph.nodes);
  for (const name of names) {
    const n = graph.nodes[name];
    if (n.type === 'NIRGraph')
      throw new HdlError(name, `node '${name}': nested graphs are not mapped to hardware (flatten the graph first)`, {
        code: 'ERR_UNSUPPORTED',
      });
    if (
      n.type !== 'Input' &&
      n.type !== 'Output' &&
      !NEURON_TYPES.includes(n.type) &&
      !(SYNAPSE_TYPES as readonly string[]).includes(n.type)
    )
      throw new HdlError(
        name,
        `node '${name}': ${n.type} is not mapped to hardware (supported: ${[...SYNAPSE_TYPES, ...NEURON_TYPES].join(', ')})`,
        {
          code: 'ERR_UNSUPPORTED',
        },
      );
  }
  const inputs = names.filter((n) => graph.nodes[n].type === 'Input');
  const outputs = names.filter((n) => graph.nodes[n].type === 'Output');
  if (inputs.length !== 1)
    throw new HdlError(inputs[1] ?? 'graph', `the graph needs exactly one Input node, it has ${inputs.length}`, {
      code: 'ERR_UNSUPPORTED',
    });
  if (outputs.length !== 1)
    throw new HdlError(outputs[1] ?? 'graph', `the graph needs exactly one Output node, it has ${outputs.length}`, {
      code: 'ERR_UNSUPPORTED',
    });
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  for (const [a, b] of graph.edges) {
    if (!(a in graph.nodes) || !(b in graph.nodes))
      throw new HdlError(`${a} -> ${b}`, `edge '${a} -> ${b}' names no node`, { code: 'ERR_UNSUPPORTED' });
    out.set(a, [...(out.get(a) ?? []), b]);
    inn.set(b, [...(inn.get(b) ?? []), a]);
  }
  for (const name of names) {
    if ((out.get(name)?.length ?? 0) > 1)
      throw new HdlError(name, `node '${name}' feeds ${out.get(name)!.length} nodes: branches are not mapped (a chain is)`, {
        code: 'ERR_UNSUPPORTED',
      });
    if ((inn.get(name)?.length ?? 0) > 1)
      throw new HdlError(name, `node '${name}' sums ${inn.get(name)!.length} inputs: merges are not mapped (a chain is)`, {
        code: 'ERR_UNSUPPORTED',
      });
  }
  // Walk the chain from the Input.
  const chain: string[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = inputs[0];
  while (cur !== undefined) {
    if (seen.has(cur))
      throw new HdlError(cur, `node '${cur}' closes a cycle: recurrent graphs are not mapped`, { code: 'ERR_UNSUPPORTED' });
    seen.add(cur);
    chain.push(cur);
    cur = out.get(cur)?.[0];
  }
  for (const name of names)
    if (!seen.has(name)) {
      const cyc = inn.get(name) !== undefined && out.get(name) !== undefined;
      throw new HdlError(
        name,
        cyc ? `node '${name}' is on a cycle: recurrent graphs are not mapped` : `node '${name}' is not on the path from Input to Output`,
        {
          code: 'ERR_UNSUPPORTED',
        },
      );
    }
  if (chain[chain.length - 1] !== outputs[0])
    throw new HdlError(chain[chain.length - 1], `the chain from the Input ends at '${chain[chain.length - 1]}', not at the Output`, {
      code: 'ERR_UNSUPPORTED',
    });

  const shapes = checkGraph(graph);
  const inputShape = shapes.nodes[inputs[0]].output ?? [];
  const layers: FloatLayer[] = [];
  let pending: string[] = [];
  let inSize = prod(inputShape);
  let inShape = inputShape;
  for (const name of chain.slice(1, -1)) {
    const n = graph.nodes[name];
    if ((SYNAPSE_TYPES as readonly string[]).includes(n.type)) {
      pending.push(name);
      continue;
    }
    if (pending.length === 0)
      throw new HdlError(name, `neuron '${name}' has no synaptic node (Affine, Linear, Conv2d, …) before it`, { code: 'ERR_UNSUPPORTED' });
    const nodeShape = shapes.nodes[name].output ?? shapes.nodes[name].input ?? [];
    const nOut = prod(nodeShape);
    const { weight, bias } = composeDense(graph, shapes.nodes, pending, inShape, inSize, nOut, maxDense);
    layers.push(neuronLayer(name, n, pending, inSize, nOut, weight, bias, dt, integration, options.reset ?? 'to_v_reset'));
    pending = [];
    inSize = nOut;
    inShape = nodeShape;
  }
  if (pending.length > 0) {
    if (layers.length === 0) throw new HdlError(pending[0], 'the graph has no neuron layer', { code: 'ERR_UNSUPPORTED' });
    // Synapses after the last neuron: an integrating readout, v_T = Σ_t (W x_t + b) (an LI without leak).
    const last = pending[pending.length - 1];
    const nOut = prod(shapes.nodes[last].output ?? []);
    const { weight, bias } = composeDense(graph, shapes.nodes, pending, inShape, inSize, nOut, maxDense);
    layers.push({
      name: last,
      synapses: [...pending],
      type: 'LI',
      nIn: inSize,
      nOut,
      weight,
      bias,
      leak: 1,
      vReset: 0,
      reset: 'to_v_reset',
      spiking: false,
    });
  }
  if (layers.length === 0) throw new HdlError(chain[1] ?? inputs[0], 'the graph has no neuron layer', { code: 'ERR_UNSUPPORTED' });
  return { inputName: inputs[0], outputName: outputs[0], inputShape, inputSize: prod(inputShape), layers };
}

function neuronLayer(
  name: string,
  n: NirNode,
  synapses: string[],
  nIn: number,
  nOut: number,
  weight: Float64Array,
  bias: Float64Array,
  dt: number,
  integration: Integration,
  defaultReset: ResetMode,
): FloatLayer {
  if (n.type !== 'IF' && n.type !== 'LIF' && n.type !== 'LI' && n.type !== 'CubaLIF')
    throw new HdlError(name, `node '${name}': ${n.type} is not a neuron`, { code: 'ERR_UNSUPPORTED' });
  const c = neuronCoefficients(n, dt, integration);
  const len = c.aV.length;
  const at = (a: Float64Array, i: number) => (len === 1 ? a[0] : a[i]);
  if (len !== 1 && len !== nOut)
    throw new HdlError(name, `node '${name}' has ${len} parameters for ${nOut} neurons`, { code: 'ERR_SHAPE' });
  const uniform = (a: Float64Array, what: string) => {
    for (let i = 1; i < a.length; i++)
      if (Math.abs(a[i] - a[0]) > 1e-12 * Math.max(1, Math.abs(a[0])))
        throw new HdlError(name, `node '${name}': ${what} differs between neurons (${a[0]} vs ${a[i]}); one layer shares one ${what}`, {
          code: 'ERR_UNSUPPORTED',
        });
    return a[0];
  };
  const leak = uniform(c.aV, 'leak factor');
  const spiking = n.type !== 'LI';
  const theta = spiking ? (n as { v_threshold: { data: Float32Array | Float64Array } }).v_threshold.data : new Float64Array([1]);
  const vResetData = spiking ? (n as { v_reset: { data: Float32Array | Float64Array } }).v_reset.data : new Float64Array([0]);
  const metaReset = n.metadata.reset_mode ?? n.metadata.reset;
  const mode: ResetMode = metaReset === 'subtract' || metaReset === 'zero' || metaReset === 'to_v_reset' ? metaReset : defaultReset;
  const cuba = n.type === 'CubaLIF';
  const w = new Float64Array(nOut * nIn);
  const b = new Float64Array(nOut);
  const vr = new Float64Array(nOut);
  for (let i = 0; i < nOut; i++) {
    const th = theta.length === 1 ? theta[0] : theta[i];
    if (!(th > 0)) throw new HdlError(name, `node '${name}': threshold ${th} of neuron ${i} is not positive`, { code: 'ERR_UNSUPPORTED' });
    // CubaLIF: W feeds the synaptic current i (gain bI); v gets cV·i. Otherwise W feeds v with gain bV.
    const gain = cuba ? at(c.bI!, i) : at(c.bV, i);
    for (let j = 0; j < nIn; j++) w[i * nIn + j] = (gain * weight[i * nIn + j]) / (cuba ? 1 : th);
    b[i] = cuba ? (gain * bias[i]) / 1 : (gain * bias[i] + at(c.kV, i)) / th;
    vr[i] = mode === 'zero' ? 0 : (vResetData.length === 1 ? vResetData[0] : vResetData[i]) / th;
  }
  const layer: FloatLayer = {
    name,
    synapses: [...synapses],
    type: n.type,
    nIn,
    nOut,
    weight: w,
    bias: b,
    leak,
    vReset: spiking ? uniform(vr, 'reset voltage / threshold') : 0,
    reset: mode === 'subtract' ? 'subtract' : 'to_v_reset',
    spiking,
  };
  if (cuba) {
    layer.synLeak = uniform(c.aI!, 'synaptic decay');
    const th = new Float64Array(nOut);
    for (let i = 0; i < nOut; i++) th[i] = at(c.cV!, i) / (theta.length === 1 ? theta[0] : theta[i]);
    layer.synGain = uniform(th, 'current gain / threshold');
    if (uniform(c.kV.length === 1 ? c.kV : c.kV, 'leak voltage') !== 0)
      throw new HdlError(name, `node '${name}': CubaLIF with v_leak ≠ 0 is not mapped`, { code: 'ERR_UNSUPPORTED' });
  }
  return layer;
}

/**
 * Composes the synaptic nodes into y = W x + b by evaluating them on the zero vector (b) and on
 * every unit vector (columns of W) in float64. Affine/Linear alone are read directly.
 */
function composeDense(
  graph: NirGraph,
  shapes: Record<string, { input: number[] | null; output: number[] | null }>,
  names: string[],
  inShape: number[],
  nIn: number,
  nOut: number,
  maxDense: number,
): { weight: Float64Array; bias: Float64Array } {
  if (nIn * nOut > maxDense)
    throw new HdlError(
      names[0],
      `layer through '${names.join(', ')}' needs a ${nOut}×${nIn} dense matrix, more than ${maxDense} elements`,
      { code: 'ERR_OUT_OF_RANGE' },
    );
  const only = graph.nodes[names[0]];
  if (names.length === 1 && (only.type === 'Affine' || only.type === 'Linear')) {
    const [r, c] = only.weight.shape;
    if (r !== nOut || c !== nIn)
      throw new HdlError(names[0], `node '${names[0]}': weight ${r}×${c} does not map ${nIn} inputs to ${nOut} neurons`, {
        code: 'ERR_SHAPE',
      });
    return {
      weight: Float64Array.from(only.weight.data),
      bias: only.type === 'Affine' ? Float64Array.from(only.bias.data) : new Float64Array(nOut),
    };
  }
  const apply = (x: Float64Array): Float64Array => {
    let v = x;
    let shape = inShape;
    for (const name of names) {
      const r = applyOp(name, graph.nodes[name], v, shape, shapes[name]?.output ?? null);
      v = r.y;
      shape = r.shape;
    }
    if (v.length !== nOut)
      throw new HdlError(names[names.length - 1], `synaptic chain gives ${v.length} values for ${nOut} neurons`, { code: 'ERR_SHAPE' });
    return v;
  };
  const bias = apply(new Float64Array(nIn));
  const weight = new Float64Array(nOut * nIn);
  const e = new Float64Array(nIn);
  for (let j = 0; j < nIn; j++) {
    e[j] = 1;
    const y = apply(e);
    e[j] = 0;
    for (let i = 0; i < nOut; i++) weight[i * nIn + j] = y[i] - bias[i];
  }
  return { weight, bias };
}

function spatial(v: number | { data: ArrayLike<number> }, n: number): number[] {
  if (typeof v === 'number') return new Array<number>(n).fill(v);
  if (v.data.length === 1) return new Array<number>(n).fill(v.data[0]);
  return Array.from(v.data);
}

/** One synaptic node on a float64 vector (row-major, no batch dim). */
function applyOp(
  name: string,
  n: NirNode,
  x: Float64Array,
  shape: number[],
  outShape: number[] | null,
): { y: Float64Array; shape: number[] } {
  switch (n.type) {
    case 'Affine':
    case 'Linear': {
      const [r, c] = n.weight.shape;
      if (c !== x.length) throw new HdlError(name, `node '${name}': weight has ${c} columns for ${x.length} inputs`, { code: 'ERR_SHAPE' });
      const y = new Float64Array(r);
      for (let i = 0; i < r; i++) {
        let s = n.type === 'Affine' ? n.bias.data[i] : 0;
        for (let j = 0; j < c; j++) s += n.weight.data[i * c + j] * x[j];
        y[i] = s;
      }
      return { y, shape: [r] };
    }
    case 'Scale': {
      const s = n.scale.data;
      const y = new Float64Array(x.length);
      for (let i = 0; i < x.length; i++) y[i] = x[i] * (s.length === 1 ? s[0] : s[i % s.length]);
      return { y, shape };
    }
    case 'Flatten':
      return { y: x, shape: outShape ?? [x.length] };
    case 'Conv2d': {
      const [cout, cinG, kh, kw] = n.weight.shape;
      const [cin, h, w] = shape;
      const s = spatial(n.stride, 2);
      const d = spatial(n.dilation, 2);
      let p: number[];
      if (n.padding === 'valid') p = [0, 0];
      else if (n.padding === 'same') p = [Math.floor((d[0] * (kh - 1)) / 2), Math.floor((d[1] * (kw - 1)) / 2)];
      else p = spatial(n.padding, 2);
      const oh = outShape ? outShape[1] : Math.floor((h + 2 * p[0] - d[0] * (kh - 1) - 1) / s[0] + 1);
      const ow = outShape ? outShape[2] : Math.floor((w + 2 * p[1] - d[1] * (kw - 1) - 1) / s[1] + 1);
      const g = n.groups;
      const coutG = cout / g;
      const y = new Float64Array(cout * oh * ow);
      for (let o = 0; o < cout; o++) {
        const gi = Math.floor(o / coutG);
        for (let yy = 0; yy < oh; yy++)
          for (let xx = 0; xx < ow; xx++) {
            let acc = n.bias.data[o];
            for (let ci = 0; ci < cinG; ci++) {
              const c = gi * cinG + ci;
              if (c >= cin) continue;
              for (let ky = 0; ky < kh; ky++) {
                const iy = yy * s[0] - p[0] + ky * d[0];
                if (iy < 0 || iy >= h) continue;
                for (let kx = 0; kx < kw; kx++) {
                  const ix = xx * s[1] - p[1] + kx * d[1];
                  if (ix < 0 || ix >= w) continue;
                  acc += n.weight.data[((o * cinG + ci) * kh + ky) * kw + kx] * x[(c * h + iy) * w + ix];
                }
              }
            }
            y[(o * oh + yy) * ow + xx] = acc;
          }
      }
      return { y, shape: [cout, oh, ow] };
    }
    case 'SumPool2d':
    case 'AvgPool2d': {
      const k = spatial(n.kernel_size, 2);
      const s = spatial(n.stride, 2);
      const p = spatial(n.padding, 2);
      const [c, h, w] = shape.length === 3 ? shape : [1, shape[0], shape[1]];
      const oh = Math.floor((h + 2 * p[0] - k[0]) / s[0] + 1);
      const ow = Math.floor((w + 2 * p[1] - k[1]) / s[1] + 1);
      const div = n.type === 'AvgPool2d' ? k[0] * k[1] : 1;
      const y = new Float64Array(c * oh * ow);
      for (let ci = 0; ci < c; ci++)
        for (let yy = 0; yy < oh; yy++)
          for (let xx = 0; xx < ow; xx++) {
            let acc = 0;
            for (let ky = 0; ky < k[0]; ky++)
              for (let kx = 0; kx < k[1]; kx++) {
                const iy = yy * s[0] - p[0] + ky;
                const ix = xx * s[1] - p[1] + kx;
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) acc += x[(ci * h + iy) * w + ix];
              }
            y[(ci * oh + yy) * ow + xx] = acc / div;
          }
      return { y, shape: shape.length === 3 ? [c, oh, ow] : [oh, ow] };
    }
    default:
      throw new HdlError(name, `node '${name}': ${n.type} is not a synaptic node`, { code: 'ERR_UNSUPPORTED' });
  }
}
