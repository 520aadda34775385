import { tf } from '@neurite/tensor';
import type { Tensor } from '@neurite/tensor';
import type { InputNode, NirGraph, NirNode } from './types.js';
import { NirError } from './nir-error.js';
import { validateNode } from './create-node.js';
import { checkPositive } from './nir-validators.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import { checkGraph } from './check-graph.js';
import type { GraphShapes, ShapeProblem } from './check-graph.js';
import { MAX_ELEMENTS, numel, sameShape } from './nir-array.js';
import { MAX_DELAY_STEPS, nodeStep } from './node-step.js';
import type { NodeStep, StepContext } from './node-step.js';
import type { Integration } from './neuron-coefficients.js';

/** What a spiking neuron does to v after a spike z (see README, "Executor options"). */
export type ResetMode = 'subtract' | 'zero' | 'to_v_reset';

/** Options of {@link compile}: the time step, the discretisation and the simulator conventions. */
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
  /**
   * When a spiking neuron's reset acts: 'immediate' (default: right after the spike, NIR's definition)
   * or 'next-step' (in the next step's update, after the decay for 'subtract': snnTorch's Leaky /
   * Synaptic with `reset_delay=True`, its default). See README, "Simulator conventions".
   */
  resetTiming?: 'immediate' | 'next-step';
  /**
   * Steps by which every top-level Output node lags (default 0): an Output gives the value that
   * reached it `outputDelay` steps before (zeros at first), like a pipelined simulator whose output
   * process adds a step.
   */
  outputDelay?: number;
  /**
   * 'strict' (default): every edge must carry the shape its target takes. 'relaxed': an edge whose
   * shapes differ but hold the same number of elements (e.g. [1] into an Output declared [1, 1, 1], as
   * Rockpool writes) is reshaped, and reported in `Simulator.problems`; a real mismatch still throws
   * the NirError naming the edge.
   */
  typeCheck?: 'strict' | 'relaxed';
}

/** Options of {@link Simulator.run} / {@link Simulator.runAll}. */
export interface RunOptions {
  /** Called after each step with the number of steps done and the total (e.g. for a progress bar). */
  onStep?: (done: number, total: number) => void;
}

/** One recorded node: outputs (and states) stacked over time, [T, B, ...]. */
export interface Recording {
  /** The node's output at every step, [T, B, ...shape] (0/1 spikes for spiking neurons; the caller disposes it). */
  output: Tensor;
  /** The membrane voltage of a neuron node at every step, [T, B, ...shape] (the caller disposes it). */
  v?: Tensor;
  /** The synaptic current of a CubaLI / CubaLIF node at every step, [T, B, ...shape]. */
  i?: Tensor;
}

