import { createRng, type Rng } from '@neurite/tensor';
import { Brain4dError } from './brain4d-error.js';
import { buildProjection, type Box, type ProjectionCSR } from './build-projection.js';
import { Growable } from './growable.js';
import { IZHIKEVICH_PRESETS, MODELS } from './model-catalog.js';
import type { ModelName, NetworkSpec, ParamValue, ProjectionSpec, StdpSpec } from './network-spec.js';
import {
  adexKernel,
  izhikevichKernel,
  lifCondKernel,
  lifKernel,
  poissonKernel,
  type KernelArgs,
  type NeuronKernel,
} from './neuron-kernels.js';
import { lifModule, type LifWasm } from './lif-wasm.js';
import type { MonitorSink } from './monitor-sink.js';
import { restrictTargets } from './restrict-targets.js';
import { sampler } from './sample-distribution.js';
import { createStateHeap, heapBytes } from './state-heap.js';
import { validateNetwork, type ValidateOptions } from './validate-network.js';
import { fixedNetwork, setFixedBias, type FixedNetwork } from './fixed-network.js';
import { FixedLifEngine } from './fixed-lif-engine.js';
import { STATE_FRAC, STATE_LSB } from './fixed-point.js';
import type { GpuLifEngine, GpuLifOptions } from './gpu/gpu-lif-engine.js';

/** A population as built: its neurons are global indices offset … offset+n−1, in lattice-id order. */
export interface Population {
  /** Population name (its key in `populations`). */
  name: string;
  /** Neuron model. */
  model: ModelName;
  /** Neuron count. */
  n: number;
  /** Global index of its first neuron. */
  offset: number;
  /** Its box of the lattice. */
  box: Box;
  /** Lattice id of each neuron. */
  ids: Int32Array;
  /** State variables (live views: they change as the simulation runs). */
  state: Record<string, Float64Array>;
}

/** A projection as built (CSR by source, indices within the populations). */
export interface Projection extends ProjectionCSR {
  /** The validated description. */
  spec: ProjectionSpec;
  /** Source population. */
  source: Population;
  /** Target population. */
  target: Population;
  /** Offset into the channel array of the target's receptor: channel·N + target.offset. */
  base: number;
  /** STDP traces and the column index of the synapses (null: static weights). */
  stdp: StdpState | null;
  /** The weight of every synapse when they are all equal and not plastic (delivery then reads no weights), else null. */
  wConst: number | null;
}

interface StdpState {
  spec: Required<StdpSpec>;
  xPre: Float64Array;
  lastPre: Float64Array;
  xPost: Float64Array;
  lastPost: Float64Array;
  /** Incoming synapses of each target neuron: synapse indices colIdx[colPtr[j] … colPtr[j+1]−1]. */
  colPtr: Uint32Array;
  colIdx: Uint32Array;
}

/** Options of the {@link Simulator} constructor. */
export interface SimulatorOptions extends ValidateOptions {
  /**
   * Partitioned run (one worker of several): this simulator updates only the neurons with
   * global index in [lo, hi) and gets the step's full spike list from `exchange`, which
   * receives the local spikes (ascending) and must write every partition's spikes, in
   * partition order, into `out`, returning their count. The partition keeps only the synapses
   * onto its own neurons; construction and inputs are replicated (every partition draws the
   * same random numbers).
   */
  partition?: {
    lo: number;
    hi: number;
    exchange: (local: Int32Array, count: number, out: Int32Array, during?: () => void) => number;
    /** Whether this partition records the spikes of `monitors.spikes` (default true; one partition suffices, every one sees them all). */
    record?: boolean;
    /**
     * Steps per exchange (default 1). W > 1 needs every synaptic delay ≥ W steps and no STDP:
     * a step's spikes then reach no neuron before W steps have passed, so the partitions
     * exchange the spikes of W steps at once (`local` holds, for each step, its count and ids)
     * and deliver them step by step, in the single-thread order, into the delay ring. Run with
     * `run` (it exchanges the last, partial window at its end).
     */
    every?: number;
  };
  /**
   * Neuron-update kernels: `wasm` runs the LIF update as a WebAssembly SIMD loop over state kept
   * in WebAssembly memory, `js` as JavaScript loops over typed arrays; `auto` (the default) takes
   * wasm where the engine has WebAssembly SIMD. Both give bitwise the same spikes and state.
   * `fixed` and `webgpu` step a fixed-point form of current-based LIF networks (see
   * fixed-network.ts): `fixed` in JavaScript integers, `webgpu` as WGSL compute shaders with the
   * same integers, so they give bitwise the same spikes (`webgpu` runs through {@link Simulator.runAsync}).
   */
  engine?: 'auto' | 'wasm' | 'js' | 'fixed' | 'webgpu';
  /** The `webgpu` engine's device and steps per submission (see {@link GpuLifOptions}). */
  gpu?: GpuLifOptions;
  /** Stream the recorded spikes and state samples to this sink instead of keeping them (see {@link MonitorSink}). */
  sink?: MonitorSink;
  /** Steps between two hand-overs to `sink` (default 10000); each `run` call also ends with one. */
  flushEvery?: number;
}

/** What {@link Simulator.run} returns. */
export interface RunResult {
  /** Steps simulated by this call. */
  steps: number;
  /** Biological time simulated by this call, ms. */
  duration: number;
  /** Wall-clock seconds of this call. */
  wall: number;
  /** Real-time factor: wall-clock seconds per biological second. */
  rtf: number;
  /** Spikes emitted during this call. */
  spikes: number;
  /** Mean rate of each population over this call, Hz. */
  rates: Record<string, number>;
}

/** Progress callback: steps done and total of the current run, spikes so far. */
export type ProgressFn = (done: number, total: number, spikes: number) => void;

const pow2AtLeast = (x: number) => {
  let p = 1;
  while (p < x) p *= 2;
  return p;
};

/**
 * The single-threaded engine: time-driven neuron updates over typed arrays (one kernel per
 * population, see neuron-kernels.ts), event-driven delivery over each projection's CSR (only
 * the rows of neurons that spiked), delays through a ring buffer of channel increments
 * (delay 1 is added to the channel variables directly). Every random draw comes from
 * generators seeded by `seed`: construction from `brain4d:<seed>:build`, step t from the
 * 64-bit seed (seed << 32) | t, so a run resumed from a checkpoint draws exactly what an
 * uninterrupted run draws, and one seed always gives the same spikes.
 *
 * Order within step t: ring slot t added to the channels; inputs (poisson events, noise) added;
 * every population updated (spikes collected in ascending global index); spikes recorded;
 * each projection delivers its spiking rows (delay d: visible at the start of step t + d)
 * and applies the presynaptic STDP update; then the postsynaptic STDP updates; state sampled.
 * Brian2's `delay = 0` corresponds to `delay: 1` here (its effect is first seen in the next update).
 */
