import { createRng, randomCSR, type Rng } from '@neurite/tensor';
import { kCapIndices, kthLargest } from './k-cap.js';
import { AssemblyError } from './assembly-error.js';
import { SynapseStore } from './synapse-store.js';
import { sampleTailExact, sampleTailReference } from './binomial-tail.js';

/** How the k best inputs among never-fired neurons are drawn (lazy areas). */
export type TailSampler = 'reference' | 'exact';

export interface BrainOptions {
  /**
   * 'reference' (default): as brain.py — k iid draws of the normal
   * approximation N(Kp, Kp(1-p)) truncated to [α, K] with
   * α = F⁻¹((N-k)/N) the binomial quantile, rounded.
   * 'exact': the exact top-k order statistics of N iid Binomial(K, p) (see
   * sampleTailExact). Both share the lazy model's approximation that a
   * never-fired neuron's input is a fresh Binomial(K, p) each round; measured
   * against an explicit simulation, 'reference' is the closer of the two at
   * brain.py's sizes (n = 1e5) and 'exact' at small n (see the README).
   */
  sampler?: TailSampler;
  /** Synapse weights never exceed this (default Infinity: no cap). */
  maxWeight?: number;
  /** Keep every round's winners per area (default false; support sizes are always kept). */
  saveWinners?: boolean;
}

/** A read-only view of one area. */
export interface AreaInfo {
  readonly name: string;
  readonly n: number;
  readonly k: number;
  readonly beta: number;
  readonly explicit: boolean;
  /** Neurons ever fired (for lazy areas: the neurons simulated so far). */
  readonly support: number;
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

interface Stimulus { name: string; size: number; }

/** Float32 vector that grows by doubling. */
class F32Vec {
  data: Float32Array;
  length = 0;
  constructor(cap = 16) { this.data = new Float32Array(cap); }
  push(v: number): void {
    if (this.length === this.data.length) { const d = new Float32Array(this.data.length * 2); d.set(this.data); this.data = d; }
    this.data[this.length++] = v;
  }
}

interface Area {
  name: string; index: number; n: number; k: number; beta: number; explicit: boolean;
  /** Lazy: neurons simulated so far (ever fired). Explicit: n. */
  w: number;
  winners: Int32Array;
  fixed: boolean;
  numNewWinners: number;
  /** β for synapses from each source area (by area index) and stimulus (by stimulus index) into this area. */
  betaFromArea: number[];
  betaFromStim: number[];
  /** Per stimulus: synapse count × plasticity, per known neuron of this area. */
  stimWeights: F32Vec[];
  supportHistory: number[];
  winnersHistory: Int32Array[];
  /** Explicit areas: which neurons ever fired, and how many. */
  everFired: Uint8Array | null;
  everFiredCount: number;
  /** Known neurons that are not in `winners` (computed on demand for the winners array it was made for). */
  nonWinners: Int32Array | null;
  nonWinnersOf: Int32Array | null;
}

function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new AssemblyError(`${what} name must be a non-empty string, got ${JSON.stringify(name)}`);
  return name;
}

function checkInt(v: number, what: string, min: number): void {
  if (!Number.isInteger(v) || v < min) throw new AssemblyError(`${what} must be an integer >= ${min}, got ${v}`);
}

function checkBeta(beta: number, what: string): void {
  if (!Number.isFinite(beta) || beta < 0) throw new AssemblyError(`${what} must be a finite number >= 0, got ${beta}`);
}

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
 * All random draws come from one generator: the same seed gives the same
 * winners on every run and platform.
 */
