import {
  backendInfo,
  csrToTensors,
  gatherRowsSum,
  gatherRowsSumTensor,
  profileRegion,
  randomCSR,
  sparseRowsScale,
  tf,
  toRng,
  topK,
  type CSR,
  type CSRTensors,
  type SeedOrRng,
} from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';
import { checkFinite, checkInt, checkProb } from './validators.js';
import { DEFAULT_MEMORY_BUDGET, formatBytes } from './memory-budget.js';
import { float16Table, toFloat16Bits } from './float16.js';
import { sparseHebbian } from './sparse-hebbian.js';

/** Options of {@link SparseArea}. */
export interface SparseAreaOptions {
  /** Neurons in the area. */
  n: number;
  /** Winners per round (the k-cap). */
  k: number;
  /** Probability of each synapse i → j of the area (self-synapses included) and of each stimulus neuron → j. */
  p: number;
  /** Plasticity: a synapse from a firing neuron into a winner is multiplied by 1 + β. Default 0.1. */
  beta?: number;
  /** Neurons of the stimulus that drives the area (default k). */
  stimulusSize?: number;
  /** Seed of the connectome. */
  seed?: SeedOrRng;
  /**
   * Where the connectome lives. 'host': typed arrays, updated by the typed-array sparse
   * kernels of @neurite/tensor (the very loops its cpu and wasm kernels run); 'device':
   * tensors on the active backend (`csrToTensors`), the input from the registered
   * `SparseGatherRowsSum` kernel, plasticity in place by the `SparseRowsScale` kernel (cpu, wasm,
   * webgpu; on webgl by tensor ops, which copy the weights); 'auto' (default): host on cpu
   * and wasm, device on webgl and webgpu.
   */
  storage?: 'auto' | 'host' | 'device';
  /** Weight storage: 'float32' (default) or 'float16' (binary16, 2 bytes a synapse; host storage only). */
  weights?: 'float32' | 'float16';
  /** Upper bound of a weight (default Infinity). */
  maxWeight?: number;
  /** Refuse an area whose connectome would need more bytes than this (default DEFAULT_MEMORY_BUDGET, 2 GiB). */
  memoryBudget?: number;
}

/** What to fire in a round of {@link SparseArea.project}. */
export interface SparseRoundOptions {
  /** The stimulus fires into the area (default true). */
  stimulus?: boolean;
  /** The area's previous winners fire into it (default true; nothing before the first round). */
  recurrent?: boolean;
}

interface DeviceStore {
  csr: CSRTensors;
  /** The stimulus weights as a CSR of one row (entry j = the weight onto neuron j), so that sparseRowsScale updates them too. */
  stim: CSRTensors;
  /** On backends without the in-place kernel (webgl): the presynaptic neuron of every synapse, int32 [nnz]. */
  pre: tf.Tensor1D | null;
}

/**
 * An explicit area of the assembly calculus (Papadimitriou et al., "Brain computation by
 * assemblies of neurons", PNAS 2020) with every one of its n neurons and n²p synapses
 * simulated, stored sparsely as a CSR (row = presynaptic neuron, never a dense n × n
 * matrix) and driven by one stimulus of `stimulusSize` neurons. A round
 * (`project`):
 *
 *   input_j = s_j + Σ_{i ∈ W} w_ij                 (s_j: stimulus synapses into j, Binomial(stimulusSize, p) of weight 1 at first;
 *                                                  W: the previous winners; the sum is gatherRowsSum of W's rows)
 *   W' = the k largest input_j, ties to the lower index (topK of @neurite/tensor)
 *   w_ij ← min(w_ij (1 + β), maxWeight)  for i ∈ W, j ∈ W';  s_j ← min(s_j (1 + β), maxWeight) for j ∈ W'
 *
 * The same seed gives the same connectome and the same winners on every backend and
 * storage: the input sums are float32 additions in the order of W (the registered kernels
 * keep that order), plasticity multiplies float32 weights by the float32 1 + β, and the
 * k-cap runs on the host. Memory: 4 bytes an index plus 4 (float32) or 2 (float16) a weight
 * per synapse, + 4 (n + 1) for the row offsets; the device storage also holds the row
 * offsets on the host.
 */