export class Simulator {
  /** The validated network description (defaults filled). */
  readonly spec: NetworkSpec;
  /** Time step, ms. */
  readonly dt: number;
  /** The seed of every random draw. */
  readonly seed: number;
  /** Neuron count over all populations. */
  readonly N: number;
  /** Populations in description order (global indices consecutive). */
  readonly populations: Population[];
  /** Projections in description order. */
  readonly projections: Projection[];
  /** Steps simulated so far. */
  t = 0;
  /** Channel variables: channel 0 of neuron i at G[i], channel 1 at G[N + i]. */
  readonly G: Float64Array;
  private ring: Float64Array;
  private ringMask: number;
  private ringUsed: Uint8Array;
  /**
   * Channel indices each ring slot received (duplicates allowed), so that adding the slot to G
   * touches those entries only; a count of −1 means "too many, or unknown: add the whole slot".
   */
  private ringIdx: Int32Array[] = [];
  private ringCount: Int32Array = new Int32Array(0);
  private kernels: NeuronKernel[];
  /** The neuron-update kernels in use (see {@link SimulatorOptions.engine}). */
  readonly engine: 'wasm' | 'js' | 'fixed' | 'webgpu';
  /** The fixed-point network of the `fixed` and `webgpu` engines (null for the float64 ones). */
  readonly fixed: FixedNetwork | null = null;
  private fixedEngine: FixedLifEngine | null = null;
  private gpuEngine: GpuLifEngine | null = null;
  private gpuOptions: GpuLifOptions;
  private kargs: KernelArgs[];
  /** The arguments each kernel runs on (a partition's share of its population in a partitioned run). */
  private kviews: KernelArgs[] = [];
  private spikeBuf: Int32Array;
  private popStart: Int32Array;
  private stochastic: boolean;
  private noRng: Rng;
  private projSrc: Int32Array;
  private projTgt: Int32Array;
  private exchange: NonNullable<SimulatorOptions['partition']>['exchange'] | null;
  /**
   * Partitioned and every addition a delivery makes into a channel or delay slot of this
   * partition's neurons is the same constant for that target population and channel (no STDP):
   * the sums do not depend on the order of the spikes, so the partition delivers its own
   * spikes while it waits for its partners' (`deliverOwn`, passed to `exchange` as `during`).
   */
  private orderFree = false;
  /** Steps per exchange of a partitioned run (see SimulatorOptions.partition.every); the window of local spikes not yet exchanged. */
  private every = 1;
  private window: Int32Array = new Int32Array(0);
  private windowLen = 0;
  private windowSteps = 0;
  private windowOut: Int32Array = new Int32Array(0);
  private nLocal = 0;
  private ownDelivered = true;
  private localStart: Int32Array = new Int32Array(0);
  private readonly deliverOwn = (): void => {
    if (this.ownDelivered) return;
    this.ownDelivered = true;
    const local = this.localBuf;
    const start = this.localStart;
    const P = this.populations.length;
    let q = 0;
    for (let p = 0; p < P; p++) {
      start[p] = q;
      const end = this.populations[p].offset + this.populations[p].n;
      while (q < this.nLocal && local[q] < end) q++;
    }
    start[P] = this.nLocal;
    const projs = this.projections;
    for (let k = 0; k < projs.length; k++) this.deliver(projs[k], local, start[this.projSrc[k]], start[this.projSrc[k] + 1]);
  };
  /** The global index range this simulator updates: [0, N) unless partitioned. */
  private lo: number;
  private hi: number;
  private localBuf: Int32Array;
  private popCounts: Float64Array;
  private biasBase: Float64Array[];
  private inputs: Array<{
    kind: 'poisson' | 'current' | 'noise';
    pop: number;
    start: number;
    stop: number;
    a: number;
    b: number;
    base: number;
    neurons?: Int32Array;
    values?: Float64Array;
  }>;
  private biasChanges: Set<number>;
  private spikeInputs = new Map<number, number[]>();
  private recordSpikes: Uint8Array;
  /** Steps of the recorded spikes (see {@link Simulator.spikes}). */
  readonly spikeSteps = new Growable(Int32Array, 4096);
  /** Lattice ids of the recorded spikes. */
  readonly spikeIds = new Growable(Int32Array, 4096);
  private rateBin: number;
  private sink: MonitorSink | null;
  private flushEvery: number;
  private rateCounts: number[][];
  private stateMonitors: Array<{
    pop: Population;
    variable: string;
    neurons: Int32Array;
    every: number;
    data: Growable<Float64Array>;
    steps: Growable<Int32Array>;
  }>;