export class Brain {
  readonly p: number;
  readonly rng: Rng;
  /** Plasticity on/off (brain.py's disable_plasticity, inverted). */
  plasticity = true;
  private readonly sampler: TailSampler;
  private readonly maxWeight: number;
  private readonly saveWinners: boolean;
  private readonly areas: Area[] = [];
  private readonly areaIndex = new Map<string, number>();
  private readonly stimuli: Stimulus[] = [];
  private readonly stimIndex = new Map<string, number>();
  /** conn[src][dst]: synapses from src's known neurons into dst's known neurons. */
  private readonly conn: SynapseStore[][] = [];
  private inputs = new Float64Array(1024);
  private mask = new Uint8Array(1024);
  private tail = new Float64Array(1024);
  private selectScratch = new Float64Array(1024);
  private scratchFor(n: number): Float64Array {
    if (this.selectScratch.length < n) this.selectScratch = new Float64Array(Math.max(2 * this.selectScratch.length, n));
    return this.selectScratch;
  }
  /** Scratch for sampleSubset: a generation stamp per candidate index, and the output buffer. */
  private stamp = new Uint32Array(1024);
  private stampGen = 0;
  private subset = new Int32Array(64);
  private stimCounts = new Float64Array(16);

  constructor(p: number, seed: number | bigint | string | Rng = 0, opts: BrainOptions = {}) {
    if (typeof p !== 'number' || !(p > 0 && p <= 1)) throw new AssemblyError(`p must be in (0, 1], got ${p}`);
    this.p = p;
    this.rng = typeof seed === 'object' ? seed : createRng(seed);
    this.sampler = opts.sampler ?? 'reference';
    if (this.sampler !== 'reference' && this.sampler !== 'exact') throw new AssemblyError(`sampler must be 'reference' or 'exact', got ${String(this.sampler)}`);
    this.maxWeight = opts.maxWeight ?? Infinity;
    if (!(this.maxWeight > 0)) throw new AssemblyError(`maxWeight must be > 0, got ${this.maxWeight}`);
    this.saveWinners = opts.saveWinners ?? false;
  }

  // ---------------------------------------------------------------- building

  /** Adds a stimulus of `size` neurons that always fire together. */
  addStimulus(name: string, size: number): this {
    checkName(name, 'stimulus');
    if (this.stimIndex.has(name)) throw new AssemblyError(`stimulus "${name}" already exists`);
    checkInt(size, `stimulus "${name}" size`, 1);
    const s = this.stimuli.length;
    this.stimuli.push({ name, size });
    this.stimIndex.set(name, s);
    for (const a of this.areas) {
      a.betaFromStim[s] = a.beta;
      const v = new F32Vec(Math.max(16, a.w));
      for (let i = 0; i < a.w; i++) v.push(this.rng.binomial(size, this.p));
      a.stimWeights[s] = v;
    }
    return this;
  }

  /** Adds a lazy area of n neurons, k of which fire, default plasticity β. */
  addArea(name: string, n: number, k: number, beta: number): this {
    this.newArea(name, n, k, beta, false);
    return this;
  }

  /**
   * Adds an explicit area: all n neurons and all their synapses are simulated
   * (an n×n random sparse matrix from @neurite/tensor's randomCSR).
   */
  addExplicitArea(name: string, n: number, k: number, beta: number, opts: ExplicitAreaOptions = {}): this {
    const prob = (v: number | undefined, what: string): number => {
      if (v === undefined) return this.p;
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new AssemblyError(`area "${name}" ${what} must be a probability in [0, 1], got ${String(v)}`);
      return v;
    };
    const innerP = prob(opts.innerP, 'innerP'), outP = prob(opts.outP, 'outP'), inP = prob(opts.inP, 'inP');
    this.newArea(name, n, k, beta, true, innerP, outP, inP);
    return this;
  }

