import { neuronStep, tf } from '@neurite/tensor';
import type { NeuronStepParams, Tensor } from '@neurite/tensor';
import type { InputNode, NirArray, NirGraph, NirNode } from './types.js';
import { NirError } from './nir-error.js';
import { resolveEndpoint, spatial, validateNode } from './create-node.js';
import { checkGraph, flattenShape } from './check-graph.js';
import type { GraphShapes } from './check-graph.js';
import { neuronCoefficients } from './neuron-coefficients.js';
import type { Integration } from './neuron-coefficients.js';

/** What a spiking neuron does to v after a spike z (see README, "Executor options"). */
export type ResetMode = 'subtract' | 'zero' | 'to_v_reset';

export interface CompileOptions {
  /** Time step in seconds (> 0). */
  dt: number;
  /** 'euler' (default; Norse's convention) or 'exact' (zero-order-hold exact solution). */
  integration?: Integration;
  /**
   * After a spike: 'to_v_reset' (default, NIR's definition: v = v_reset; with v_reset = 0 this is Norse),
   * 'zero' (v = 0), 'subtract' (v = v − v_threshold, snnTorch's default and the paper's exact trace).
   */
  reset?: ResetMode;
  /** Node names (nested ones as `sub.node`) whose output and state to record at every step, or 'all'. */
  record?: string[] | 'all';
}

/** One recorded node: outputs (and states) stacked over time, [T, B, ...]. */
export interface Recording { output: Tensor; v?: Tensor; i?: Tensor }

type StepFn = (x: Tensor, state: Tensor[]) => [Tensor, Tensor[]];

interface Prim {
  name: string;
  node: NirNode;
  inputs: { src: number; back: boolean }[];
  outShape: number[] | null;
  fn: StepFn;
  /** State names for recording (e.g. ['v'] or ['v', 'i']). */
  stateNames: string[];
  stateful: boolean;
}

/**
 * Compile a NIR graph into a simulator running on the active tfjs backend
 * (through @neurite/tensor). Inputs and outputs have the batch dimension
 * first: a node of shape S takes / gives [B, ...S] per step.
 *
 * Semantics: all edges into a node are summed; an edge that closes a cycle
 * (a back edge, found by depth-first search from the inputs) carries the
 * value its source had at the previous step (zero at the first step); nested
 * graphs are inlined (their nodes named `sub.node`); a Delay of d seconds
 * delays each element by round(d / dt) steps. Neuron equations: see
 * {@link neuronCoefficients}. The graph is turned once into a flat list of
 * closures; a step runs them in order inside one tf.tidy.
 */
export function compile(graph: NirGraph, opts: CompileOptions): Simulator {
  if (!(typeof opts.dt === 'number' && opts.dt > 0 && Number.isFinite(opts.dt))) throw new NirError(`dt must be a positive number of seconds, got ${opts.dt}`, { field: 'dt' });
  const integration = opts.integration ?? 'euler';
  if (integration !== 'euler' && integration !== 'exact') throw new NirError(`integration must be 'euler' or 'exact', got '${String(integration)}'`, { field: 'integration' });
  const reset = opts.reset ?? 'to_v_reset';
  if (!['subtract', 'zero', 'to_v_reset'].includes(reset)) throw new NirError(`reset must be 'subtract', 'zero' or 'to_v_reset', got '${String(reset)}'`, { field: 'reset' });
  const g = validateNode(graph, '') as NirGraph;
  if (g.type !== 'NIRGraph') throw new NirError('expected a NIRGraph', { node: '' });
  const shapes = checkGraph(g);
  return new Simulator(g, shapes, opts.dt, integration, reset, opts.record ?? []);
}

/** A compiled graph with its state. Dispose it when done. */
export class Simulator {
  /** Names of the top-level Input / Output nodes, and of all (inlined) nodes in execution order. */
  readonly inputs: string[];
  readonly outputs: string[];
  readonly nodes: string[];
  private readonly prims: Prim[];
  private readonly inputIdx: number[];
  private readonly inputShapes: number[][];
  private readonly outputIdx: number[];
  private readonly keepIdx: number[]; // outputs that back edges read at the next step
  private readonly recordIdx: number[];
  private states: Tensor[][];
  private prev: (Tensor | null)[];
  private records = new Map<number, Tensor[][]>();
  private readonly consts: Tensor[] = [];
  private disposed = false;