  constructor(network: unknown, options: SimulatorOptions = {}) {
    const spec = validateNetwork(network, options);
    this.spec = spec;
    this.dt = spec.dt!;
    this.seed = spec.seed!;
    const build = createRng(`brain4d:${this.seed}:build`);
    let offset = 0;
    const lat = spec.lattice;
    this.populations = Object.entries(spec.populations).map(([name, p]) => {
      const box: Box = { origin: p.origin!, size: p.size };
      const n = p.size[0] * p.size[1] * p.size[2] * p.size[3];
      const ids = new Int32Array(n);
      let k = 0;
      for (let w = 0; w < p.size[3]; w++)
        for (let z = 0; z < p.size[2]; z++)
          for (let y = 0; y < p.size[1]; y++)
            for (let x = 0; x < p.size[0]; x++)
              ids[k++] = (((w + box.origin[3]) * lat[2] + z + box.origin[2]) * lat[1] + y + box.origin[1]) * lat[0] + x + box.origin[0];
      const pop: Population = { name, model: p.model, n, offset, box, ids, state: {} };
      offset += n;
      return pop;
    });
    const N = offset;
    this.N = N;
    const engine = options.engine ?? 'auto';
    const isFixed = engine === 'fixed' || engine === 'webgpu';
    this.gpuOptions = options.gpu ?? {};
    if (isFixed && options.partition)
      throw new Brain4dError('engine', `the ${engine} engine does not run partitions`, { code: 'ERR_UNSUPPORTED' });
    const mod = engine === 'js' || isFixed ? null : lifModule();
    if (engine === 'wasm' && !mod)
      throw new Brain4dError('engine', 'this JavaScript engine has no WebAssembly SIMD', { code: 'ERR_UNSUPPORTED' });
    let bytes = heapBytes(2 * N, 8) + heapBytes(N, 4) * (options.partition ? 2 : 1);
    for (const pop of this.populations) if (pop.model === 'lif') bytes += 3 * heapBytes(pop.n, 8) + heapBytes(10, 8);
    const heap = createStateHeap(bytes, mod !== null);
    this.engine = isFixed ? engine : heap.memory ? 'wasm' : 'js';
    const lifWasm = heap.memory
      ? (new WebAssembly.Instance(mod!, { e: { m: heap.memory } }).exports as { lif: LifWasm; lifUniform: LifWasm })
      : null;
    this.G = heap.f64(2 * N);
    this.spikeBuf = heap.i32(N);
    this.localBuf = options.partition ? heap.i32(N) : new Int32Array(0);
    this.popCounts = new Float64Array(this.populations.length);
    // Parameters, state, kernels.
    this.kargs = [];
    this.kernels = [];
    this.biasBase = [];
    this.populations.forEach((pop) => {
      const ps = spec.populations[pop.name];
      const info = MODELS[pop.model];
      const rng = build.split();
      const rOf = lazyR(pop.n, rng);
      const preset = ps.preset ? (IZHIKEVICH_PRESETS[ps.preset] as Record<string, number>) : {};
      const p: Record<string, number> = {};
      const pn: Record<string, Float64Array> = {};
      for (const k of Object.keys(info.params)) {
        const v: ParamValue = ps.params?.[k] ?? preset[k] ?? info.params[k];
        if (info.perNeuron.includes(k)) pn[k] = perNeuron(v, pop.n, rng, rOf);
        else p[k] = v as number;
      }
      if (pop.model === 'lif' || pop.model === 'lif_cond' || pop.model === 'adex') {
        if (p.t_ref < 0) throw new Brain4dError(`populations.${pop.name}.params.t_ref`, 'must be >= 0', { code: 'ERR_OUT_OF_RANGE' });
      }
      for (const [k, init] of Object.entries(info.state)) {
        const given = ps.init?.[k];
        let arr: Float64Array;
        if (given !== undefined) arr = perNeuron(given, pop.n, rng, rOf);
        else if (pop.model === 'izhikevich' && k === 'u') arr = pn.b.map((b, i) => b * pop.state.v[i]);
        else arr = new Float64Array(pop.n).fill(init({ ...p, b: pn.b?.[0] ?? 0 }));
        pop.state[k] = arr;
      }
      // Synaptic channel variables live in G; expose them as state views.
      if (pop.model === 'lif' || pop.model === 'lif_cond') {
        this.G.set(pop.state.g_ex, pop.offset);
        this.G.set(pop.state.g_in, N + pop.offset);
        pop.state.g_ex = this.G.subarray(pop.offset, pop.offset + pop.n);
        pop.state.g_in = this.G.subarray(N + pop.offset, N + pop.offset + pop.n);
      } else if (pop.model === 'adex') {
        this.G.set(pop.state.I_ex, pop.offset);
        this.G.set(pop.state.I_in, N + pop.offset);
        pop.state.I_ex = this.G.subarray(pop.offset, pop.offset + pop.n);
        pop.state.I_in = this.G.subarray(N + pop.offset, N + pop.offset + pop.n);
      }
      const base = new Float64Array(pop.n).fill(pop.model === 'lif' || pop.model === 'lif_cond' ? p.E_L + p.I_e : (p.I_e ?? 0));
      this.biasBase.push(base);
      // The LIF state the SIMD loop reads lives in the heap.
      const inHeap = pop.model === 'lif' && lifWasm !== null;
      const heapCopy = (a: Float64Array) => {
        const h = heap.f64(a.length);
        h.set(a);
        return h;
      };
      if (inHeap) pop.state.v = heapCopy(pop.state.v);
      const args: KernelArgs = {
        n: pop.n,
        offset: pop.offset,
        N,
        dt: this.dt,
        p,
        pn,
        state: pop.state,
        ref: inHeap ? heap.f64(pop.n) : new Float64Array(pop.n),
        biasUniform: true,
        bias: inHeap ? heapCopy(base) : base.slice(),
      };
      if (pop.model === 'lif') args.ref.fill(-Infinity);
      const kopts = inHeap ? { wasm: { ...lifWasm!, consts: heap.f64(10) } } : {};
      this.kargs.push(args);
      const make = (a: KernelArgs) =>
        pop.model === 'lif'
          ? lifKernel(a, kopts)
          : { lif_cond: lifCondKernel, izhikevich: izhikevichKernel, adex: adexKernel, poisson: poissonKernel }[pop.model](a);
      const part = options.partition;
      if (!part) {
        this.kernels.push(make(args));
        this.kviews.push(args);
      } else {
        const s = Math.max(0, Math.max(part.lo, pop.offset) - pop.offset);
        const e = Math.max(s, Math.min(part.hi, pop.offset + pop.n) - pop.offset);
        if (pop.model === 'poisson') this.kernels.push(poissonKernel({ ...args, range: [s, e] }));
        else if (e <= s) this.kernels.push((_G, _spikes, ns) => ns);
        else {
          const view = <T extends Float64Array | Int32Array>(a: T) => a.subarray(s, e) as T;
          const sub: KernelArgs = {
            ...args,
            n: e - s,
            offset: pop.offset + s,
            state: Object.fromEntries(Object.entries(pop.state).map(([k, v]) => [k, view(v)])),
            pn: Object.fromEntries(Object.entries(pn).map(([k, v]) => [k, view(v)])),
            ref: view(args.ref),
            bias: view(args.bias),
          };
          this.kernels.push(make(sub));
          this.kviews.push(sub);
        }
      }
    });
    // Projections.
    const byName = new Map(this.populations.map((p) => [p.name, p]));
    let maxDelay = 1;
    this.projections = spec.projections!.map((ps, i) => {
      const source = byName.get(ps.source)!;
      const target = byName.get(ps.target)!;
      let csr = buildProjection({
        path: `projections[${i}]`,
        rule: ps.rule,
        source: source.box,
        target: target.box,
        samePopulation: source === target,
        autapses: ps.autapses!,
        multapses: ps.multapses!,
        weight: ps.weight,
        delay: ps.delay!,
        rng: build.split(),
      });
      maxDelay = Math.max(maxDelay, csr.maxDelay);
      const part = options.partition;
      if (part) {
        // A partition keeps only the synapses onto its own neurons.
        const lo = Math.max(0, Math.min(target.n, part.lo - target.offset));
        const hi = Math.max(lo, Math.min(target.n, part.hi - target.offset));
        csr = restrictTargets(csr, lo, hi);
      }
      const channel = MODELS[target.model].ports.indexOf(ps.receptor!);
      const proj: Projection = { ...csr, spec: ps, source, target, base: channel * N + target.offset, stdp: null, wConst: null };
      if (ps.plasticity) proj.stdp = makeStdp(proj, ps.plasticity);
      else if (csr.w.length > 0 && csr.w.every((x) => x === csr.w[0])) proj.wConst = csr.w[0];
      return proj;
    });
    const D = pow2AtLeast(maxDelay + 1);
    this.ringMask = D - 1;
    this.ring = new Float64Array(maxDelay > 1 ? D * 2 * N : 0);
    this.ringUsed = new Uint8Array(D);
    if (maxDelay > 1) {
      // Past 1/8 of the slot, adding the whole slot (a sequential sweep) costs less than the list.
      this.ringIdx = Array.from({ length: D }, () => new Int32Array(Math.max(256, Math.ceil(N / 4))));
      this.ringCount = new Int32Array(D);
    }
    // Inputs.
    const stepOf = (ms: number) => (ms === Infinity ? Infinity : Math.round(ms / this.dt));
    this.biasChanges = new Set();
    this.inputs = [];
    for (const inp of spec.inputs!) {
      const start = stepOf('start' in inp ? (inp.start ?? 0) : 0);
      const stop = stepOf('stop' in inp ? (inp.stop ?? Infinity) : Infinity);
      if (inp.type === 'sense') {
        const s = spec.senses![inp.sense];
        // Group the slice's points by the population holding them.
        for (let pi = 0; pi < this.populations.length; pi++) {
          const pop = this.populations[pi];
          const o = pop.box.origin;
          const sz = pop.box.size;
          if (s.w < o[3] || s.w >= o[3] + sz[3] || s.z! < o[2] || s.z! >= o[2] + sz[2]) continue;
          const neurons: number[] = [];
          const values: number[] = [];
          inp.values.forEach((row, y) =>
            row.forEach((val, x) => {
              if (x < o[0] || x >= o[0] + sz[0] || y < o[1] || y >= o[1] + sz[1]) return;
              neurons.push((((s.w - o[3]) * sz[2] + s.z! - o[2]) * sz[1] + y - o[1]) * sz[0] + x - o[0]);
              values.push(val * inp.gain!);
            }),
          );
          if (neurons.length === 0) continue;
          if (pop.model === 'poisson')
            throw new Brain4dError(`senses.${inp.sense}`, 'the slice lies in a poisson population, which takes no input');
          this.inputs.push({
            kind: 'current',
            pop: pi,
            start,
            stop,
            a: 0,
            b: 0,
            base: 0,
            neurons: Int32Array.from(neurons),
            values: Float64Array.from(values),
          });
          this.biasChanges.add(start).add(stop);
        }
        continue;
      }
      const pi = this.populations.indexOf(byName.get(inp.target)!);
      const pop = this.populations[pi];
      if (inp.type === 'spikes') {
        const ch = MODELS[pop.model].ports.indexOf(inp.receptor!);
        const targets = inp.neurons ?? Array.from({ length: pop.n }, (_, i) => i);
        for (const time of inp.times) {
          const st = stepOf(time) + 1;
          const list = this.spikeInputs.get(st) ?? [];
          for (const j of targets) list.push(ch * N + pop.offset + j, inp.weight);
          this.spikeInputs.set(st, list);
        }
      } else if (inp.type === 'current') {
        this.inputs.push({ kind: 'current', pop: pi, start, stop, a: inp.amplitude, b: 0, base: 0 });
        this.biasChanges.add(start).add(stop);
      } else if (inp.type === 'noise') {
        this.inputs.push({ kind: 'noise', pop: pi, start, stop, a: inp.mean ?? 0, b: inp.std, base: pop.offset });
      } else {
        const ch = MODELS[pop.model].ports.indexOf(inp.receptor!);
        this.inputs.push({
          kind: 'poisson',
          pop: pi,
          start,
          stop,
          a: (inp.rate * this.dt) / 1000,
          b: inp.weight,
          base: ch * N + pop.offset,
        });
      }
    }
    this.applyBias();
    this.popStart = new Int32Array(this.populations.length + 1);
    this.exchange = options.partition?.exchange ?? null;
    this.lo = options.partition ? Math.max(0, options.partition.lo) : 0;
    this.hi = options.partition ? Math.min(N, options.partition.hi) : N;
    this.stochastic = this.populations.some((p) => p.model === 'poisson') || this.inputs.some((i) => i.kind !== 'current');
    this.noRng = createRng(0);
    this.projSrc = Int32Array.from(this.projections, (p) => this.populations.indexOf(p.source));
    this.projTgt = Int32Array.from(this.projections, (p) => this.populations.indexOf(p.target));
    if (this.exchange && (options.partition!.every ?? 1) > 1) {
      const W = options.partition!.every!;
      const minDelay = this.projections.reduce(
        (m, pr) => Math.min(m, pr.d ? pr.d.reduce((a, x) => Math.min(a, x), Infinity) : pr.delay),
        Infinity,
      );
      if (!Number.isInteger(W) || W > minDelay || this.projections.some((pr) => pr.stdp))
        throw new Brain4dError('partition.every', `must be an integer <= the smallest delay (${minDelay} steps) with no STDP, got ${W}`, {
          code: 'ERR_OUT_OF_RANGE',
        });
      this.every = W;
      this.window = new Int32Array(W * (this.hi - this.lo + 1));
    }
    if (this.exchange) {
      this.localStart = new Int32Array(this.populations.length + 1);
      // Order-free when, per (target population, channel), every projection with synapses here is static with one common weight.
      const weightOf = new Map<number, number>();
      this.orderFree = this.projections.every((pr) => {
        if (pr.tgt.length === 0) return true;
        if (pr.stdp || pr.wConst === null) return false;
        const seen = weightOf.get(pr.base);
        weightOf.set(pr.base, pr.wConst);
        return seen === undefined || Object.is(seen, pr.wConst);
      });
    }
    // Monitors.
    const mon = spec.monitors!;
    this.recordSpikes = new Uint8Array(this.populations.length);
    this.populations.forEach((p, i) => {
      const on = mon.spikes === true || (Array.isArray(mon.spikes) && mon.spikes.includes(p.name));
      this.recordSpikes[i] = on && options.partition?.record !== false ? 1 : 0;
    });
    this.sink = options.sink ?? null;
    this.flushEvery = options.flushEvery ?? 10_000;
    if (!Number.isInteger(this.flushEvery) || this.flushEvery < 1)
      throw new Brain4dError('flushEvery', `must be an integer >= 1, got ${this.flushEvery}`, { code: 'ERR_OUT_OF_RANGE' });
    this.rateBin = mon.rates ? Math.max(1, Math.round(mon.rates.bin! / this.dt)) : 0;
    this.rateCounts = this.populations.map(() => []);
    this.stateMonitors = (mon.state ?? []).map((m) => ({
      pop: byName.get(m.population)!,
      variable: m.variable,
      neurons: Int32Array.from(m.neurons),
      every: m.every ?? 1,
      data: new Growable(Float64Array, 1024),
      steps: new Growable(Int32Array, 256),
    }));
    if (isFixed) {
      this.fixed = fixedNetwork(
        { spec, N, dt: this.dt, populations: this.populations, projections: this.projections, kargs: this.kargs },
        engine,
      );
      if (engine === 'fixed') this.fixedEngine = new FixedLifEngine(this.fixed);
      else if (this.stateMonitors.length > 0)
        throw new Brain4dError('monitors.state', 'the webgpu engine records spikes and rates only', { code: 'ERR_UNSUPPORTED' });
    }
  }

