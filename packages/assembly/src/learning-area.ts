import { tf, createRng, randomCSR, type Rng } from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';

/**
 * θ(x): per row of x, the midpoint between its k-th and (k+1)-th largest
 * values, treated as a constant by autodiff (zero gradient).
 */
function capThreshold(x: tf.Tensor, k: number): tf.Tensor {
  const n = x.shape[x.shape.length - 1];
  const f = tf.customGrad(((xi: tf.Tensor) => {
    const { values } = tf.topk(xi, Math.min(k + 1, n));
    const kth = tf.slice(values, Array(values.rank).fill(0).map((_, i) => (i === values.rank - 1 ? k - 1 : 0)), values.shape.map((s, i) => (i === values.rank - 1 ? 1 : s)));
    const next = k < n ? tf.slice(values, Array(values.rank).fill(0).map((_, i) => (i === values.rank - 1 ? k : 0)), values.shape.map((s, i) => (i === values.rank - 1 ? 1 : s))) : tf.sub(kth, 1);
    return { value: tf.div(tf.add(kth, next), 2), gradFunc: (_dy: tf.Tensor) => tf.zerosLike(xi) };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x);
}

/**
 * Soft (differentiable) k-cap along the last axis:
 *   softKCap(x)ᵢ = σ((xᵢ − θ) / τ),
 * θ the midpoint between the k-th and (k+1)-th largest entries (no gradient
 * through θ) and τ > 0 the temperature. As τ → 0 it tends to the hard k-cap
 * (1 for the k largest, 0 otherwise).
 */
export function softKCap(x: tf.Tensor, k: number, temperature = 1): tf.Tensor {
  const n = x.shape[x.shape.length - 1];
  if (!Number.isInteger(k) || k < 1 || k > n) throw new AssemblyError(`softKCap: k must be an integer in [1, ${n}], got ${k}`);
  if (!(temperature > 0)) throw new AssemblyError(`softKCap: temperature must be > 0, got ${temperature}`);
  return tf.tidy(() => tf.sigmoid(tf.div(tf.sub(x, capThreshold(x, k)), temperature)));
}

/**
 * Assembly loss: L = mean over the batch of ‖a − t‖² / (2k), a the (soft)
 * activity and t the 0/1 target assembly of k neurons. For a hard k-cap it is
 * 1 − |winners ∩ target| / k, the fraction of the target assembly missed.
 */
export function assemblyLoss(activity: tf.Tensor, target: tf.Tensor, k: number): tf.Scalar {
  return tf.tidy(() => tf.div(tf.mean(tf.sum(tf.square(tf.sub(activity, target)), -1)), 2 * k) as tf.Scalar);
}

export interface LearningAreaOptions {
  /** Input neurons (e.g. the stimuli's neurons). */
  nIn: number;
  /** Neurons of the area, of which k fire. */
  n: number;
  k: number;
  /** Synapse probability of the fixed random connectivity mask. */
  p: number;
  /** Soft-cap temperature τ (default 1). */
  temperature?: number;
  seed?: number | Rng;
}

/**
 * Learning mode: an explicit area whose synapses (random Bernoulli(p)
 * connectivity from nIn input neurons, weights initialised to 1) are trained
 * by gradient descent through the soft k-cap, e.g. to map input assemblies to
 * target assemblies: activity = softKCap(x · (M ⊙ W), k, τ). Holds tfjs
 * variables: call dispose().
 */
export class LearningArea {
  readonly nIn: number; readonly n: number; readonly k: number; readonly temperature: number;
  /** Trainable weights W (nIn × n); only entries under the mask M matter. */
  readonly weights: tf.Variable;
  private readonly mask: tf.Tensor2D;

  constructor(o: LearningAreaOptions) {
    for (const [name, v] of [['nIn', o.nIn], ['n', o.n], ['k', o.k]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new AssemblyError(`LearningArea: ${name} must be a positive integer, got ${v}`);
    }
    if (o.k > o.n) throw new AssemblyError(`LearningArea: k = ${o.k} exceeds n = ${o.n}`);
    if (!(o.p > 0 && o.p <= 1)) throw new AssemblyError(`LearningArea: p must be in (0, 1], got ${o.p}`);
    this.nIn = o.nIn; this.n = o.n; this.k = o.k; this.temperature = o.temperature ?? 1;
    const rng = typeof o.seed === 'object' ? o.seed : createRng(o.seed ?? 0);
    const csr = randomCSR(o.nIn, o.n, o.p, rng, { pattern: true });
    const dense = new Float32Array(o.nIn * o.n);
    for (let r = 0; r < o.nIn; r++) for (let e = csr.indptr[r]; e < csr.indptr[r + 1]; e++) dense[r * o.n + csr.indices[e]] = 1;
    this.mask = tf.tensor2d(dense, [o.nIn, o.n]);
    this.weights = tf.variable(tf.ones([o.nIn, o.n]), true);
  }

  /** Total input of each neuron for a batch of input patterns x (batch × nIn). */
  inputs(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.matMul(x, tf.mul(this.mask, this.weights)));
  }

  /** Soft k-cap activity (batch × n). */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => softKCap(this.inputs(x), this.k, this.temperature) as tf.Tensor2D);
  }

  /** Hard k-cap winners of each pattern (ties: lower index first). */
  winners(x: tf.Tensor2D): Int32Array[] {
    const inp = this.inputs(x);
    const { indices, values } = tf.topk(inp, this.k);
    const idx = indices.arraySync() as number[][];
    tf.dispose([inp, indices, values]);
    return idx.map((r) => Int32Array.from(r));
  }

  /** Assembly loss of a batch against 0/1 targets (batch × n). */
  loss(x: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
    return tf.tidy(() => assemblyLoss(this.forward(x), target, this.k));
  }

  /** Gradient steps (Adam) on the assembly loss; returns the loss before each step. */
  train(x: tf.Tensor2D, target: tf.Tensor2D, opts: { steps?: number; learningRate?: number } = {}): number[] {
    const steps = opts.steps ?? 100;
    const opt = tf.train.adam(opts.learningRate ?? 0.05);
    const history: number[] = [];
    for (let s = 0; s < steps; s++) {
      const { value, grads } = tf.variableGrads(() => this.loss(x, target), [this.weights]);
      history.push(value.dataSync()[0]);
      opt.applyGradients(grads as Record<string, tf.Variable>);
      tf.dispose([value, ...Object.values(grads)]);
    }
    opt.dispose();
    return history;
  }

  dispose(): void {
    this.weights.dispose();
    this.mask.dispose();
  }
}
