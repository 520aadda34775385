import { tf, randomCSR, toRng, type SeedOrRng } from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';
import { checkInt, checkPositive, checkProb } from './validators.js';
import { softKCap } from './soft-k-cap.js';
import { assemblyLoss } from './assembly-loss.js';
import { adamSteps, topKRows } from './learning-steps.js';

/** Options of {@link LearningArea} and {@link SparseLearningArea}. */
export interface LearningAreaOptions {
  /** Input neurons (e.g. the stimuli's neurons). */
  nIn: number;
  /** Neurons of the area, of which k fire. */
  n: number;
  /** Winners per pattern (the k-cap). */
  k: number;
  /** Synapse probability of the fixed random connectivity mask. */
  p: number;
  /** Soft-cap temperature τ (default 1). */
  temperature?: number;
  /** Seed of the connectivity mask, or a generator (default 0). */
  seed?: SeedOrRng;
}

/**
 * Learning mode: an explicit area whose synapses (random Bernoulli(p)
 * connectivity from nIn input neurons, weights initialised to 1) are trained
 * by gradient descent through the soft k-cap, e.g. to map input assemblies to
 * target assemblies: activity = softKCap(x · (M ⊙ W), k, τ). Holds tfjs
 * variables: call dispose(). Reads of results (winners, train's losses) are
 * asynchronous (`await tensor.data()`), so they download correctly on every
 * backend, GPU ones included; a tf backend must be set first
 * (`await setBackend('cpu' | 'wasm' | …)` of @neurite/tensor).
 */
export class LearningArea {
  /** Input neurons. */
  readonly nIn: number;
  /** Neurons of the area. */
  readonly n: number;
  /** Winners per pattern (the k-cap). */
  readonly k: number;
  /** Soft-cap temperature τ. */
  readonly temperature: number;
  /** Trainable weights W (nIn × n); only entries under the mask M matter. */
  readonly weights: tf.Variable;
  private readonly mask: tf.Tensor2D;

  constructor(o: LearningAreaOptions) {
    if (o === null || typeof o !== 'object')
      throw new AssemblyError('options', `LearningArea: options must be an object {nIn, n, k, p}, got ${String(o)}`);
    checkInt('LearningArea', 'nIn', o.nIn, 1);
    checkInt('LearningArea', 'n', o.n, 1);
    checkInt('LearningArea', 'k', o.k, 1);
    if (o.k > o.n) throw new AssemblyError('k', `LearningArea: k = ${o.k} exceeds n = ${o.n}`, { code: 'ERR_OUT_OF_RANGE' });
    checkProb('LearningArea', 'p', o.p, true);
    this.temperature = checkPositive('LearningArea', 'temperature', o.temperature ?? 1);
    this.nIn = o.nIn;
    this.n = o.n;
    this.k = o.k;
    const rng = toRng(o.seed ?? 0, 'seed', AssemblyError);
    const csr = randomCSR(o.nIn, o.n, o.p, rng, { pattern: true });
    const dense = new Float32Array(o.nIn * o.n);
    for (let r = 0; r < o.nIn; r++) for (let e = csr.indptr[r]; e < csr.indptr[r + 1]; e++) dense[r * o.n + csr.indices[e]] = 1;
    this.mask = tf.tensor2d(dense, [o.nIn, o.n]);
    const init = tf.ones([o.nIn, o.n]);
    this.weights = tf.variable(init, true); // shares init's data; init itself is released
    init.dispose();
  }

  /** Total input of each neuron for a batch of input patterns x (batch × nIn). */
  inputs(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.matMul(x, tf.mul(this.mask, this.weights)));
  }

  /** Soft k-cap activity (batch × n). */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => softKCap(this.inputs(x), this.k, this.temperature) as tf.Tensor2D);
  }

  /** Hard k-cap winners of each pattern (ties: lower index first), read asynchronously. */
  winners(x: tf.Tensor2D): Promise<Int32Array[]> {
    return topKRows(this.inputs(x), this.k);
  }

  /** Assembly loss of a batch against 0/1 targets (batch × n). */
  loss(x: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
    return tf.tidy(() => assemblyLoss(this.forward(x), target, this.k));
  }

  /**
   * Gradient steps on the assembly loss with Adam (β₁ = 0.9, β₂ = 0.999,
   * ε = 1e-7 on every backend: tfjs's default ε is the backend's epsilon(),
   * which is 1e-4 on webgl, and with small gradients that changes the
   * trajectory); resolves to the loss before each step. The losses stay on the backend until the last step and are
   * read once, asynchronously.
   */
  async train(x: tf.Tensor2D, target: tf.Tensor2D, opts: { steps?: number; learningRate?: number } = {}): Promise<number[]> {
    const steps = checkInt('LearningArea.train', 'steps', opts.steps ?? 100, 0);
    const lr = checkPositive('LearningArea.train', 'learningRate', opts.learningRate ?? 0.05);
    return await adamSteps(() => this.loss(x, target), this.weights, steps, lr);
  }

  /** Free the weights and the mask. */
  dispose(): void {
    this.weights.dispose();
    this.mask.dispose();
  }
}
