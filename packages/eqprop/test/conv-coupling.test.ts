/**
 * The convolutional coupling: its drive equals tfjs conv2d + avgPool, and the EP gradient of a
 * conv energy model tends to the BPTT gradient (tfjs autodiff through conv2d, avgPool and 400
 * unrolled free steps) with the O(β) / O(β²) rates of the dense case.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { EqPropKernel, EqPropError, relaxTensors, toNir } from '../src/index.js';
import type { EqPropOptions } from '../src/index.js';
import { pooledPatches, convDrive } from '../src/conv-coupling.js';
import { logLogSlope, relativeError } from './gradient-check.js';

beforeAll(async () => {
  await setBackend('cpu');
});

const C = 4;
const opts = (o: Partial<EqPropOptions> = {}): EqPropOptions => ({
  inputDim: 64,
  conv: { channels: C, kernel: 3, pool: 2 },
  hiddenDims: [],
  outputDim: 3,
  activation: 'sigmoid',
  spectralNorm: false,
  maxSteps: 2000,
  nudgedSteps: 2000,
  epsilon: 1e-7,
  adaptiveEpsilon: false,
  lr: 1,
  seed: 4,
  ...o,
});
const B = 3;
const x = Float32Array.from({ length: B * 64 }, (_, i) => (Math.sin(0.37 * i) > 0.2 ? Math.abs(Math.cos(i)) : 0));
const labels = [2, 0, 1];

/** u_1's input part by tfjs: conv2d (NHWC, valid) → avgPool 2 → channel-major flatten + bias. */
function tfDrive(K: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  const filter = tf.transpose(tf.reshape(K, [C, 1, 3, 3]), [2, 3, 1, 0]) as tf.Tensor4D;
  const conv = tf.conv2d(tf.reshape(tf.tensor2d(x, [B, 64]), [B, 8, 8, 1]) as tf.Tensor4D, filter, 1, 'valid');
  const pooled = tf.avgPool(conv, 2, 2, 'valid'); // [B, 3, 3, C]
  return tf.add(tf.reshape(tf.transpose(pooled, [0, 3, 1, 2]), [B, C * 9]), bias) as tf.Tensor2D;
}

function scaled(k: EqPropKernel): EqPropKernel {
  for (const w of k.net.weights) for (let i = 0; i < w.length; i++) w[i] *= 3;
  return k;
}

describe('convolutional coupling', () => {
  it('drive = tfjs conv2d + avgPool (float32: sums of 9 products ≤ 1, 1e-6)', () => {
    const k = new EqPropKernel(opts());
    k.net.biases[0].forEach((_, i, b) => (b[i] = 0.01 * i));
    const g = k.conv!;
    expect(k.sizes).toEqual([64, C * 9, 3]);
    const drive = new Float32Array(B * g.units);
    convDrive(drive, pooledPatches(x, B, g), k.net.weights[0], k.net.biases[0], B, g);
    const ref = tf.tidy(() => tfDrive(tf.tensor1d(k.net.weights[0]), tf.tensor1d(k.net.biases[0])).dataSync());
    ref.forEach((v, i) => expect(Math.abs(v - drive[i])).toBeLessThan(1e-6));
  });

  it('EP gradient → BPTT gradient: one-sided slope 1 ± 0.1, symmetric 2 ± 0.2', () => {
    const base = scaled(new EqPropKernel(opts()));
    const ref = tf.tidy(() => {
      const L = 2;
      const params = [
        tf.tensor1d(base.net.weights[0]),
        tf.tensor1d(base.net.biases[0]),
        tf.tensor2d(base.net.weights[1], [C * 9, 3]),
        tf.tensor1d(base.net.biases[1]),
      ];
      const y = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), 'float32');
      const f = (K: tf.Tensor, b0: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor) => {
        const s = relaxTensors(
          { weights: [w1 as tf.Tensor2D, w1 as tf.Tensor2D], biases: [b1 as tf.Tensor1D, b1 as tf.Tensor1D] },
          tf.zeros([B, 64]),
          {
            steps: 400,
            activation: 'sigmoid',
            drive: tfDrive(K, b0),
          },
        );
        return tf.div(tf.mul(tf.sum(tf.square(tf.sub(s[L - 1], y))), 0.5), B) as tf.Scalar;
      };
      const g = tf.grads(f as (...a: tf.Tensor[]) => tf.Scalar)(params);
      return {
        weights: [g[0], g[2]].map((t) => tf.neg(t).dataSync() as Float32Array),
        biases: [g[1], g[3]].map((t) => tf.neg(t).dataSync() as Float32Array),
      };
    });
    const betas = [0.4, 0.2, 0.1, 0.05];
    const errs = (estimator: 'one-sided' | 'symmetric') =>
      betas.map((beta) => {
        const k = scaled(new EqPropKernel(opts({ beta, estimator })));
        return relativeError(k.gradient(x, labels), B, ref);
      });
    const one = errs('one-sided');
    const sym = errs('symmetric');
    expect(logLogSlope(betas, one)).toBeGreaterThan(0.9);
    expect(logLogSlope(betas, one)).toBeLessThan(1.1);
    expect(logLogSlope(betas, sym)).toBeGreaterThan(1.8);
    expect(logLogSlope(betas, sym)).toBeLessThan(2.2);
    expect(sym[sym.length - 1]).toBeLessThan(1e-3);
  });

  it('trains, saves and loads; rejects shapes that do not pool and the NIR export', () => {
    const k = new EqPropKernel(opts({ lr: 0.2, maxSteps: 30, nudgedSteps: 30, epsilon: 1e-3, beta: 0.5 }));
    const first = k.trainBatch(x, labels);
    let last = first;
    for (let t = 0; t < 100; t++) last = k.trainBatch(x, labels);
    expect(last.loss).toBeLessThan(first.loss);
    const copy = EqPropKernel.load(JSON.parse(JSON.stringify(k.save())));
    expect(Array.from(copy.predictArray(x))).toEqual(Array.from(k.predictArray(x)));
    expect(() => new EqPropKernel(opts({ conv: { channels: 2, kernel: 4, pool: 2 } }))).toThrow(/does not divide/);
    expect(() => toNir(k)).toThrow(EqPropError);
  });
});