  private newArea(name: string, n: number, k: number, beta: number, explicit: boolean, innerP = this.p, outP = this.p, inP = this.p): void {
    checkName(name, 'area');
    if (this.areaIndex.has(name)) throw new AssemblyError(`area "${name}" already exists`);
    checkInt(n, `area "${name}" n`, 1);
    checkInt(k, `area "${name}" k`, 1);
    if (k > n) throw new AssemblyError(`area "${name}": k = ${k} exceeds n = ${n}`);
    checkBeta(beta, `area "${name}" beta`);
    const idx = this.areas.length;
    const area: Area = {
      name, index: idx, n, k, beta, explicit, w: explicit ? n : 0, winners: new Int32Array(0), fixed: false,
      numNewWinners: 0, betaFromArea: [], betaFromStim: [], stimWeights: [], supportHistory: [], winnersHistory: [],
      everFired: explicit ? new Uint8Array(n) : null, everFiredCount: 0, nonWinners: null, nonWinnersOf: null,
    };
    this.areas.push(area);
    this.areaIndex.set(name, idx);
    for (let s = 0; s < this.stimuli.length; s++) {
      area.betaFromStim[s] = beta;
      const v = new F32Vec(Math.max(16, area.w));
      for (let i = 0; i < area.w; i++) v.push(this.rng.binomial(this.stimuli[s].size, this.p));
      area.stimWeights[s] = v;
    }
    // Connectomes with every area, in both directions (and with itself).
    const row: SynapseStore[] = [];
    this.conn.push(row);
    for (const other of this.areas) {
      // by default synapses into an area use the target area's β
      area.betaFromArea[other.index] = beta;
      other.betaFromArea[idx] = other.beta;
      // custom probabilities only between explicit areas (lazy ones assume p)
      const both = explicit && other.explicit;
      row[other.index] = this.randomStore(area.w, other.w, other.index === idx ? innerP : both ? outP : this.p);
      if (other.index !== idx) this.conn[other.index][idx] = this.randomStore(other.w, area.w, both ? inP : this.p);
    }
  }

  /** A store of `rows` × `cols` Bernoulli(p) synapses of weight 1. */
  private randomStore(rows: number, cols: number, p: number): SynapseStore {
    const store = new SynapseStore(Math.max(16, rows), Math.max(256, Math.ceil(rows * cols * p * 1.3) + rows * 4));
    if (rows === 0) return store;
    if (cols === 0 || p === 0) { for (let r = 0; r < rows; r++) store.addRow(); return store; }
    const csr = randomCSR(rows, cols, p, this.rng, { pattern: true });
    for (let r = 0; r < rows; r++) store.addRow(csr.indices, 1, csr.indptr[r], csr.indptr[r + 1]);
    return store;
  }

  // ------------------------------------------------------------- plasticity

  /** Sets β for synapses from area `from` into area `to`. */
  updatePlasticity(from: string, to: string, beta: number): this {
    const f = this.area(from, 'source area'), t = this.area(to, 'target area');
    checkBeta(beta, `beta ${from} -> ${to}`);
    t.betaFromArea[f.index] = beta;
    return this;
  }

  /** Sets β for synapses from stimulus `stim` into area `to`. */
  updateStimulusPlasticity(stim: string, to: string, beta: number): this {
    const s = this.stim(stim), t = this.area(to, 'target area');
    checkBeta(beta, `beta ${stim} -> ${to}`);
    t.betaFromStim[s] = beta;
    return this;
  }

  /**
   * brain.py's update_plasticities: areaUpdates[to] = [[from, β], …] and
   * stimulusUpdates[to] = [[stim, β], …].
   */
  updatePlasticities(areaUpdates: Record<string, Array<[string, number]>> = {}, stimulusUpdates: Record<string, Array<[string, number]>> = {}): this {
    for (const [to, rules] of Object.entries(areaUpdates)) for (const [from, b] of rules) this.updatePlasticity(from, to, b);
    for (const [to, rules] of Object.entries(stimulusUpdates)) for (const [s, b] of rules) this.updateStimulusPlasticity(s, to, b);
    return this;
  }

  // ------------------------------------------------------------ assemblies

  /** Freezes the current winners of `name`: projections into it keep them (plasticity still applies). */
  fixAssembly(name: string): this {
    const a = this.area(name);
    if (a.winners.length === 0) throw new AssemblyError(`area "${name}" has no assembly to fix (no winners)`);
    a.fixed = true;
    return this;
  }

  unfixAssembly(name: string): this {
    this.area(name).fixed = false;
    return this;
  }

  /** Sets the winners to neurons [k·index, k·index + k) and fixes them (brain.py's activate). */
  activate(name: string, index: number): this {
    const a = this.area(name);
    checkInt(index, `assembly index for area "${name}"`, 0);
    const start = a.k * index;
    if (start + a.k > a.n) throw new AssemblyError(`area "${name}": assembly index ${index} needs neurons up to ${start + a.k} but n = ${a.n}`);
    if (!a.explicit && start + a.k > a.w) throw new AssemblyError(`area "${name}": assembly index ${index} needs support ${start + a.k} but only ${a.w} neurons have fired`);
    const win = new Int32Array(a.k);
    for (let i = 0; i < a.k; i++) win[i] = start + i;
    this.setWinnersInternal(a, win);
    a.fixed = true;
    return this;
  }

