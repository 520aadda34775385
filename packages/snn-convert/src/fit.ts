import { tf } from '@neurite/tensor';
import type { SeedOrRng } from '@neurite/tensor';
import { checkInt, checkPositive } from './convert-error.js';
import type { ActivationFn } from './forward.js';
import { forward } from './forward.js';
import type { LabelledData } from './labelled-data.js';
import { batches, checkData, gatherBatch, permutation } from './labelled-data.js';
import { cloneNetwork, size } from './network.js';
import type { Network } from './network.js';
import { disposeParams, makeParams, variablesOf, writeBack } from './params.js';
import type { NodeParams } from './params.js';

/** Options of {@link fit}. */
export interface FitOptions {
  /** Passes over the data (default 1). */
  epochs?: number;
  /** Adam learning rate (default 1e-3). */
  lr?: number;
  /** Mini-batch size (default 64). */
  batchSize?: number;
  /** Seed of the data order. */
  seed?: SeedOrRng;
  /** Called after each batch with (done, total) batches. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Logits of a batch: a function of the parameters and an input batch
 * ([B, ...shape] or [B, frames, ...shape]); returns [B, classes].
 */
export type LogitsFn = (net: Network, params: NodeParams[], x: tf.Tensor) => tf.Tensor;

/** Logits from one pass with the given activation. */
export const staticLogits =
  (act: ActivationFn): LogitsFn =>
  (net, params, x) =>
    forward(net, params, x, act);

/**
 * Train all weights (and λ/θ) of a copy of `net` with Adam on softmax
 * cross-entropy, mini-batches in a seeded order. Returns the trained copy
 * and the mean loss of each epoch.
 */
export async function fit(
  net: Network,
  data: LabelledData,
  logits: LogitsFn,
  opts: FitOptions = {},
): Promise<{ net: Network; losses: number[] }> {
  const epochs = checkInt('fit', 'epochs', opts.epochs ?? 1, 0, 1e6);
  const lr = checkPositive('fit', 'lr', opts.lr ?? 1e-3);
  const bs = checkInt('fit', 'batchSize', opts.batchSize ?? 64, 1);
  const inShape = net.nodes[0].shape;
  const classes = net.nodes[net.output].shape[0];
  const n = checkData('fit', 'trainData', data, size(inShape), classes);
  const out = cloneNetwork(net);
  const params = makeParams(out, true);
  const vars = variablesOf(params);
  const optimizer = tf.train.adam(lr);
  const losses: number[] = [];
  const total = epochs * Math.ceil(n / bs);
  let done = 0;
  try {
    for (let e = 0; e < epochs; e++) {
      const order = permutation(n, typeof opts.seed === 'number' ? opts.seed * 1000 + e : (opts.seed ?? e));
      let sum = 0;
      for (const [s, t] of batches(n, bs)) {
        const { x, y } = gatherBatch(data, order.subarray(s, t), inShape);
        const cost = optimizer.minimize(
          () =>
            tf.tidy(() => {
              const z = logits(out, params, x);
              return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(y, 'int32'), classes), z) as tf.Scalar;
            }),
          true,
          vars,
        );
        x.dispose();
        sum += (await cost!.data())[0] * (t - s);
        cost!.dispose();
        opts.onProgress?.(++done, total);
      }
      losses.push(sum / n);
    }
    await writeBack(out, params);
  } finally {
    disposeParams(params);
    optimizer.dispose();
  }
  return { net: out, losses };
}
