import { isProfiling, profileRegion, toRng, type Rng, type SeedOrRng } from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';
import { checkInt, checkPositive, checkProb } from './validators.js';
import { areaSupport, assignWinners, newRoundScratch, type AreaState, type BrainParams, type BrainState } from './brain-state.js';
import { addAreaState } from './add-area-state.js';
import { addStimulusState } from './add-stimulus-state.js';
import { projectRound } from './project-round.js';
import { DEFAULT_MEMORY_BUDGET, formatBytes, heldMemory, newAreaBytes } from './memory-budget.js';

/** How the k best inputs among never-fired neurons are drawn (lazy areas). */
export type TailSampler = 'reference' | 'exact';

/** Options of `new Brain(p, seed, options)`. */
export interface BrainOptions {
  /**
   * 'reference' (default): as brain.py — k iid draws of the normal
   * approximation N(Kp, Kp(1-p)) truncated to [α, K] with
   * α = F⁻¹((N-k)/N) the binomial quantile, rounded.
   * 'exact': the exact top-k order statistics of N iid Binomial(K, p).
   * Both share the lazy model's approximation that a never-fired neuron's
   * input is a fresh Binomial(K, p) each round; measured against an explicit
   * simulation, 'reference' is the closer of the two at brain.py's sizes
   * (n = 1e5) and 'exact' at small n (see the README).
   */
  sampler?: TailSampler;
  /** Synapse weights never exceed this (default Infinity: no cap). */
  maxWeight?: number;
  /** Keep every round's winners per area (default false; support sizes are always kept). */
  saveWinners?: boolean;
  /**
   * Memory budget in bytes (default 2 GiB, `DEFAULT_MEMORY_BUDGET`): adding
   * an area whose estimated memory (its synapses, 8 bytes each, + 30% slack,
   * and per-neuron arrays) would take the brain past it throws an
   * AssemblyError with code ERR_MEMORY before anything is allocated. Raise
   * it for larger explicit areas on machines that have the memory.
   */
  memoryBudget?: number;
}

/** A read-only view of one area. */
export interface AreaInfo {
  /** Name of the area. */
  readonly name: string;
  /** Neurons in the area. */
  readonly n: number;
  /** Winners per round (the k-cap). */
  readonly k: number;
  /** Plasticity β: a synapse into a winner from a firing neuron is multiplied by 1 + β. */
  readonly beta: number;
  /** True for an explicit area (all n neurons simulated), false for a lazy one. */
  readonly explicit: boolean;
  /** Neurons ever fired (for lazy areas: the neurons simulated so far). */
  readonly support: number;
  /** True while the area's assembly is fixed (`fixAssembly`): it fires its winners without recomputing them. */
  readonly fixed: boolean;
  /** New (first-time) winners in the last round this area was updated. */
  readonly numNewWinners: number;
}

/**
 * Synapse probabilities of an explicit area that differ from the brain's p
 * (brain.py's custom_inner_p, custom_out_p, custom_in_p). They apply between
 * explicit areas only: synapses between an explicit and a lazy area always
 * use p, which the lazy sampler assumes.
 */
export interface ExplicitAreaOptions {
  /** Probability of a synapse inside the area (default p). */
  innerP?: number;
  /** Probability of a synapse from this area into another explicit area (default p). */
  outP?: number;
  /** Probability of a synapse from another explicit area into this one (default p). */
  inP?: number;
}

const quote = (name: string) => JSON.stringify(name);

/**
 * A model brain of the assembly calculus (Papadimitriou et al., PNAS 2020),
 * with the API of brain.py: stimuli, lazy areas and explicit areas connected
 * by random synapses of probability p; each round every target area fires its
 * k neurons of largest total input (k-cap), and every synapse from a firing
 * neuron into a winner is multiplied by (1 + β) (Hebbian plasticity).
 *
 * Lazy areas store only neurons that have ever fired. Each round, a never-fired
 * neuron's input is Binomial(K, p) with K the number of neurons firing into the
 * area; the k best of the n - w such inputs are sampled from the binomial tail
 * (see `BrainOptions.sampler`), competed against the known neurons' exact
 * inputs, and the new winners are recruited: their input is split among the
 * sources without replacement (multivariate hypergeometric), their other
 * synapses to and from every known neuron are drawn Bernoulli(p).
 *
 * The class holds the state and checks every argument; the rounds themselves
 * are the functions projectRound → projectArea → sampleCandidates,
 * recruitWinner, hebbianUpdate of this package, applied to that state.
 * All random draws come from one generator: the same seed gives the same
 * winners on every run and on every JavaScript engine (the tail quantile and
 * the hypergeometric split use @neurite/tensor's engine-independent detLog/
 * detExp and rng.hypergeometric, never Math.log/Math.exp).
 */