  /** Replaces the winners of an area (e.g. a random subset, for pattern completion). */
  setWinners(name: string, winners: ArrayLike<number>): this {
    const a = this.area(name);
    const win = Int32Array.from(winners);
    const seen = new Uint8Array(a.w);
    for (const i of win) {
      if (!Number.isInteger(i) || i < 0 || i >= a.w) throw new AssemblyError(`area "${name}": winner ${i} is not a known neuron (support ${a.w})`);
      if (seen[i]) throw new AssemblyError(`area "${name}": winner ${i} given twice`);
      seen[i] = 1;
    }
    this.setWinnersInternal(a, win);
    return this;
  }

  /** Removes the assembly of an area (no winners; the parser's "erase"). */
  clearWinners(name: string): this {
    const a = this.area(name);
    a.winners = new Int32Array(0);
    a.fixed = false;
    return this;
  }

  private setWinnersInternal(a: Area, win: Int32Array): void {
    a.winners = win;
    if (a.everFired) for (const i of win) if (!a.everFired[i]) { a.everFired[i] = 1; a.everFiredCount++; }
  }

  // ------------------------------------------------------------- read-outs

  /** Current winners of an area (a copy). */
  winners(name: string): Int32Array { return this.area(name).winners.slice(); }

  /** Neurons that have ever fired in the area (lazy: its simulated support w). */
  support(name: string): number {
    const a = this.area(name);
    return a.explicit ? a.everFiredCount : a.w;
  }

  /** Support after each round that updated the area (brain.py's saved_w). */
  supportHistory(name: string): number[] { return this.area(name).supportHistory.slice(); }

  /** Winners after each round that updated the area (only with saveWinners). */
  winnersHistory(name: string): Int32Array[] { return this.area(name).winnersHistory.slice(); }

  areaInfo(name: string): AreaInfo {
    const a = this.area(name);
    return { name: a.name, n: a.n, k: a.k, beta: a.beta, explicit: a.explicit, support: this.support(name), fixed: a.fixed, numNewWinners: a.numNewWinners };
  }

  areaNames(): string[] { return this.areas.map((a) => a.name); }
  stimulusNames(): string[] { return this.stimuli.map((s) => s.name); }

  /** Weight of synapses from `from` into `to` as a dense w_from × w_to matrix (small areas / tests only). */
  connectomeDense(from: string, to: string): { rows: number; cols: number; data: Float32Array } {
    const f = this.area(from), t = this.area(to);
    return { rows: f.w, cols: t.w, data: this.conn[f.index][t.index].toDense(t.w) };
  }

  /** Synapse weights from stimulus `stim` into each known neuron of `to` (count × plasticity). */
  stimulusWeights(stim: string, to: string): Float32Array {
    const s = this.stim(stim), t = this.area(to);
    return t.stimWeights[s].data.slice(0, t.w);
  }

  /** Synapses stored and bytes held by all connectome arrays. */
  memory(): { synapses: number; bytes: number } {
    let synapses = 0, bytes = 0;
    for (const row of this.conn) for (const st of row) { synapses += st.nnz; bytes += st.bytes; }
    for (const a of this.areas) for (const v of a.stimWeights) bytes += v.data.byteLength;
    return { synapses, bytes };
  }

  // ---------------------------------------------------------------- project