/** One inlined node in execution order: its step, and where its summed input comes from. */
interface Prim extends NodeStep {
  name: string;
  node: NirNode;
  /** Where the summed input comes from; `reshape`: the shape (without batch) an edge's value is reshaped to (relaxed type check). */
  inputs: { src: number; back: boolean; reshape: number[] | null }[];
  outShape: number[] | null;
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
 * `neuronCoefficients`. The graph is turned once into a flat list of
 * closures (`nodeStep`); a step runs them in order inside one tf.tidy.
 *
 * @example
 * ```ts
 * import { setBackend, tf } from '@neurite/tensor';
 * import { compile, createGraph, createNode } from '@neurite/nir';
 *
 * await setBackend('cpu');
 * // One LIF neuron driven by a constant input: τ = 5 ms, R = 1, threshold 1, dt = 1 ms.
 * // Euler: v ← 0.8 v + 0.2 x + 0, so with x = 2 it crosses v > 1 at the 4th step (0.4, 0.72, 0.976, 1.18).
 * const graph = createGraph({
 *   nodes: {
 *     in: createNode('Input', { shape: [1] }),
 *     lif: createNode('LIF', { tau: [0.005], r: [1], v_leak: [0], v_threshold: [1], v_reset: [0] }),
 *     out: createNode('Output', { shape: [1] }),
 *   },
 *   edges: [['in', 'lif'], ['lif', 'out']],
 * });
 * const sim = compile(graph, { dt: 1e-3 });
 * const x = tf.fill([6, 1, 1], 2); // [T, B, ...shape]
 * const z = sim.run(x);
 * console.log(Array.from(await z.data())); // [0, 0, 0, 1, 0, 0]
 * tf.dispose([x, z]);
 * sim.dispose();
 * ```
 */
export function compile(graph: NirGraph, opts: CompileOptions): Simulator {
  checkPositive('compile', 'dt', opts.dt);
  const integration = opts.integration ?? 'euler';
  if (integration !== 'euler' && integration !== 'exact')
    throw new NirError(`integration must be 'euler' or 'exact', got '${String(integration)}'`, { field: 'integration' });
  const reset = opts.reset ?? 'to_v_reset';
  if (!['subtract', 'zero', 'to_v_reset'].includes(reset))
    throw new NirError(`reset must be 'subtract', 'zero' or 'to_v_reset', got '${String(reset)}'`, { field: 'reset' });
  const g = validateNode(graph, '') as NirGraph;
  if (g.type !== 'NIRGraph') throw new NirError('expected a NIRGraph', { node: '' });
  const resetTiming = opts.resetTiming ?? 'immediate';
  if (resetTiming !== 'immediate' && resetTiming !== 'next-step')
    throw new NirError(`resetTiming must be 'immediate' or 'next-step', got '${String(resetTiming)}'`, { field: 'resetTiming' });
  const outputDelay = opts.outputDelay ?? 0;
  if (!Number.isSafeInteger(outputDelay) || outputDelay < 0 || outputDelay > MAX_DELAY_STEPS)
    throw new NirError(`outputDelay must be an integer in [0, ${MAX_DELAY_STEPS}], got ${outputDelay}`, {
      field: 'outputDelay',
      code: 'ERR_OUT_OF_RANGE',
    });
  const typeCheck = opts.typeCheck ?? 'strict';
  if (typeCheck !== 'strict' && typeCheck !== 'relaxed')
    throw new NirError(`typeCheck must be 'strict' or 'relaxed', got '${String(typeCheck)}'`, { field: 'typeCheck' });
  const shapes = checkGraph(g, {}, { typeCheck });
  return new Simulator(g, shapes, opts.dt, integration, reset, opts.record ?? [], resetTiming, outputDelay);
}

/** A compiled graph with its state. Dispose it when done. */
export class Simulator {
  /** Names of the top-level Input nodes, in the graph's order. */
  readonly inputs: string[];
  /** Names of the top-level Output nodes, in the graph's order: the keys of {@link Simulator.runAll}'s result. */
  readonly outputs: string[];
  /** Names of all inlined nodes in execution order (nested ones as `sub.node`). */
  readonly nodes: string[];
  /** Edges whose shapes differ but hold as many elements (reshaped; only with `typeCheck: 'relaxed'`). */
  readonly problems: ShapeProblem[];
  private readonly prims: Prim[];
  private readonly inputIdx: number[];
  /** Per prim (execution order): the index of its value in `feeds()`, or -1 for a node that is not a top-level Input. */
  private readonly feedOf: Int32Array;
  private readonly inputShapes: number[][];
  private readonly outputIdx: number[];
  private readonly keepIdx: number[]; // outputs that back edges read at the next step
  private readonly recordIdx: number[];
  private states: Tensor[][];
  private prev: (Tensor | null)[];
  private records = new Map<number, Tensor[][]>();
  private readonly consts: Tensor[] = [];
  private disposed = false;

