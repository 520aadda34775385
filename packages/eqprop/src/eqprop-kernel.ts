import { tf, toRng, type Rng, type SeedOrRng } from '@neurite/tensor';
import { createNetwork, stateLayers } from './energy-network.js';
import type { Activation, Cost, Dynamics, EnergyNetwork, Estimator } from './energy-network.js';
import { checkFinite, checkInt, checkPositive, EqPropError } from './eqprop-error.js';
import { createScratch, relaxPhase, softmaxReadout } from './relax-phase.js';
import type { PhaseScratch, PhaseSettings } from './relax-phase.js';
import { addColumnSums } from './hebbian-accumulate.js';
import { allFinite, createDenseArena, subtract } from './dense-arena.js';
import type { DenseArena } from './dense-arena.js';
import { gemm } from './gemm.js';
import { powerIteration } from './power-iteration.js';
import { roundArrayToF16 } from './round-f16.js';
import { holomorphicGradient } from './holomorphic-gradient.js';
import { convDrive, convGeometry, convGradient, pooledPatches, transposePatches } from './conv-coupling.js';
import type { ConvGeometry, ConvSpec } from './conv-coupling.js';
import { captureTrainingState, restoreTrainingState } from './optimizer-state.js';
import type { EqPropTrainingState } from './optimizer-state.js';

/** Options of {@link EqPropKernel}; every field but the sizes has a default. */
export interface EqPropOptions {
  /** Input size n_0 (e.g. 784 for MNIST). */
  inputDim: number;
  /** Sizes of the hidden layers, any number of them (default [256]). */
  hiddenDims?: number[];
  /** Output size n_L (the number of classes). */
  outputDim: number;
  /** Damping γ ∈ (0, 1] of the 'laborieux' and 'async' dynamics (default 0.5). */
  gamma?: number;
  /** Nudging strength β ≠ 0 (default 0.22). */
  beta?: number;
  /** Most steps of the free phase (default 30). */
  maxSteps?: number;
  /** Most steps of each nudged phase (default: maxSteps). */
  nudgedSteps?: number;
  /** Convergence threshold on the residual; 0 runs every step (default 1e-3). */
  epsilon?: number;
  /** Relax the threshold ×2 after step 5 (default true). */
  adaptiveEpsilon?: boolean;
  /** Learning rate, one for all or one per weight matrix (default 1e-3). */
  lr?: number | number[];
  /**
   * Keep ‖W_l‖₂ ≤ γ/2 for every coupling inside the energy after each update
   * (power iteration with persistent vectors), which makes the damped iteration a
   * contraction: its Lipschitz constant is at most 1 − γ + γ·2·max‖W_l‖₂ ≤ 1 − γ(1 − γ)
   * (ρ is 1-Lipschitz, and the block-tridiagonal coupling has norm ≤ 2 max‖W_l‖₂).
   * A number sets the bound instead of γ/2; false turns it off (default true).
   */
  spectralNorm?: boolean | number;
  /** Storage of weights and states: 'float16' rounds them to binary16 after every update/step (default 'float32'). */
  dtype?: 'float32' | 'float16';
  /** Relaxation dynamics (default 'laborieux'; see relaxPhase for each update). */
  dynamics?: Dynamics;
  /** Neuron nonlinearity ρ (default 'hard-sigmoid'). */
  activation?: Activation;
  /** Cost nudging the output (default 'mse'; 'cross-entropy' puts a softmax readout on the last coupling). */
  cost?: Cost;
  /** Gradient estimator (default 'one-sided'). */
  estimator?: Estimator;
  /** Points on the circle |β| for the holomorphic estimator (default 4). */
  holomorphicPoints?: number;
  /** Euler step ε of the 'scellier' dynamics (default 0.5). */
  stepSize?: number;
  /** Persistent particles: start each example's free phase from its last free fixed point (needs `ids`). */
  persistent?: boolean;
  /**
   * How the estimate moves the weights: 'sgd' (default), W_l ← W_l + (α_l/B)·ΔW_l, or 'adam'
   * (Kingma & Ba 2015, β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on the batch-mean gradient estimate
   * g_l = −ΔW_l/B, with step size α_l (Laborieux et al. 2021 train their EP networks with Adam).
   */
  optimizer?: 'sgd' | 'adam';
  /**
   * A convolutional first layer (see ConvSpec: conv + average pooling, the input coupling of a
   * P_CNN-style energy): the layers are then inputDim → C·P² feature-map units → hiddenDims → outputDim.
   */
  conv?: ConvSpec | null;
  /** Seed of the initial weights and the random signs (default 0). */
  seed?: SeedOrRng;
}

/** Result of one training step. */
export interface TrainStepResult {
  /** Mean cost at the free fixed point (before the update). */
  loss: number;
  /** Fraction of the batch whose largest output is the label (free phase). */
  accuracy: number;
  /** Steps the free phase ran. */
  freeSteps: number;
  /** Steps of the nudged phase(s) together. */
  nudgedSteps: number;
  /** Residual of the free phase's last step. */
  residual: number;
}

/** An EP gradient estimate (see EqPropKernel.gradient). */
export interface EqPropGradient extends TrainStepResult {
  /** Σ_b estimate of −∂C/∂W_l per weight matrix, [n_l, n_{l+1}]. */
  weights: Float32Array[];
  /** Σ_b estimate of −∂C/∂b_l, [n_{l+1}]. */
  biases: Float32Array[];
  /** The free fixed point [B, n_l] of every state layer. */
  free: Float32Array[];
}

