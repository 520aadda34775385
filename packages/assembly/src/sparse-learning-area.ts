import { tf, randomCSR, spmvTensor, toRng, type CSRTensors } from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';
import { checkInt, checkPositive, checkProb } from './validators.js';
import { softKCap } from './soft-k-cap.js';
import { assemblyLoss } from './assembly-loss.js';
import { adamSteps, topKRows } from './learning-steps.js';
import type { LearningAreaOptions } from './learning-area.js';

/**
 * The learning mode on the sparse representation: the area of {@link LearningArea} (the same
 * Bernoulli(p) connectivity for the same seed, weights initialised to 1, activity =
 * softKCap(x · W, k, τ), trained on `assemblyLoss` by Adam), with only the stored synapses held:
 * the weights are one trainable float32 per synapse (nnz = nIn·n·p), in CSR order (row =
 * input neuron), never a dense nIn × n matrix. The input of neuron j for pattern b and its
 * gradients are
 *
 *   input_bj = Σ_{e : post(e) = j} x_{b,pre(e)} · w_e
 *   ∂L/∂w_e = Σ_b x_{b,pre(e)} · ∂L/∂input_{b,post(e)}      ∂L/∂x_br = Σ_{e : pre(e) = r} w_e · ∂L/∂input_{b,post(e)}
 *
 * (a `tf.customGrad`): the input is the registered `SparseMatVec` kernel of @neurite/tensor on the
 * transposed CSR (one row per postsynaptic neuron, its synapses by ascending input neuron: the
 * same order of addition on every backend), ∂L/∂x the same kernel on the CSR, ∂L/∂w two gathers
 * and a sum over the batch. Memory O(batch · nnz) a step instead of O(nIn · n). Results agree
 * with LearningArea to float32 rounding (exactly where every sum is of integers). Holds tfjs
 * tensors: call dispose(). A tf backend must be set first.
 */
export class SparseLearningArea {
  /** Input neurons. */
  readonly nIn: number;
  /** Neurons of the area. */
  readonly n: number;
  /** Winners per pattern (the k-cap). */
  readonly k: number;
  /** Soft-cap temperature τ. */
  readonly temperature: number;
  /** Stored synapses (nnz). */
  readonly synapses: number;
  /** Trainable weights, one per stored synapse, in CSR order (float32 [synapses]). */
  readonly weights: tf.Variable;
  /** Presynaptic (input) neuron of each synapse, int32 [synapses]. */
  readonly pre: tf.Tensor1D;
  /** Postsynaptic neuron of each synapse, int32 [synapses]. */
  readonly post: tf.Tensor1D;
  /** Row offsets of the CSR (int32 [nIn + 1]) and of its transpose (int32 [n + 1]). */
  private readonly indptr: tf.Tensor1D;
  private readonly indptrT: tf.Tensor1D;
  /** Column indices of the transpose (input neurons) and, per entry of the transpose, its synapse (index into weights). */
  private readonly preT: tf.Tensor1D;
  private readonly perm: tf.Tensor1D;

  constructor(o: LearningAreaOptions) {
    const fn = 'SparseLearningArea';
    if (o === null || typeof o !== 'object')
      throw new AssemblyError('options', `${fn}: options must be an object {nIn, n, k, p}, got ${String(o)}`);
    checkInt(fn, 'nIn', o.nIn, 1);
    checkInt(fn, 'n', o.n, 1);
    checkInt(fn, 'k', o.k, 1);
    if (o.k > o.n) throw new AssemblyError('k', `${fn}: k = ${o.k} exceeds n = ${o.n}`, { code: 'ERR_OUT_OF_RANGE' });
    checkProb(fn, 'p', o.p, true);
    this.temperature = checkPositive(fn, 'temperature', o.temperature ?? 1);
    this.nIn = o.nIn;
    this.n = o.n;
    this.k = o.k;
    const rng = toRng(o.seed ?? 0, 'seed', AssemblyError);
    const csr = randomCSR(o.nIn, o.n, o.p, rng, { pattern: true });
    const nnz = csr.indptr[o.nIn];
    this.synapses = nnz;
    const pre = new Int32Array(nnz);
    for (let r = 0; r < o.nIn; r++) pre.fill(r, csr.indptr[r], csr.indptr[r + 1]);
    // the transpose by a counting sort on the column: entries of a column keep ascending input neurons
    const indptrT = new Int32Array(o.n + 1);
    for (let e = 0; e < nnz; e++) indptrT[csr.indices[e] + 1]++;
    for (let j = 0; j < o.n; j++) indptrT[j + 1] += indptrT[j];
    const fill = indptrT.slice(0, o.n);
    const preT = new Int32Array(nnz),
      perm = new Int32Array(nnz);
    for (let e = 0; e < nnz; e++) {
      const q = fill[csr.indices[e]]++;
      preT[q] = pre[e];
      perm[q] = e;
    }
    this.pre = tf.tensor1d(pre, 'int32');
    this.post = tf.tensor1d(csr.indices.slice(0, nnz), 'int32');
    this.indptr = tf.tensor1d(csr.indptr, 'int32');
    this.indptrT = tf.tensor1d(indptrT, 'int32');
    this.preT = tf.tensor1d(preT, 'int32');
    this.perm = tf.tensor1d(perm, 'int32');
    const init = tf.ones([nnz]);
    this.weights = tf.variable(init, true);
    init.dispose();
  }

  /** Total input of each neuron for a batch of input patterns x (batch × nIn): batch × n. */
  inputs(x: tf.Tensor2D): tf.Tensor2D {
    const rowsTimes = (m: CSRTensors, v: tf.Tensor2D) => tf.stack(tf.unstack(v).map((row) => spmvTensor(m, row as tf.Tensor1D)));
    const f = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
      const [xs, w, save] = [args[0] as tf.Tensor2D, args[1] as tf.Tensor1D, args[2] as tf.GradSaveFunc];
      save([xs, w]);
      const transposed: CSRTensors = {
        nRows: this.n,
        nCols: this.nIn,
        indptr: this.indptrT,
        indices: this.preT,
        data: tf.gather(w, this.perm),
      };
      return {
        value: rowsTimes(transposed, xs),
        gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
          const [xSaved, wSaved] = saved as [tf.Tensor2D, tf.Tensor1D];
          const forward: CSRTensors = { nRows: this.nIn, nCols: this.n, indptr: this.indptr, indices: this.post, data: wSaved };
          const dx = rowsTimes(forward, dy as tf.Tensor2D);
          const dw = tf.sum(tf.mul(tf.gather(xSaved, this.pre, 1), tf.gather(dy, this.post, 1)), 0);
          return [dx, dw];
        },
      };
    });
    return tf.tidy(() => f(x.dtype === 'float32' ? x : tf.cast(x, 'float32'), this.weights) as tf.Tensor2D);
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

  /** Gradient steps on the assembly loss with Adam, as {@link LearningArea.train}; resolves to the loss before each step. */
  async train(x: tf.Tensor2D, target: tf.Tensor2D, opts: { steps?: number; learningRate?: number } = {}): Promise<number[]> {
    const steps = checkInt('SparseLearningArea.train', 'steps', opts.steps ?? 100, 0);
    const lr = checkPositive('SparseLearningArea.train', 'learningRate', opts.learningRate ?? 0.05);
    return await adamSteps(() => this.loss(x, target), this.weights, steps, lr);
  }

  /** Free the weights and the synapse lists. */
  dispose(): void {
    tf.dispose([this.weights, this.pre, this.post, this.indptr, this.indptrT, this.preT, this.perm]);
  }
}