export class SparseArea {
  /** Neurons in the area. */
  readonly n: number;
  /** Winners per round (the k-cap). */
  readonly k: number;
  /** Synapse probability (within the area and from the stimulus). */
  readonly p: number;
  /** Plasticity β. */
  readonly beta: number;
  /** Neurons of the stimulus. */
  readonly stimulusSize: number;
  /** Where the connectome lives: typed arrays ('host') or tensors of the active backend ('device'). */
  readonly storage: 'host' | 'device';
  /** Weight storage type. */
  readonly weights: 'float32' | 'float16';
  /** Upper bound of a weight. */
  readonly maxWeight: number;
  /** Synapses stored (nnz of the connectome). */
  readonly synapses: number;
  /** Rounds run so far. */
  round = 0;
  private readonly indptr: Int32Array;
  private host: { indices: Int32Array; data: Float32Array | Uint16Array; stim: Float32Array; input: Float32Array } | null = null;
  private device: DeviceStore | null = null;
  private current: Int32Array = new Int32Array(0);
  private readonly everFired: Uint8Array;
  private readonly isWinner: Uint8Array;
  private supportCount = 0;
  private readonly factor: number;
  private disposed = false;

  constructor(opts: SparseAreaOptions) {
    const fn = 'SparseArea';
    if (opts == null || typeof opts !== 'object') throw new AssemblyError('opts', `${fn}: options { n, k, p } are required`);
    const { n, k, p } = opts;
    checkInt(fn, 'n', n, 1, 2 ** 31 - 2);
    checkInt(fn, 'k', k, 1, n);
    checkProb(fn, 'p', p);
    const beta = opts.beta ?? 0.1;
    checkFinite(fn, 'beta', beta);
    if (beta < 0) throw new AssemblyError('beta', `${fn}: beta must be >= 0, got ${beta}`, { code: 'ERR_OUT_OF_RANGE' });
    const stimulusSize = opts.stimulusSize ?? k;
    checkInt(fn, 'stimulusSize', stimulusSize, 0, 2 ** 31 - 1);
    const maxWeight = opts.maxWeight ?? Infinity;
    if (typeof maxWeight !== 'number' || !(maxWeight > 0)) {
      throw new AssemblyError('maxWeight', `${fn}: maxWeight must be a number > 0, got ${String(maxWeight)}`, { code: 'ERR_OUT_OF_RANGE' });
    }
    const weights = opts.weights ?? 'float32';
    if (weights !== 'float32' && weights !== 'float16') {
      throw new AssemblyError('weights', `${fn}: weights must be 'float32' or 'float16', got ${String(weights)}`);
    }
    const choice = opts.storage ?? 'auto';
    if (choice !== 'auto' && choice !== 'host' && choice !== 'device') {
      throw new AssemblyError('storage', `${fn}: storage must be 'auto', 'host' or 'device', got ${String(choice)}`);
    }
    let storage: 'host' | 'device';
    if (choice === 'auto') {
      const be = backendInfo().name;
      storage = be === 'cpu' || be === 'wasm' ? 'host' : 'device';
    } else storage = choice;
    if (storage === 'device' && weights === 'float16') {
      throw new AssemblyError('weights', `${fn}: float16 weights need host storage: tfjs tensors have no float16 dtype on any backend`, {
        code: 'ERR_UNSUPPORTED',
      });
    }
    const budget = opts.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
    const expected = n * n * p;
    const need = 4 * (n + 1) + (expected + 6 * Math.sqrt(expected)) * (4 + (weights === 'float16' ? 2 : 4)) + 14 * n;
    if (need > budget) {
      throw new AssemblyError(
        'n',
        `${fn}: an area of n = ${n}, p = ${p} (≈ ${expected.toExponential(2)} synapses) needs about ${formatBytes(need)}, over the memory budget of ${formatBytes(budget)} (memoryBudget)`,
        { code: 'ERR_MEMORY' },
      );
    }
    this.n = n;
    this.k = k;
    this.p = p;
    this.beta = beta;
    this.stimulusSize = stimulusSize;
    this.storage = storage;
    this.weights = weights;
    this.maxWeight = maxWeight;
    this.factor = Math.fround(1 + beta);
    this.everFired = new Uint8Array(n);
    this.isWinner = new Uint8Array(n);

    const rng = toRng(opts.seed ?? 0, 'seed');
    const csr: CSR = profileRegion('SparseArea.connectome', () => randomCSR(n, n, p, rng, { pattern: true }));
    const stim = new Float32Array(n);
    for (let j = 0; j < n; j++) stim[j] = rng.binomial(stimulusSize, p);
    this.indptr = csr.indptr;
    this.synapses = csr.indptr[n];
    if (storage === 'host') {
      const data = weights === 'float16' ? new Uint16Array(this.synapses).fill(toFloat16Bits(1)) : new Float32Array(this.synapses).fill(1);
      this.host = { indices: csr.indices, data, stim, input: new Float32Array(n) };
    } else {
      const inPlace = IN_PLACE_BACKENDS.has(tf.getBackend());
      const tensors = tf.tidy(() => ({
        csr: csrToTensors(csr),
        stim: {
          nRows: 1,
          nCols: n,
          indptr: tf.tensor1d([0, n], 'int32'),
          indices: tf.range(0, n, 1, 'int32') as tf.Tensor1D,
          data: tf.tensor1d(stim, 'float32'),
        },
      }));
      this.device = { ...tensors, pre: inPlace ? null : tf.tensor1d(rowOfEntries(csr.indptr), 'int32') };
    }
  }