export class Brain {
  /** Synapse probability of every area and stimulus (unless an explicit area overrides it). */
  readonly p: number;
  /** The one generator every draw of this brain comes from (seeded by the constructor). */
  readonly rng: Rng;
  /** Plasticity on/off (brain.py's disable_plasticity, inverted). */
  plasticity = true;
  /** The memory budget in bytes (BrainOptions.memoryBudget). */
  readonly memoryBudget: number;
  private readonly sampler: TailSampler;
  private readonly maxWeight: number;
  private readonly saveWinners: boolean;
  private readonly state: BrainState = { areas: [], stimuli: [], conn: [], scratch: newRoundScratch() };
  private readonly areaIndex = new Map<string, number>();
  private readonly stimIndex = new Map<string, number>();

  /**
   * @param p synapse probability in (0, 1]
   * @param seed a seed or an Rng of @neurite/tensor (default 0)
   */
  constructor(p: number, seed: SeedOrRng = 0, opts: BrainOptions = {}) {
    this.p = checkProb('Brain', 'p', p, true);
    this.rng = toRng(seed, 'seed', AssemblyError);
    this.sampler = opts.sampler ?? 'reference';
    if (this.sampler !== 'reference' && this.sampler !== 'exact')
      throw new AssemblyError('sampler', `Brain: sampler must be 'reference' or 'exact', got ${String(this.sampler)}`);
    this.maxWeight = opts.maxWeight ?? Infinity;
    if (typeof this.maxWeight !== 'number' || !(this.maxWeight > 0))
      throw new AssemblyError('maxWeight', `Brain: maxWeight must be > 0, got ${String(this.maxWeight)}`, { code: 'ERR_OUT_OF_RANGE' });
    this.saveWinners = opts.saveWinners ?? false;
    this.memoryBudget = checkPositive('Brain', 'memoryBudget', opts.memoryBudget ?? DEFAULT_MEMORY_BUDGET);
  }

  private params(): BrainParams & { saveWinners: boolean } {
    return { p: this.p, sampler: this.sampler, maxWeight: this.maxWeight, plasticity: this.plasticity, saveWinners: this.saveWinners };
  }

  // ---------------------------------------------------------------- building

  /** Adds a stimulus of `size` neurons that always fire together (1 <= size <= 2^53 − 1). */
  addStimulus(name: string, size: number): this {
    checkName('addStimulus', name, 'stimulus');
    if (this.stimIndex.has(name))
      throw new AssemblyError('name', `addStimulus: stimulus ${quote(name)} already exists`, { code: 'ERR_STATE' });
    checkInt(`addStimulus(${quote(name)})`, 'size', size, 1);
    this.stimIndex.set(name, this.state.stimuli.length);
    addStimulusState(this.state, this.p, this.rng, name, size);
    return this;
  }

  /** Adds a lazy area of n neurons (n <= 2^53 − 1), k of which fire, default plasticity β. */
  addArea(name: string, n: number, k: number, beta: number): this {
    this.newArea('addArea', name, n, k, beta, false, this.p, this.p, this.p);
    return this;
  }

  /**
   * Adds an explicit area: all n neurons and all their synapses are simulated
   * (an n×n random sparse matrix from @neurite/tensor's randomCSR, and
   * n × w matrices to and from every other area). Its memory, ≈ 10.4·n²·p
   * bytes for the area itself, must fit the memory budget (BrainOptions.memoryBudget).
   */
  addExplicitArea(name: string, n: number, k: number, beta: number, opts: ExplicitAreaOptions = {}): this {
    const fn = `addExplicitArea(${quote(String(name))})`;
    const prob = (v: number | undefined, what: string): number => (v === undefined ? this.p : checkProb(fn, what, v));
    const innerP = prob(opts.innerP, 'innerP'),
      outP = prob(opts.outP, 'outP'),
      inP = prob(opts.inP, 'inP');
    this.newArea('addExplicitArea', name, n, k, beta, true, innerP, outP, inP);
    return this;
  }