  /**
   * One round: every area named as a target updates at once from the
   * previous winners of its sources. `areasByStimulus[stim]` lists the areas
   * the stimulus fires into; `dstAreasBySourceArea[src]` the areas src's
   * winners fire into (include src itself for recurrence).
   */
  project(areasByStimulus: Record<string, readonly string[]>, dstAreasBySourceArea: Record<string, readonly string[]>): void {
    const nA = this.areas.length;
    const stimIn: number[][] = Array.from({ length: nA }, () => []);
    const areaIn: number[][] = Array.from({ length: nA }, () => []);
    if (areasByStimulus === null || typeof areasByStimulus !== 'object') throw new AssemblyError('areasByStimulus must be an object {stimulus: [areas]}');
    if (dstAreasBySourceArea === null || typeof dstAreasBySourceArea !== 'object') throw new AssemblyError('dstAreasBySourceArea must be an object {area: [areas]}');
    for (const [stim, targets] of Object.entries(areasByStimulus)) {
      const s = this.stim(stim);
      if (!Array.isArray(targets)) throw new AssemblyError(`areasByStimulus["${stim}"] must be an array of area names`);
      for (const t of targets) { const a = this.area(t, 'target area'); if (!stimIn[a.index].includes(s)) stimIn[a.index].push(s); }
    }
    for (const [src, targets] of Object.entries(dstAreasBySourceArea)) {
      const f = this.area(src, 'source area');
      if (!Array.isArray(targets)) throw new AssemblyError(`dstAreasBySourceArea["${src}"] must be an array of area names`);
      if (targets.length > 0 && f.winners.length === 0) throw new AssemblyError(`cannot project from area "${src}": it has no winners (no assembly)`);
      for (const t of targets) { const a = this.area(t, 'target area'); if (!areaIn[a.index].includes(f.index)) areaIn[a.index].push(f.index); }
    }
    const updated: number[] = [];
    const next: Int32Array[] = [];
    for (let t = 0; t < nA; t++) {
      if (stimIn[t].length === 0 && areaIn[t].length === 0) continue;
      stimIn[t].sort((a, b) => a - b);
      areaIn[t].sort((a, b) => a - b);
      updated.push(t);
      next[t] = this.projectInto(this.areas[t], stimIn[t], areaIn[t]);
    }
    for (const t of updated) {
      const a = this.areas[t];
      this.setWinnersInternal(a, next[t]);
      a.supportHistory.push(a.explicit ? a.everFiredCount : a.w);
      if (this.saveWinners) a.winnersHistory.push(a.winners.slice());
    }
  }

  private projectInto(T: Area, stims: number[], srcs: number[]): Int32Array {
    const k = T.k, w0 = T.w;
    // 1. exact inputs of the known neurons
    if (this.inputs.length < w0 + k) this.inputs = new Float64Array(Math.max(2 * this.inputs.length, w0 + k));
    const inputs = this.inputs;
    inputs.fill(0, 0, w0 + k);
    for (const s of stims) {
      const d = T.stimWeights[s].data;
      for (let i = 0; i < w0; i++) inputs[i] += d[i];
    }
    for (const si of srcs) {
      const store = this.conn[si][T.index];
      const { start, len } = store;
      const cols = store.cols, wts = store.weights;
      for (const s of this.areas[si].winners) {
        for (let e = start[s], end = e + len[s]; e < end; e++) inputs[cols[e]] += wts[e];
      }
    }

    let newWinners: Int32Array;
    let numNew = 0;
    let totalK = 0;
    for (const s of stims) totalK += this.stimuli[s].size;
    for (const si of srcs) totalK += this.areas[si].winners.length;

    if (T.fixed) {
      newWinners = T.winners.slice();
    } else {
      // 2. candidates: the best inputs among the n - w never-fired neurons
      const nc = T.explicit ? 0 : this.sampleCandidates(T, totalK);
      // 3. k-cap over known + candidates (ties: lower index, i.e. known first)
      const total = w0 + nc;
      const kk = Math.min(k, total);
      const top = kCapIndices(inputs, total, kk, this.scratchFor(total));
      newWinners = new Int32Array(kk);
      const firstInputs = new Float64Array(kk);
      for (let i = 0; i < kk; i++) {
        const idx = top[i];
        if (idx >= w0) { firstInputs[numNew] = inputs[idx]; newWinners[i] = w0 + numNew; numNew++; }
        else newWinners[i] = idx;
      }
      newWinners.sort();
      // 4. recruit the new winners
      for (let j = 0; j < numNew; j++) this.recruit(T, stims, srcs, totalK, firstInputs[j]);
      if (numNew > 0) for (const S of this.areas) this.conn[S.index][T.index].flush();
    }
    T.numNewWinners = numNew;

    // 5. Hebbian plasticity into the new winners
    if (this.plasticity) this.strengthen(T, stims, srcs, newWinners);
    return newWinners;
  }