/** What `save()` returns and `EqPropKernel.load` takes: plain JSON. */
export interface EqPropSnapshot {
  /** Always 'neurite-eqprop'. */
  format: 'neurite-eqprop';
  /** Snapshot format version: 2 (adds `training`); version 1 files (weights only) still load. */
  version: 1 | 2;
  /** The kernel's settings (learning rates per coupling). */
  options: Required<Omit<EqPropOptions, 'seed' | 'lr'>> & { lr: number[] };
  /** W_l row-major [n_l, n_{l+1}] (float32 values). */
  weights: number[][];
  /** b_l [n_{l+1}]. */
  biases: number[][];
  /** Training steps done. */
  steps: number;
  /** Power-iteration vectors of the spectral bound (absent: re-estimated with 20 iterations on load). */
  spectralU?: number[][];
  /** Optimiser state, schedule position, random-sign stream and persistent particles (version 2; see optimizer-state.ts). */
  training?: EqPropTrainingState;
}

type Settings = Required<Omit<EqPropOptions, 'seed' | 'lr'>> & { lr: number[] };

/** A batch given as tensors, nested arrays or a flat Float32Array. */
export type InputLike = tf.Tensor | Float32Array | number[][];
/** Labels: class indices (1-D) or one-hot rows (2-D tensor or nested arrays). */
export type LabelLike = tf.Tensor | ArrayLike<number> | number[][];

const FN = 'EqPropKernel';

/**
 * Equilibrium propagation (Scellier & Bengio 2017) for a layered energy network
 * (see {@link EnergyNetwork}). A training step runs a free phase to s⁰, one or
 * two nudged phases from there, and the local update
 *
 *   ΔW_l = (α_l / B) · (1/β) · (s_l^β ᵀ s_{l+1}^β − s_l^0 ᵀ s_{l+1}^0),   Δb_l = (α_l / B)(1/β) Σ_b (s_{l+1}^β − s_{l+1}^0)
 *
 * (one-sided; 'random-sign' draws the sign of β per step; 'symmetric' uses
 * (1/2β)(Φ_W(s^β) − Φ_W(s^−β)) whose bias is O(β²) (Laborieux et al. 2021);
 * 'holomorphic' averages N complex nudges β e^{2πik/N} (Laborieux & Zenke 2022)).
 * The weights, states and scratch live in one WebAssembly memory and each phase
 * runs as WebAssembly SIMD loops over them (see gemm and pointwiseUpdate), so
 * nothing grows with the number of steps and the result does not depend on the
 * tfjs backend; tensors are accepted and returned at the edges.
 *
 * @example
 * ```ts
 * import { EqPropKernel, scellierPreset } from '@neurite/eqprop';
 *
 * const sizes = { inputDim: 4, hiddenDims: [8], outputDim: 2 };
 * const kernel = new EqPropKernel({ ...scellierPreset(sizes), persistent: false, seed: 1 });
 * const x = Float32Array.of(1, 0, 1, 0, 0, 1, 0, 1); // two examples
 * for (let t = 0; t < 100; t++) kernel.trainBatch(x, [0, 1]);
 * console.log(kernel.predictArray(x)); // Float32Array [1, 0, 0, 1]: the output states [B, 2]
 * ```
 */
export class EqPropKernel {
  /** The options with every default filled in. */
  readonly settings: Settings;
  /** Layer sizes n_0 (input) … n_L (output), with the conv feature-map layer when there is one. */
  readonly sizes: number[];
  /** The weights and biases (views into the kernel's WebAssembly memory; replaced by larger ones when a larger batch arrives). */
  readonly net: EnergyNetwork;
  /** The convolutional first coupling, when there is one (weights[0] then holds K [C, inChannels·k²]). */
  readonly conv: ConvGeometry | null;
  /** Training steps done. */
  steps = 0;
  /**
   * Factor on every learning rate α_l (default 1): a schedule sets it between steps
   * (e.g. `trainEpochs`' cosine annealing).
   */
  lrScale = 1;
  private readonly rng: Rng;
  private readonly spectralU: Float64Array[];
  private readonly particles = new Map<number, Float32Array[]>();
  /** The WebAssembly memory holding the weights, gradients and a batch's states (see DenseArena). */
  private arena: DenseArena | null = null;
  /** Largest batch the arena holds, and where its per-call buffers start. */
  private capacity = 0;
  private transientMark = 0;

  constructor(options: EqPropOptions) {
    this.settings = normalizeOptions(options);
    const s = this.settings;
    this.conv = s.conv ? convGeometry(s.conv, s.inputDim) : null;
    this.sizes = [s.inputDim, ...(this.conv ? [this.conv.units] : []), ...s.hiddenDims, s.outputDim];
    if (s.lr.length !== this.sizes.length - 1) {
      throw new EqPropError('lr', `${FN}: lr must be a number or ${this.sizes.length - 1} numbers (one per coupling)`);
    }
    this.rng = toRng(options.seed ?? 0);
    this.net = createNetwork(
      this.sizes,
      this.rng,
      this.conv ? { channels: this.conv.channels, patch: this.conv.patch, kernelArea: this.conv.kernel ** 2 } : undefined,
    );
    this.spectralU = this.net.weights.map((_, l) => new Float64Array(this.sizes[l]));
    this.reserve(1);
    if (s.dtype === 'float16') for (const w of this.net.weights) roundArrayToF16(w);
    this.applySpectralNorm(20);
  }

  /** Number of state layers (L with MSE, L − 1 with a cross-entropy readout). */
  get stateLayers(): number {
    return stateLayers(this.sizes, this.settings.cost);
  }

  /**
   * Bytes of the kernel's memory: the weights, biases, gradients and the states and
   * scratch of the largest batch so far (independent of the step count).
   */
  get memoryBytes(): number {
    return this.arena?.bytes ?? 0;
  }

  /** One EP training step on a batch (tensors or arrays); see {@link EqPropKernel.trainBatch}. */
  async trainStep(x: InputLike, y: LabelLike, options: { ids?: ArrayLike<number> } = {}): Promise<TrainStepResult> {
    const xs = await readInput(x, this.sizes[0], 'x');
    const labels = await readLabels(y, xs.batch, this.sizes[this.sizes.length - 1]);
    return this.trainBatch(xs.data, labels, options);
  }

