/**
 * Core tfjs operations every backend must agree on: matMul (plain, transposed,
 * batched, broadcast), conv2d, elementwise maths, reductions and one gradient.
 * Inputs come from a fixed integer recurrence (not the project RNG), so these
 * cases do not depend on any other module and are identical on every backend.
 */
import { tf, scope, memorySnapshot, expectNoLeaks, TensorError } from '../../src/index.js';
import type { ConformanceCase } from './types.js';
import { fill, readOutputs } from './case-data.js';

function t(shape: number[], seed: number, lo = -1, hi = 1): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(fill(n, seed, lo, hi), shape, 'float32');
}

const MATMUL_TOL = {
  atol: 1e-4,
  rtol: 1e-4,
  toleranceReason: 'float32 dot products of up to 128 terms summed in a different order (XNNPACK tiles, GPU shaders)',
};

function matMulCase(name: string, aShape: number[], bShape: number[], transposeA: boolean, transposeB: boolean): ConformanceCase {
  return {
    name,
    ...MATMUL_TOL,
    async run() {
      const outs = tf.tidy(() => {
        const a = t(aShape, 11);
        const b = t(bShape, 23);
        return { c: tf.matMul(a, b, transposeA, transposeB) };
      });
      return readOutputs(outs);
    },
  };
}

export const cases: ConformanceCase[] = [
  matMulCase('matMul 33x47 * 47x29', [33, 47], [47, 29], false, false),
  matMulCase('matMul 128x128 * 128x128', [128, 128], [128, 128], false, false),
  matMulCase('matMul transposeA 47x33^T * 47x29', [47, 33], [47, 29], true, false),
  matMulCase('matMul transposeB 33x47 * 29x47^T', [33, 47], [29, 47], false, true),
  matMulCase('matMul transposeA+B 64x40^T * 72x64^T', [64, 40], [72, 64], true, true),
  matMulCase('matMul batched [3,17,19] * [3,19,13]', [3, 17, 19], [3, 19, 13], false, false),
  matMulCase('matMul batched transposeB [3,40,36] * [3,44,36]^T', [3, 40, 36], [3, 44, 36], false, true),
  matMulCase('matMul broadcast [4,16,32] * [32,24]', [4, 16, 32], [32, 24], false, false),
  matMulCase('matMul broadcast [2,48,40] * [1,40,36]', [2, 48, 40], [1, 40, 36], false, false),
  {
    name: 'fused matMul + bias + relu, transposeB',
    ...MATMUL_TOL,
    async run() {
      const outs = tf.tidy(() => {
        const a = t([20, 64], 3);
        const b = t([48, 64], 5);
        const bias = t([48], 7);
        return { c: tf.fused.matMul({ a, b, transposeB: true, bias, activation: 'relu' }) };
      });
      return readOutputs(outs);
    },
  },
  {
    name: 'conv2d 3x3 same stride 1 and valid stride 2',
    atol: 1e-4,
    rtol: 1e-4,
    toleranceReason: 'float32 sums of 27 products in backend-specific order (im2col, XNNPACK, shaders)',
    async run() {
      const outs = tf.tidy(() => {
        const x = t([2, 9, 9, 3], 31) as tf.Tensor4D;
        const w = t([3, 3, 3, 4], 37) as tf.Tensor4D;
        return {
          same: tf.conv2d(x, w, 1, 'same'),
          valid2: tf.conv2d(x, w, 2, 'valid'),
          depthwise: tf.depthwiseConv2d(x, t([3, 3, 3, 2], 41) as tf.Tensor4D, 1, 'same'),
        };
      });
      return readOutputs(outs);
    },
  },
  {
    name: 'elementwise arithmetic with broadcasting',
    async run() {
      const outs = tf.tidy(() => {
        const a = t([6, 7], 43);
        const b = t([7], 47, 0.5, 2);
        return {
          add: tf.add(a, b),
          sub: tf.sub(a, b),
          mul: tf.mul(a, b),
          div: tf.div(a, b),
          max: tf.maximum(a, b),
          sq: tf.square(a),
          abs: tf.abs(a),
          relu: tf.relu(a),
        };
      });
      return readOutputs(outs);
    },
  },
  {
    name: 'elementwise transcendental functions',
    atol: 1e-5,
    rtol: 2e-4,
    toleranceReason:
      'exp/log/tanh/sigmoid/sqrt are approximated differently by each backend (GLSL/WGSL builtins are not correctly rounded)',
    async run() {
      const outs = tf.tidy(() => {
        const a = t([5, 40], 53, -3, 3);
        const pos = t([5, 40], 59, 0.05, 5);
        return {
          exp: tf.exp(a),
          log: tf.log(pos),
          sqrt: tf.sqrt(pos),
          tanh: tf.tanh(a),
          sigmoid: tf.sigmoid(a),
        };
      });
      return readOutputs(outs);
    },
  },
  {
    name: 'reductions: sum, mean, max, min, argMax, logSumExp, softmax',
    atol: 1e-5,
    rtol: 2e-4,
    toleranceReason: 'float32 reductions over up to 1000 terms in backend-specific order; softmax/logSumExp use exp',
    async run() {
      const outs = tf.tidy(() => {
        const a = t([10, 100], 61);
        return {
          sumAll: tf.sum(a),
          sum0: tf.sum(a, 0),
          sum1: tf.sum(a, 1),
          mean1: tf.mean(a, 1),
          max1: tf.max(a, 1),
          min0: tf.min(a, 0),
          argMax1: tf.cast(tf.argMax(a, 1), 'float32'),
          logSumExp1: tf.logSumExp(a, 1),
          softmax: tf.softmax(a),
        };
      });
      return readOutputs(outs);
    },
  },
  {
    name: 'gradient of a two-layer tanh network (matMul with transposes in backprop)',
    ...MATMUL_TOL,
    async run() {
      for (const k of ['Sum', 'Square', 'BatchMatMul', 'Tanh']) {
        if (tf.getGradient(k) == null) throw new Error(`no gradient registered for ${k}: tfjs-core's register_all_gradients is not loaded`);
      }
      const outs = tf.tidy(() => {
        const x = t([16, 24], 67);
        const w1 = t([24, 32], 71);
        const w2 = t([32, 5], 73);
        const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(tf.tanh(tf.matMul(x, a)), b)));
        const [g1, g2] = tf.grads(loss)([w1, w2]);
        return { g1, g2 };
      });
      return readOutputs(outs);
    },
  },
];