  constructor(g: NirGraph, shapes: GraphShapes, private readonly dt: number, private readonly integration: Integration,
    private readonly reset_: ResetMode, record: string[] | 'all') {
    this.prims = [];
    const flat: { name: string; node: NirNode; outShape: number[] | null }[] = [];
    const conns: [number, number][] = [];
    // Inline nested graphs: returns, per node of graph `h`, the prim index of its entry and exit.
    const inline = (h: NirGraph, sh: GraphShapes, prefix: string): Map<string, { entry: number; exit: number }> => {
      const ends = new Map<string, { entry: number; exit: number }>();
      for (const [name, n] of Object.entries(h.nodes)) {
        const full = prefix + name;
        if (n.type === 'NIRGraph') {
          const inner = inline(n, sh.nodes[name].inner!, `${full}.`);
          const ins = Object.keys(n.nodes).filter((k) => n.nodes[k].type === 'Input');
          const outs = Object.keys(n.nodes).filter((k) => n.nodes[k].type === 'Output');
          ends.set(name, {
            entry: ins.length === 1 ? inner.get(ins[0])!.entry : -1,
            exit: outs.length === 1 ? inner.get(outs[0])!.exit : -1,
          });
          for (const [k, v] of inner) ends.set(`${name}.${k}`, v);
        } else {
          flat.push({ name: full, node: n, outShape: sh.nodes[name].output });
          ends.set(name, { entry: flat.length - 1, exit: flat.length - 1 });
        }
      }
      for (const edge of h.edges) {
        const chainA = resolveEndpoint(h.nodes, edge[0])!.join('.');
        const chainB = resolveEndpoint(h.nodes, edge[1])!.join('.');
        const a = ends.get(chainA)!.exit;
        const b = ends.get(chainB)!.entry;
        if (a < 0 || b < 0) throw new NirError('an edge to or from a nested graph needs exactly one Input and one Output in it', { node: prefix.slice(0, -1), edge });
        conns.push([a, b]);
      }
      return ends;
    };
    inline(g, shapes, '');
    const topInputs = flat.map((p, i) => ({ p, i })).filter(({ p }) => p.node.type === 'Input' && !p.name.includes('.') && Object.prototype.hasOwnProperty.call(g.nodes, p.name));
    const topOutputs = flat.map((p, i) => ({ p, i })).filter(({ p }) => p.node.type === 'Output' && Object.prototype.hasOwnProperty.call(g.nodes, p.name));
    // Order: reverse post-order of a DFS from the inputs (then any node not reached).
    const succ: number[][] = flat.map(() => []);
    for (const [a, b] of conns) succ[a].push(b);
    const visited = new Uint8Array(flat.length);
    const post: number[] = [];
    const dfs = (start: number) => {
      const stack: [number, number][] = [[start, 0]];
      visited[start] = 1;
      while (stack.length) {
        const top = stack[stack.length - 1];
        const [u, k] = top;
        if (k < succ[u].length) {
          top[1]++;
          const v = succ[u][k];
          if (!visited[v]) { visited[v] = 1; stack.push([v, 0]); }
        } else { post.push(u); stack.pop(); }
      }
    };
    for (const { i } of topInputs) if (!visited[i]) dfs(i);
    for (let i = 0; i < flat.length; i++) if (!visited[i]) dfs(i);
    const order = post.reverse();
    const pos = new Int32Array(flat.length);
    order.forEach((p, k) => { pos[p] = k; });
    checkCycles(flat, conns, this.dt);
    const newIndex = (old: number) => pos[old];
    const inputsOf: { src: number; back: boolean }[][] = order.map(() => []);
    for (const [a, b] of conns) inputsOf[newIndex(b)].push({ src: newIndex(a), back: pos[a] >= pos[b] });
    for (const old of order) {
      const f = flat[old];
      const k = newIndex(old);
      const { fn, stateNames } = this.buildStep(f.name, f.node);
      this.prims.push({ name: f.name, node: f.node, inputs: inputsOf[k], outShape: f.outShape, fn, stateNames, stateful: stateNames.length > 0 || f.node.type === 'Delay' });
    }
    this.nodes = this.prims.map((p) => p.name);
    this.inputIdx = topInputs.map(({ i }) => newIndex(i));
    this.outputIdx = topOutputs.map(({ i }) => newIndex(i));
    this.inputs = this.inputIdx.map((i) => this.prims[i].name);
    this.inputShapes = this.inputIdx.map((i) => Array.from((this.prims[i].node as InputNode).shape.data));
    this.outputs = this.outputIdx.map((i) => this.prims[i].name);
    const keep = new Set<number>();
    for (const p of this.prims) {
      if (p.node.type !== 'Input' && p.inputs.length === 0) throw new NirError('node has no incoming edge', { node: p.name });
      for (const e of p.inputs) if (e.back) keep.add(e.src);
    }
    this.keepIdx = [...keep];
    const names = record === 'all' ? this.nodes : record;
    this.recordIdx = names.map((n) => {
      const k = this.nodes.indexOf(n);
      if (k < 0) throw new NirError(`cannot record unknown node '${n}' (nodes: ${this.nodes.join(', ')})`, { field: 'record' });
      return k;
    });
    this.states = this.prims.map(() => []);
    this.prev = this.prims.map(() => null);
  }