  /**
   * The EP gradient estimate of a batch held in a Float32Array [B, inputDim]
   * (row-major) with integer labels [B], without changing the weights: free
   * phase, nudged phase(s), and Σ_b of the estimator's Hebbian difference, which
   * estimates −B·∂L/∂θ for the batch-mean cost L. The returned arrays are the
   * kernel's own buffers, overwritten by the next call.
   */
  gradient(x: Float32Array, labels: ArrayLike<number>, options: { ids?: ArrayLike<number> } = {}): EqPropGradient {
    const { gradW, gradB } = this.gradients();
    const r = this.estimate(
      x,
      labels,
      options,
      gradW,
      gradB,
      this.net.weights.map(() => 1),
    );
    return { ...r, weights: gradW, biases: gradB };
  }

  /**
   * Free phase, nudged phase(s), and the estimator's Hebbian difference added to
   * (W, b): W_l += scale_l · ΔW_l, where ΔW_l = Σ_b of the estimate of −∂C/∂W_l.
   */
  private estimate(
    xIn: Float32Array,
    labels: ArrayLike<number>,
    options: { ids?: ArrayLike<number>; sign?: number; start?: Float32Array[] },
    outW: Float32Array[],
    outB: Float32Array[],
    scale: number[],
  ): TrainStepResult & { free: Float32Array[] } {
    const s = this.settings;
    const B = checkBatch(xIn, labels, this.sizes, false);
    const { sizes, net } = this;
    const L = sizes.length - 1;
    const S = this.stateLayers;
    const scratch = this.scratchFor(B);
    const arena = this.arena!;
    const x = arena.alloc(xIn.length, false);
    x.set(xIn);
    checkValues(x, sizes[0]);
    const target = arena.alloc(B * sizes[L]);
    for (let b = 0; b < B; b++) target[b * sizes[L] + labels[b]] = 1;
    const { drive, patches } = this.inputDrive(x, B);
    // Free phase.
    const free = sizes.slice(1, S + 1).map((n) => arena.alloc(B * n));
    const ids = s.persistent ? options.ids : undefined;
    if (options.start) free.forEach((f, l) => f.set(options.start![l]));
    else if (ids !== undefined) {
      if (ids.length !== B)
        throw new EqPropError('ids', `${FN}.trainBatch: ids has ${ids.length} entries for a batch of ${B}`, { code: 'ERR_SHAPE' });
      for (let b = 0; b < B; b++) {
        const p = this.particles.get(ids[b]);
        if (p) for (let l = 0; l < S; l++) free[l].set(p[l], b * sizes[l + 1]);
      }
    }
    const phase = this.phaseSettings(s.maxSteps);
    const fr = relaxPhase(net, free, drive, null, 0, phase, scratch);
    if (ids !== undefined) {
      for (let b = 0; b < B; b++) {
        this.particles.set(
          ids[b],
          free.map((st, l) => st.slice(b * sizes[l + 1], (b + 1) * sizes[l + 1])),
        );
      }
    }
    const scored = this.scoreFree(free, target, labels, B, scratch);
    const { loss, accuracy } = scored;
    // a copy: the nudged phases reuse the scratch readout
    const readout = arena.alloc(scored.readout.length);
    readout.set(scored.readout);
    // Nudged phase(s) and the gradient estimate (ascent direction of −C).
    const nudged = this.settings.nudgedSteps;
    let nudgedSteps = 0;
    const nphase = this.phaseSettings(nudged);
    const nudgedStates = free.map((f) => arena.alloc(f.length));
    const runNudged = (beta: number, st: Float32Array[]): Float32Array[] => {
      st.forEach((a, l) => a.set(free[l]));
      nudgedSteps += relaxPhase(net, st, drive, target, beta, nphase, scratch).steps;
      return st;
    };
    if (s.estimator === 'holomorphic') {
      // (a gradient of its own: scaled into outW below when outW is not the gradient buffer)
      const { gradW, gradB } = this.gradients();
      nudgedSteps += holomorphicGradient(net, x, free, drive, target, s, B, gradW, gradB);
      if (gradW !== outW) addScaled(outW, outB, gradW, gradB, scale);
      else scaleInPlace(gradW, gradB, scale); // Adam: outW is the gradient buffer itself (scale 1/B)
    } else if (s.estimator === 'symmetric') {
      const sp = runNudged(s.beta, nudgedStates);
      const sm = runNudged(
        -s.beta,
        free.map((f) => arena.alloc(f.length)),
      );
      this.accumulateDifference(outW, outB, x, patches, sp, sm, 1 / (2 * s.beta), B, scale);
    } else {
      const beta = s.estimator === 'random-sign' && (options.sign ?? this.drawSign()) < 0 ? -s.beta : s.beta;
      const sb = runNudged(beta, nudgedStates);
      this.accumulateDifference(outW, outB, x, patches, sb, free, 1 / beta, B, scale);
    }
    if (s.cost === 'cross-entropy') {
      // Readout outside the energy: its exact gradient at the free fixed point, (y − ŷ) s_{L−1}ᵀ.
      for (let k = 0; k < readout.length; k++) readout[k] = target[k] - readout[k];
      gemm(outW[L - 1], free[S - 1], readout, sizes[L - 1], B, sizes[L], 1, sizes[L - 1], sizes[L], sizes[L], scale[L - 1]);
      addColumnSums(outB[L - 1], readout, scale[L - 1], B, sizes[L]);
    }
    return { free, loss, accuracy, freeSteps: fr.steps, nudgedSteps, residual: fr.residual };
  }