  /**
   * Step 2 of a round of lazy area T: writes the inputs of the never-fired
   * candidates into inputs[w, w + nc) and returns nc. Nothing (nc = 0) when
   * every neuron is known or when the k-th best known input already reaches K
   * (no candidate can win: ties go to known neurons); all n - w candidates
   * when n - w <= 2k; else the k best of the n - w Binomial(K, p) inputs from
   * the tail sampler.
   */
  private sampleCandidates(T: Area, totalK: number): number {
    const rng = this.rng, p = this.p, k = T.k, w0 = T.w, inputs = this.inputs;
    const effN = T.n - w0;
    if (effN <= 0) return 0;
    if (w0 >= k && kthLargest(inputs, w0, k, this.scratchFor(w0)) >= totalK) return 0;
    if (effN <= 2 * k) {
      for (let i = 0; i < effN; i++) inputs[w0 + i] = rng.binomial(totalK, p);
      return effN;
    }
    if (this.tail.length < k) this.tail = new Float64Array(k);
    if (this.sampler === 'exact') sampleTailExact(rng, totalK, p, effN, k, this.tail);
    else sampleTailReference(rng, totalK, p, effN, k, this.tail);
    for (let i = 0; i < k; i++) inputs[w0 + i] = this.tail[i];
    return k;
  }

  /**
   * Step 5: Hebbian plasticity. Every synapse from a firing stimulus neuron or
   * source winner into one of T's `winners` is multiplied by 1 + β (β of that
   * source into T), capped at maxWeight.
   */
  private strengthen(T: Area, stims: number[], srcs: number[], winners: Int32Array): void {
    const cap = this.maxWeight;
    for (const s of stims) {
      const beta = T.betaFromStim[s];
      if (beta === 0) continue;
      const d = T.stimWeights[s].data, f = 1 + beta;
      for (const i of winners) { const v = d[i] * f; d[i] = v > cap ? cap : v; }
    }
    if (this.mask.length < T.w) this.mask = new Uint8Array(Math.max(2 * this.mask.length, T.w));
    const mask = this.mask;
    for (const i of winners) mask[i] = 1;
    for (const si of srcs) {
      const beta = T.betaFromArea[si];
      if (beta === 0) continue;
      const f = 1 + beta;
      const store = this.conn[si][T.index];
      const { start, len } = store;
      const cols = store.cols, wts = store.weights;
      for (const s of this.areas[si].winners) {
        for (let e = start[s], end = e + len[s]; e < end; e++) {
          if (mask[cols[e]]) { const v = wts[e] * f; wts[e] = v > cap ? cap : v; }
        }
      }
    }
    for (const i of winners) mask[i] = 0;
  }