  private constTensor(a: ArrayLike<number>, shape: number[]): Tensor {
    const t = tf.keep(tf.tensor(Float32Array.from(a), shape, 'float32'));
    this.consts.push(t);
    return t;
  }

  private buildStep(name: string, n: NirNode): { fn: StepFn; stateNames: string[] } {
    const dt = this.dt;
    const c = (a: NirArray) => this.constTensor(a.data, a.shape);
    const allEq = (a: ArrayLike<number>, v: number) => { for (let j = 0; j < a.length; j++) if (a[j] !== v) return false; return true; };
    switch (n.type) {
      // The caller's tensor itself (no copy); stepAll clones it where it would outlive the step (state, back edge).
      case 'Input': return { fn: (x, s) => [x, s], stateNames: [] };
      case 'Output': return { fn: (x, s) => [x, s], stateNames: [] };
      case 'Affine': case 'Linear': {
        const wt = this.constTensor(transpose2d(n.weight), [n.weight.shape[1], n.weight.shape[0]]);
        const b = n.type === 'Affine' && !allEq(n.bias.data, 0) ? c(n.bias) : null;
        return { fn: (x, s) => [b ? tf.add(tf.matMul(x, wt), b) : tf.matMul(x, wt), s], stateNames: [] };
      }
      case 'Scale': { const s_ = c(n.scale); return { fn: (x, s) => [tf.mul(x, s_), s], stateNames: [] }; }
      case 'Threshold': { const th = c(n.threshold); return { fn: (x, s) => [tf.cast(tf.greater(x, th), 'float32'), s], stateNames: [] }; }
      case 'Flatten': return {
        fn: (x, s) => [tf.reshape(x, [x.shape[0], ...flattenShape(x.shape.slice(1), n.start_dim, n.end_dim)]), s], stateNames: [],
      };
      case 'Delay': return { fn: this.delayStep(n.delay), stateNames: [] };
      case 'Conv1d': case 'Conv2d': return { fn: this.convStep(name, n), stateNames: [] };
      case 'SumPool2d': case 'AvgPool2d': return { fn: this.poolStep(n), stateNames: [] };
      case 'I': case 'IF': case 'LI': case 'LIF': case 'CubaLI': case 'CubaLIF': {
        const co = neuronCoefficients(n, dt, this.integration);
        for (const [k, arr] of Object.entries(co)) {
          if (arr instanceof Float64Array) for (const v of arr) if (!Number.isFinite(v)) throw new NirError(`parameters give a non-finite coefficient ${k} at dt=${dt} (time constants must be > 0)`, { node: name });
        }
        const sh = co.shape;
        const t = (a: Float64Array) => this.constTensor(a, sh);
        const aV = allEq(co.aV, 1) ? null : t(co.aV);
        const bV = allEq(co.bV, 0) ? null : allEq(co.bV, 1) ? 'one' as const : t(co.bV);
        const kV = allEq(co.kV, 0) ? null : t(co.kV);
        const cur = co.aI !== undefined;
        const aI = cur ? t(co.aI!) : null; const bI = cur ? (allEq(co.bI!, 1) ? 'one' as const : t(co.bI!)) : null;
        const cV = cur ? t(co.cV!) : null;
        const spiking = n.type === 'IF' || n.type === 'LIF' || n.type === 'CubaLIF';
        const th = spiking ? c((n as { v_threshold: NirArray }).v_threshold) : null;
        const vr = spiking && this.reset_ === 'to_v_reset' && !allEq((n as { v_reset: NirArray }).v_reset.data, 0) ? c((n as { v_reset: NirArray }).v_reset) : null;
        // One fused update per step (neuronStep: the NeuronStep kernel on cpu/wasm, composed ops elsewhere):
        //   i' = aI·i + bI·x;  v' = aV·v + bV·x + cV·i + kV;  z = v' > v_threshold;  v = reset(v', z).
        const params: NeuronStepParams = {
          // bV = 0 (CubaLI(F) with euler: x enters through i only) is kept as a zero tensor: v' + 0·x = v'.
          aV: aV ?? undefined, bV: bV === 'one' ? undefined : bV ?? t(co.bV), kV: kV ?? undefined,
          cV: cV ?? undefined, aI: aI ?? undefined, bI: bI === 'one' || bI === null ? undefined : bI,
          threshold: th ?? undefined, vReset: vr ?? undefined, reset: this.reset_,
        };
        const fn: StepFn = (x, s) => {
          const r = neuronStep(x, { v: s[0], i: s[1] }, params);
          return [spiking ? r.spikes! : r.v, cur ? [r.v, r.i!] : [r.v]];
        };
        return { fn, stateNames: cur ? ['v', 'i'] : ['v'] };
      }
      case 'NIRGraph': throw new NirError('nested graph left after inlining', { node: name });
    }
  }