  /**
   * One EP training step on a batch held in a Float32Array [B, inputDim]
   * (row-major) with integer labels [B]: the estimate of {@link gradient} added
   * straight into the weights, W_l ← W_l + (α_l/B)·ΔW_l (then float16 rounding and
   * the spectral bound when set). Throws EqPropError for bad input or a diverging
   * relaxation, leaving the weights unchanged (the update follows the phases).
   */
  trainBatch(x: Float32Array, labels: ArrayLike<number>, options: { ids?: ArrayLike<number> } = {}): TrainStepResult {
    const s = this.settings;
    const { net } = this;
    const B = x.length / this.sizes[0];
    const grads = s.optimizer === 'adam' ? this.gradients() : null;
    const { loss, accuracy, freeSteps, nudgedSteps, residual } = this.estimate(
      x,
      labels,
      options,
      grads ? grads.gradW : net.weights,
      grads ? grads.gradB : net.biases,
      this.updateScale(B, this.lrScale),
    );
    if (grads) this.adamStep(grads.gradW, grads.gradB);
    this.finishUpdate();
    return { loss, accuracy, freeSteps, nudgedSteps, residual };
  }

  /** The factor per layer on the estimate of a batch of B rows: α_l·lrScale/B (SGD) or 1/B (Adam, whose step scales it). */
  private updateScale(B: number, lrScale: number): number[] {
    const adam = this.settings.optimizer === 'adam';
    return this.settings.lr.map((a) => (adam ? 1 / B : (a * lrScale) / B));
  }

  /** After an update: float16 rounding, the spectral bound, one more step. */
  private finishUpdate(): void {
    const { net } = this;
    if (this.settings.dtype === 'float16') {
      for (const w of net.weights) roundArrayToF16(w);
      for (const b of net.biases) roundArrayToF16(b);
    }
    this.applySpectralNorm(1);
    this.steps++;
  }

  /** The sign of β for the next step: −1 with probability ½ ('random-sign', one draw of the kernel's stream), else +1. @internal */
  drawSign(): number {
    return this.settings.estimator === 'random-sign' && this.rng.uniform() < 0.5 ? -1 : 1;
  }

  /**
   * Data-parallel training (createParallelTrainer): the update of {@link trainBatch} for some rows of a batch of
   * `batchSize` rows, not applied: the estimate scaled by α_l·lrScale/batchSize (SGD) or 1/batchSize (Adam), with
   * β's sign given and the free phase started from `start` (states [rows, n_l] per state layer) when given. The
   * returned arrays are the kernel's own buffers, overwritten by the next call. @internal
   */
  blockUpdate(
    x: Float32Array,
    labels: ArrayLike<number>,
    o: { batchSize: number; sign: number; lrScale: number; start?: Float32Array[] },
  ): EqPropGradient {
    const { gradW, gradB } = this.gradients();
    const r = this.estimate(x, labels, { sign: o.sign, start: o.start }, gradW, gradB, this.updateScale(o.batchSize, o.lrScale));
    return { ...r, weights: gradW, biases: gradB };
  }

  /**
   * Apply a sum of {@link blockUpdate} results as {@link trainBatch} applies its own: W_l += dW_l (SGD) or an Adam step
   * on it, then float16 rounding, the spectral bound and steps + 1. @internal
   */
  applyUpdate(dW: Float32Array[], dB: Float32Array[]): void {
    if (this.settings.optimizer === 'adam') this.adamStep(dW, dB);
    else {
      const params = [...this.net.weights, ...this.net.biases];
      const dirs = [...dW, ...dB];
      for (let i = 0; i < params.length; i++) addInto(params[i], dirs[i]);
    }
    this.finishUpdate();
  }

  /** Outputs for a batch: s_L (MSE) or the softmax readout (cross-entropy), [B, outputDim]. */
  async predict(x: InputLike): Promise<tf.Tensor2D> {
    const xs = await readInput(x, this.sizes[0], 'x');
    const out = this.predictArray(xs.data);
    return tf.tensor2d(out, [xs.batch, this.sizes[this.sizes.length - 1]]);
  }

  /** {@link predict} on a Float32Array [B, inputDim]; returns [B, outputDim] row-major. */
  predictArray(x: Float32Array): Float32Array {
    const B = checkBatch(x, null, this.sizes, false);
    const { sizes, net } = this;
    const S = this.stateLayers;
    const scratch = this.scratchFor(B);
    const xa = this.arena!.alloc(x.length, false);
    xa.set(x);
    checkValues(xa, this.sizes[0]);
    const { drive } = this.inputDrive(xa, B);
    const free = sizes.slice(1, S + 1).map((n) => this.arena!.alloc(B * n));
    relaxPhase(net, free, drive, null, 0, this.phaseSettings(this.settings.maxSteps), scratch);
    return this.output(free, B, scratch).slice();
  }

  /** Mean loss and accuracy of the free fixed points of a batch. */
  async evaluate(x: InputLike, y: LabelLike): Promise<{ loss: number; accuracy: number }> {
    const xs = await readInput(x, this.sizes[0], 'x');
    const labels = await readLabels(y, xs.batch, this.sizes[this.sizes.length - 1]);
    return this.evaluateArray(xs.data, labels);
  }

