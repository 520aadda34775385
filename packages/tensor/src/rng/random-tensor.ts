import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from '../tensor-error.js';
import type { Rng } from './rng.js';
import { checkFinite, checkPositive } from '../tensor-validators.js';

/** Distributions {@link randomTensor} draws from. */
export type RandomDistribution = 'uniform' | 'normal' | 'truncatedNormal';

/** Parameters of {@link randomTensor}'s distribution. */
export interface RandomTensorOptions {
  /** uniform: lower bound (default 0); truncatedNormal: lower bound (default mean - 2 std, as tf.truncatedNormal). */
  lo?: number;
  /** uniform: upper bound, exclusive (default 1); truncatedNormal: upper bound (default mean + 2 std). */
  hi?: number;
  /** normal / truncatedNormal: mean (default 0). */
  mean?: number;
  /** normal / truncatedNormal: standard deviation (default 1). */
  std?: number;
}

/**
 * A float32 tensor of `shape` filled from `rng` in row-major order:
 * - 'uniform' (default): `rng.uniformArray(buffer, lo, hi)`, values in [lo, hi);
 * - 'normal': `rng.normalArray(buffer, mean, std)`;
 * - 'truncatedNormal': element by element `rng.truncatedNormal(lo, hi, mean, std)`, rounded to float32.
 * The numbers are made on the JS side, so every backend gets the same bits.
 * The caller owns (and disposes) the returned tensor.
 */
export function randomTensor(rng: Rng, shape: number[], dist: RandomDistribution = 'uniform', opts: RandomTensorOptions = {}): tf.Tensor {
  if (rng === null || typeof rng !== 'object' || typeof rng.uniformArray !== 'function') {
    throw new TensorError('rng', 'randomTensor: rng must be an Rng (createRng(seed))');
  }
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new TensorError('shape', `randomTensor: shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > 2 ** 31 - 1)
    throw new TensorError('shape', `randomTensor: shape ${JSON.stringify(shape)} has ${size} elements (max 2^31 - 1)`);
  const buf = new Float32Array(size);
  if (dist === 'uniform') {
    rng.uniformArray(buf, opts.lo ?? 0, opts.hi ?? 1);
  } else if (dist === 'normal') {
    rng.normalArray(buf, opts.mean ?? 0, opts.std ?? 1);
  } else if (dist === 'truncatedNormal') {
    const mean = opts.mean ?? 0,
      std = opts.std ?? 1;
    checkFinite('randomTensor', 'opts.mean', mean);
    checkPositive('randomTensor', 'opts.std', std);
    const lo = opts.lo ?? mean - 2 * std,
      hi = opts.hi ?? mean + 2 * std;
    for (let i = 0; i < size; i++) buf[i] = rng.truncatedNormal(lo, hi, mean, std);
  } else {
    throw new TensorError('dist', `randomTensor: dist must be 'uniform', 'normal' or 'truncatedNormal', got ${String(dist)}`);
  }
  return tf.tensor(buf, shape, 'float32');
}
