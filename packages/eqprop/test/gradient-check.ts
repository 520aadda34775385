import { tf } from '@neurite/tensor';
import { EqPropKernel } from '../src/index.js';
import type { EqPropOptions } from '../src/index.js';
import { relaxTensors } from '../src/relax-tensors.js';

/** A small problem: kernel, batch, labels. */
export function smallProblem(extra: Partial<EqPropOptions> = {}): { kernel: EqPropKernel; x: Float32Array; labels: number[] } {
  const kernel = new EqPropKernel({
    inputDim: 6,
    hiddenDims: [8, 5],
    outputDim: 3,
    activation: 'sigmoid',
    gamma: 0.5,
    maxSteps: 2000,
    epsilon: 1e-7,
    adaptiveEpsilon: false,
    spectralNorm: false,
    lr: 1,
    seed: 7,
    ...extra,
  });
  // Larger weights than Glorot so the layers interact strongly (the gradient depends on the feedback).
  for (const w of kernel.net.weights) for (let i = 0; i < w.length; i++) w[i] *= 2.5;
  for (const b of kernel.net.biases) for (let i = 0; i < b.length; i++) b[i] = 0.3 * Math.sin(i + 1);
  const x = Float32Array.from({ length: 4 * 6 }, (_, i) => 0.5 + 0.5 * Math.sin(1.7 * i));
  return { kernel, x, labels: [0, 2, 1, 2] };
}

/**
 * −∂L/∂θ of the batch-mean MSE L = (1/B) Σ_b ½‖s_L − y‖² at the end of `steps`
 * unrolled free steps, by tfjs autodiff through relaxTensors (BPTT).
 */
export function bpttGradient(
  kernel: EqPropKernel,
  x: Float32Array,
  labels: number[],
  steps: number,
): { weights: Float32Array[]; biases: Float32Array[] } {
  const { sizes, net } = kernel;
  const B = labels.length;
  const L = sizes.length - 1;
  return tf.tidy(() => {
    const ws = net.weights.map((w, l) => tf.tensor2d(w, [sizes[l], sizes[l + 1]]));
    const bs = net.biases.map((b) => tf.tensor1d(b));
    const xt = tf.tensor2d(x, [B, sizes[0]]);
    const y = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), sizes[L]), 'float32');
    const f = (...params: tf.Tensor[]) => {
      const states = relaxTensors({ weights: params.slice(0, L) as tf.Tensor2D[], biases: params.slice(L) as tf.Tensor1D[] }, xt, {
        steps,
        activation: kernel.settings.activation,
        dynamics: kernel.settings.dynamics,
        gamma: kernel.settings.gamma,
      });
      return tf.div(tf.mul(tf.sum(tf.square(tf.sub(states[L - 1], y))), 0.5), B) as tf.Scalar;
    };
    const grads = tf.grads(f)([...ws, ...bs]);
    return {
      weights: grads.slice(0, L).map((g) => tf.neg(g).dataSync() as Float32Array),
      biases: grads.slice(L).map((g) => tf.neg(g).dataSync() as Float32Array),
    };
  });
}

/** ‖a − b‖ / ‖b‖ over all parameters (a from the kernel is a batch sum: divided by B). */
export function relativeError(
  a: { weights: Float32Array[]; biases: Float32Array[] },
  B: number,
  ref: { weights: Float32Array[]; biases: Float32Array[] },
): number {
  let num = 0;
  let den = 0;
  const all = (g: { weights: Float32Array[]; biases: Float32Array[] }) => [...g.weights, ...g.biases];
  const as = all(a);
  const rs = all(ref);
  as.forEach((arr, k) => {
    for (let i = 0; i < arr.length; i++) {
      const d = arr[i] / B - rs[k][i];
      num += d * d;
      den += rs[k][i] * rs[k][i];
    }
  });
  return Math.sqrt(num / den);
}

/** Least-squares slope of log(err) against log(beta). */
export function logLogSlope(betas: number[], errs: number[]): number {
  const xs = betas.map(Math.log);
  const ys = errs.map(Math.log);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
  });
  return sxy / sxx;
}