  /** {@link evaluate} on arrays, in chunks of `batch` examples. */
  evaluateArray(x: Float32Array, labels: ArrayLike<number>, batch = 256): { loss: number; accuracy: number } {
    const n0 = this.sizes[0];
    const n = checkBatch(x, labels, this.sizes);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < n; start += batch) {
      const B = Math.min(batch, n - start);
      const xb = x.subarray(start * n0, (start + B) * n0);
      const lb = Array.from({ length: B }, (_, i) => labels[start + i]);
      const { sizes, net } = this;
      const S = this.stateLayers;
      const scratch = this.scratchFor(B);
      const xa = this.arena!.alloc(xb.length, false);
      xa.set(xb);
      const { drive } = this.inputDrive(xa, B);
      const free = sizes.slice(1, S + 1).map((m) => this.arena!.alloc(B * m));
      relaxPhase(net, free, drive, null, 0, this.phaseSettings(this.settings.maxSteps), scratch);
      const r = this.scoreFree(free, oneHot(lb, B, sizes[sizes.length - 1]), lb, B, scratch);
      loss += r.loss * B;
      correct += r.accuracy * B;
    }
    return { loss: loss / n, accuracy: correct / n };
  }

  /**
   * The trained network and settings as plain JSON (float32 values are exact through JSON).
   * Version 2 also keeps the training state (Adam moments and step count, lrScale, the schedule's epoch, the
   * random-sign stream, persistent particles): train → save → load → train equals uninterrupted training.
   */
  save(): EqPropSnapshot {
    return {
      format: 'neurite-eqprop',
      version: 2,
      options: { ...this.settings, hiddenDims: this.settings.hiddenDims.slice(), lr: this.settings.lr.slice() },
      weights: this.net.weights.map((w) => Array.from(w)),
      biases: this.net.biases.map((b) => Array.from(b)),
      steps: this.steps,
      spectralU: this.spectralU.map((u) => Array.from(u)),
      training: captureTrainingState(this),
    };
  }

  /** A kernel from {@link save}'s snapshot (validated). */
  static load(snapshot: EqPropSnapshot): EqPropKernel {
    if (typeof snapshot !== 'object' || snapshot === null || snapshot.format !== 'neurite-eqprop' || ![1, 2].includes(snapshot.version)) {
      throw new EqPropError('snapshot', `${FN}.load: not a neurite-eqprop version 1 or 2 snapshot`, { code: 'ERR_FORMAT' });
    }
    const k = new EqPropKernel({ ...snapshot.options, spectralNorm: false });
    (k.settings as { spectralNorm: boolean | number }).spectralNorm = snapshot.options.spectralNorm;
    const L = k.sizes.length - 1;
    if (
      !Array.isArray(snapshot.weights) ||
      snapshot.weights.length !== L ||
      !Array.isArray(snapshot.biases) ||
      snapshot.biases.length !== L
    ) {
      throw new EqPropError('snapshot', `${FN}.load: expected ${L} weight matrices and bias vectors`, { code: 'ERR_FORMAT' });
    }
    for (let l = 0; l < L; l++) {
      const w = snapshot.weights[l];
      const b = snapshot.biases[l];
      if (w.length !== k.net.weights[l].length || b.length !== k.net.biases[l].length) {
        throw new EqPropError(`weights[${l}]`, `${FN}.load: W_${l} or b_${l} has the wrong size`, { code: 'ERR_FORMAT' });
      }
      k.net.weights[l].set(w);
      k.net.biases[l].set(b);
    }
    k.steps = snapshot.steps;
    const su = snapshot.spectralU;
    if (Array.isArray(su) && su.length === L && su.every((u, l) => Array.isArray(u) && u.length === k.sizes[l]))
      su.forEach((u, l) => k.spectralU[l].set(u));
    else k.applySpectralNorm(20, false);
    if (snapshot.version === 2) restoreTrainingState(k, snapshot.training);
    return k;
  }

  /** u_1's input part x W_0 + b_0 (or the convolution + pooling), and the conv patches when used. */
  private inputDrive(x: Float32Array, B: number): { drive: Float32Array; patches: Float32Array | null } {
    const drive = this.arena!.alloc(B * this.sizes[1]);
    if (this.conv) {
      const g = this.conv;
      const patches = pooledPatches(x, B, g, this.arena!.alloc(B * g.pooled * g.pooled * g.patch));
      const patchesT = transposePatches(patches, B, g, this.arena!.alloc(patches.length));
      convDrive(drive, patches, this.net.weights[0], this.net.biases[0], B, g, patchesT);
      return { drive, patches };
    }
    computeInputDrive(drive, x, this.net, B);
    return { drive, patches: null };
  }

  private phaseSettings(maxSteps: number): PhaseSettings {
    const s = this.settings;
    return {
      dynamics: s.dynamics,
      activation: s.activation,
      cost: s.cost,
      gamma: s.gamma,
      stepSize: s.stepSize,
      maxSteps,
      epsilon: s.epsilon,
      adaptiveEpsilon: s.adaptiveEpsilon,
      f16: s.dtype === 'float16',
    };
  }

  private grads: { gradW: Float32Array[]; gradB: Float32Array[] } | null = null;

  /** Zeroed gradient buffers (in the arena). */
  private gradients(): { gradW: Float32Array[]; gradB: Float32Array[] } {
    const g = this.grads!;
    for (const a of g.gradW) a.fill(0);
    for (const a of g.gradB) a.fill(0);
    return g;
  }

  /**
   * Make the arena hold batches of B examples: a new, larger memory when needed, into
   * which the weights and biases move (net.weights[l] and net.biases[l] become views of it).
   */
  private reserve(B: number): void {
    if (this.arena !== null && B <= this.capacity) return;
    const cap = Math.max(B, 2 * this.capacity, 1);
    const { sizes, net } = this;
    const params = net.weights.reduce((t, w) => t + w.length, 0) + net.biases.reduce((t, b) => t + b.length, 0);
    const units = sizes.slice(1).reduce((t, n) => t + n, 0);
    const wt = sizes.slice(1, -1).reduce((t, m, i) => t + m * sizes[i + 2], 0);
    // weights + gradients; per call: x, target, drive, readout ×2, u, 3 state sets, scratch, wᵀ and packed W, a row of ones
    const patches = this.conv ? 2 * this.conv.pooled ** 2 * this.conv.patch : 0;
    const floats = 2 * params + cap * (sizes[0] + 4 * sizes[sizes.length - 1] + sizes[1] + 5 * units + patches) + 2 * wt + cap * 3;
    const allocs = 8 * sizes.length + 32;
    const arena = createDenseArena(4 * floats + 32 * allocs, Math.max(cap, ...sizes));
    net.weights.forEach((w, l) => {
      net.weights[l] = arena.alloc(w.length);
      net.weights[l].set(w);
    });
    net.biases.forEach((b, l) => {
      net.biases[l] = arena.alloc(b.length);
      net.biases[l].set(b);
    });
    this.grads = { gradW: net.weights.map((w) => arena.alloc(w.length)), gradB: net.biases.map((b) => arena.alloc(b.length)) };
    this.arena = arena;
    this.capacity = cap;
    this.transientMark = arena.mark();
  }

  /** Scratch for a batch of B; frees the previous call's buffers. */
  private scratchFor(B: number): PhaseScratch {
    this.reserve(B);
    this.arena!.release(this.transientMark);
    return createScratch(this.sizes, B, this.arena!);
  }

  /** Network output at the free states: s_L (MSE) or the softmax readout (in scratch.readout). */
  private output(free: Float32Array[], B: number, scratch: PhaseScratch): Float32Array {
    const { sizes, net } = this;
    const L = sizes.length - 1;
    const S = this.stateLayers;
    if (this.settings.cost === 'mse') return free[S - 1];
    softmaxReadout(scratch.readout, free[S - 1], net.weights[L - 1], net.biases[L - 1], B, sizes[L - 1], sizes[L]);
    return scratch.readout;
  }

  private scoreFree(
    free: Float32Array[],
    target: Float32Array,
    labels: ArrayLike<number>,
    B: number,
    scratch: PhaseScratch,
  ): { loss: number; accuracy: number; readout: Float32Array } {
    const n = this.sizes[this.sizes.length - 1];
    const out = this.output(free, B, scratch);
    let loss = 0;
    let correct = 0;
    for (let b = 0; b < B; b++) {
      let arg = 0;
      for (let j = 0; j < n; j++) {
        const v = out[b * n + j];
        if (v > out[b * n + arg]) arg = j;
        if (this.settings.cost === 'mse') loss += 0.5 * (v - target[b * n + j]) ** 2;
      }
      if (this.settings.cost === 'cross-entropy') loss -= Math.log(Math.max(out[b * n + labels[b]], 1e-30));
      if (arg === labels[b]) correct++;
    }
    return { loss: loss / B, accuracy: correct / B, readout: out };
  }

  /**
   * grad += c · (∂Φ/∂θ(a) − ∂Φ/∂θ(b)) for two phases' states a, b. The input is
   * the same in both, so W_0's term is one product xᵀ(a_1 − b_1).
   */
  private accumulateDifference(
    gradW: Float32Array[],
    gradB: Float32Array[],
    x: Float32Array,
    patches: Float32Array | null,
    a: Float32Array[],
    b: Float32Array[],
    c: number,
    B: number,
    scale: number[],
  ): void {
    const { sizes } = this;
    const S = this.stateLayers;
    const ones = this.arena!.alloc(B, false).fill(1);
    for (let l = 0; l < S; l++) {
      const m = sizes[l];
      const n = sizes[l + 1];
      const k = c * scale[l];
      if (l === 0) {
        const d = this.arena!.alloc(a[0].length, false);
        subtract(d, a[0], b[0]);
        if (this.conv && patches) convGradient(gradW[0], patches, d, k, B, this.conv);
        else gemm(gradW[0], x, d, m, B, n, 1, m, n, n, k); // W_0 += k · xᵀ (a_1 − b_1)
        gemm(gradB[0], ones, d, 1, B, n, B, 1, n, n, k); // b_0 += k · Σ_b (a_1 − b_1)
      } else {
        gemm(gradW[l], a[l - 1], a[l], m, B, n, 1, m, n, n, k); // W_l += k · a_lᵀ a_{l+1}
        gemm(gradW[l], b[l - 1], b[l], m, B, n, 1, m, n, n, -k);
        gemm(gradB[l], ones, a[l], 1, B, n, B, 1, n, n, k); // b_l += k · Σ_b a_{l+1}
        gemm(gradB[l], ones, b[l], 1, B, n, B, 1, n, n, -k);
      }
    }
  }

  private adam: { m: Float32Array[]; v: Float32Array[]; t: number } | null = null;

  /**
   * Adam on the ascent direction d = ΔW/B (the gradient is −d): m ← β₁m + (1 − β₁)d,
   * v ← β₂v + (1 − β₂)d², θ ← θ + α_l·lrScale·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
   */
  private adamStep(dW: Float32Array[], dB: Float32Array[]): void {
    const params = [...this.net.weights, ...this.net.biases];
    const dirs = [...dW, ...dB];
    this.adam ??= { m: params.map((p) => new Float32Array(p.length)), v: params.map((p) => new Float32Array(p.length)), t: 0 };
    const st = this.adam;
    st.t++;
    const c1 = 1 - 0.9 ** st.t;
    const c2 = 1 - 0.999 ** st.t;
    const L = this.net.weights.length;
    params.forEach((p, i) => {
      const a = (this.settings.lr[i % L] * this.lrScale) / c1;
      const m = st.m[i];
      const v = st.v[i];
      const d = dirs[i];
      for (let k = 0; k < p.length; k++) {
        const g = d[k];
        m[k] = 0.9 * m[k] + 0.1 * g;
        v[k] = 0.999 * v[k] + 0.001 * g * g;
        p[k] += (a * m[k]) / (Math.sqrt(v[k] / c2) + 1e-8);
      }
    });
  }

  /** W_l ← W_l · min(1, bound/σ̂_l) for the couplings inside the energy. */
  private applySpectralNorm(iters: number, scale = true): void {
    const s = this.settings;
    if (s.spectralNorm === false) return;
    const bound = s.spectralNorm === true ? s.gamma / 2 : s.spectralNorm;
    // (the input coupling does not affect contraction, and a convolution's norm is not that of K: skip it for conv)
    for (let l = this.conv ? 1 : 0; l < this.stateLayers; l++) {
      const w = this.net.weights[l];
      const sigma = powerIteration(w, this.sizes[l], this.sizes[l + 1], this.spectralU[l], iters);
      if (scale && sigma > bound) {
        const f = bound / sigma;
        for (let k = 0; k < w.length; k++) w[k] *= f;
        if (s.dtype === 'float16') roundArrayToF16(w);
      }
    }
  }
}