  private newArea(
    method: string,
    name: string,
    n: number,
    k: number,
    beta: number,
    explicit: boolean,
    innerP: number,
    outP: number,
    inP: number,
  ): void {
    checkName(method, name, 'area');
    if (this.areaIndex.has(name)) throw new AssemblyError('name', `${method}: area ${quote(name)} already exists`, { code: 'ERR_STATE' });
    const fn = `${method}(${quote(name)})`;
    checkInt(fn, 'n', n, 1);
    checkInt(fn, 'k', k, 1);
    if (k > n) throw new AssemblyError('k', `${fn}: k = ${k} exceeds n = ${n}`, { code: 'ERR_OUT_OF_RANGE' });
    checkPositive(fn, 'beta', beta, true);
    const spec = { name, n, k, beta, explicit, innerP, outP, inP };
    if (explicit && n > 2 ** 31 - 1)
      throw new AssemblyError(
        'n',
        `${fn}: an explicit area has at most 2^31 − 1 neurons (Int32 synapse indices), got n = ${n}; a lazy area (addArea) takes n up to 2^53 − 1`,
        { code: 'ERR_OUT_OF_RANGE' },
      );
    // memory budget, before anything is allocated
    const need = newAreaBytes(this.state, this.p, spec);
    const held = this.memory().bytes;
    if (held + need > this.memoryBudget) {
      throw new AssemblyError(
        'n',
        `${fn}: an area of n = ${n}${explicit ? ' explicit' : ''} neurons (k = ${k}${explicit ? `, p = ${innerP}` : ''}) needs about ${formatBytes(need)}, and the brain holds ${formatBytes(held)}: over the memory budget of ${formatBytes(this.memoryBudget)} (BrainOptions.memoryBudget)${explicit ? '; a lazy area (addArea) stores only the neurons that fire' : ''}`,
        { code: 'ERR_MEMORY' },
      );
    }
    try {
      addAreaState(this.state, this.p, this.rng, spec);
    } catch (e) {
      if (e instanceof RangeError)
        throw new AssemblyError(
          'n',
          `${fn}: could not allocate an area of n = ${n} neurons within the memory budget of ${formatBytes(this.memoryBudget)}: ${e.message}`,
          { code: 'ERR_MEMORY', cause: e },
        );
      throw e;
    }
    this.areaIndex.set(name, this.state.areas.length - 1);
  }

  // ------------------------------------------------------------- plasticity

  /** Sets β for synapses from area `from` into area `to`. */
  updatePlasticity(from: string, to: string, beta: number): this {
    const f = this.area(from, 'source area'),
      t = this.area(to, 'target area');
    checkPositive(`updatePlasticity(${quote(from)} -> ${quote(to)})`, 'beta', beta, true);
    t.betaFromArea[f.index] = beta;
    return this;
  }

  /** Sets β for synapses from stimulus `stim` into area `to`. */
  updateStimulusPlasticity(stim: string, to: string, beta: number): this {
    const s = this.stim(stim),
      t = this.area(to, 'target area');
    checkPositive(`updateStimulusPlasticity(${quote(stim)} -> ${quote(to)})`, 'beta', beta, true);
    t.betaFromStim[s] = beta;
    return this;
  }

  /**
   * brain.py's update_plasticities: areaUpdates[to] = [[from, β], …] and
   * stimulusUpdates[to] = [[stim, β], …].
   */
  updatePlasticities(
    areaUpdates: Record<string, Array<[string, number]>> = {},
    stimulusUpdates: Record<string, Array<[string, number]>> = {},
  ): this {
    for (const [to, rules] of Object.entries(areaUpdates)) for (const [from, b] of rules) this.updatePlasticity(from, to, b);
    for (const [to, rules] of Object.entries(stimulusUpdates)) for (const [s, b] of rules) this.updateStimulusPlasticity(s, to, b);
    return this;
  }

  // ------------------------------------------------------------ assemblies

  /** Freezes the current winners of `name`: projections into it keep them (plasticity still applies). */
  fixAssembly(name: string): this {
    const a = this.area(name);
    if (a.winners.length === 0)
      throw new AssemblyError('name', `fixAssembly: area ${quote(name)} has no assembly to fix (no winners)`, { code: 'ERR_STATE' });
    a.fixed = true;
    return this;
  }

  /**
   * Let area `name` compute its winners again (undoes `fixAssembly`).
   * @throws AssemblyError when there is no such area.
   */
  unfixAssembly(name: string): this {
    this.area(name).fixed = false;
    return this;
  }