  /** Recomputes each population's constant drive from the current inputs active at step t (quantised into `fixed` too for the fixed-point engines). */
  private applyBias(): void {
    this.kargs.forEach((k, i) => k.bias.set(this.biasBase[i]));
    for (const inp of this.inputs) {
      if (inp.kind !== 'current' || this.t < inp.start || this.t >= inp.stop) continue;
      const bias = this.kargs[inp.pop].bias;
      if (inp.neurons) for (let q = 0; q < inp.neurons.length; q++) bias[inp.neurons[q]] += inp.values![q];
      else for (let i = 0; i < bias.length; i++) bias[i] += inp.a;
    }
    for (const k of this.kviews) k.biasUniform = k.bias.every((x) => x === k.bias[0]);
    if (this.fixed) setFixedBias(this.fixed, { populations: this.populations, kargs: this.kargs });
  }

  /** The number of steps of a run of `duration` ms (Brain4dError for a negative or non-finite duration). */
  private stepsOf(duration: number): number {
    const steps = Math.round(duration / this.dt);
    if (!Number.isFinite(steps) || steps < 0)
      throw new Brain4dError('duration', `must be a finite duration >= 0 ms, got ${duration}`, { code: 'ERR_OUT_OF_RANGE' });
    return steps;
  }

  /** A run's result: wall time since `t0`, RTF, spikes, and each population's rate from its spike count before the run. */
  private runResult(steps: number, before: Float64Array, t0: number, spikes: number): RunResult {
    const wall = (performance.now() - t0) / 1000;
    const rates: Record<string, number> = {};
    const secs = (steps * this.dt) / 1000;
    this.populations.forEach((p, i) => (rates[p.name] = secs > 0 ? (this.popCounts[i] - before[i]) / p.n / secs : 0));
    return { steps, duration: steps * this.dt, wall, rtf: secs > 0 ? wall / secs : 0, spikes, rates };
  }