/** drive = x W_0 + b_0, [B, n_1]. */
function computeInputDrive(drive: Float32Array, x: Float32Array, net: EnergyNetwork, B: number): void {
  const [m, n] = net.sizes;
  gemm(drive, x, net.weights[0], B, m, n, m, 1, n, n, 1, net.biases[0], 0);
}

/** Throws EqPropError naming the first non-finite x[b, i]. */
function checkValues(x: Float32Array, n0: number): void {
  if (allFinite(x)) return;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]))
      throw new EqPropError('x', `${FN}: x[${Math.floor(i / n0)}, ${i % n0}] is ${x[i]}`, { code: 'ERR_NOT_FINITE' });
  }
}

function oneHot(labels: ArrayLike<number>, B: number, n: number): Float32Array {
  const t = new Float32Array(B * n);
  for (let b = 0; b < B; b++) t[b * n + labels[b]] = 1;
  return t;
}

/** p += d (one monomorphic loop). @internal */
export function addInto(p: Float32Array, d: Float32Array): void {
  const n = p.length;
  for (let k = 0; k < n; k++) p[k] += d[k];
}

/** W_l += scale_l · G_l, b_l += scale_l · g_l. */
function addScaled(W: Float32Array[], b: Float32Array[], G: Float32Array[], g: Float32Array[], scale: number[]): void {
  W.forEach((w, l) => {
    for (let k = 0; k < w.length; k++) w[k] += scale[l] * G[l][k];
    for (let k = 0; k < b[l].length; k++) b[l][k] += scale[l] * g[l][k];
  });
}