  /** Sets the winners to neurons [k·index, k·index + k) and fixes them (brain.py's activate). */
  activate(name: string, index: number): this {
    const a = this.area(name);
    const fn = `activate(${quote(name)})`;
    checkInt(fn, 'index', index, 0);
    const start = a.k * index;
    if (start + a.k > a.n)
      throw new AssemblyError('index', `${fn}: assembly index ${index} needs neurons up to ${start + a.k} but n = ${a.n}`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    if (!a.explicit && start + a.k > a.w)
      throw new AssemblyError('index', `${fn}: assembly index ${index} needs support ${start + a.k} but only ${a.w} neurons have fired`, {
        code: 'ERR_OUT_OF_RANGE',
      });
    const win = new Int32Array(a.k);
    for (let i = 0; i < a.k; i++) win[i] = start + i;
    assignWinners(a, win);
    a.fixed = true;
    return this;
  }

  /** Replaces the winners of an area (e.g. a random subset, for pattern completion): distinct known neurons, 0 <= i < support. */
  setWinners(name: string, winners: ArrayLike<number>): this {
    const a = this.area(name);
    const fn = `setWinners(${quote(name)})`;
    if (winners === null || typeof winners !== 'object' || typeof winners.length !== 'number')
      throw new AssemblyError(
        'winners',
        `${fn}: winners must be an array of neuron indices, got ${winners === null ? 'null' : typeof winners}`,
      );
    const win = new Int32Array(winners.length);
    const seen = new Uint8Array(a.w);
    for (let j = 0; j < winners.length; j++) {
      const i = winners[j] as unknown;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= a.w) {
        const code =
          typeof i === 'number' && !Number.isFinite(i)
            ? 'ERR_NOT_FINITE'
            : typeof i === 'number'
              ? 'ERR_OUT_OF_RANGE'
              : 'ERR_INVALID_ARGUMENT';
        throw new AssemblyError(
          `winners[${j}]`,
          `${fn}: winners[${j}] = ${typeof i === 'string' ? JSON.stringify(i) : String(i)} is not a known neuron (an integer in [0, ${a.w}), the area's support)`,
          { code },
        );
      }
      if (seen[i]) throw new AssemblyError(`winners[${j}]`, `${fn}: winners[${j}] = ${i} repeats an earlier winner`);
      seen[i] = 1;
      win[j] = i;
    }
    assignWinners(a, win);
    return this;
  }

  /** Removes the assembly of an area (no winners; the parser's "erase"). */
  clearWinners(name: string): this {
    const a = this.area(name);
    a.winners = new Int32Array(0);
    a.fixed = false;
    return this;
  }

  // ------------------------------------------------------------- read-outs

  /** Current winners of an area (a copy). */
  winners(name: string): Int32Array {
    return this.area(name).winners.slice();
  }

  /** Neurons that have ever fired in the area (lazy: its simulated support w). */
  support(name: string): number {
    return areaSupport(this.area(name));
  }

  /** Support after each round that updated the area (brain.py's saved_w). */
  supportHistory(name: string): number[] {
    return this.area(name).supportHistory.slice();
  }

  /** Winners after each round that updated the area (only with saveWinners). */
  winnersHistory(name: string): Int32Array[] {
    return this.area(name).winnersHistory.slice();
  }

  /**
   * A read-only view of area `name` (sizes, plasticity, support, fixed).
   * @throws AssemblyError when there is no such area.
   */
  areaInfo(name: string): AreaInfo {
    const a = this.area(name);
    return {
      name: a.name,
      n: a.n,
      k: a.k,
      beta: a.beta,
      explicit: a.explicit,
      support: areaSupport(a),
      fixed: a.fixed,
      numNewWinners: a.numNewWinners,
    };
  }

  /** Names of the areas, in the order they were added. */
  areaNames(): string[] {
    return this.state.areas.map((a) => a.name);
  }
  /** Names of the stimuli, in the order they were added. */
  stimulusNames(): string[] {
    return this.state.stimuli.map((s) => s.name);
  }

  /** Weight of synapses from `from` into `to` as a dense w_from × w_to matrix (small areas / tests only). */
  connectomeDense(from: string, to: string): { rows: number; cols: number; data: Float32Array } {
    const f = this.area(from),
      t = this.area(to);
    return { rows: f.w, cols: t.w, data: this.state.conn[f.index][t.index].toDense(t.w) };
  }

  /** Synapse weights from stimulus `stim` into each known neuron of `to` (count × plasticity). */
  stimulusWeights(stim: string, to: string): Float32Array {
    const s = this.stim(stim),
      t = this.area(to);
    return t.stimWeights[s].data.slice(0, t.w);
  }

  /** Synapses stored and bytes held by the connectomes and stimulus weights. */
  memory(): { synapses: number; bytes: number } {
    return heldMemory(this.state);
  }

  // ---------------------------------------------------------------- project