  /** Simulates `duration` ms (default: the network's `duration`) and returns rates, RTF and spike count of this call. */
  run(duration: number = this.spec.duration!, onProgress?: ProgressFn): RunResult {
    if (this.engine === 'webgpu')
      throw new Brain4dError('engine', 'the webgpu engine runs asynchronously: use runAsync', { code: 'ERR_UNSUPPORTED' });
    const steps = this.stepsOf(duration);
    const before = this.popCounts.slice();
    const t0 = performance.now();
    let spikes = 0;
    const chunk = Math.max(1, Math.round(100 / this.dt));
    for (let s = 0; s < steps; s++) {
      spikes += this.step();
      if (this.sink && this.t % this.flushEvery === 0) this.flush();
      if (onProgress && ((s + 1) % chunk === 0 || s + 1 === steps)) onProgress(s + 1, steps, spikes);
    }
    if (this.windowSteps > 0) spikes += this.flushWindow(this.t - 1);
    if (this.sink) this.flush();
    return this.runResult(steps, before, t0, spikes);
  }

  /**
   * {@link Simulator.run} for every engine, and the only way to run the `webgpu` engine: its steps
   * are submitted `stepsPerSubmit` at a time and their spikes read back asynchronously (spikes,
   * rates and progress as `run` records them).
   */
  async runAsync(duration: number = this.spec.duration!, onProgress?: ProgressFn): Promise<RunResult> {
    if (this.engine !== 'webgpu') return this.run(duration, onProgress);
    const steps = this.stepsOf(duration);
    const before = this.popCounts.slice();
    const t0 = performance.now();
    if (!this.gpuEngine) {
      const { GpuLifEngine } = await import('./gpu/gpu-lif-engine.js');
      this.gpuEngine = await GpuLifEngine.create(this.fixed!, this.gpuOptions);
    }
    const gpu = this.gpuEngine;
    const end = this.t + steps;
    const chunk = Math.max(1, Math.round(100 / this.dt));
    const first = this.t;
    let spikes = 0;
    while (this.t < end) {
      if (this.biasChanges.has(this.t)) {
        this.applyBias();
        gpu.writeBias(this.fixed!.bias);
      }
      // Up to the next change of the drives (current and sense inputs), which is uploaded between runs.
      let stop = end;
      for (const c of this.biasChanges) if (c > this.t && c < stop) stop = c;
      await gpu.run(
        this.t,
        stop - this.t,
        (t, list, ns) => {
          this.recordFixedStep(t, list, ns);
          spikes += ns;
          this.t = t + 1;
          const done = this.t - first;
          if (onProgress && (done % chunk === 0 || done === steps)) onProgress(done, steps, spikes);
        },
        (t) => this.fixedEvents(t),
      );
      if (this.sink) this.flush();
    }
    return this.runResult(steps, before, t0, spikes);
  }

  /** Counts and records the ascending spike list of step t of the fixed-point engines. */
  private recordFixedStep(t: number, spikes: Int32Array, ns: number): void {
    this.splitByPopulation(spikes, ns);
    this.countSpikes(t, spikes);
  }

  /** Sets `popStart` to where each population's ids begin in the ascending list spikes[0..ns). */
  private splitByPopulation(spikes: Int32Array, ns: number): void {
    const popStart = this.popStart;
    const P = this.populations.length;
    let q = 0;
    for (let p = 0; p < P; p++) {
      popStart[p] = q;
      const end = this.populations[p].offset + this.populations[p].n;
      while (q < ns && spikes[q] < end) q++;
    }
    popStart[P] = ns;
  }

  /** Population counts, binned rates and recorded spikes of step t from `spikes` split by `popStart`. */
  private countSpikes(t: number, spikes: Int32Array): void {
    const popStart = this.popStart;
    for (let p = 0; p < this.populations.length; p++) {
      const c = popStart[p + 1] - popStart[p];
      this.popCounts[p] += c;
      if (this.rateBin) {
        const bin = Math.floor(t / this.rateBin);
        const rc = this.rateCounts[p];
        while (rc.length <= bin) rc.push(0);
        rc[bin] += c;
      }
      if (this.recordSpikes[p]) {
        const pop = this.populations[p];
        for (let q = popStart[p]; q < popStart[p + 1]; q++) {
          this.spikeSteps.push(t);
          this.spikeIds.push(pop.ids[spikes[q] - pop.offset]);
        }
      }
    }
  }

  /**
   * Input events of step t for the fixed-point engines, as (channel index, Q15.16 weight) pairs:
   * the spike generators' events and the Poisson trains, drawn from the step's generator in the
   * order {@link Simulator.step} draws them (so the float64 and fixed-point engines get the same trains).
   */
  private fixedEvents(t: number): Int32Array | null {
    const ev = this.spikeInputs.size !== 0 ? this.spikeInputs.get(t) : undefined;
    if (!ev && !this.stochastic) return null;
    const q16 = 2 ** STATE_FRAC;
    const out: number[] = [];
    if (ev) for (let q = 0; q < ev.length; q += 2) out.push(ev[q], Math.round(ev[q + 1] * q16));
    if (this.stochastic) {
      const rng = createRng((BigInt(this.seed) << 32n) | BigInt(t));
      for (const inp of this.inputs) {
        if (inp.kind !== 'poisson' || t < inp.start || t >= inp.stop) continue;
        const n = this.populations[inp.pop].n;
        const k = rng.poisson(n * inp.a);
        const w = Math.round(inp.b * q16);
        for (let q = 0; q < k; q++) out.push(inp.base + rng.uniformInt(n), w);
      }
    }
    return out.length > 0 ? Int32Array.from(out) : null;
  }

