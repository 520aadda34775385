// ../src/assembly-error.ts
var AssemblyError = class extends Error {
  name = "AssemblyError";
  constructor(message) {
    super(message);
  }
};

// ../src/brain.ts
import { createRng, randomCSR, topK } from "@neurite/tensor";

// ../src/synapse-store.ts
var SynapseStore = class {
  /** Number of source neurons (rows). */
  nRows = 0;
  /** Offset of each row in the pool. */
  start;
  /** Number of synapses in each row. */
  len;
  cap;
  /** Target neuron of each synapse. */
  cols;
  /** Weight of each synapse (1 at creation, multiplied by 1 + β on use). */
  weights;
  top = 0;
  garbage = 0;
  constructor(rowCapacity = 16, poolCapacity = 256) {
    this.start = new Int32Array(rowCapacity);
    this.len = new Int32Array(rowCapacity);
    this.cap = new Int32Array(rowCapacity);
    this.cols = new Int32Array(poolCapacity);
    this.weights = new Float32Array(poolCapacity);
  }
  /** Total synapses stored. */
  get nnz() {
    let s = 0;
    for (let r = 0; r < this.nRows; r++) s += this.len[r];
    return s;
  }
  /** Bytes held by the typed arrays (pool + row tables). */
  get bytes() {
    return this.cols.byteLength + this.weights.byteLength + this.start.byteLength + this.len.byteLength + this.cap.byteLength;
  }
  /** Appends a row with synapses to `targets` (all of weight `weight`); returns its index. */
  addRow(targets, weight = 1, targetsFrom = 0, targetsTo = targets ? targets.length : 0) {
    const r = this.nRows;
    if (r === this.start.length) this.growRows(Math.max(16, r * 2));
    const m = targetsTo - targetsFrom;
    const c = Math.max(4, m + (m >> 2) + 2);
    const off = this.reserve(c);
    this.start[r] = off;
    this.cap[r] = c;
    this.len[r] = m;
    if (targets) for (let i = 0; i < m; i++) {
      this.cols[off + i] = targets[targetsFrom + i];
      this.weights[off + i] = weight;
    }
    this.nRows = r + 1;
    return r;
  }
  /** Adds the synapse row -> col with the given weight. */
  append(row, col, weight = 1) {
    let l = this.len[row];
    if (l === this.cap[row]) this.relocate(row, Math.max(8, l * 2));
    const e = this.start[row] + l;
    this.cols[e] = col;
    this.weights[e] = weight;
    this.len[row] = l + 1;
  }
  /** Dense copy (tests, small areas only). */
  toDense(nCols) {
    const out2 = new Float32Array(this.nRows * nCols);
    for (let r = 0; r < this.nRows; r++) {
      for (let e = this.start[r], end = e + this.len[r]; e < end; e++) out2[r * nCols + this.cols[e]] += this.weights[e];
    }
    return out2;
  }
  growRows(n2) {
    const grow = (a) => {
      const b = new Int32Array(n2);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.len = grow(this.len);
    this.cap = grow(this.cap);
  }
  /** Makes room for c more pool slots at the top (compacting or growing). */
  ensure(c) {
    if (this.top + c <= this.cols.length) return;
    if (this.garbage > this.top >> 1) this.compact();
    if (this.top + c > this.cols.length) {
      const n2 = Math.max(this.cols.length * 2, this.top + c);
      const cols = new Int32Array(n2);
      cols.set(this.cols.subarray(0, this.top));
      const w = new Float32Array(n2);
      w.set(this.weights.subarray(0, this.top));
      this.cols = cols;
      this.weights = w;
    }
  }
  reserve(c) {
    this.ensure(c);
    const off = this.top;
    this.top += c;
    return off;
  }
  relocate(row, newCap) {
    const l = this.len[row];
    if (this.top + newCap > this.cols.length) {
      this.cap[row] = l;
      this.ensure(newCap);
    }
    this.garbage += this.cap[row];
    const src = this.start[row];
    const off = this.top;
    this.top += newCap;
    this.cols.copyWithin(off, src, src + l);
    this.weights.copyWithin(off, src, src + l);
    this.start[row] = off;
    this.cap[row] = newCap;
  }
  compact() {
    let total = 0;
    for (let r = 0; r < this.nRows; r++) total += this.cap[r];
    const n2 = Math.max(256, total * 2);
    const cols = new Int32Array(n2);
    const w = new Float32Array(n2);
    let off = 0;
    for (let r = 0; r < this.nRows; r++) {
      const s = this.start[r], l = this.len[r];
      cols.set(this.cols.subarray(s, s + l), off);
      w.set(this.weights.subarray(s, s + l), off);
      this.start[r] = off;
      off += this.cap[r];
    }
    this.cols = cols;
    this.weights = w;
    this.top = off;
    this.garbage = 0;
  }
};

// ../src/binomial-tail.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function lnGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
function binomialLogPmf(n2, p2, v) {
  if (v < 0 || v > n2) return -Infinity;
  if (p2 >= 1) return v === n2 ? 0 : -Infinity;
  if (p2 <= 0) return v === 0 ? 0 : -Infinity;
  return lnGamma(n2 + 1) - lnGamma(v + 1) - lnGamma(n2 - v + 1) + v * Math.log(p2) + (n2 - v) * Math.log1p(-p2);
}
function tailTop(n2, p2, count) {
  const logCount = Math.log(Math.max(1, count));
  let v = Math.min(n2, Math.floor((n2 + 1) * p2));
  while (v < n2 && binomialLogPmf(n2, p2, v) + logCount > -45) v++;
  return v;
}
function binomialUpperQuantile(n2, p2, tail) {
  if (tail >= 1) return 0;
  if (p2 >= 1) return n2;
  let x = tailTop(n2, p2, 1 / Math.max(tail, 1e-300));
  let above = 0;
  while (x > 0) {
    const next = above + Math.exp(binomialLogPmf(n2, p2, x));
    if (next > tail) break;
    above = next;
    x--;
  }
  return x;
}
function sampleTailReference(rng, K, p2, N, k2, out2) {
  const alpha = binomialUpperQuantile(K, p2, k2 / N);
  const mu = K * p2;
  const sigma = Math.sqrt(K * p2 * (1 - p2));
  if (!(sigma > 0) || alpha >= K) {
    out2.fill(Math.min(K, Math.max(alpha, Math.round(mu))), 0, k2);
    return;
  }
  for (let i = 0; i < k2; i++) {
    const x = Math.round(rng.truncatedNormal(alpha, K, mu, sigma));
    out2[i] = x > K ? K : x < alpha ? alpha : x;
  }
}
function sampleTailExact(rng, K, p2, N, k2, out2) {
  let v = tailTop(K, p2, N);
  let remaining = N;
  let got = 0;
  let above = 0;
  while (got < k2) {
    const pmf = Math.exp(binomialLogPmf(K, p2, v));
    const below = 1 - above;
    const ratio = v === 0 || below <= pmf ? 1 : pmf / below;
    const c = ratio >= 1 ? remaining : rng.binomial(remaining, ratio);
    const take = Math.min(c, k2 - got);
    out2.fill(v, got, got + take);
    got += take;
    remaining -= c;
    above += pmf;
    v--;
    if (v < 0) {
      out2.fill(0, got, k2);
      break;
    }
  }
}

// ../src/brain.ts
var F32Vec = class {
  data;
  length = 0;
  constructor(cap = 16) {
    this.data = new Float32Array(cap);
  }
  push(v) {
    if (this.length === this.data.length) {
      const d = new Float32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
};
function checkName(name, what) {
  if (typeof name !== "string" || name.length === 0) throw new AssemblyError(`${what} name must be a non-empty string, got ${JSON.stringify(name)}`);
  return name;
}
function checkInt(v, what, min) {
  if (!Number.isInteger(v) || v < min) throw new AssemblyError(`${what} must be an integer >= ${min}, got ${v}`);
}
function checkBeta(beta2, what) {
  if (!Number.isFinite(beta2) || beta2 < 0) throw new AssemblyError(`${what} must be a finite number >= 0, got ${beta2}`);
}
var Brain = class {
  p;
  rng;
  /** Plasticity on/off (brain.py's disable_plasticity, inverted). */
  plasticity = true;
  sampler;
  maxWeight;
  saveWinners;
  areas = [];
  areaIndex = /* @__PURE__ */ new Map();
  stimuli = [];
  stimIndex = /* @__PURE__ */ new Map();
  /** conn[src][dst]: synapses from src's known neurons into dst's known neurons. */
  conn = [];
  inputs = new Float64Array(1024);
  mask = new Uint8Array(1024);
  tail = new Float64Array(1024);
  constructor(p2, seed = 0, opts = {}) {
    if (typeof p2 !== "number" || !(p2 > 0 && p2 <= 1)) throw new AssemblyError(`p must be in (0, 1], got ${p2}`);
    this.p = p2;
    this.rng = typeof seed === "object" ? seed : createRng(seed);
    this.sampler = opts.sampler ?? "exact";
    if (this.sampler !== "reference" && this.sampler !== "exact") throw new AssemblyError(`sampler must be 'reference' or 'exact', got ${String(this.sampler)}`);
    this.maxWeight = opts.maxWeight ?? Infinity;
    if (!(this.maxWeight > 0)) throw new AssemblyError(`maxWeight must be > 0, got ${this.maxWeight}`);
    this.saveWinners = opts.saveWinners ?? false;
  }
  // ---------------------------------------------------------------- building
  /** Adds a stimulus of `size` neurons that always fire together. */
  addStimulus(name, size) {
    checkName(name, "stimulus");
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
  addArea(name, n2, k2, beta2) {
    this.newArea(name, n2, k2, beta2, false);
    return this;
  }
  /**
   * Adds an explicit area: all n neurons and all their synapses are simulated
   * (an n×n random sparse matrix from @neurite/tensor's randomCSR).
   */
  addExplicitArea(name, n2, k2, beta2) {
    this.newArea(name, n2, k2, beta2, true);
    return this;
  }
  newArea(name, n2, k2, beta2, explicit) {
    checkName(name, "area");
    if (this.areaIndex.has(name)) throw new AssemblyError(`area "${name}" already exists`);
    checkInt(n2, `area "${name}" n`, 1);
    checkInt(k2, `area "${name}" k`, 1);
    if (k2 > n2) throw new AssemblyError(`area "${name}": k = ${k2} exceeds n = ${n2}`);
    checkBeta(beta2, `area "${name}" beta`);
    const idx = this.areas.length;
    const area = {
      name,
      index: idx,
      n: n2,
      k: k2,
      beta: beta2,
      explicit,
      w: explicit ? n2 : 0,
      winners: new Int32Array(0),
      fixed: false,
      numNewWinners: 0,
      betaFromArea: [],
      betaFromStim: [],
      stimWeights: [],
      supportHistory: [],
      winnersHistory: [],
      everFired: explicit ? new Uint8Array(n2) : null,
      everFiredCount: 0
    };
    this.areas.push(area);
    this.areaIndex.set(name, idx);
    for (let s = 0; s < this.stimuli.length; s++) {
      area.betaFromStim[s] = beta2;
      const v = new F32Vec(Math.max(16, area.w));
      for (let i = 0; i < area.w; i++) v.push(this.rng.binomial(this.stimuli[s].size, this.p));
      area.stimWeights[s] = v;
    }
    const row = [];
    this.conn.push(row);
    for (const other of this.areas) {
      area.betaFromArea[other.index] = beta2;
      other.betaFromArea[idx] = other.beta;
      row[other.index] = this.randomStore(area.w, other.w);
      if (other.index !== idx) this.conn[other.index][idx] = this.randomStore(other.w, area.w);
    }
  }
  /** A store of `rows` × `cols` Bernoulli(p) synapses of weight 1. */
  randomStore(rows, cols) {
    const store = new SynapseStore(Math.max(16, rows), Math.max(256, Math.ceil(rows * cols * this.p * 1.3) + rows * 4));
    if (rows === 0) return store;
    if (cols === 0) {
      for (let r = 0; r < rows; r++) store.addRow();
      return store;
    }
    const csr = randomCSR(rows, cols, this.p, this.rng, { pattern: true });
    for (let r = 0; r < rows; r++) store.addRow(csr.indices, 1, csr.indptr[r], csr.indptr[r + 1]);
    return store;
  }
  // ------------------------------------------------------------- plasticity
  /** Sets β for synapses from area `from` into area `to`. */
  updatePlasticity(from, to, beta2) {
    const f = this.area(from, "source area"), t = this.area(to, "target area");
    checkBeta(beta2, `beta ${from} -> ${to}`);
    t.betaFromArea[f.index] = beta2;
    return this;
  }
  /** Sets β for synapses from stimulus `stim` into area `to`. */
  updateStimulusPlasticity(stim, to, beta2) {
    const s = this.stim(stim), t = this.area(to, "target area");
    checkBeta(beta2, `beta ${stim} -> ${to}`);
    t.betaFromStim[s] = beta2;
    return this;
  }
  /**
   * brain.py's update_plasticities: areaUpdates[to] = [[from, β], …] and
   * stimulusUpdates[to] = [[stim, β], …].
   */
  updatePlasticities(areaUpdates = {}, stimulusUpdates = {}) {
    for (const [to, rules] of Object.entries(areaUpdates)) for (const [from, b] of rules) this.updatePlasticity(from, to, b);
    for (const [to, rules] of Object.entries(stimulusUpdates)) for (const [s, b] of rules) this.updateStimulusPlasticity(s, to, b);
    return this;
  }
  // ------------------------------------------------------------ assemblies
  /** Freezes the current winners of `name`: projections into it keep them (plasticity still applies). */
  fixAssembly(name) {
    const a = this.area(name);
    if (a.winners.length === 0) throw new AssemblyError(`area "${name}" has no assembly to fix (no winners)`);
    a.fixed = true;
    return this;
  }
  unfixAssembly(name) {
    this.area(name).fixed = false;
    return this;
  }
  /** Sets the winners to neurons [k·index, k·index + k) and fixes them (brain.py's activate). */
  activate(name, index) {
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
  setWinners(name, winners) {
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
  clearWinners(name) {
    const a = this.area(name);
    a.winners = new Int32Array(0);
    a.fixed = false;
    return this;
  }
  setWinnersInternal(a, win) {
    a.winners = win;
    if (a.everFired) {
      for (const i of win) if (!a.everFired[i]) {
        a.everFired[i] = 1;
        a.everFiredCount++;
      }
    }
  }
  // ------------------------------------------------------------- read-outs
  /** Current winners of an area (a copy). */
  winners(name) {
    return this.area(name).winners.slice();
  }
  /** Neurons that have ever fired in the area (lazy: its simulated support w). */
  support(name) {
    const a = this.area(name);
    return a.explicit ? a.everFiredCount : a.w;
  }
  /** Support after each round that updated the area (brain.py's saved_w). */
  supportHistory(name) {
    return this.area(name).supportHistory.slice();
  }
  /** Winners after each round that updated the area (only with saveWinners). */
  winnersHistory(name) {
    return this.area(name).winnersHistory.slice();
  }
  areaInfo(name) {
    const a = this.area(name);
    return { name: a.name, n: a.n, k: a.k, beta: a.beta, explicit: a.explicit, support: this.support(name), fixed: a.fixed, numNewWinners: a.numNewWinners };
  }
  areaNames() {
    return this.areas.map((a) => a.name);
  }
  stimulusNames() {
    return this.stimuli.map((s) => s.name);
  }
  /** Weight of synapses from `from` into `to` as a dense w_from × w_to matrix (small areas / tests only). */
  connectomeDense(from, to) {
    const f = this.area(from), t = this.area(to);
    return { rows: f.w, cols: t.w, data: this.conn[f.index][t.index].toDense(t.w) };
  }
  /** Synapse weights from stimulus `stim` into each known neuron of `to` (count × plasticity). */
  stimulusWeights(stim, to) {
    const s = this.stim(stim), t = this.area(to);
    return t.stimWeights[s].data.slice(0, t.w);
  }
  /** Synapses stored and bytes held by all connectome arrays. */
  memory() {
    let synapses = 0, bytes = 0;
    for (const row of this.conn) for (const st of row) {
      synapses += st.nnz;
      bytes += st.bytes;
    }
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
  project(areasByStimulus, dstAreasBySourceArea) {
    const nA = this.areas.length;
    const stimIn = Array.from({ length: nA }, () => []);
    const areaIn = Array.from({ length: nA }, () => []);
    if (areasByStimulus === null || typeof areasByStimulus !== "object") throw new AssemblyError("areasByStimulus must be an object {stimulus: [areas]}");
    if (dstAreasBySourceArea === null || typeof dstAreasBySourceArea !== "object") throw new AssemblyError("dstAreasBySourceArea must be an object {area: [areas]}");
    for (const [stim, targets] of Object.entries(areasByStimulus)) {
      const s = this.stim(stim);
      if (!Array.isArray(targets)) throw new AssemblyError(`areasByStimulus["${stim}"] must be an array of area names`);
      for (const t of targets) {
        const a = this.area(t, "target area");
        if (!stimIn[a.index].includes(s)) stimIn[a.index].push(s);
      }
    }
    for (const [src, targets] of Object.entries(dstAreasBySourceArea)) {
      const f = this.area(src, "source area");
      if (!Array.isArray(targets)) throw new AssemblyError(`dstAreasBySourceArea["${src}"] must be an array of area names`);
      if (targets.length > 0 && f.winners.length === 0) throw new AssemblyError(`cannot project from area "${src}": it has no winners (no assembly)`);
      for (const t of targets) {
        const a = this.area(t, "target area");
        if (!areaIn[a.index].includes(f.index)) areaIn[a.index].push(f.index);
      }
    }
    const updated = [];
    const next = [];
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
  projectInto(T, stims, srcs) {
    const rng = this.rng, p2 = this.p, k2 = T.k;
    const w0 = T.w;
    if (this.inputs.length < w0 + k2) this.inputs = new Float64Array(Math.max(2 * this.inputs.length, w0 + k2));
    const inputs = this.inputs;
    inputs.fill(0, 0, w0 + k2);
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
    let newWinners;
    let firstInputs = null;
    let numNew = 0;
    let totalK = 0;
    for (const s of stims) totalK += this.stimuli[s].size;
    for (const si of srcs) totalK += this.areas[si].winners.length;
    if (T.fixed) {
      newWinners = T.winners.slice();
    } else {
      let nc = 0;
      if (!T.explicit) {
        const effN = T.n - w0;
        if (effN > 0) {
          let needed = true;
          if (w0 >= k2) {
            const kth = topK(inputs.subarray(0, w0), k2).values[k2 - 1];
            if (kth >= totalK) needed = false;
          }
          if (needed) {
            if (effN <= 2 * k2) {
              nc = effN;
              for (let i = 0; i < nc; i++) inputs[w0 + i] = rng.binomial(totalK, p2);
            } else {
              nc = k2;
              if (this.tail.length < k2) this.tail = new Float64Array(k2);
              if (this.sampler === "exact") sampleTailExact(rng, totalK, p2, effN, k2, this.tail);
              else sampleTailReference(rng, totalK, p2, effN, k2, this.tail);
              for (let i = 0; i < k2; i++) inputs[w0 + i] = this.tail[i];
            }
          }
        }
      }
      const total = w0 + nc;
      const kk = Math.min(k2, total);
      const top = topK(inputs.subarray(0, total), kk);
      newWinners = new Int32Array(kk);
      firstInputs = new Float64Array(kk);
      for (let i = 0; i < kk; i++) {
        const idx = top.indices[i];
        if (idx >= w0) {
          firstInputs[numNew] = inputs[idx];
          newWinners[i] = w0 + numNew;
          numNew++;
        } else newWinners[i] = idx;
      }
      newWinners.sort();
      for (let j = 0; j < numNew; j++) this.recruit(T, stims, srcs, totalK, firstInputs[j]);
    }
    T.numNewWinners = numNew;
    if (this.plasticity) {
      const cap = this.maxWeight;
      for (const s of stims) {
        const beta2 = T.betaFromStim[s];
        if (beta2 === 0) continue;
        const d = T.stimWeights[s].data, f = 1 + beta2;
        for (const i of newWinners) {
          const v = d[i] * f;
          d[i] = v > cap ? cap : v;
        }
      }
      if (this.mask.length < T.w) this.mask = new Uint8Array(Math.max(2 * this.mask.length, T.w));
      const mask = this.mask;
      for (const i of newWinners) mask[i] = 1;
      for (const si of srcs) {
        const beta2 = T.betaFromArea[si];
        if (beta2 === 0) continue;
        const f = 1 + beta2;
        const store = this.conn[si][T.index];
        const { start, len } = store;
        const cols = store.cols, wts = store.weights;
        for (const s of this.areas[si].winners) {
          for (let e = start[s], end = e + len[s]; e < end; e++) {
            if (mask[cols[e]]) {
              const v = wts[e] * f;
              wts[e] = v > cap ? cap : v;
            }
          }
        }
      }
      for (const i of newWinners) mask[i] = 0;
    }
    return newWinners;
  }
  /**
   * Adds one never-fired neuron with total input `input` from the K firing
   * neurons to lazy area T: the input is split among the firing stimuli and
   * source winners by drawing `input` of the K firing neurons without
   * replacement; every other synapse between the new neuron and a known
   * neuron (either direction, any area) is drawn Bernoulli(p).
   */
  recruit(T, stims, srcs, totalK, input) {
    const rng = this.rng, p2 = this.p;
    const t = T.w;
    const m = Math.min(totalK, Math.max(0, Math.round(input)));
    const picks = rng.sampleWithoutReplacement(totalK, m);
    const nS = stims.length;
    const stimCounts = new Float64Array(nS);
    for (let i = 0; i < m; i++) {
      let x = picks[i];
      let b = 0;
      for (; b < nS; b++) {
        const sz = this.stimuli[stims[b]].size;
        if (x < sz) break;
        x -= sz;
      }
      if (b < nS) {
        stimCounts[b]++;
        continue;
      }
      for (const si of srcs) {
        const win = this.areas[si].winners;
        if (x < win.length) {
          this.conn[si][T.index].append(win[x], t, 1);
          break;
        }
        x -= win.length;
      }
    }
    for (let s = 0; s < this.stimuli.length; s++) {
      const b = stims.indexOf(s);
      T.stimWeights[s].push(b >= 0 ? stimCounts[b] : rng.binomial(this.stimuli[s].size, p2));
    }
    for (const S of this.areas) {
      const store = this.conn[S.index][T.index];
      const firing = srcs.includes(S.index);
      if (!firing) {
        const c2 = rng.binomial(S.w, p2);
        if (c2 > 0) {
          const rows = rng.sampleWithoutReplacement(S.w, c2);
          for (const r of rows) store.append(r, t, 1);
        }
        continue;
      }
      const nonWin = this.nonWinners(S);
      const pop = S.w - S.winners.length;
      const c = pop > 0 ? rng.binomial(pop, p2) : 0;
      if (c > 0) {
        const rows = rng.sampleWithoutReplacement(pop, c);
        const nOld = nonWin.length, base = S.w - (pop - nOld);
        for (const r of rows) store.append(r < nOld ? nonWin[r] : base + (r - nOld), t, 1);
      }
    }
    T.w = t + 1;
    for (const A of this.areas) {
      const c = rng.binomial(A.w, p2);
      const store = this.conn[T.index][A.index];
      if (c > 0) store.addRow(rng.sampleWithoutReplacement(A.w, c), 1);
      else store.addRow();
    }
  }
  /** Known neurons of S that are not current winners, as of the start of this round (cached per round). */
  nonWinnerCache = /* @__PURE__ */ new Map();
  nonWinners(S) {
    let nw = this.nonWinnerCache.get(S.winners);
    if (nw && nw.length + S.winners.length <= S.w) return nw;
    const isW = new Uint8Array(S.w);
    for (const i of S.winners) isW[i] = 1;
    const out2 = new Int32Array(S.w - S.winners.length);
    let j = 0;
    for (let i = 0; i < S.w; i++) if (!isW[i]) out2[j++] = i;
    this.nonWinnerCache.set(S.winners, out2);
    return out2;
  }
  area(name, what = "area") {
    const i = typeof name === "string" ? this.areaIndex.get(name) : void 0;
    if (i === void 0) throw new AssemblyError(`unknown ${what} "${String(name)}" (known areas: ${this.areas.map((a) => a.name).join(", ") || "none"})`);
    return this.areas[i];
  }
  stim(name) {
    const i = typeof name === "string" ? this.stimIndex.get(name) : void 0;
    if (i === void 0) throw new AssemblyError(`unknown stimulus "${String(name)}" (known stimuli: ${this.stimuli.map((s) => s.name).join(", ") || "none"})`);
    return i;
  }
};

// ../src/overlap.ts
function overlap(a, b) {
  const s = /* @__PURE__ */ new Set();
  for (let i = 0; i < a.length; i++) s.add(a[i]);
  let c = 0;
  const seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < b.length; i++) if (s.has(b[i]) && !seen.has(b[i])) {
    seen.add(b[i]);
    c++;
  }
  return c;
}

// ../src/association.ts
function simulateAssociation(o) {
  const b = new Brain(o.p, o.seed ?? 0, { sampler: o.sampler });
  const { n: n2, k: k2, beta: beta2 } = o;
  const joint = o.jointRounds ?? 10;
  b.addStimulus("stimA", k2).addArea("A", n2, k2, beta2).addStimulus("stimB", k2).addArea("B", n2, k2, beta2).addArea("C", n2, k2, beta2);
  b.project({ stimA: ["A"], stimB: ["B"] }, {});
  for (let i = 0; i < 9; i++) b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A"], B: ["B"] });
  b.project({ stimA: ["A"] }, { A: ["A", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ["A"] }, { A: ["A", "C"], C: ["C"] });
  const cFromA = b.winners("C");
  b.project({ stimB: ["B"] }, { B: ["B", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ["B"] }, { B: ["B", "C"], C: ["C"] });
  const cFromB = b.winners("C");
  b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A", "C"], B: ["B", "C"] });
  for (let i = 0; i < joint - 1; i++) b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A", "C"], B: ["B", "C"], C: ["C"] });
  const cJoint = b.winners("C");
  b.project({ stimB: ["B"] }, { B: ["B", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ["B"] }, { B: ["B", "C"], C: ["C"] });
  const cAfter = b.winners("C");
  return {
    before: overlap(cFromA, cFromB),
    jointWithA: overlap(cFromA, cJoint),
    jointWithB: overlap(cFromB, cJoint),
    after: overlap(cFromA, cAfter),
    k: k2
  };
}

// ../test/explicit-reference.ts
import { createRng as createRng2, topK as topK2 } from "@neurite/tensor";
var ExplicitReference = class {
  constructor(p2, seed) {
    this.p = p2;
    this.rng = createRng2(seed);
  }
  rng;
  areas = /* @__PURE__ */ new Map();
  stimuli = /* @__PURE__ */ new Map();
  rows = /* @__PURE__ */ new Map();
  stimW = /* @__PURE__ */ new Map();
  addStimulus(name, size) {
    this.stimuli.set(name, size);
    return this;
  }
  addArea(name, n2, k2, beta2) {
    this.areas.set(name, { n: n2, k: k2, beta: beta2, winners: new Int32Array(0), everFired: new Uint8Array(n2), support: 0, supportHistory: [], newWinners: [], winnersHistory: [] });
    return this;
  }
  winners(area) {
    return this.areas.get(area).winners.slice();
  }
  support(area) {
    return this.areas.get(area).support;
  }
  supportHistory(area) {
    return this.areas.get(area).supportHistory.slice();
  }
  /** First-time winners in each round that updated the area. */
  newWinners(area) {
    return this.areas.get(area).newWinners.slice();
  }
  winnersHistory(area) {
    return this.areas.get(area).winnersHistory.slice();
  }
  stimWeights(stim, area) {
    const key = `${stim}->${area}`;
    let v = this.stimW.get(key);
    if (!v) {
      const size = this.stimuli.get(stim), n2 = this.areas.get(area).n;
      v = new Float64Array(n2);
      for (let i = 0; i < n2; i++) v[i] = this.rng.binomial(size, this.p);
      this.stimW.set(key, v);
    }
    return v;
  }
  row(src, dst, j) {
    const key = `${src}->${dst}`;
    let rs = this.rows.get(key);
    if (!rs) {
      rs = new Array(this.areas.get(src).n);
      this.rows.set(key, rs);
    }
    let r = rs[j];
    if (!r) {
      const n2 = this.areas.get(dst).n;
      const cols = this.rng.sampleWithoutReplacement(n2, this.rng.binomial(n2, this.p));
      r = { cols, w: new Float32Array(cols.length).fill(1) };
      rs[j] = r;
    }
    return r;
  }
  /** The k largest inputs; ties at the k-th value broken uniformly at random. */
  kCap(inputs, k2) {
    const vk = topK2(inputs, k2).values[k2 - 1];
    const out2 = new Int32Array(k2);
    const tied = [];
    let m = 0;
    for (let i = 0; i < inputs.length; i++) {
      const v = inputs[i];
      if (v > vk) out2[m++] = i;
      else if (v === vk) tied.push(i);
    }
    for (const t of this.rng.sampleWithoutReplacement(tied.length, k2 - m)) out2[m++] = tied[t];
    return out2.sort();
  }
  /** One round, as Brain.project: all targets update at once from the previous winners. */
  project(areasByStimulus, dstAreasBySourceArea) {
    const stimIn = /* @__PURE__ */ new Map(), areaIn = /* @__PURE__ */ new Map();
    for (const [s, ts] of Object.entries(areasByStimulus)) for (const t of ts) stimIn.set(t, [...stimIn.get(t) ?? [], s]);
    for (const [a, ts] of Object.entries(dstAreasBySourceArea)) for (const t of ts) areaIn.set(t, [...areaIn.get(t) ?? [], a]);
    const targets = [...this.areas.keys()].filter((t) => stimIn.has(t) || areaIn.has(t));
    const next = /* @__PURE__ */ new Map();
    for (const t of targets) {
      const T = this.areas.get(t);
      const inputs = new Float64Array(T.n);
      for (const s of stimIn.get(t) ?? []) {
        const v = this.stimWeights(s, t);
        for (let i = 0; i < T.n; i++) inputs[i] += v[i];
      }
      for (const a of areaIn.get(t) ?? []) {
        for (const j of this.areas.get(a).winners) {
          const r = this.row(a, t, j);
          for (let e = 0; e < r.cols.length; e++) inputs[r.cols[e]] += r.w[e];
        }
      }
      next.set(t, this.kCap(inputs, T.k));
    }
    for (const t of targets) {
      const T = this.areas.get(t), win = next.get(t), f = 1 + T.beta;
      const mask = new Uint8Array(T.n);
      for (const i of win) mask[i] = 1;
      for (const s of stimIn.get(t) ?? []) {
        const v = this.stimWeights(s, t);
        for (const i of win) v[i] *= f;
      }
      for (const a of areaIn.get(t) ?? []) {
        for (const j of this.areas.get(a).winners) {
          const r = this.row(a, t, j);
          for (let e = 0; e < r.cols.length; e++) if (mask[r.cols[e]]) r.w[e] *= f;
        }
      }
    }
    for (const t of targets) {
      const T = this.areas.get(t), win = next.get(t);
      let fresh = 0;
      for (const i of win) if (!T.everFired[i]) {
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
};

// assoc.ts
var n = +(process.env.N ?? 1e5);
var k = +(process.env.K ?? 317);
var p = +(process.env.P ?? 0.05);
var beta = +(process.env.BETA ?? 0.1);
var seeds = +(process.env.SEEDS ?? 5);
var seed0 = +(process.env.SEED0 ?? 0);
var modes = (process.env.MODES ?? "exact,reference,explicit").split(",");
var ov = (a, b) => {
  const s = new Set(Array.from(a));
  let c = 0;
  for (const x of Array.from(b)) if (s.has(x)) c++;
  return c;
};
function explicitAssoc(seed) {
  const b = new ExplicitReference(p, 9e3 + seed);
  b.addStimulus("stimA", k).addArea("A", n, k, beta).addStimulus("stimB", k).addArea("B", n, k, beta).addArea("C", n, k, beta);
  b.project({ stimA: ["A"], stimB: ["B"] }, {});
  for (let i = 0; i < 9; i++) b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A"], B: ["B"] });
  b.project({ stimA: ["A"] }, { A: ["A", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ["A"] }, { A: ["A", "C"], C: ["C"] });
  const cA = b.winners("C");
  b.project({ stimB: ["B"] }, { B: ["B", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ["B"] }, { B: ["B", "C"], C: ["C"] });
  const cB = b.winners("C");
  b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A", "C"], B: ["B", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ["A"], stimB: ["B"] }, { A: ["A", "C"], B: ["B", "C"], C: ["C"] });
  const cJ = b.winners("C");
  b.project({ stimB: ["B"] }, { B: ["B", "C"] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ["B"] }, { B: ["B", "C"], C: ["C"] });
  return { before: ov(cA, cB), jointWithA: ov(cA, cJ), jointWithB: ov(cB, cJ), after: ov(cA, b.winners("C")), supportC: b.support("C") };
}
var out = [];
for (const mode of modes) for (let seed = seed0; seed < seed0 + seeds; seed++) {
  const t0 = performance.now();
  const r = mode === "explicit" ? explicitAssoc(seed) : simulateAssociation({ n, k, p, beta, seed, sampler: mode });
  out.push({ mode, seed, ...r, k: void 0 });
  process.stderr.write(`${mode} ${seed} before=${r.before} jA=${r.jointWithA} jB=${r.jointWithB} after=${r.after} (${(r.after / k * 100).toFixed(1)}%) ${(performance.now() - t0).toFixed(0)}ms rss=${(process.memoryUsage().rss / 1e6).toFixed(0)}MB
`);
}
console.log(JSON.stringify(out));