  /** The current winners, ascending (a copy). */
  get winners(): Int32Array {
    return this.current.slice();
  }

  /** Neurons that have ever been a winner. */
  get support(): number {
    return this.supportCount;
  }

  /**
   * Bytes held: `hostBytes` in typed arrays (row offsets, and for host storage the indices,
   * weights, stimulus weights and input buffer; flags of 1 byte a neuron), `deviceBytes` in
   * tensors of the backend (device storage: row offsets, indices, float32 weights; the stimulus
   * weights with their column indices and two row offsets, a CSR of one row; on webgl also the
   * presynaptic neuron of every synapse, 4 bytes each).
   */
  memory(): { synapses: number; hostBytes: number; deviceBytes: number } {
    const n = this.n,
      nnz = this.synapses;
    const flags = 2 * n;
    if (this.storage === 'host') {
      return { synapses: nnz, hostBytes: 4 * (n + 1) + nnz * (4 + (this.weights === 'float16' ? 2 : 4)) + 8 * n + flags, deviceBytes: 0 };
    }
    return {
      synapses: nnz,
      hostBytes: 4 * (n + 1) + flags,
      deviceBytes: 4 * (n + 1) + 8 * nnz + 8 * n + 8 + (this.device?.pre != null ? 4 * nnz : 0),
    };
  }

  /**
   * A copy of the connectome as it is now: row offsets, column indices and weights (float32;
   * binary16 weights decoded) of the CSR (row = presynaptic neuron), and the stimulus weights
   * onto each neuron. Device storage is read with `await data()`. For inspection and tests
   * (the whole connectome: 8 bytes a synapse).
   * @throws AssemblyError (ERR_STATE) after dispose().
   */
  async connectome(): Promise<{ indptr: Int32Array; indices: Int32Array; weights: Float32Array; stimulus: Float32Array }> {
    if (this.disposed) throw new AssemblyError('this', 'SparseArea.connectome: the area was disposed', { code: 'ERR_STATE' });
    if (this.host !== null) {
      const h = this.host;
      let weights: Float32Array;
      if (h.data instanceof Uint16Array) {
        const table = float16Table();
        weights = new Float32Array(h.data.length);
        for (let e = 0; e < h.data.length; e++) weights[e] = table[h.data[e]];
      } else weights = h.data.slice();
      return { indptr: this.indptr.slice(), indices: h.indices.slice(), weights, stimulus: h.stim.slice() };
    }
    const d = this.device!;
    const [indices, weights, stimulus] = await Promise.all([d.csr.indices.data(), d.csr.data.data(), d.stim.data.data()]);
    return {
      indptr: this.indptr.slice(),
      indices: Int32Array.from(indices),
      weights: Float32Array.from(weights),
      stimulus: Float32Array.from(stimulus),
    };
  }

  /**
   * One round: the input of every neuron from the stimulus and the previous winners, the
   * k-cap, and Hebbian plasticity on the synapses from the firing neurons into the new
   * winners. Resolves to the new winners, ascending. Reads the input of the device
   * storage with `await data()` (never synchronously).
   * @throws AssemblyError (ERR_STATE) after dispose().
   */
  async project(opts: SparseRoundOptions = {}): Promise<Int32Array> {
    if (this.disposed) throw new AssemblyError('this', 'SparseArea.project: the area was disposed', { code: 'ERR_STATE' });
    const stimulus = opts.stimulus ?? true;
    const recurrent = (opts.recurrent ?? true) && this.current.length > 0;
    const prev = this.current;
    const input = await profileRegion('SparseArea.input', () => this.inputs(stimulus, recurrent ? prev : null));
    const next = profileRegion('SparseArea.kCap', () => {
      const w = topK(input, this.k).indices;
      w.sort();
      return w;
    });
    profileRegion('SparseArea.plasticity', () => this.plasticity(stimulus, recurrent ? prev : null, next));
    for (const j of next) {
      if (this.everFired[j] === 0) {
        this.everFired[j] = 1;
        this.supportCount++;
      }
    }
    this.current = next;
    this.round++;
    return next.slice();
  }