  /** One step of the `fixed` engine (drives, update, delivery in fixed-lif-engine.ts), recorded as {@link Simulator.step} does. */
  private fixedStep(): number {
    const t = this.t;
    if (this.biasChanges.has(t)) this.applyBias();
    const ns = this.fixedEngine!.step(t, this.spikeBuf, this.fixedEvents(t));
    this.recordFixedStep(t, this.spikeBuf, ns);
    this.sampleState(t);
    this.t = t + 1;
    return ns;
  }

  /** Advances one step; returns the number of spikes emitted. */
  step(): number {
    if (this.fixedEngine) return this.fixedStep();
    if (this.engine === 'webgpu')
      throw new Brain4dError('engine', 'the webgpu engine runs asynchronously: use runAsync', { code: 'ERR_UNSUPPORTED' });
    const t = this.t;
    const G = this.G;
    const N2 = 2 * this.N;
    const rng = this.stochastic ? createRng((BigInt(this.seed) << 32n) | BigInt(t)) : this.noRng;
    const slot = t & this.ringMask;
    if (this.ringUsed[slot]) {
      const r = this.ring;
      const b = slot * N2;
      const count = this.ringCount[slot];
      if (count >= 0) {
        // The entries the slot received (a repeated one adds 0 the second time, as the sweep adds 0 to the others).
        const idx = this.ringIdx[slot];
        for (let q = 0; q < count; q++) {
          const k = idx[q];
          G[k] += r[b + k];
          r[b + k] = 0;
        }
      } else {
        // Only the neurons this simulator updates (a partition's range) receive anything.
        const lo = this.lo;
        const hi = this.hi;
        for (let c = 0; c < N2; c += this.N)
          for (let k = c + lo; k < c + hi; k++) {
            G[k] += r[b + k];
            r[b + k] = 0;
          }
      }
      this.ringCount[slot] = 0;
      this.ringUsed[slot] = 0;
    }
    // (Lookups guarded: a network without such inputs pays no hashing per step.)
    if (this.biasChanges.size !== 0 && this.biasChanges.has(t)) this.applyBias();
    const ev = this.spikeInputs.size !== 0 ? this.spikeInputs.get(t) : undefined;
    if (ev) for (let q = 0; q < ev.length; q += 2) G[ev[q]] += ev[q + 1];
    for (const inp of this.inputs) {
      if (inp.kind === 'current' || t < inp.start || t >= inp.stop) continue;
      const n = this.populations[inp.pop].n;
      if (inp.kind === 'poisson') {
        // Independent Poisson trains into each neuron: K ~ Poisson(n·rate·dt) events, each on a uniform neuron.
        const k = rng.poisson(n * inp.a);
        for (let q = 0; q < k; q++) G[inp.base + rng.uniformInt(n)] += inp.b;
      } else {
        for (let i = 0; i < n; i++) G[inp.base + i] += inp.a + inp.b * rng.normal();
      }
    }
    let spikes = this.spikeBuf;
    let ns = 0;
    const popStart = this.popStart;
    const P = this.kernels.length;
    if (this.exchange) {
      // Local spikes first, then the full list of the step from every partition.
      const local = this.localBuf;
      for (let p = 0; p < P; p++) ns = this.kernels[p](G, local, ns, rng, t);
      if (this.every > 1) {
        // Batched: keep the step's spikes; every `every` steps exchange and deliver the window.
        const win = this.window;
        let wp = this.windowLen;
        win[wp++] = ns;
        for (let i = 0; i < ns; i++) win[wp++] = local[i];
        this.windowLen = wp;
        const total = ++this.windowSteps === this.every ? this.flushWindow(t) : 0;
        this.sampleState(t);
        this.t = t + 1;
        return total;
      }
      if (this.orderFree) {
        this.nLocal = ns;
        this.ownDelivered = false;
        ns = this.exchange(local, ns, spikes, this.deliverOwn);
        this.deliverOwn();
      } else ns = this.exchange(local, ns, spikes);
      this.splitByPopulation(spikes, ns);
    } else {
      spikes = this.spikeBuf;
      for (let p = 0; p < P; p++) {
        popStart[p] = ns;
        ns = this.kernels[p](G, spikes, ns, rng, t);
      }
    }
    popStart[P] = ns;
    this.countSpikes(t, spikes);
    popStart[this.kernels.length] = ns;
    if (ns > 0 && this.orderFree) {
      // Own spikes delivered already: the partners' before and after them in the list.
      const projs = this.projections;
      let a = 0;
      while (a < ns && spikes[a] < this.lo) a++;
      const b = a + this.nLocal;
      for (let q = 0; q < projs.length; q++) {
        const from = popStart[this.projSrc[q]];
        const to = popStart[this.projSrc[q] + 1];
        if (from < a) this.deliver(projs[q], spikes, from, Math.min(to, a));
        if (b < to) this.deliver(projs[q], spikes, Math.max(from, b), to);
      }
    } else if (ns > 0) {
      const projs = this.projections;
      for (let q = 0; q < projs.length; q++) this.deliver(projs[q], spikes, popStart[this.projSrc[q]], popStart[this.projSrc[q] + 1]);
      for (let q = 0; q < projs.length; q++)
        if (projs[q].stdp) this.postStdp(projs[q], spikes, popStart[this.projTgt[q]], popStart[this.projTgt[q] + 1]);
    }
    this.sampleState(t);
    this.t = t + 1;
    return ns;
  }

  /** Records the monitored state of step t (the `fixed` engine's from its Q15.16 arrays, in mV). */
  private sampleState(t: number): void {
    const f = this.fixed;
    for (const m of this.stateMonitors) {
      if (t % m.every !== 0) continue;
      m.steps.push(t);
      if (f) {
        const off = m.pop.offset;
        const src = m.variable === 'v' ? f.v : f.G;
        const at = m.variable === 'g_in' ? this.N + off : off;
        for (let q = 0; q < m.neurons.length; q++) m.data.push(src[at + m.neurons[q]] * STATE_LSB);
      } else {
        const arr = m.pop.state[m.variable];
        for (let q = 0; q < m.neurons.length; q++) m.data.push(arr[m.neurons[q]]);
      }
    }
  }

