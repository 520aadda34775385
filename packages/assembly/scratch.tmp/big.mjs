// ../src/assembly-error.ts
var AssemblyError = class extends Error {
  name = "AssemblyError";
  constructor(message) {
    super(message);
  }
};

// ../src/brain.ts
import { createRng, randomCSR } from "@neurite/tensor";

// ../src/k-cap.ts
function kthLargest(values, n, k, scratch) {
  const a = scratch;
  for (let i = 0; i < n; i++) a[i] = values[i];
  const r = k - 1;
  let lo = 0, hi = n - 1;
  for (; ; ) {
    if (lo >= hi) return a[lo];
    const mid = lo + hi >>> 1;
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x > y ? y > z ? y : x > z ? z : x : x > z ? x : y > z ? z : y;
    let lt = lo, i = lo, gt = hi;
    while (i <= gt) {
      const v = a[i];
      if (v > pivot) {
        a[i] = a[lt];
        a[lt] = v;
        lt++;
        i++;
      } else if (v < pivot) {
        a[i] = a[gt];
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (r < lt) hi = lt - 1;
    else if (r > gt) lo = gt + 1;
    else return pivot;
  }
}
function kCapIndices(values, n, k, scratch) {
  const out = new Int32Array(k);
  if (k === 0) return out;
  const v = kthLargest(values, n, k, scratch);
  let above = 0;
  for (let i = 0; i < n; i++) if (values[i] > v) above++;
  let ties = k - above, m = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x > v) out[m++] = i;
    else if (x === v && ties > 0) {
      out[m++] = i;
      ties--;
    }
  }
  return out;
}

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
  /** Synapses queued by queue() until flush(). */
  qRow = new Int32Array(0);
  qCol = new Int32Array(0);
  qLen = 0;
  constructor(rowCapacity = 16, poolCapacity = 256) {
    this.start = new Int32Array(rowCapacity);
    this.len = new Int32Array(rowCapacity);
    this.cap = new Int32Array(rowCapacity);
    this.cols = new Int32Array(poolCapacity);
    this.weights = new Float32Array(poolCapacity);
  }
  /** Total synapses stored. */
  get nnz() {
    let s2 = 0;
    for (let r = 0; r < this.nRows; r++) s2 += this.len[r];
    return s2;
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
  /**
   * Queues the synapse row -> col of weight 1; it is stored (and visible to
   * readers of `start`/`len`/`cols`/`weights`) only after flush(). Batching
   * lets each row grow at most once per flush instead of doubling repeatedly.
   */
  queue(row, col) {
    if (this.qLen === this.qRow.length) {
      const n = Math.max(1024, 2 * this.qLen);
      const r = new Int32Array(n);
      r.set(this.qRow);
      this.qRow = r;
      const c = new Int32Array(n);
      c.set(this.qCol);
      this.qCol = c;
    }
    this.qRow[this.qLen] = row;
    this.qCol[this.qLen++] = col;
  }
  /** Stores every queued synapse (in queue order within each row). */
  flush() {
    const q = this.qLen;
    if (q === 0) return;
    const add = new Int32Array(this.nRows);
    for (let i = 0; i < q; i++) add[this.qRow[i]]++;
    let need = 0;
    for (let r = 0; r < this.nRows; r++) {
      const a = add[r];
      if (a > 0 && this.len[r] + a > this.cap[r]) need += this.len[r] + a + (this.len[r] + a >> 1) + 4;
    }
    this.ensure(need);
    for (let r = 0; r < this.nRows; r++) {
      const a = add[r];
      if (a > 0 && this.len[r] + a > this.cap[r]) {
        const l = this.len[r] + a;
        this.relocate(r, l + (l >> 1) + 4);
      }
    }
    const qr = this.qRow, qc = this.qCol, start = this.start, len = this.len, cols = this.cols, w = this.weights;
    for (let i = 0; i < q; i++) {
      const r = qr[i];
      const e = start[r] + len[r]++;
      cols[e] = qc[i];
      w[e] = 1;
    }
    this.qLen = 0;
  }
  /** Dense copy (tests, small areas only). */
  toDense(nCols) {
    const out = new Float32Array(this.nRows * nCols);
    for (let r = 0; r < this.nRows; r++) {
      for (let e = this.start[r], end = e + this.len[r]; e < end; e++) out[r * nCols + this.cols[e]] += this.weights[e];
    }
    return out;
  }
  growRows(n) {
    const grow = (a) => {
      const b2 = new Int32Array(n);
      b2.set(a);
      return b2;
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
      const n = Math.max(this.cols.length * 2, this.top + c);
      const cols = new Int32Array(n);
      cols.set(this.cols.subarray(0, this.top));
      const w = new Float32Array(n);
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
    const n = Math.max(256, total * 2);
    const cols = new Int32Array(n);
    const w = new Float32Array(n);
    let off = 0;
    for (let r = 0; r < this.nRows; r++) {
      const s2 = this.start[r], l = this.len[r];
      cols.set(this.cols.subarray(s2, s2 + l), off);
      w.set(this.weights.subarray(s2, s2 + l), off);
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
function binomialLogPmf(n, p, v) {
  if (v < 0 || v > n) return -Infinity;
  if (p >= 1) return v === n ? 0 : -Infinity;
  if (p <= 0) return v === 0 ? 0 : -Infinity;
  return lnGamma(n + 1) - lnGamma(v + 1) - lnGamma(n - v + 1) + v * Math.log(p) + (n - v) * Math.log1p(-p);
}
function tailTop(n, p, count) {
  const logCount = Math.log(Math.max(1, count));
  let v = Math.min(n, Math.floor((n + 1) * p));
  while (v < n && binomialLogPmf(n, p, v) + logCount > -45) v++;
  return v;
}
function binomialUpperQuantile(n, p, tail) {
  if (tail >= 1) return 0;
  if (p >= 1) return n;
  let x = tailTop(n, p, 1 / Math.max(tail, 1e-300));
  let above = 0;
  while (x > 0) {
    const next = above + Math.exp(binomialLogPmf(n, p, x));
    if (next > tail) break;
    above = next;
    x--;
  }
  return x;
}
function sampleTailReference(rng, K, p, N, k, out) {
  const alpha = binomialUpperQuantile(K, p, k / N);
  const mu = K * p;
  const sigma = Math.sqrt(K * p * (1 - p));
  if (!(sigma > 0) || alpha >= K) {
    out.fill(Math.min(K, Math.max(alpha, Math.round(mu))), 0, k);
    return;
  }
  for (let i = 0; i < k; i++) {
    const x = Math.round(rng.truncatedNormal(alpha, K, mu, sigma));
    out[i] = x > K ? K : x < alpha ? alpha : x;
  }
}
function sampleTailExact(rng, K, p, N, k, out) {
  let v = tailTop(K, p, N);
  let remaining = N;
  let got = 0;
  let above = 0;
  while (got < k) {
    const pmf = Math.exp(binomialLogPmf(K, p, v));
    const below = 1 - above;
    const ratio = v === 0 || below <= pmf ? 1 : pmf / below;
    const c = ratio >= 1 ? remaining : rng.binomial(remaining, ratio);
    const take = Math.min(c, k - got);
    out.fill(v, got, got + take);
    got += take;
    remaining -= c;
    above += pmf;
    v--;
    if (v < 0) {
      out.fill(0, got, k);
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
function checkBeta(beta, what) {
  if (!Number.isFinite(beta) || beta < 0) throw new AssemblyError(`${what} must be a finite number >= 0, got ${beta}`);
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
  selectScratch = new Float64Array(1024);
  scratchFor(n) {
    if (this.selectScratch.length < n) this.selectScratch = new Float64Array(Math.max(2 * this.selectScratch.length, n));
    return this.selectScratch;
  }
  /** Scratch for sampleSubset: a generation stamp per candidate index, and the output buffer. */
  stamp = new Uint32Array(1024);
  stampGen = 0;
  subset = new Int32Array(64);
  stimCounts = new Float64Array(16);
  constructor(p, seed = 0, opts = {}) {
    if (typeof p !== "number" || !(p > 0 && p <= 1)) throw new AssemblyError(`p must be in (0, 1], got ${p}`);
    this.p = p;
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
    const s2 = this.stimuli.length;
    this.stimuli.push({ name, size });
    this.stimIndex.set(name, s2);
    for (const a of this.areas) {
      a.betaFromStim[s2] = a.beta;
      const v = new F32Vec(Math.max(16, a.w));
      for (let i = 0; i < a.w; i++) v.push(this.rng.binomial(size, this.p));
      a.stimWeights[s2] = v;
    }
    return this;
  }
  /** Adds a lazy area of n neurons, k of which fire, default plasticity β. */
  addArea(name, n, k, beta) {
    this.newArea(name, n, k, beta, false);
    return this;
  }
  /**
   * Adds an explicit area: all n neurons and all their synapses are simulated
   * (an n×n random sparse matrix from @neurite/tensor's randomCSR).
   */
  addExplicitArea(name, n, k, beta) {
    this.newArea(name, n, k, beta, true);
    return this;
  }
  newArea(name, n, k, beta, explicit) {
    checkName(name, "area");
    if (this.areaIndex.has(name)) throw new AssemblyError(`area "${name}" already exists`);
    checkInt(n, `area "${name}" n`, 1);
    checkInt(k, `area "${name}" k`, 1);
    if (k > n) throw new AssemblyError(`area "${name}": k = ${k} exceeds n = ${n}`);
    checkBeta(beta, `area "${name}" beta`);
    const idx = this.areas.length;
    const area = {
      name,
      index: idx,
      n,
      k,
      beta,
      explicit,
      w: explicit ? n : 0,
      winners: new Int32Array(0),
      fixed: false,
      numNewWinners: 0,
      betaFromArea: [],
      betaFromStim: [],
      stimWeights: [],
      supportHistory: [],
      winnersHistory: [],
      everFired: explicit ? new Uint8Array(n) : null,
      everFiredCount: 0
    };
    this.areas.push(area);
    this.areaIndex.set(name, idx);
    for (let s2 = 0; s2 < this.stimuli.length; s2++) {
      area.betaFromStim[s2] = beta;
      const v = new F32Vec(Math.max(16, area.w));
      for (let i = 0; i < area.w; i++) v.push(this.rng.binomial(this.stimuli[s2].size, this.p));
      area.stimWeights[s2] = v;
    }
    const row = [];
    this.conn.push(row);
    for (const other of this.areas) {
      area.betaFromArea[other.index] = beta;
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
  updatePlasticity(from, to, beta) {
    const f = this.area(from, "source area"), t = this.area(to, "target area");
    checkBeta(beta, `beta ${from} -> ${to}`);
    t.betaFromArea[f.index] = beta;
    return this;
  }
  /** Sets β for synapses from stimulus `stim` into area `to`. */
  updateStimulusPlasticity(stim, to, beta) {
    const s2 = this.stim(stim), t = this.area(to, "target area");
    checkBeta(beta, `beta ${stim} -> ${to}`);
    t.betaFromStim[s2] = beta;
    return this;
  }
  /**
   * brain.py's update_plasticities: areaUpdates[to] = [[from, β], …] and
   * stimulusUpdates[to] = [[stim, β], …].
   */
  updatePlasticities(areaUpdates = {}, stimulusUpdates = {}) {
    for (const [to, rules] of Object.entries(areaUpdates)) for (const [from, b2] of rules) this.updatePlasticity(from, to, b2);
    for (const [to, rules] of Object.entries(stimulusUpdates)) for (const [s2, b2] of rules) this.updateStimulusPlasticity(s2, to, b2);
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
    return this.stimuli.map((s2) => s2.name);
  }
  /** Weight of synapses from `from` into `to` as a dense w_from × w_to matrix (small areas / tests only). */
  connectomeDense(from, to) {
    const f = this.area(from), t = this.area(to);
    return { rows: f.w, cols: t.w, data: this.conn[f.index][t.index].toDense(t.w) };
  }
  /** Synapse weights from stimulus `stim` into each known neuron of `to` (count × plasticity). */
  stimulusWeights(stim, to) {
    const s2 = this.stim(stim), t = this.area(to);
    return t.stimWeights[s2].data.slice(0, t.w);
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
      const s2 = this.stim(stim);
      if (!Array.isArray(targets)) throw new AssemblyError(`areasByStimulus["${stim}"] must be an array of area names`);
      for (const t of targets) {
        const a = this.area(t, "target area");
        if (!stimIn[a.index].includes(s2)) stimIn[a.index].push(s2);
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
      stimIn[t].sort((a, b2) => a - b2);
      areaIn[t].sort((a, b2) => a - b2);
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
    const rng = this.rng, p = this.p, k = T.k;
    const w0 = T.w;
    if (this.inputs.length < w0 + k) this.inputs = new Float64Array(Math.max(2 * this.inputs.length, w0 + k));
    const inputs = this.inputs;
    inputs.fill(0, 0, w0 + k);
    for (const s2 of stims) {
      const d = T.stimWeights[s2].data;
      for (let i = 0; i < w0; i++) inputs[i] += d[i];
    }
    for (const si of srcs) {
      const store = this.conn[si][T.index];
      const { start, len } = store;
      const cols = store.cols, wts = store.weights;
      for (const s2 of this.areas[si].winners) {
        for (let e = start[s2], end = e + len[s2]; e < end; e++) inputs[cols[e]] += wts[e];
      }
    }
    let newWinners;
    let firstInputs = null;
    let numNew = 0;
    let totalK = 0;
    for (const s2 of stims) totalK += this.stimuli[s2].size;
    for (const si of srcs) totalK += this.areas[si].winners.length;
    if (T.fixed) {
      newWinners = T.winners.slice();
    } else {
      let nc = 0;
      if (!T.explicit) {
        const effN = T.n - w0;
        if (effN > 0) {
          let needed = true;
          if (w0 >= k) {
            const kth = kthLargest(inputs, w0, k, this.scratchFor(w0));
            if (kth >= totalK) needed = false;
          }
          if (needed) {
            if (effN <= 2 * k) {
              nc = effN;
              for (let i = 0; i < nc; i++) inputs[w0 + i] = rng.binomial(totalK, p);
            } else {
              nc = k;
              if (this.tail.length < k) this.tail = new Float64Array(k);
              if (this.sampler === "exact") sampleTailExact(rng, totalK, p, effN, k, this.tail);
              else sampleTailReference(rng, totalK, p, effN, k, this.tail);
              for (let i = 0; i < k; i++) inputs[w0 + i] = this.tail[i];
            }
          }
        }
      }
      const total = w0 + nc;
      const kk = Math.min(k, total);
      const top = kCapIndices(inputs, total, kk, this.scratchFor(total));
      newWinners = new Int32Array(kk);
      firstInputs = new Float64Array(kk);
      for (let i = 0; i < kk; i++) {
        const idx = top[i];
        if (idx >= w0) {
          firstInputs[numNew] = inputs[idx];
          newWinners[i] = w0 + numNew;
          numNew++;
        } else newWinners[i] = idx;
      }
      newWinners.sort();
      for (let j = 0; j < numNew; j++) this.recruit(T, stims, srcs, totalK, firstInputs[j]);
      if (numNew > 0) for (const S of this.areas) this.conn[S.index][T.index].flush();
    }
    T.numNewWinners = numNew;
    if (this.plasticity) {
      const cap = this.maxWeight;
      for (const s2 of stims) {
        const beta = T.betaFromStim[s2];
        if (beta === 0) continue;
        const d = T.stimWeights[s2].data, f = 1 + beta;
        for (const i of newWinners) {
          const v = d[i] * f;
          d[i] = v > cap ? cap : v;
        }
      }
      if (this.mask.length < T.w) this.mask = new Uint8Array(Math.max(2 * this.mask.length, T.w));
      const mask = this.mask;
      for (const i of newWinners) mask[i] = 1;
      for (const si of srcs) {
        const beta = T.betaFromArea[si];
        if (beta === 0) continue;
        const f = 1 + beta;
        const store = this.conn[si][T.index];
        const { start, len } = store;
        const cols = store.cols, wts = store.weights;
        for (const s2 of this.areas[si].winners) {
          for (let e = start[s2], end = e + len[s2]; e < end; e++) {
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
    const rng = this.rng, p = this.p;
    const t = T.w;
    const m = Math.min(totalK, Math.max(0, Math.round(input)));
    const picks = this.sampleSubset(totalK, m);
    const nS = stims.length;
    if (this.stimCounts.length < nS) this.stimCounts = new Float64Array(2 * nS);
    const stimCounts = this.stimCounts;
    stimCounts.fill(0, 0, nS);
    for (let i = 0; i < m; i++) {
      let x = picks[i];
      let b2 = 0;
      for (; b2 < nS; b2++) {
        const sz = this.stimuli[stims[b2]].size;
        if (x < sz) break;
        x -= sz;
      }
      if (b2 < nS) {
        stimCounts[b2]++;
        continue;
      }
      for (const si of srcs) {
        const win = this.areas[si].winners;
        if (x < win.length) {
          this.conn[si][T.index].queue(win[x], t);
          break;
        }
        x -= win.length;
      }
    }
    for (let s2 = 0; s2 < this.stimuli.length; s2++) {
      const b2 = stims.indexOf(s2);
      T.stimWeights[s2].push(b2 >= 0 ? stimCounts[b2] : rng.binomial(this.stimuli[s2].size, p));
    }
    for (const S of this.areas) {
      const store = this.conn[S.index][T.index];
      const firing = srcs.includes(S.index);
      if (!firing) {
        const c2 = rng.binomial(S.w, p);
        if (c2 > 0) {
          const rows = this.sampleSubset(S.w, c2);
          for (let i = 0; i < c2; i++) store.queue(rows[i], t);
        }
        continue;
      }
      const nonWin = this.nonWinners(S);
      const pop = S.w - S.winners.length;
      const c = pop > 0 ? rng.binomial(pop, p) : 0;
      if (c > 0) {
        const rows = this.sampleSubset(pop, c);
        const nOld = nonWin.length, base = S.w - (pop - nOld);
        for (let i = 0; i < c; i++) {
          const r = rows[i];
          store.queue(r < nOld ? nonWin[r] : base + (r - nOld), t);
        }
      }
    }
    T.w = t + 1;
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
  sampleSubset(n, m) {
    if (4 * m > n) return this.rng.sampleWithoutReplacement(n, m);
    if (this.subset.length < m) this.subset = new Int32Array(Math.max(2 * this.subset.length, m));
    if (this.stamp.length < n) this.stamp = new Uint32Array(Math.max(2 * this.stamp.length, n));
    if (++this.stampGen === 4294967295) {
      this.stamp.fill(0);
      this.stampGen = 1;
    }
    const out = this.subset, stamp = this.stamp, gen = this.stampGen, rng = this.rng;
    for (let i = 0; i < m; ) {
      const x = rng.uniformInt(n);
      if (stamp[x] !== gen) {
        stamp[x] = gen;
        out[i++] = x;
      }
    }
    return out;
  }
  /** Known neurons of S that are not current winners, as of the start of this round (cached per round). */
  nonWinnerCache = /* @__PURE__ */ new Map();
  nonWinners(S) {
    let nw = this.nonWinnerCache.get(S.winners);
    if (nw && nw.length + S.winners.length <= S.w) return nw;
    const isW = new Uint8Array(S.w);
    for (const i of S.winners) isW[i] = 1;
    const out = new Int32Array(S.w - S.winners.length);
    let j = 0;
    for (let i = 0; i < S.w; i++) if (!isW[i]) out[j++] = i;
    this.nonWinnerCache.set(S.winners, out);
    return out;
  }
  area(name, what = "area") {
    const i = typeof name === "string" ? this.areaIndex.get(name) : void 0;
    if (i === void 0) throw new AssemblyError(`unknown ${what} "${String(name)}" (known areas: ${this.areas.map((a) => a.name).join(", ") || "none"})`);
    return this.areas[i];
  }
  stim(name) {
    const i = typeof name === "string" ? this.stimIndex.get(name) : void 0;
    if (i === void 0) throw new AssemblyError(`unknown stimulus "${String(name)}" (known stimuli: ${this.stimuli.map((s2) => s2.name).join(", ") || "none"})`);
    return i;
  }
};

// big.ts
var rounds = +(process.env.R ?? 50);
var b = new Brain(1e-3, 0, { sampler: process.env.S ?? "exact" });
b.addStimulus("s", 1e4).addArea("A", 1e7, 1e4, 0.1);
var times = [];
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  if (i === 0) b.project({ s: ["A"] }, {});
  else b.project({ s: ["A"] }, { A: ["A"] });
  times.push(performance.now() - t0);
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e3;
  process.stderr.write(`round ${i + 1}: ${times[i].toFixed(0)} ms cpu ${cpu.toFixed(0)} ms new=${b.areaInfo("A").numNewWinners} w=${b.support("A")}
`);
}
var s = [...times].sort((a, b2) => a - b2);
console.log(`median ${s[s.length >> 1].toFixed(0)} max ${s[s.length - 1].toFixed(0)} mem ${JSON.stringify(b.memory())} rss ${(process.memoryUsage().rss / 1e6).toFixed(0)}MB`);