  /** input_j = s_j (if the stimulus fires) + Σ_{i ∈ rows} w_ij, in float32. */
  private async inputs(stimulus: boolean, rows: Int32Array | null): Promise<Float32Array> {
    if (this.host !== null) {
      const h = this.host;
      const y = h.input;
      if (rows === null) y.fill(0);
      else if (this.weights === 'float32') {
        gatherRowsSum({ nRows: this.n, nCols: this.n, indptr: this.indptr, indices: h.indices, data: h.data as Float32Array }, rows, y);
      } else gatherRowsSumF16(this.indptr, h.indices, h.data as Uint16Array, rows, y);
      if (stimulus) for (let j = 0; j < this.n; j++) y[j] += h.stim[j];
      return y;
    }
    const d = this.device!;
    const t = tf.tidy(() => {
      const fromRows = rows === null ? tf.zeros([this.n], 'float32') : gatherRowsSumTensor(d.csr, rows);
      return stimulus ? tf.add(fromRows, d.stim.data) : fromRows;
    });
    try {
      return (await t.data()) as Float32Array;
    } finally {
      t.dispose();
    }
  }

  private plasticity(stimulus: boolean, rows: Int32Array | null, winners: Int32Array): void {
    if (this.beta === 0) return;
    const f = this.factor,
      cap = this.maxWeight;
    if (this.host !== null) {
      const h = this.host;
      if (stimulus) {
        for (const j of winners) {
          const v = Math.fround(h.stim[j] * f);
          h.stim[j] = v > cap ? cap : v;
        }
      }
      if (rows === null) return;
      for (const j of winners) this.isWinner[j] = 1;
      const f16 = this.weights === 'float16' ? { encode: toFloat16Bits, table: float16Table() } : undefined;
      sparseHebbian(this.indptr, h.indices, h.data, rows, this.isWinner, f, cap, f16);
      for (const j of winners) this.isWinner[j] = 0;
      return;
    }
    const d = this.device!;
    if (IN_PLACE_BACKENDS.has(tf.getBackend())) {
      // the kernel scales only the firing rows' entries into the winners, in the weights' own buffer
      if (rows !== null) sparseRowsScale(d.csr, rows, winners, f, { maxWeight: cap });
      if (stimulus) sparseRowsScale(d.stim, [0], winners, f, { maxWeight: cap });
      return;
    }
    // backends without the in-place kernel (webgl): every weight times 1 or 1 + β in one elementwise pass into a new
    // tensor, O(nnz) like the copy a scatter would make anyway, with shapes that do not change from round to round
    // (webgl compiles a shader per shape): factor_e = table[fires[pre_e] · wins[post_e]], table = [1, 1 + β]
    const next = tf.tidy(() => {
      const table = tf.tensor1d([1, f], 'float32');
      const flags = (ids: Int32Array) => tf.scatterND(tf.tensor2d(ids, [ids.length, 1], 'int32'), tf.ones([ids.length], 'int32'), [this.n]);
      const wins = flags(winners);
      const capped = (x: tf.Tensor) => (Number.isFinite(cap) ? tf.minimum(x, cap) : x);
      const stim = stimulus ? capped(tf.mul(d.stim.data, tf.gather(table, wins))) : d.stim.data;
      let values: tf.Tensor = d.csr.data;
      if (rows !== null && rows.length > 0) {
        const sel = tf.mul(tf.gather(flags(rows), d.pre!), tf.gather(wins, d.csr.indices));
        values = capped(tf.mul(values, tf.gather(table, sel)));
      }
      return { stim, values };
    });
    if (next.stim !== d.stim.data) d.stim.data.dispose();
    if (next.values !== d.csr.data) d.csr.data.dispose();
    this.device = { ...d, csr: { ...d.csr, data: next.values as tf.Tensor1D }, stim: { ...d.stim, data: next.stim as tf.Tensor1D } };
  }

  /** Free the device tensors (nothing to do for host storage). The area cannot run afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.device !== null) tf.dispose([this.device.csr, this.device.stim, this.device.pre ?? []]);
    this.device = null;
    this.host = null;
  }
}

/** Backends with the in-place `SparseRowsScale` kernel of @neurite/tensor. */
const IN_PLACE_BACKENDS = new Set(['cpu', 'wasm', 'webgpu']);

/** The row of every entry of a CSR (its presynaptic neuron), from the row offsets. */
function rowOfEntries(indptr: Int32Array): Int32Array {
  const nRows = indptr.length - 1;
  const out = new Int32Array(indptr[nRows]);
  for (let r = 0; r < nRows; r++) out.fill(r, indptr[r], indptr[r + 1]);
  return out;
}

/** gatherRowsSum for binary16 weights: y_j = Σ_{r ∈ rows} w_rj, float32 additions in the order of rows. */
function gatherRowsSumF16(indptr: Int32Array, indices: Int32Array, data: Uint16Array, rows: Int32Array, y: Float32Array): void {
  const table = float16Table();
  y.fill(0);
  for (const r of rows) for (let e = indptr[r], end = indptr[r + 1]; e < end; e++) y[indices[e]] += table[data[e]];
}