  /**
   * Batched partitioned run: exchanges the window of local spikes of steps last − S + 1 … last
   * (S = steps in the window), then for each of those steps, in order, counts and records its
   * full spike list and delivers it as the single-thread run did at that step (every delay is
   * ≥ the window, so each lands in a ring slot after `last`). Returns the window's spike count.
   */
  private flushWindow(last: number): number {
    const S = this.windowSteps;
    const cap = S * (this.N + 64);
    if (this.windowOut.length < cap) this.windowOut = new Int32Array(cap);
    const all = this.windowOut;
    const n = this.exchange!(this.window, this.windowLen, all);
    this.windowLen = 0;
    this.windowSteps = 0;
    // The partitions' windows in partition order, each S records [count, ids…]: record r is step r mod S.
    const at: number[] = [];
    for (let pos = 0; pos < n; pos += all[pos] + 1) at.push(pos);
    const spikes = this.spikeBuf;
    const popStart = this.popStart;
    const projs = this.projections;
    let total = 0;
    for (let s = 0; s < S; s++) {
      let ns = 0;
      for (let r = s; r < at.length; r += S) {
        const c = all[at[r]];
        for (let i = 1; i <= c; i++) spikes[ns++] = all[at[r] + i];
      }
      this.splitByPopulation(spikes, ns);
      const t = last - S + 1 + s;
      this.countSpikes(t, spikes);
      if (ns > 0)
        for (let k = 0; k < projs.length; k++) this.deliver(projs[k], spikes, popStart[this.projSrc[k]], popStart[this.projSrc[k] + 1], t);
      total += ns;
    }
    return total;
  }

  private deliver(pr: Projection, spikes: Int32Array, from: number, to: number, t = this.t): void {
    if (from === to) return;
    const { rowPtr, tgt, w, d, base, stdp } = pr;
    const off = pr.source.offset;
    if (stdp) {
      this.preStdp(pr, spikes, from, to);
      return;
    }
    if (d === null && pr.delay === 1) {
      const G = this.G;
      const wc = pr.wConst;
      if (wc !== null) {
        for (let q = from; q < to; q++) {
          const s = spikes[q] - off;
          const end = rowPtr[s + 1];
          for (let k = rowPtr[s]; k < end; k++) G[base + tgt[k]] += wc;
        }
        return;
      }
      for (let q = from; q < to; q++) {
        const s = spikes[q] - off;
        const end = rowPtr[s + 1];
        for (let k = rowPtr[s]; k < end; k++) G[base + tgt[k]] += w[k];
      }
      return;
    }
    const ring = this.ring;
    const N2 = 2 * this.N;
    const mask = this.ringMask;
    if (d === null) {
      const slot = (t + pr.delay) & mask;
      this.ringUsed[slot] = 1;
      const b = slot * N2;
      const idx = this.ringIdx[slot];
      const cap = idx.length;
      let c = this.ringCount[slot];
      for (let q = from; q < to; q++) {
        const s = spikes[q] - off;
        const end = rowPtr[s + 1];
        for (let k = rowPtr[s]; k < end; k++) {
          const j = base + tgt[k];
          ring[b + j] += w[k];
          if (c >= 0) {
            if (c < cap) idx[c++] = j;
            else c = -1;
          }
        }
      }
      this.ringCount[slot] = c;
      return;
    }
    const G = this.G;
    for (let q = from; q < to; q++) {
      const s = spikes[q] - off;
      const end = rowPtr[s + 1];
      for (let k = rowPtr[s]; k < end; k++) {
        const dk = d[k];
        if (dk === 1) G[base + tgt[k]] += w[k];
        else this.ringAdd((t + dk) & mask, base + tgt[k], w[k]);
      }
    }
  }

  /** Adds x to channel entry j of ring slot `slot`, noting the entry for the slot's addition to G. */
  private ringAdd(slot: number, j: number, x: number): void {
    this.ring[slot * 2 * this.N + j] += x;
    this.ringUsed[slot] = 1;
    const c = this.ringCount[slot];
    if (c >= 0) {
      const idx = this.ringIdx[slot];
      if (c < idx.length) {
        idx[c] = j;
        this.ringCount[slot] = c + 1;
      } else this.ringCount[slot] = -1;
    }
  }

  /**
   * Presynaptic side of pair-based STDP, at the spike's emission: the synapse delivers its
   * current weight, the presynaptic trace x_pre decays to now and grows by 1 (all-to-all) or
   * is set to 1 (nearest), and the weight is depressed by the postsynaptic trace:
   * additive w ← clip(w − A−·w_max·x_post, w_min, w_max), multiplicative w ← w − A−·(w − w_min)·x_post.
   */
  private preStdp(pr: Projection, spikes: Int32Array, from: number, to: number): void {
    const st = pr.stdp!;
    const { rowPtr, tgt, w, d, base } = pr;
    const { tau_plus, tau_minus, a_plus: _ap, a_minus, w_max, w_min, rule, pairing } = st.spec;
    void _ap;
    const off = pr.source.offset;
    const t = this.t;
    const dt = this.dt;
    const G = this.G;
    const mask = this.ringMask;
    for (let q = from; q < to; q++) {
      const s = spikes[q] - off;
      const xp = st.xPre[s] * Math.exp((-(t - st.lastPre[s]) * dt) / tau_plus);
      st.xPre[s] = pairing === 'nearest' ? 1 : xp + 1;
      st.lastPre[s] = t;
      const end = rowPtr[s + 1];
      for (let k = rowPtr[s]; k < end; k++) {
        const j = tgt[k];
        const dk = d === null ? pr.delay : d[k];
        if (dk === 1) G[base + j] += w[k];
        else this.ringAdd((t + dk) & mask, base + j, w[k]);
        const xpost = st.xPost[j] * Math.exp((-(t - st.lastPost[j]) * dt) / tau_minus);
        let wk = rule === 'additive' ? w[k] - a_minus * w_max * xpost : w[k] - a_minus * (w[k] - w_min) * xpost;
        if (wk < w_min) wk = w_min;
        else if (wk > w_max) wk = w_max;
        w[k] = wk;
      }
    }
  }

  /**
   * Postsynaptic side: x_post decays to now and grows by 1 (or is set to 1, nearest), and every
   * incoming synapse is potentiated by its presynaptic trace (decayed to now):
   * additive w ← clip(w + A+·w_max·x_pre), multiplicative w ← w + A+·(w_max − w)·x_pre.
   */
  private postStdp(pr: Projection, spikes: Int32Array, from: number, to: number): void {
    const st = pr.stdp!;
    const { tau_plus, tau_minus, a_plus, w_max, w_min, rule, pairing } = st.spec;
    const off = pr.target.offset;
    const t = this.t;
    const dt = this.dt;
    const w = pr.w;
    // Source neuron of each synapse: found from the CSR row pointers once (cached in colSrc).
    const colSrc = sourceOfSynapse(pr);
    for (let q = from; q < to; q++) {
      const j = spikes[q] - off;
      const xq = st.xPost[j] * Math.exp((-(t - st.lastPost[j]) * dt) / tau_minus);
      st.xPost[j] = pairing === 'nearest' ? 1 : xq + 1;
      st.lastPost[j] = t;
      for (let c = st.colPtr[j]; c < st.colPtr[j + 1]; c++) {
        const k = st.colIdx[c];
        const s = colSrc[c];
        const xpre = st.xPre[s] * Math.exp((-(t - st.lastPre[s]) * dt) / tau_plus);
        let wk = rule === 'additive' ? w[k] + a_plus * w_max * xpre : w[k] + a_plus * (w_max - w[k]) * xpre;
        if (wk < w_min) wk = w_min;
        else if (wk > w_max) wk = w_max;
        w[k] = wk;
      }
    }
  }