  /**
   * One round: every area named as a target updates at once from the
   * previous winners of its sources. `areasByStimulus[stim]` lists the areas
   * the stimulus fires into; `dstAreasBySourceArea[src]` the areas src's
   * winners fire into (include src itself for recurrence).
   */
  project(areasByStimulus: Record<string, readonly string[]>, dstAreasBySourceArea: Record<string, readonly string[]>): void {
    const areas = this.state.areas;
    const nA = areas.length;
    const stimIn: number[][] = Array.from({ length: nA }, () => []);
    const areaIn: number[][] = Array.from({ length: nA }, () => []);
    if (areasByStimulus === null || typeof areasByStimulus !== 'object')
      throw new AssemblyError('areasByStimulus', 'project: areasByStimulus must be an object {stimulus: [areas]}');
    if (dstAreasBySourceArea === null || typeof dstAreasBySourceArea !== 'object')
      throw new AssemblyError('dstAreasBySourceArea', 'project: dstAreasBySourceArea must be an object {area: [areas]}');
    for (const [stim, targets] of Object.entries(areasByStimulus)) {
      const s = this.stim(stim);
      if (!Array.isArray(targets))
        throw new AssemblyError(
          `areasByStimulus[${quote(stim)}]`,
          `project: areasByStimulus[${quote(stim)}] must be an array of area names`,
        );
      for (const t of targets) {
        const a = this.area(t, 'target area');
        if (!stimIn[a.index].includes(s)) stimIn[a.index].push(s);
      }
    }
    for (const [src, targets] of Object.entries(dstAreasBySourceArea)) {
      const f = this.area(src, 'source area');
      if (!Array.isArray(targets))
        throw new AssemblyError(
          `dstAreasBySourceArea[${quote(src)}]`,
          `project: dstAreasBySourceArea[${quote(src)}] must be an array of area names`,
        );
      if (targets.length > 0 && f.winners.length === 0)
        throw new AssemblyError(
          `dstAreasBySourceArea[${quote(src)}]`,
          `project: cannot project from area ${quote(src)}: it has no winners (no assembly)`,
          { code: 'ERR_STATE' },
        );
      for (const t of targets) {
        const a = this.area(t, 'target area');
        if (!areaIn[a.index].includes(f.index)) areaIn[a.index].push(f.index);
      }
    }
    for (let t = 0; t < nA; t++) {
      stimIn[t].sort((a, b) => a - b);
      areaIn[t].sort((a, b) => a - b);
      // K, the neurons firing into the area, must stay a safe integer (binomial draws, sums)
      let K = 0;
      for (const s of stimIn[t]) K += this.state.stimuli[s].size;
      for (const si of areaIn[t]) K += areas[si].winners.length;
      if (K > Number.MAX_SAFE_INTEGER)
        throw new AssemblyError(
          'areasByStimulus',
          `project: ${K} neurons would fire into area ${quote(areas[t].name)}, more than 2^53 − 1`,
          { code: 'ERR_OUT_OF_RANGE' },
        );
    }
    try {
      // a region of a running profile (@neurite/tensor); a plain call otherwise
      if (isProfiling()) profileRegion('Brain.project', () => projectRound(this.state, this.params(), this.rng, { stimIn, areaIn }));
      else projectRound(this.state, this.params(), this.rng, { stimIn, areaIn });
    } catch (e) {
      // a typed array the engine cannot allocate: the lazy areas' synapses outgrew the memory (the round is left half done)
      if (e instanceof RangeError)
        throw new AssemblyError(
          'areasByStimulus',
          `project: out of memory growing the synapse stores (${formatBytes(this.memory().bytes)} held): ${e.message}`,
          { code: 'ERR_MEMORY', cause: e },
        );
      throw e;
    }
  }

  private area(name: string, what = 'area'): AreaState {
    const i = typeof name === 'string' ? this.areaIndex.get(name) : undefined;
    if (i === undefined)
      throw new AssemblyError(
        what === 'source area' ? 'from' : what === 'target area' ? 'to' : 'name',
        `unknown ${what} ${quote(String(name))} (known areas: ${this.state.areas.map((a) => a.name).join(', ') || 'none'})`,
      );
    return this.state.areas[i];
  }

  private stim(name: string): number {
    const i = typeof name === 'string' ? this.stimIndex.get(name) : undefined;
    if (i === undefined)
      throw new AssemblyError(
        'stimulus',
        `unknown stimulus ${quote(String(name))} (known stimuli: ${this.state.stimuli.map((s) => s.name).join(', ') || 'none'})`,
      );
    return i;
  }
}

function checkName(method: string, name: unknown, what: string): asserts name is string {
  if (typeof name !== 'string' || name.length === 0)
    throw new AssemblyError('name', `${method}: ${what} name must be a non-empty string, got ${JSON.stringify(name)}`);
}
