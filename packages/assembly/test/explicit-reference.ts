import { createRng, topK, type Rng } from '@neurite/tensor';

/**
 * Test reference: an explicit simulation of the assembly model written from
 * its definition, independently of `Brain` (no binomial tails, no lazy
 * recruitment). Every one of the n neurons of every area is simulated:
 * - stimulus s → neuron i of area A: c ~ Binomial(|s|, p) synapses of weight 1;
 *   the stimulus always fires as a whole, so they are kept as one weight c;
 * - neuron j of area S → neuron i of area A: Bernoulli(p), weight 1;
 * - each round every target area fires the k neurons of largest total input
 *   from the previous round's firing (ties broken uniformly at random), and
 *   every synapse from a firing neuron or stimulus into a new winner is
 *   multiplied by 1 + β (β of the target area).
 *
 * A neuron's outgoing synapses into an area (one row) are drawn the first
 * time the neuron fires into that area, and a stimulus's counts the first
 * time it fires into the area: until then they never entered any input nor
 * were changed by plasticity, so drawing them then has the same law as
 * drawing all n² synapses up front. Memory is O(ever-fired · n · p).
 */
export class ExplicitReference {
  readonly rng: Rng;
  private readonly areas = new Map<
    string,
    {
      n: number;
      k: number;
      beta: number;
      winners: Int32Array;
      everFired: Uint8Array;
      support: number;
      supportHistory: number[];
      newWinners: number[];
      winnersHistory: Int32Array[];
    }
  >();
  private readonly stimuli = new Map<string, number>();
  private readonly rows = new Map<string, Array<{ cols: Int32Array; w: Float32Array } | undefined>>();
  private readonly stimW = new Map<string, Float64Array>();
  private readonly lastInputMean = new Map<string, number>();

  constructor(
    readonly p: number,
    seed: number,
  ) {
    this.rng = createRng(seed);
  }

  addStimulus(name: string, size: number): this {
    this.stimuli.set(name, size);
    return this;
  }

  addArea(name: string, n: number, k: number, beta: number): this {
    this.areas.set(name, {
      n,
      k,
      beta,
      winners: new Int32Array(0),
      everFired: new Uint8Array(n),
      support: 0,
      supportHistory: [],
      newWinners: [],
      winnersHistory: [],
    });
    return this;
  }

  winners(area: string): Int32Array {
    return this.areas.get(area)!.winners.slice();
  }
  support(area: string): number {
    return this.areas.get(area)!.support;
  }
  supportHistory(area: string): number[] {
    return this.areas.get(area)!.supportHistory.slice();
  }
  /** First-time winners in each round that updated the area. */
  newWinners(area: string): number[] {
    return this.areas.get(area)!.newWinners.slice();
  }
  winnersHistory(area: string): Int32Array[] {
    return this.areas.get(area)!.winnersHistory.slice();
  }
  /** Mean total input of the winners in the area's last round (before plasticity). */
  lastWinnerInputMean(area: string): number {
    return this.lastInputMean.get(area)!;
  }

  private stimWeights(stim: string, area: string): Float64Array {
    const key = `${stim}->${area}`;
    let v = this.stimW.get(key);
    if (!v) {
      const size = this.stimuli.get(stim)!,
        n = this.areas.get(area)!.n;
      v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = this.rng.binomial(size, this.p);
      this.stimW.set(key, v);
    }
    return v;
  }

  private row(src: string, dst: string, j: number): { cols: Int32Array; w: Float32Array } {
    const key = `${src}->${dst}`;
    let rs = this.rows.get(key);
    if (!rs) {
      rs = new Array(this.areas.get(src)!.n);
      this.rows.set(key, rs);
    }
    let r = rs[j];
    if (!r) {
      const n = this.areas.get(dst)!.n;
      const cols = this.rng.sampleWithoutReplacement(n, this.rng.binomial(n, this.p));
      r = { cols, w: new Float32Array(cols.length).fill(1) };
      rs[j] = r;
    }
    return r;
  }

  /** The k largest inputs; ties at the k-th value broken uniformly at random. */
  private kCap(inputs: Float64Array, k: number): Int32Array {
    const vk = topK(inputs, k).values[k - 1];
    const out = new Int32Array(k);
    const tied: number[] = [];
    let m = 0;
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i];
      if (v > vk) out[m++] = i;
      else if (v === vk) tied.push(i);
    }
    for (const t of this.rng.sampleWithoutReplacement(tied.length, k - m)) out[m++] = tied[t];
    return out.sort();
  }

  /** One round, as Brain.project: all targets update at once from the previous winners. */
  project(areasByStimulus: Record<string, readonly string[]>, dstAreasBySourceArea: Record<string, readonly string[]>): void {
    const stimIn = new Map<string, string[]>(),
      areaIn = new Map<string, string[]>();
    for (const [s, ts] of Object.entries(areasByStimulus)) for (const t of ts) stimIn.set(t, [...(stimIn.get(t) ?? []), s]);
    for (const [a, ts] of Object.entries(dstAreasBySourceArea)) for (const t of ts) areaIn.set(t, [...(areaIn.get(t) ?? []), a]);
    const targets = [...this.areas.keys()].filter((t) => stimIn.has(t) || areaIn.has(t));
    const next = new Map<string, Int32Array>();
    for (const t of targets) {
      const T = this.areas.get(t)!;
      const inputs = new Float64Array(T.n);
      for (const s of stimIn.get(t) ?? []) {
        const v = this.stimWeights(s, t);
        for (let i = 0; i < T.n; i++) inputs[i] += v[i];
      }
      for (const a of areaIn.get(t) ?? []) {
        for (const j of this.areas.get(a)!.winners) {
          const r = this.row(a, t, j);
          for (let e = 0; e < r.cols.length; e++) inputs[r.cols[e]] += r.w[e];
        }
      }
      const win = this.kCap(inputs, T.k);
      let sum = 0;
      for (const i of win) sum += inputs[i];
      this.lastInputMean.set(t, sum / T.k);
      next.set(t, win);
    }
    for (const t of targets) {
      const T = this.areas.get(t)!,
        win = next.get(t)!,
        f = 1 + T.beta;
      const mask = new Uint8Array(T.n);
      for (const i of win) mask[i] = 1;
      for (const s of stimIn.get(t) ?? []) {
        const v = this.stimWeights(s, t);
        for (const i of win) v[i] *= f;
      }
      for (const a of areaIn.get(t) ?? []) {
        for (const j of this.areas.get(a)!.winners) {
          const r = this.row(a, t, j);
          for (let e = 0; e < r.cols.length; e++) if (mask[r.cols[e]]) r.w[e] *= f;
        }
      }
    }
    for (const t of targets) {
      const T = this.areas.get(t)!,
        win = next.get(t)!;
      let fresh = 0;
      for (const i of win)
        if (!T.everFired[i]) {
          T.everFired[i] = 1;
          fresh++;
        }
      T.support += fresh;
      T.winners = win;
      T.supportHistory.push(T.support);
      T.newWinners.push(fresh);
      T.winnersHistory.push(win);
    }
  }
}