/** G_l ← scale_l · G_l, g_l ← scale_l · g_l (in place). */
function scaleInPlace(G: Float32Array[], g: Float32Array[], scale: number[]): void {
  G.forEach((w, l) => {
    const c = scale[l];
    if (c === 1) return;
    for (let k = 0; k < w.length; k++) w[k] *= c;
    for (let k = 0; k < g[l].length; k++) g[l][k] *= c;
  });
}

/**
 * Validate x [B, n_0] (finite unless `values` is false: the caller checks its copy) and labels (integers in [0, n_L)); returns B.
 * `fn` names the caller in the messages (createParallelTrainer's trainBatch validates with it too). @internal
 */
export function checkBatch(x: Float32Array, labels: ArrayLike<number> | null, sizes: number[], values = true, fn = FN): number {
  const n0 = sizes[0];
  if (!(x instanceof Float32Array) || x.length === 0 || x.length % n0 !== 0) {
    throw new EqPropError('x', `${fn}: x must hold B rows of inputDim = ${n0} values, got ${x?.length ?? typeof x} values`, {
      code: 'ERR_SHAPE',
    });
  }
  const B = x.length / n0;
  if (values) checkValues(x, n0);
  if (labels !== null) {
    if (labels?.length !== B)
      throw new EqPropError('y', `${fn}: y has ${labels?.length} labels for a batch of ${B}`, { code: 'ERR_SHAPE' });
    const nOut = sizes[sizes.length - 1];
    for (let b = 0; b < B; b++) {
      const v = labels[b];
      if (!Number.isInteger(v) || v < 0 || v >= nOut) {
        throw new EqPropError('y', `${fn}: label y[${b}] = ${v} is not a class in [0, ${nOut})`, { code: 'ERR_OUT_OF_RANGE' });
      }
    }
  }
  return B;
}

async function readInput(x: InputLike, n0: number, name: string): Promise<{ data: Float32Array; batch: number }> {
  if (x instanceof tf.Tensor) {
    if (x.rank !== 2 || x.shape[1] !== n0) {
      throw new EqPropError(name, `${FN}: ${name} must have shape [B, ${n0}], got [${x.shape.join(', ')}]`, { code: 'ERR_SHAPE' });
    }
    const d = await x.data();
    return { data: d instanceof Float32Array ? d : Float32Array.from(d as ArrayLike<number>), batch: x.shape[0] };
  }
  if (x instanceof Float32Array) return { data: x, batch: x.length / n0 };
  if (Array.isArray(x)) {
    const B = x.length;
    const data = new Float32Array(B * n0);
    for (let b = 0; b < B; b++) {
      const row = x[b];
      if (!Array.isArray(row) || row.length !== n0) {
        throw new EqPropError(name, `${FN}: ${name}[${b}] must hold ${n0} values`, { code: 'ERR_SHAPE' });
      }
      data.set(row, b * n0);
    }
    return { data, batch: B };
  }
  throw new EqPropError(name, `${FN}: ${name} must be a tensor, a Float32Array or number[][]`);
}

async function readLabels(y: LabelLike, B: number, nOut: number): Promise<ArrayLike<number>> {
  if (y instanceof tf.Tensor) {
    if (y.rank === 1) return (await y.data()) as ArrayLike<number>;
    if (y.rank === 2 && y.shape[1] === nOut) return argmaxRows((await y.data()) as ArrayLike<number>, y.shape[0], nOut);
    throw new EqPropError('y', `${FN}: y must be labels [B] or one-hot [B, ${nOut}], got [${y.shape.join(', ')}]`, { code: 'ERR_SHAPE' });
  }
  if (Array.isArray(y) && y.length > 0 && Array.isArray(y[0])) {
    const rows = y as number[][];
    const flat = new Float32Array(rows.length * nOut);
    rows.forEach((r, b) => {
      if (r.length !== nOut) throw new EqPropError('y', `${FN}: y[${b}] must hold ${nOut} one-hot values`, { code: 'ERR_SHAPE' });
      flat.set(r, b * nOut);
    });
    return argmaxRows(flat, rows.length, nOut);
  }
  void B;
  return y as ArrayLike<number>;
}