  /**
   * Adds one never-fired neuron with total input `input` from the K firing
   * neurons to lazy area T: the input is split among the firing stimuli and
   * source winners by drawing `input` of the K firing neurons without
   * replacement; every other synapse between the new neuron and a known
   * neuron (either direction, any area) is drawn Bernoulli(p).
   */
  private recruit(T: Area, stims: number[], srcs: number[], totalK: number, input: number): void {
    const rng = this.rng, p = this.p;
    const t = T.w;
    const m = Math.min(totalK, Math.max(0, Math.round(input)));
    const picks = this.sampleSubset(totalK, m);
    // stimulus blocks first, then source-area blocks, in the order given
    const nS = stims.length;
    if (this.stimCounts.length < nS) this.stimCounts = new Float64Array(2 * nS);
    const stimCounts = this.stimCounts;
    stimCounts.fill(0, 0, nS);
    for (let i = 0; i < m; i++) {
      let x = picks[i];
      let b = 0;
      for (; b < nS; b++) { const sz = this.stimuli[stims[b]].size; if (x < sz) break; x -= sz; }
      if (b < nS) { stimCounts[b]++; continue; }
      for (const si of srcs) {
        const win = this.areas[si].winners;
        if (x < win.length) { this.conn[si][T.index].queue(win[x], t); break; }
        x -= win.length;
      }
    }
    for (let s = 0; s < this.stimuli.length; s++) {
      const b = stims.indexOf(s);
      T.stimWeights[s].push(b >= 0 ? stimCounts[b] : rng.binomial(this.stimuli[s].size, p));
    }
    // incoming synapses from every other known neuron
    for (const S of this.areas) {
      const store = this.conn[S.index][T.index];
      const firing = srcs.includes(S.index);
      if (!firing) {
        const c = rng.binomial(S.w, p);
        if (c > 0) { const rows = this.sampleSubset(S.w, c); for (let i = 0; i < c; i++) store.queue(rows[i], t); }
        continue;
      }
      const nonWin = this.nonWinners(S);
      const pop = S.w - S.winners.length;
      const c = pop > 0 ? rng.binomial(pop, p) : 0;
      if (c > 0) {
        const rows = this.sampleSubset(pop, c);
        const nOld = nonWin.length, base = S.w - (pop - nOld);
        for (let i = 0; i < c; i++) { const r = rows[i]; store.queue(r < nOld ? nonWin[r] : base + (r - nOld), t); }
      }
    }
    T.w = t + 1;
    // outgoing synapses of the new neuron into every known neuron (itself included)
    for (const A of this.areas) {
      const c = rng.binomial(A.w, p);
      const store = this.conn[T.index][A.index];
      if (c > 0) store.addRow(this.sampleSubset(A.w, c), 1, 0, c);
      else store.addRow();
    }
  }

  /**
   * m distinct integers of [0, n), uniformly random (as a set), in a scratch
   * buffer valid until the next call (read its first m entries). For m <= n/4
   * by rejection against a generation-stamped array (no allocation, expected
   * < 4m/3 draws); otherwise the generator's partial Fisher-Yates.
   */
  private sampleSubset(n: number, m: number): Int32Array {
    if (4 * m > n) return this.rng.sampleWithoutReplacement(n, m);
    if (this.subset.length < m) this.subset = new Int32Array(Math.max(2 * this.subset.length, m));
    if (this.stamp.length < n) this.stamp = new Uint32Array(Math.max(2 * this.stamp.length, n));
    if (++this.stampGen === 0xffffffff) { this.stamp.fill(0); this.stampGen = 1; }
    const out = this.subset, stamp = this.stamp, gen = this.stampGen, rng = this.rng;
    for (let i = 0; i < m;) {
      const x = rng.uniformInt(n);
      if (stamp[x] !== gen) { stamp[x] = gen; out[i++] = x; }
    }
    return out;
  }

  /**
   * Known neurons of S that are not current winners. Cached on the area for
   * its current winners array (one entry per area, so nothing accumulates
   * over rounds). Neurons recruited into S after the list was made are not
   * in it; they are non-winners too, and recruit() maps indices past the
   * list's end onto them.
   */
  private nonWinners(S: Area): Int32Array {
    const nw = S.nonWinners;
    if (nw && S.nonWinnersOf === S.winners && nw.length + S.winners.length <= S.w) return nw;
    const isW = new Uint8Array(S.w);
    for (const i of S.winners) isW[i] = 1;
    const out = new Int32Array(S.w - S.winners.length);
    let j = 0;
    for (let i = 0; i < S.w; i++) if (!isW[i]) out[j++] = i;
    S.nonWinners = out;
    S.nonWinnersOf = S.winners;
    return out;
  }

  private area(name: string, what = 'area'): Area {
    const i = typeof name === 'string' ? this.areaIndex.get(name) : undefined;
    if (i === undefined) throw new AssemblyError(`unknown ${what} "${String(name)}" (known areas: ${this.areas.map((a) => a.name).join(', ') || 'none'})`);
    return this.areas[i];
  }

  private stim(name: string): number {
    const i = typeof name === 'string' ? this.stimIndex.get(name) : undefined;
    if (i === undefined) throw new AssemblyError(`unknown stimulus "${String(name)}" (known stimuli: ${this.stimuli.map((s) => s.name).join(', ') || 'none'})`);
    return i;
  }
}