  private delayStep(delay: NirArray): StepFn {
    const steps = Array.from(delay.data, (d) => Math.round(d / this.dt));
    const max = Math.max(0, ...steps);
    if (max === 0) return (x, s) => [x, s];
    const distinct = [...new Set(steps)].sort((a, b) => a - b);
    const masks = distinct.length === 1 ? null : distinct.map((d) => this.constTensor(steps.map((s) => (s === d ? 1 : 0)), delay.shape));
    // state: the last `max` inputs, oldest first.
    return (x, s) => {
      const hist = s.length === max ? s : [...new Array<Tensor>(max - s.length).fill(tf.zerosLike(x)), ...s];
      const at = (d: number) => (d === 0 ? x : hist[max - d]);
      let out: Tensor;
      if (masks === null) out = tf.clone(at(distinct[0])); else {
        out = tf.mul(at(distinct[0]), masks[0]);
        for (let k = 1; k < distinct.length; k++) out = tf.add(out, tf.mul(at(distinct[k]), masks[k]));
      }
      return [out, [...hist.slice(1), x]];
    };
  }

  private convStep(name: string, n: Extract<NirNode, { type: 'Conv1d' | 'Conv2d' }>): StepFn {
    const nd = n.type === 'Conv1d' ? 1 : 2;
    const w = n.weight; // (Cout, Cin/g, kh[, kw])
    const [cout, cinG] = w.shape;
    const kh = nd === 2 ? w.shape[2] : 1; const kw = nd === 2 ? w.shape[3] : w.shape[2];
    const s = spatial(n.stride, nd, { node: name, field: 'stride' }); const d = spatial(n.dilation, nd, { node: name, field: 'dilation' });
    const strides: [number, number] = nd === 2 ? [s[0], s[1]] : [1, s[0]];
    const dil: [number, number] = nd === 2 ? [d[0], d[1]] : [1, d[0]];
    if ((strides[0] > 1 || strides[1] > 1) && (dil[0] > 1 || dil[1] > 1)) throw new NirError('tfjs cannot combine stride > 1 with dilation > 1', { node: name });
    let pad: 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
    if (typeof n.padding === 'string') pad = n.padding;
    else { const p = spatial(n.padding, nd, { node: name, field: 'padding' }); const ph = nd === 2 ? p[0] : 0; const pw = nd === 2 ? p[1] : p[0]; pad = [[0, 0], [ph, ph], [pw, pw], [0, 0]]; }
    const groups = n.groups;
    const coutG = cout / groups;
    // filters per group in tfjs layout [kh, kw, cin/g, cout/g]
    const filters: Tensor[] = [];
    for (let gi = 0; gi < groups; gi++) {
      const f = new Float32Array(kh * kw * cinG * coutG);
      for (let o = 0; o < coutG; o++) for (let ci = 0; ci < cinG; ci++) for (let y = 0; y < kh; y++) for (let xk = 0; xk < kw; xk++) {
        f[((y * kw + xk) * cinG + ci) * coutG + o] = w.data[(((gi * coutG + o) * cinG + ci) * kh + y) * kw + xk];
      }
      filters.push(this.constTensor(f, [kh, kw, cinG, coutG]));
    }
    const bias = this.constTensor(n.bias.data, [cout]);
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

  private poolStep(n: Extract<NirNode, { type: 'SumPool2d' | 'AvgPool2d' }>): StepFn {
    const k = spatial(n.kernel_size, 2, {}); const s = spatial(n.stride, 2, {}); const p = spatial(n.padding, 2, {});
    const scale = n.type === 'SumPool2d' ? k[0] * k[1] : 1;
    return (x, st) => {
      const two = x.rank === 3; // [B, H, W]
      let h = two ? tf.expandDims(x, 3) : tf.transpose(x, [0, 2, 3, 1]);
      if (p[0] > 0 || p[1] > 0) h = tf.pad(h, [[0, 0], [p[0], p[0]], [p[1], p[1]], [0, 0]]);
      let y = tf.avgPool(h as tf.Tensor4D, [k[0], k[1]], [s[0], s[1]], 'valid') as Tensor;
      if (scale !== 1) y = tf.mul(y, scale);
      return [two ? tf.squeeze(y, [3]) : tf.transpose(y, [0, 3, 1, 2]), st];
    };
  }

  /**
   * One step. `x`: the input batch [B, ...shape] (or one per Input node, by
   * name). Returns the single output [B, ...]; the caller disposes it.
   */
  step(x: Tensor | Record<string, Tensor>): Tensor {
    if (this.outputIdx.length !== 1) throw new NirError(`step() needs exactly one Output node, the graph has ${this.outputIdx.length}: use stepAll()`);
    return this.stepAll(x)[this.outputs[0]];
  }

  /** One step, returning every Output node's value by name (caller disposes). */
  stepAll(x: Tensor | Record<string, Tensor>): Record<string, Tensor> {
    if (this.disposed) throw new NirError('the simulator was disposed');
    const feeds = this.feeds(x);
    const prims = this.prims;
    const n = prims.length;
    const foreign = new Set<Tensor>(feeds);
    for (const t of this.prev) if (t !== null) foreign.add(t);
    const own = (t: Tensor) => (foreign.has(t) ? tf.clone(t) : t);
    const result = tf.tidy(() => {
      const outs: Tensor[] = new Array(n);
      const newStates: Tensor[][] = new Array(n);
      for (let k = 0; k < n; k++) {
        const p = prims[k];
        // feeds[j] belongs to the Input node inputIdx[j] (execution order may differ from it)
        const j = this.inputIdx.indexOf(k);
        const inp = j >= 0 ? feeds[j] : this.inputValue(p, outs);
        const [o, s] = p.fn(inp, this.states[k]);
        outs[k] = o;
        // Tensors this step does not own (the caller's inputs, which pass through Input nodes uncopied, and the
        // previous step's back-edge values, disposed below) get a copy where they would outlive the step.
        newStates[k] = s.some((t) => foreign.has(t)) ? s.map(own) : s;
      }
      const ret: Record<string, Tensor> = {};
      this.outputIdx.forEach((k, j) => { ret[this.outputs[j]] = tf.clone(outs[k]); });
      return { ret, keep: this.keepIdx.map((k) => own(outs[k])), newStates, rec: this.recordIdx.map((k) => [tf.clone(outs[k]), ...newStates[k].map((t) => tf.clone(t))]) };
    });
    // Swap state: dispose what is no longer referenced.
    const live = new Set<Tensor>();
    for (const s of result.newStates) for (const t of s) live.add(t);
    for (const s of this.states) for (const t of s) if (!live.has(t)) t.dispose();
    this.states = result.newStates;
    for (const k of this.keepIdx) this.prev[k]?.dispose();
    this.keepIdx.forEach((k, j) => { this.prev[k] = result.keep[j]; });
    this.recordIdx.forEach((k, j) => {
      let list = this.records.get(k);
      if (!list) { list = []; this.records.set(k, list); }
      list.push(result.rec[j]);
    });
    return result.ret;
  }

  private inputValue(p: Prim, outs: Tensor[]): Tensor {
    let sum: Tensor | null = null;
    for (const e of p.inputs) {
      let v: Tensor | null = e.back ? this.prev[e.src] : outs[e.src];
      if (v === null) {
        const sh = this.prims[e.src].outShape;
        if (sh === null) throw new NirError('cannot infer the shape of a back edge source', { node: this.prims[e.src].name });
        const b = outs.find((t) => t !== undefined)?.shape[0] ?? 1;
        v = tf.zeros([b, ...sh]);
      }
      sum = sum === null ? v : tf.add(sum, v);
    }
    return sum!;
  }

  /** The value of each top-level Input node, in `inputs` order, checked against its shape [B, ...shape]. */
  private feeds(x: Tensor | Record<string, Tensor>): Tensor[] {
    let list: Tensor[];
    if (x instanceof tf.Tensor) {
      if (this.inputIdx.length !== 1) throw new NirError(`the graph has ${this.inputIdx.length} Input nodes (${this.inputs.join(', ')}): pass a record by name`);
      list = [x];
    } else {
      list = this.inputs.map((name) => {
        const t = (x as Record<string, Tensor>)[name];
        if (!(t instanceof tf.Tensor)) throw new NirError(`missing input '${name}'`, { node: name });
        return t;
      });
    }
    list.forEach((t, j) => {
      const want = this.inputShapes[j];
      const name = this.inputs[j];
      if (t.rank !== want.length + 1 || !want.every((s, d) => t.shape[d + 1] === s)) {
        throw new NirError(`input of shape [${t.shape.join(', ')}] does not fit [B, ${want.join(', ')}]`, { node: name });
      }
      if (t.shape[0] !== list[0].shape[0]) throw new NirError(`batch size ${t.shape[0]} differs from ${list[0].shape[0]} of input '${this.inputs[0]}'`, { node: name });
    });
    return list;
  }

  /**
   * Run over time: `xs` is [T, B, ...shape] (or one per Input node). Returns
   * the single output stacked [T, B, ...]; the caller disposes it.
   */
  run(xs: Tensor | Record<string, Tensor>, steps?: number): Tensor {
    if (this.outputIdx.length !== 1) throw new NirError(`run() needs exactly one Output node, the graph has ${this.outputIdx.length}: use runAll()`);
    const r = this.runAll(xs, steps);
    return r[this.outputs[0]];
  }

  /** Run over time, every Output node stacked [T, B, ...] by name. `steps` defaults to T. */
  runAll(xs: Tensor | Record<string, Tensor>, steps?: number): Record<string, Tensor> {
    const seqs = xs instanceof tf.Tensor ? { [this.inputs[0] ?? 'input']: xs } : xs;
    const names = xs instanceof tf.Tensor ? null : this.inputs;
    const first = Object.values(seqs)[0];
    const T = steps ?? first.shape[0];
    const frames: Record<string, Tensor[]> = {};
    for (const [k, v] of Object.entries(seqs)) frames[k] = tf.unstack(v);
    const outs: Record<string, Tensor[]> = Object.fromEntries(this.outputs.map((o) => [o, []]));
    try {
      for (let t = 0; t < T; t++) {
        const at = (arr: Tensor[]) => arr[Math.min(t, arr.length - 1)];
        const x = names === null ? at(Object.values(frames)[0]) : Object.fromEntries(names.map((nm) => [nm, at(frames[nm])]));
        const y = this.stepAll(x);
        for (const o of this.outputs) outs[o].push(y[o]);
      }
      return Object.fromEntries(this.outputs.map((o) => [o, tf.tidy(() => tf.stack(outs[o]))]));
    } finally {
      for (const list of Object.values(frames)) for (const t of list) t.dispose();
      for (const list of Object.values(outs)) for (const t of list) t.dispose();
    }
  }

  /** The recorded values of a node since the last reset / clear, stacked [T, B, ...] (caller disposes). */
  recording(name: string): Recording {
    const k = this.nodes.indexOf(name);
    if (!this.recordIdx.includes(k)) throw new NirError(`node '${name}' is not recorded (compile with record: ['${name}'])`, { node: name });
    const list = this.records.get(k) ?? [];
    if (list.length === 0) throw new NirError('nothing recorded yet', { node: name });
    const stack = (j: number) => tf.tidy(() => tf.stack(list.map((r) => r[j])));
    const out: Recording = { output: stack(0) };
    this.prims[k].stateNames.forEach((s, j) => { if (list[0].length > j + 1) (out as unknown as Record<string, Tensor>)[s] = stack(j + 1); });
    return out;
  }

  /** Drop recorded values. */
  clearRecording(): void {
    for (const list of this.records.values()) for (const r of list) for (const t of r) t.dispose();
    this.records.clear();
  }

  /** Back to the initial state (all zeros, empty delay lines); clears recordings. */
  reset(): void {
    for (const s of this.states) for (const t of s) t.dispose();
    this.states = this.prims.map(() => []);
    for (const t of this.prev) t?.dispose();
    this.prev = this.prims.map(() => null);
    this.clearRecording();
  }

  /** Free every tensor the simulator holds. */
  dispose(): void {
    if (this.disposed) return;
    this.reset();
    for (const t of this.consts) t.dispose();
    this.disposed = true;
  }
}

function transpose2d(w: NirArray): Float32Array {
  const [r, c] = w.shape;
  const out = new Float32Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = w.data[i * c + j];
  return out;
}

/** A cycle must pass through a node that holds state (a neuron, or a Delay of at least one step). */
function checkCycles(flat: { name: string; node: NirNode }[], conns: [number, number][], dt: number): void {
  const n = flat.length;
  const stateful = flat.map(({ node }) => ['I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF'].includes(node.type)
    || (node.type === 'Delay' && Array.from(node.delay.data).every((d) => Math.round(d / dt) > 0)));
  // Edges between stateless nodes only: any cycle among them is an algebraic loop.
  const succ: number[][] = flat.map(() => []);
  for (const [a, b] of conns) if (!stateful[a] && !stateful[b]) succ[a].push(b);
  const color = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    if (color[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    color[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const u = top[0];
      if (top[1] < succ[u].length) {
        const v = succ[u][top[1]++];
        if (color[v] === 1) throw new NirError(`cycle through '${flat[v].name}' has no node to carry state (no neuron or delay)`, { node: flat[v].name, edge: [flat[u].name, flat[v].name] });
        if (color[v] === 0) { color[v] = 1; stack.push([v, 0]); }
      } else { color[u] = 2; stack.pop(); }
    }
  }
}