function argmaxRows(d: ArrayLike<number>, B: number, n: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < B; b++) {
    let arg = 0;
    for (let j = 1; j < n; j++) if (d[b * n + j] > d[b * n + arg]) arg = j;
    out.push(arg);
  }
  return out;
}

function normalizeOptions(o: EqPropOptions): Settings {
  if (typeof o !== 'object' || o === null) throw new EqPropError('options', `${FN}: options must be an object`);
  const inputDim = checkInt(FN, 'inputDim', o.inputDim, 1, 1 << 24);
  const outputDim = checkInt(FN, 'outputDim', o.outputDim, 1, 1 << 24);
  const hiddenDims = o.hiddenDims ?? [256];
  if (!Array.isArray(hiddenDims)) throw new EqPropError('hiddenDims', `${FN}: hiddenDims must be an array of layer sizes`);
  hiddenDims.forEach((h, i) => checkInt(FN, `hiddenDims[${i}]`, h, 1, 1 << 24));
  const L = hiddenDims.length + 1 + (o.conv ? 1 : 0);
  const cost = o.cost ?? 'mse';
  if (cost !== 'mse' && cost !== 'cross-entropy')
    throw new EqPropError('cost', `${FN}: cost must be 'mse' or 'cross-entropy', got ${String(cost)}`);
  if (cost === 'cross-entropy' && hiddenDims.length === 0 && !o.conv) {
    throw new EqPropError('hiddenDims', `${FN}: the cross-entropy readout needs at least one hidden layer`);
  }
  const gamma = checkPositive(FN, 'gamma', o.gamma ?? 0.5);
  if (gamma > 1) throw new EqPropError('gamma', `${FN}: gamma must be in (0, 1], got ${gamma}`, { code: 'ERR_OUT_OF_RANGE' });
  const beta = checkFinite(FN, 'beta', o.beta ?? 0.22);
  if (beta === 0)
    throw new EqPropError('beta', `${FN}: beta must be non-zero (the nudged phase would equal the free one)`, { code: 'ERR_OUT_OF_RANGE' });
  const maxSteps = checkInt(FN, 'maxSteps', o.maxSteps ?? 30, 1);
  const nudgedSteps = checkInt(FN, 'nudgedSteps', o.nudgedSteps ?? maxSteps, 1);
  const epsilon = checkPositive(FN, 'epsilon', o.epsilon ?? 1e-3, true);
  const lrIn = o.lr ?? 1e-3;
  const lr = typeof lrIn === 'number' ? Array.from({ length: L }, () => lrIn) : lrIn;
  if (!Array.isArray(lr) || lr.length !== L)
    throw new EqPropError('lr', `${FN}: lr must be a number or ${L} numbers (one per weight matrix)`);
  lr.forEach((v, i) => checkPositive(FN, `lr[${i}]`, v, true));
  const spectralNorm = o.spectralNorm ?? true;
  if (typeof spectralNorm === 'number') checkPositive(FN, 'spectralNorm', spectralNorm);
  const dtype = o.dtype ?? 'float32';
  if (dtype !== 'float32' && dtype !== 'float16') throw new EqPropError('dtype', `${FN}: dtype must be 'float32' or 'float16'`);
  const dynamics = o.dynamics ?? 'laborieux';
  if (!['laborieux', 'scellier', 'async'].includes(dynamics))
    throw new EqPropError('dynamics', `${FN}: unknown dynamics ${String(dynamics)}`);
  const activation = o.activation ?? 'hard-sigmoid';
  if (activation !== 'hard-sigmoid' && activation !== 'sigmoid')
    throw new EqPropError('activation', `${FN}: unknown activation ${String(activation)}`);
  if (dynamics === 'scellier' && activation !== 'hard-sigmoid') {
    throw new EqPropError('activation', `${FN}: the 'scellier' dynamics is defined for the hard sigmoid only`);
  }
  const estimator = o.estimator ?? 'one-sided';
  if (!['one-sided', 'random-sign', 'symmetric', 'holomorphic'].includes(estimator)) {
    throw new EqPropError('estimator', `${FN}: unknown estimator ${String(estimator)}`);
  }
  if (estimator === 'holomorphic' && o.conv)
    throw new EqPropError('estimator', `${FN}: holomorphic EP is not implemented for the convolutional coupling`, {
      code: 'ERR_UNSUPPORTED',
    });
  if (estimator === 'holomorphic' && (activation !== 'sigmoid' || dynamics === 'scellier' || cost !== 'mse')) {
    throw new EqPropError(
      'estimator',
      `${FN}: holomorphic EP needs a holomorphic activation ('sigmoid'), the MSE cost and the 'laborieux' or 'async' dynamics`,
    );
  }
  const optimizer = o.optimizer ?? 'sgd';
  if (optimizer !== 'sgd' && optimizer !== 'adam')
    throw new EqPropError('optimizer', `${FN}: optimizer must be 'sgd' or 'adam', got ${String(optimizer)}`);
  const holomorphicPoints = checkInt(FN, 'holomorphicPoints', o.holomorphicPoints ?? 4, 2, 64);
  const stepSize = checkPositive(FN, 'stepSize', o.stepSize ?? 0.5);
  return {
    inputDim,
    hiddenDims: hiddenDims.slice(),
    outputDim,
    gamma,
    beta,
    maxSteps,
    nudgedSteps,
    epsilon,
    adaptiveEpsilon: o.adaptiveEpsilon ?? true,
    lr,
    spectralNorm,
    dtype,
    dynamics,
    activation,
    cost,
    estimator,
    holomorphicPoints,
    stepSize,
    persistent: o.persistent ?? false,
    optimizer,
    conv: o.conv ? { ...o.conv } : null,
  };
}