  /** Hands the recorded spikes and samples to the sink and forgets them (no-op without a sink). */
  flush(): void {
    const sink = this.sink;
    if (!sink) return;
    if (this.spikeSteps.length > 0)
      sink.spikes(this.spikeSteps.data.subarray(0, this.spikeSteps.length), this.spikeIds.data.subarray(0, this.spikeIds.length));
    this.spikeSteps.length = 0;
    this.spikeIds.length = 0;
    this.stateMonitors.forEach((m, i) => {
      if (m.steps.length > 0) sink.state(i, m.steps.data.subarray(0, m.steps.length), m.data.data.subarray(0, m.data.length));
      m.steps.length = 0;
      m.data.length = 0;
    });
  }

  /** Mean rate of each population since step 0, Hz. */
  rates(): Record<string, number> {
    const secs = (this.t * this.dt) / 1000;
    const out: Record<string, number> = {};
    this.populations.forEach((p, i) => (out[p.name] = secs > 0 ? this.popCounts[i] / p.n / secs : 0));
    return out;
  }

  /** Spike counts of each population since step 0. */
  spikeCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    this.populations.forEach((p, i) => (out[p.name] = this.popCounts[i]));
    return out;
  }

  /** Recorded spikes: times in ms (step·dt) and lattice ids (with a sink: those not yet handed over). */
  spikes(): { times: Float64Array; ids: Int32Array; steps: Int32Array } {
    const steps = this.spikeSteps.data.slice(0, this.spikeSteps.length);
    return { times: Float64Array.from(steps, (s) => s * this.dt), ids: this.spikeIds.data.slice(0, this.spikeIds.length), steps };
  }

  /** Binned population rates (Hz per bin), when `monitors.rates` is set. */
  rateHistory(): { bin: number; rates: Record<string, Float64Array> } {
    const out: Record<string, Float64Array> = {};
    const binS = (this.rateBin * this.dt) / 1000;
    this.populations.forEach((p, i) => (out[p.name] = Float64Array.from(this.rateCounts[i], (c) => c / p.n / binS)));
    return { bin: this.rateBin * this.dt, rates: out };
  }

  /** Sampled state of monitor i: times (ms) and values [sample][neuron]. */
  stateTrace(i: number): { times: Float64Array; values: Float64Array[] } {
    const m = this.stateMonitors[i];
    if (!m) throw new Brain4dError('monitor', `no state monitor ${i}`, { code: 'ERR_OUT_OF_RANGE' });
    const k = m.neurons.length;
    const values = Array.from({ length: m.steps.length }, (_, s) => m.data.data.slice(s * k, (s + 1) * k));
    return { times: Float64Array.from(m.steps.data.subarray(0, m.steps.length), (s) => s * this.dt), values };
  }

  /** Total synapses over all projections. */
  synapseCount(): number {
    return this.projections.reduce((a, p) => a + p.tgt.length, 0);
  }

  /** Bytes held by the synapse store (CSR rows, targets, weights, delays, STDP indices). */
  synapseBytes(): number {
    return this.projections.reduce(
      (a, p) =>
        a +
        p.rowPtr.byteLength +
        p.tgt.byteLength +
        p.w.byteLength +
        (p.d?.byteLength ?? 0) +
        (p.stdp ? p.stdp.colIdx.byteLength + p.stdp.colPtr.byteLength : 0),
      0,
    );
  }

  /** @internal Kernel arguments (refractory counters, drives): used by checkpoints. */
  get internals(): {
    kargs: KernelArgs[];
    ring: Float64Array;
    ringUsed: Uint8Array;
    popCounts: Float64Array;
    rateCounts: number[][];
    stateMonitors: Array<{ data: Growable<Float64Array>; steps: Growable<Int32Array> }>;
  } {
    if (this.fixed)
      throw new Brain4dError('engine', `checkpoints hold the float64 engines' state, not the ${this.engine} engine's`, {
        code: 'ERR_UNSUPPORTED',
      });
    // A checkpoint may write the ring: its slots are then added to G whole.
    this.ringCount.fill(-1);
    return {
      kargs: this.kargs,
      ring: this.ring,
      ringUsed: this.ringUsed,
      popCounts: this.popCounts,
      rateCounts: this.rateCounts,
      stateMonitors: this.stateMonitors,
    };
  }
}

const srcCache = new WeakMap<Projection, Uint32Array>();
function sourceOfSynapse(pr: Projection): Uint32Array {
  let c = srcCache.get(pr);
  if (c) return c;
  const st = pr.stdp!;
  const src = new Uint32Array(pr.tgt.length);
  for (let s = 0; s + 1 < pr.rowPtr.length; s++) for (let k = pr.rowPtr[s]; k < pr.rowPtr[s + 1]; k++) src[k] = s;
  c = Uint32Array.from(st.colIdx, (k) => src[k]);
  srcCache.set(pr, c);
  return c;
}

function makeStdp(pr: Projection, spec: StdpSpec): StdpState {
  const nT = pr.target.n;
  const m = pr.tgt.length;
  const colPtr = new Uint32Array(nT + 1);
  for (let k = 0; k < m; k++) colPtr[pr.tgt[k] + 1]++;
  for (let j = 0; j < nT; j++) colPtr[j + 1] += colPtr[j];
  const fill = colPtr.slice(0, nT);
  const colIdx = new Uint32Array(m);
  for (let k = 0; k < m; k++) colIdx[fill[pr.tgt[k]]++] = k;
  // Clip the initial weights to the bounds.
  for (let k = 0; k < m; k++) pr.w[k] = Math.min(spec.w_max, Math.max(spec.w_min ?? 0, pr.w[k]));
  return {
    spec: spec as Required<StdpSpec>,
    xPre: new Float64Array(pr.source.n),
    lastPre: new Float64Array(pr.source.n),
    xPost: new Float64Array(nT),
    lastPost: new Float64Array(nT),
    colPtr,
    colIdx,
  };
}

/** Per-neuron r ∈ [0, 1), drawn on first use. */
function lazyR(n: number, rng: Rng): () => Float64Array {
  let r: Float64Array | null = null;
  return () => (r ??= Float64Array.from({ length: n }, () => rng.uniform()));
}

function perNeuron(v: ParamValue, n: number, rng: Rng, rOf: () => Float64Array): Float64Array {
  if (typeof v === 'number') return new Float64Array(n).fill(v);
  if (Array.isArray(v)) return Float64Array.from(v);
  if ('r' in v) {
    const r = rOf();
    const c = v.r;
    return r.map((x) => {
      let y = 0;
      for (let k = c.length - 1; k >= 0; k--) y = y * x + c[k];
      return y;
    });
  }
  const s = sampler(v);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = s.draw(rng);
  return out;
}