  constructor(
    g: NirGraph,
    shapes: GraphShapes,
    dt: number,
    integration: Integration,
    reset: ResetMode,
    record: string[] | 'all',
    resetTiming: 'immediate' | 'next-step' = 'immediate',
    outputDelay = 0,
  ) {
    const { flat, conns } = flattenGraph(g, shapes);
    this.problems = shapes.problems;
    const isTop = (name: string) => Object.prototype.hasOwnProperty.call(g.nodes, name);
    const topInputs = flat.flatMap((p, i) => (p.node.type === 'Input' && !p.name.includes('.') && isTop(p.name) ? [i] : []));
    const topOutputs = flat.flatMap((p, i) => (p.node.type === 'Output' && isTop(p.name) ? [i] : []));
    // Order: reverse post-order of a DFS from the inputs (then any node not reached).
    const succ: number[][] = flat.map(() => []);
    for (const [a, b] of conns) succ[a].push(b);
    const order = depthFirst(succ, topInputs).reverse();
    const pos = new Int32Array(flat.length);
    order.forEach((p, k) => {
      pos[p] = k;
    });
    checkCycles(flat, conns, dt);
    const inputsOf: Prim['inputs'][] = order.map(() => []);
    for (const [a, b] of conns) {
      const from = flat[a].outShape;
      const to = flat[b].inShape;
      const reshape = from !== null && to !== null && !sameShape(from, to) && numel(from) === numel(to) ? to : null;
      inputsOf[pos[b]].push({ src: pos[a], back: pos[a] >= pos[b], reshape });
    }
    const ctx: StepContext = {
      dt,
      integration,
      reset,
      resetTiming,
      constant: (a, shape) => {
        const t = tf.keep(tf.tensor(Float32Array.from(a), shape, 'float32'));
        this.consts.push(t);
        return t;
      },
    };
    const isTopOutput = new Set(topOutputs);
    this.prims = order.map((old, k) => {
      const f = flat[old];
      const step = isTopOutput.has(old) && outputDelay > 0 ? { fn: lagStep(outputDelay), stateNames: [] } : nodeStep(f.name, f.node, ctx);
      return { name: f.name, node: f.node, inputs: inputsOf[k], outShape: f.outShape, ...step };
    });
    this.nodes = this.prims.map((p) => p.name);
    this.inputIdx = topInputs.map((i) => pos[i]);
    this.feedOf = new Int32Array(this.prims.length).fill(-1);
    this.inputIdx.forEach((k, j) => {
      this.feedOf[k] = j;
    });
    this.outputIdx = topOutputs.map((i) => pos[i]);
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

  /**
   * One step. `x`: the input batch [B, ...shape] (or one per Input node, by
   * name). Returns the single output [B, ...]; the caller disposes it.
   */
  step(x: Tensor | Record<string, Tensor>): Tensor {
    if (this.outputIdx.length !== 1)
      throw new NirError(`step() needs exactly one Output node, the graph has ${this.outputIdx.length}: use stepAll()`, {
        code: 'ERR_STATE',
      });
    return this.stepAll(x)[this.outputs[0]];
  }

  /** One step, returning every Output node's value by name (caller disposes). */
  stepAll(x: Tensor | Record<string, Tensor>): Record<string, Tensor> {
    if (this.disposed) throw new NirError('the simulator was disposed', { code: 'ERR_STATE' });
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
        const j = this.feedOf[k];
        const inp = j >= 0 ? feeds[j] : this.inputValue(p, outs);
        const [o, s] = p.fn(inp, this.states[k]);
        outs[k] = o;
        // Tensors this step does not own (the caller's inputs, which pass through Input nodes uncopied, and the
        // previous step's back-edge values, disposed below) get a copy where they would outlive the step.
        newStates[k] = s.some((t) => foreign.has(t)) ? s.map(own) : s;
      }
      const ret: Record<string, Tensor> = {};
      this.outputIdx.forEach((k, j) => {
        ret[this.outputs[j]] = tf.clone(outs[k]);
      });
      return {
        ret,
        keep: this.keepIdx.map((k) => own(outs[k])),
        newStates,
        rec: this.recordIdx.map((k) => [tf.clone(outs[k]), ...newStates[k].map((t) => tf.clone(t))]),
      };
    });
    // Swap state: dispose what is no longer referenced.
    const live = new Set<Tensor>();
    for (const s of result.newStates) for (const t of s) live.add(t);
    for (const s of this.states) for (const t of s) if (!live.has(t)) t.dispose();
    this.states = result.newStates;
    for (const k of this.keepIdx) this.prev[k]?.dispose();
    this.keepIdx.forEach((k, j) => {
      this.prev[k] = result.keep[j];
    });
    this.recordIdx.forEach((k, j) => {
      let list = this.records.get(k);
      if (!list) {
        list = [];
        this.records.set(k, list);
      }
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
        if (sh === null)
          throw new NirError('cannot infer the shape of a back edge source', { node: this.prims[e.src].name, code: 'ERR_SHAPE' });
        const b = outs.find((t) => t !== undefined)?.shape[0] ?? 1;
        v = tf.zeros([b, ...sh]);
      }
      if (e.reshape !== null) v = tf.reshape(v, [v.shape[0], ...e.reshape]);
      sum = sum === null ? v : tf.add(sum, v);
    }
    return sum!;
  }

  /** The value of each top-level Input node, in `inputs` order, checked against its shape [B, ...shape]. */
  private feeds(x: Tensor | Record<string, Tensor>): Tensor[] {
    let list: Tensor[];
    if (x instanceof tf.Tensor) {
      if (this.inputIdx.length !== 1)
        throw new NirError(`the graph has ${this.inputIdx.length} Input nodes (${this.inputs.join(', ')}): pass a record by name`);
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
        throw new NirError(`input of shape [${t.shape.join(', ')}] does not fit [B, ${want.join(', ')}]`, {
          node: name,
          code: 'ERR_SHAPE',
        });
      }
      if (t.shape[0] !== list[0].shape[0])
        throw new NirError(`batch size ${t.shape[0]} differs from ${list[0].shape[0]} of input '${this.inputs[0]}'`, {
          node: name,
          code: 'ERR_SHAPE',
        });
    });
    return list;
  }

  /**
   * Run over time: `xs` is [T, B, ...shape] (or one per Input node). Returns
   * the single output stacked [T, B, ...]; the caller disposes it.
   */
  run(xs: Tensor | Record<string, Tensor>, steps?: number, opts: RunOptions = {}): Tensor {
    if (this.outputIdx.length !== 1)
      throw new NirError(`run() needs exactly one Output node, the graph has ${this.outputIdx.length}: use runAll()`, {
        code: 'ERR_STATE',
      });
    const r = this.runAll(xs, steps, opts);
    return r[this.outputs[0]];
  }

  /**
   * Run over time, every Output node stacked [T, B, ...] by name. `steps`
   * defaults to T (steps past T repeat the last frame); `opts.onStep` is called
   * after each step.
   */
  runAll(xs: Tensor | Record<string, Tensor>, steps?: number, opts: RunOptions = {}): Record<string, Tensor> {
    if (this.disposed) throw new NirError('the simulator was disposed', { code: 'ERR_STATE' });
    const seqs = xs instanceof tf.Tensor ? { [this.inputs[0] ?? 'input']: xs } : xs;
    const names = xs instanceof tf.Tensor ? null : this.inputs;
    for (const [k, v] of Object.entries(seqs)) {
      if (!(v instanceof tf.Tensor)) throw new NirError(`missing input '${k}'`, { node: k });
      if (v.rank < 1 || v.shape[0] < 1)
        throw new NirError(`input of shape [${v.shape.join(', ')}] has no time steps (T = 0)`, { node: k, code: 'ERR_SHAPE' });
    }
    const first = Object.values(seqs)[0];
    if (first === undefined) throw new NirError('no input given', { code: 'ERR_SHAPE' });
    const T = steps ?? first.shape[0];
    if (!Number.isSafeInteger(T) || T < 1)
      throw new NirError(`steps must be an integer >= 1, got ${T}`, { field: 'steps', code: 'ERR_OUT_OF_RANGE' });
    const frames: Record<string, Tensor[]> = {};
    // Outputs are stacked in chunks of CHUNK steps as they come, so that a long run holds few tensors (time linear in T).
    const CHUNK = 256;
    const pending: Record<string, Tensor[]> = Object.fromEntries(this.outputs.map((o) => [o, []]));
    const chunks: Record<string, Tensor[]> = Object.fromEntries(this.outputs.map((o) => [o, []]));
    const flush = () => {
      for (const o of this.outputs) {
        if (pending[o].length === 0) continue;
        const list = pending[o];
        chunks[o].push(tf.tidy(() => tf.stack(list)));
        for (const t of list) t.dispose();
        pending[o] = [];
      }
    };
    try {
      for (const [k, v] of Object.entries(seqs)) frames[k] = tf.unstack(v);
      for (let t = 0; t < T; t++) {
        const at = (arr: Tensor[]) => arr[Math.min(t, arr.length - 1)];
        const x = names === null ? at(Object.values(frames)[0]) : Object.fromEntries(names.map((nm) => [nm, at(frames[nm])]));
        const y = this.stepAll(x);
        for (const o of this.outputs) pending[o].push(y[o]);
        if (t === 0) {
          // the stacked outputs must fit: checked once the output sizes are known, before step 2
          for (const o of this.outputs)
            if (y[o].size * T > MAX_ELEMENTS)
              throw new NirError(`${T} steps of output '${o}' [${y[o].shape.join(', ')}] would hold more than ${MAX_ELEMENTS} values`, {
                field: 'steps',
                code: 'ERR_OUT_OF_RANGE',
              });
        }
        if (pending[this.outputs[0]]?.length === CHUNK) flush();
        opts.onStep?.(t + 1, T);
      }
      flush();
      return Object.fromEntries(
        this.outputs.map((o) => [o, chunks[o].length === 1 ? chunks[o].pop()! : tf.tidy(() => tf.concat(chunks[o], 0))]),
      );
    } finally {
      for (const list of Object.values(frames)) for (const t of list) t.dispose();
      for (const list of Object.values(pending)) for (const t of list) t.dispose();
      for (const list of Object.values(chunks)) for (const t of list) t.dispose();
    }
  }

  /** The shape (without batch) a top-level Input node takes. */
  inputShape(name: string): number[] {
    const j = this.inputs.indexOf(name);
    if (j < 0) throw new NirError(`no Input node '${name}' (Input nodes: ${this.inputs.join(', ')})`, { node: name });
    return [...this.inputShapes[j]];
  }

  /** Names of the recorded nodes (compile's `record`). */
  get recorded(): string[] {
    return this.recordIdx.map((k) => this.nodes[k]);
  }

  /** The NIR type of an (inlined) node, by name as in {@link nodes}. */
  nodeType(name: string): NirNode['type'] {
    const k = this.nodes.indexOf(name);
    if (k < 0) throw new NirError(`no node '${name}' (nodes: ${this.nodes.join(', ')})`, { node: name });
    return this.prims[k].node.type;
  }

  /** The recorded values of a node since the last reset / clear, stacked [T, B, ...] (caller disposes). */
  recording(name: string): Recording {
    const k = this.nodes.indexOf(name);
    if (!this.recordIdx.includes(k))
      throw new NirError(`node '${name}' is not recorded (compile with record: ['${name}'])`, { node: name });
    const list = this.records.get(k) ?? [];
    if (list.length === 0) throw new NirError('nothing recorded yet', { node: name, code: 'ERR_STATE' });
    const stack = (j: number) => tf.tidy(() => tf.stack(list.map((r) => r[j])));
    const out: Recording = { output: stack(0) };
    this.prims[k].stateNames.forEach((s, j) => {
      if (list[0].length > j + 1) (out as unknown as Record<string, Tensor>)[s] = stack(j + 1);
    });
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

/** A lag of `k` steps: gives the input of k steps before (zeros at first); state: the last k inputs, oldest first. */
function lagStep(k: number): NodeStep['fn'] {
  return (x, s) => {
    const hist = s.length === k ? s : [...new Array<Tensor>(k - s.length).fill(tf.zerosLike(x)), ...s];
    return [tf.clone(hist[0]), [...hist.slice(1), x]];
  };
}

interface FlatNode {
  name: string;
  node: NirNode;
  inShape: number[] | null;
  outShape: number[] | null;
}

/**
 * Inline nested graphs: every leaf node (nested ones named `sub.node`, with its
 * inferred output shape) and every edge as a pair of indices into that list.
 */
function flattenGraph(g: NirGraph, shapes: GraphShapes): { flat: FlatNode[]; conns: [number, number][] } {
  const flat: FlatNode[] = [];
  const conns: [number, number][] = [];
  // Returns, per node of graph `h` (nested ones as `sub.node`), the flat index of its entry and exit.
  const inline = (h: NirGraph, sh: GraphShapes, prefix: string): Map<string, { entry: number; exit: number }> => {
    const ends = new Map<string, { entry: number; exit: number }>();
    for (const [name, n] of Object.entries(h.nodes)) {
      const full = prefix + name;
      if (n.type !== 'NIRGraph') {
        flat.push({ name: full, node: n, inShape: sh.nodes[name].input, outShape: sh.nodes[name].output });
        ends.set(name, { entry: flat.length - 1, exit: flat.length - 1 });
        continue;
      }
      const inner = inline(n, sh.nodes[name].inner!, `${full}.`);
      const only = (type: NirNode['type']) => {
        const k = Object.keys(n.nodes).filter((key) => n.nodes[key].type === type);
        return k.length === 1 ? inner.get(k[0])! : undefined;
      };
      ends.set(name, { entry: only('Input')?.entry ?? -1, exit: only('Output')?.exit ?? -1 });
      for (const [k, v] of inner) ends.set(`${name}.${k}`, v);
    }
    for (const edge of h.edges) {
      const a = ends.get(resolveEndpoint(h.nodes, edge[0])!.join('.'))!.exit;
      const b = ends.get(resolveEndpoint(h.nodes, edge[1])!.join('.'))!.entry;
      if (a < 0 || b < 0)
        throw new NirError('an edge to or from a nested graph needs exactly one Input and one Output in it', {
          node: prefix.slice(0, -1),
          edge,
          code: 'ERR_UNSUPPORTED',
        });
      conns.push([a, b]);
    }
    return ends;
  };
  inline(g, shapes, '');
  return { flat, conns };
}

/**
 * Iterative depth-first search over `succ`, from each of `starts` in turn and
 * then from every node not yet reached; returns the nodes in post-order.
 * `onCycle(u, v)` is called for an edge u → v into a node still on the stack.
 */
function depthFirst(succ: number[][], starts: number[], onCycle?: (u: number, v: number) => void): number[] {
  const color = new Uint8Array(succ.length); // 0 new, 1 on the stack, 2 done
  const post: number[] = [];
  const visit = (s: number) => {
    if (color[s]) return;
    const stack: [number, number][] = [[s, 0]];
    color[s] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const u = top[0];
      if (top[1] < succ[u].length) {
        const v = succ[u][top[1]++];
        if (color[v] === 1) onCycle?.(u, v);
        if (color[v] === 0) {
          color[v] = 1;
          stack.push([v, 0]);
        }
      } else {
        color[u] = 2;
        post.push(u);
        stack.pop();
      }
    }
  };
  for (const s of starts) visit(s);
  for (let s = 0; s < succ.length; s++) visit(s);
  return post;
}

/** A cycle must pass through a node that holds state (a neuron, or a Delay of at least one step). */
function checkCycles(flat: FlatNode[], conns: [number, number][], dt: number): void {
  const stateful = flat.map(
    ({ node }) =>
      ['I', 'IF', 'LI', 'LIF', 'CubaLI', 'CubaLIF'].includes(node.type) ||
      (node.type === 'Delay' && Array.from(node.delay.data).every((d) => Math.round(d / dt) > 0)),
  );
  // Edges between stateless nodes only: any cycle among them is an algebraic loop.
  const succ: number[][] = flat.map(() => []);
  for (const [a, b] of conns) if (!stateful[a] && !stateful[b]) succ[a].push(b);
  depthFirst(succ, [], (u, v) => {
    throw new NirError(`cycle through '${flat[v].name}' has no node to carry state (no neuron or delay)`, {
      node: flat[v].name,
      edge: [flat[u].name, flat[v].name],
    });
  });
}
