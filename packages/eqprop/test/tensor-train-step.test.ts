/**
 * tensorTrainStep (tfjs ops on the active backend) against EqPropKernel.trainBatch (the fused
 * WebAssembly loops) for the same settings and initial weights: same losses and weights over
 * several steps, within float32 rounding.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { EqPropKernel, tensorTrainStep } from '../src/index.js';
import type { EqPropOptions, TensorParams } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

// float32: every weight is a sum of ≤ 2·6 products per step in a different order than the
// kernel's loops, and states pass through ≤ 28 contracting steps; 10 steps of updates of size
// ≤ 0.1: 2⁻²⁴ · (terms ≈ 30) · (steps ≈ 40) ≈ 7e-5 relative, and the weights are ≤ 1: 2e-4 absolute.
const TOL = 2e-4;

describe('tensorTrainStep', () => {
  for (const [dynamics, estimator] of [
    ['scellier', 'one-sided'],
    ['laborieux', 'symmetric'],
  ] as const) {
    it(`${dynamics}, ${estimator}: the same losses and weights as EqPropKernel.trainBatch over 10 steps`, async () => {
      const sizes = [12, 16, 4];
      const options: EqPropOptions = {
        inputDim: 12,
        hiddenDims: [16],
        outputDim: 4,
        dynamics,
        estimator,
        beta: 0.5,
        maxSteps: 20,
        nudgedSteps: 4,
        epsilon: 0,
        lr: [0.1, 0.05],
        spectralNorm: false,
        seed: 3,
      };
      const k = new EqPropKernel(options);
      const init = k.net.weights.map((w) => w.slice());
      let params: TensorParams = {
        weights: k.net.weights.map((w, l) => tf.tensor2d(w, [sizes[l], sizes[l + 1]])),
        biases: k.net.biases.map((b) => tf.tensor1d(b)),
      };
      const B = 6;
      const x = Float32Array.from({ length: B * 12 }, (_, i) => ((i * 7) % 11) / 10);
      const labels = Int32Array.from({ length: B }, (_, b) => b % 4);
      const xt = tf.tensor2d(x, [B, 12]);
      const yt = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 4), 'float32')) as tf.Tensor2D;
      const before = tf.memory().numTensors;
      for (let t = 0; t < 10; t++) {
        const r = k.trainBatch(x, labels);
        const step = tensorTrainStep(params, xt, yt, { freeSteps: 20, nudgedSteps: 4, beta: 0.5, lr: [0.1, 0.05], dynamics, estimator });
        expect(Math.abs((await step.loss.data())[0] - r.loss)).toBeLessThan(TOL);
        tf.dispose([params.weights, params.biases, step.loss, step.free]);
        params = step.params;
      }
      expect(tf.memory().numTensors).toBe(before);
      for (let l = 0; l < 2; l++) {
        const w = await params.weights[l].data();
        const b = await params.biases[l].data();
        let worst = 0;
        for (let i = 0; i < w.length; i++) worst = Math.max(worst, Math.abs(w[i] - k.net.weights[l][i]));
        for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(b[i] - k.net.biases[l][i]));
        expect(worst).toBeLessThan(TOL);
        // the weights moved by ≫ TOL, so the comparison is not of two untouched initialisations
        let moved = 0;
        for (let i = 0; i < w.length; i++) moved = Math.max(moved, Math.abs(k.net.weights[l][i] - init[l][i]));
        expect(moved).toBeGreaterThan(20 * TOL);
      }
      tf.dispose([params.weights, params.biases, xt, yt]);
    });
  }

  it('rejects β = 0 and a wrong number of learning rates', () => {
    const p: TensorParams = { weights: [tf.zeros([2, 2]) as tf.Tensor2D], biases: [tf.zeros([2]) as tf.Tensor1D] };
    const x = tf.zeros([1, 2]) as tf.Tensor2D;
    expect(() => tensorTrainStep(p, x, x, { freeSteps: 1, nudgedSteps: 1, beta: 0, lr: [0.1] })).toThrow(/beta/);
    expect(() => tensorTrainStep(p, x, x, { freeSteps: 1, nudgedSteps: 1, beta: 1, lr: [0.1, 0.1] })).toThrow(/lr/);
    tf.dispose([p.weights, p.biases, x]);
  });
});