/**
 * The memory helpers on every backend: scope disposes what it does not return,
 * memorySnapshot counts tensors and bytes, expectNoLeaks passes a clean
 * function and throws a TensorError for one that keeps a tensor.
 */
cases.push({
  name: 'memory: scope, memorySnapshot, expectNoLeaks on a clean and a leaking function',
  async run() {
    const before = memorySnapshot();
    const kept = scope(() => tf.add(t([4, 4], 3), t([4, 4], 4)));
    const during = memorySnapshot();
    kept.dispose();
    await expectNoLeaks(() => scope(() => tf.matMul(t([3, 3], 5), t([3, 3], 6))).dispose(), { iterations: 5 });
    const leaked: tf.Tensor[] = [];
    let threw = 0;
    try {
      await expectNoLeaks(
        () => {
          leaked.push(t([2], 7));
        },
        { iterations: 3, warmup: 0 },
      );
    } catch (e) {
      threw = e instanceof TensorError ? 1 : -1;
    }
    tf.dispose(leaked);
    const after = memorySnapshot();
    return {
      // one float32 [4, 4] result kept by scope: 1 tensor, 64 bytes
      kept: [during.tensors - before.tensors, during.bytes - before.bytes],
      threw: [threw],
      net: [after.tensors - before.tensors, after.bytes - before.bytes],
    };
  },
});
