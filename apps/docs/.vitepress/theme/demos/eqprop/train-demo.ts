// The eqprop demo's computation: an energy network trained by equilibrium propagation on a few hundred
// MNIST digits with @neurite/eqprop's tensorTrainStep (tfjs ops on the page's backend), then the free
// phase classifying a digit. No static import of @neurite/* or tfjs: the caller passes the modules.
import type * as Eqprop from '@neurite/eqprop';
import type { TensorModule } from '../../demo-kit/index.js';

type Tf = TensorModule['tf'];

export interface EqpropDemoSettings {
  seed: number;
  hidden: number;
  /** Training digits used (the first of the file's 400). */
  digits: number;
  epochs: number;
  batch: number;
  freeSteps: number;
  nudgedSteps: number;
  beta: number;
  lr: [number, number];
}

/**
 * Scellier & Bengio 2017's dynamics (projected Euler, ε = 0.5, 20 free and 4 nudged steps, hard sigmoid,
 * MSE) with a fixed β = +1 (one-sided), Glorot-uniform initial weights from the seed, SGD with their
 * α = 0.1 / 0.05; batches in file order (no shuffle), so a run is a pure function of these settings.
 */
export const DEFAULTS: EqpropDemoSettings = {
  seed: 1,
  hidden: 64,
  digits: 400,
  epochs: 3,
  batch: 20,
  freeSteps: 20,
  nudgedSteps: 4,
  beta: 1,
  lr: [0.1, 0.05],
};

export { decodeDigits, type DigitSet } from '../mnist-digits.js';
import type { DigitSet } from '../mnist-digits.js';

/** The trained network as plain arrays (W_0 [784, hidden], W_1 [hidden, 10]). */
export interface DemoNetwork {
  sizes: number[];
  weights: Float32Array[];
  biases: Float32Array[];
}

export interface EqpropDemoResult {
  settings: EqpropDemoSettings;
  /** Mean cost ½‖s_L − y‖² of each training batch at its free fixed point (before its update). */
  losses: number[];
  /** Accuracy on the test digits after each epoch. */
  testAccuracy: number[];
  /** W_1, b_0, b_1 after training, and every 97th entry of W_0 (for the test's comparison). */
  w1: number[];
  b0: number[];
  b1: number[];
  w0Sample: number[];
}

export interface TrainHooks {
  /** Times one training step (the shell's ctx.time). */
  time<T>(steps: number, fn: () => Promise<T>): Promise<T>;
  onBatch?(loss: number, epoch: number, batch: number): void | Promise<void>;
  onEpoch?(accuracy: number, epoch: number): void | Promise<void>;
}

/** The free phase's outputs s_L [B, 10] for images [B, 784] (tensors of the active backend). */
function outputs(
  eqprop: typeof Eqprop,
  tf: Tf,
  params: Eqprop.TensorParams,
  x: Eqprop.TensorParams['weights'][number],
  s: EqpropDemoSettings,
) {
  const states = eqprop.relaxTensors(params, x, { steps: s.freeSteps, dynamics: 'scellier', stepSize: 0.5 });
  const out = states[states.length - 1];
  tf.dispose(states.slice(0, -1));
  return out;
}

async function accuracy(eqprop: typeof Eqprop, tf: Tf, params: Eqprop.TensorParams, set: DigitSet, s: EqpropDemoSettings): Promise<number> {
  const x = tf.tensor2d(set.x, [set.n, 784]);
  const out = outputs(eqprop, tf, params, x, s);
  const pred = tf.argMax(out, 1);
  const p = await pred.data();
  tf.dispose([x, out, pred]);
  let right = 0;
  for (let i = 0; i < set.n; i++) if (p[i] === set.labels[i]) right++;
  return right / set.n;
}

/** Train from the seed's initial weights; returns the result the test checks and the network. */
export async function trainDemo(
  eqprop: typeof Eqprop,
  tf: Tf,
  data: { train: DigitSet; test: DigitSet },
  s: EqpropDemoSettings,
  hooks: TrainHooks,
): Promise<{ result: EqpropDemoResult; network: DemoNetwork }> {
  const sizes = [784, s.hidden, 10];
  const net = eqprop.createNetwork(sizes, s.seed);
  let params: Eqprop.TensorParams = {
    weights: net.weights.map((w, l) => tf.tensor2d(w, [sizes[l], sizes[l + 1]])),
    biases: net.biases.map((b) => tf.tensor1d(b)),
  };
  const losses: number[] = [];
  const testAccuracy: number[] = [];
  const n = Math.min(s.digits, data.train.n);
  const batches = Math.floor(n / s.batch);
  try {
    for (let epoch = 1; epoch <= s.epochs; epoch++) {
      for (let k = 0; k < batches; k++) {
        const x = tf.tensor2d(data.train.x.subarray(k * s.batch * 784, (k + 1) * s.batch * 784), [s.batch, 784]);
        const y = tf.tidy(() =>
          tf.cast(tf.oneHot(tf.tensor1d(data.train.labels.subarray(k * s.batch, (k + 1) * s.batch), 'int32'), 10), 'float32'),
        );
        const loss = await hooks.time(1, async () => {
          const step = eqprop.tensorTrainStep(params, x, y as Eqprop.TensorParams['weights'][number], {
            freeSteps: s.freeSteps,
            nudgedSteps: s.nudgedSteps,
            beta: s.beta,
            lr: s.lr,
            dynamics: 'scellier',
            stepSize: 0.5,
          });
          const value = (await step.loss.data())[0];
          tf.dispose([params.weights, params.biases, step.loss, step.free]);
          params = step.params;
          return value;
        });
        tf.dispose([x, y]);
        losses.push(loss);
        await hooks.onBatch?.(loss, epoch, k);
      }
      testAccuracy.push(await accuracy(eqprop, tf, params, data.test, s));
      await hooks.onEpoch?.(testAccuracy[testAccuracy.length - 1], epoch);
    }
    const weights = await Promise.all(params.weights.map(async (w) => Float32Array.from(await w.data())));
    const biases = await Promise.all(params.biases.map(async (b) => Float32Array.from(await b.data())));
    const w0Sample: number[] = [];
    for (let i = 0; i < weights[0].length; i += 97) w0Sample.push(weights[0][i]);
    return {
      result: {
        settings: s,
        losses,
        testAccuracy,
        w1: Array.from(weights[1]),
        b0: Array.from(biases[0]),
        b1: Array.from(biases[1]),
        w0Sample,
      },
      network: { sizes, weights, biases },
    };
  } finally {
    tf.dispose([params.weights, params.biases]);
  }
}

/** The free phase on one image [784] in [0, 1]: the 10 output states. */
export async function classify(
  eqprop: typeof Eqprop,
  tf: Tf,
  network: DemoNetwork,
  pixels: Float32Array,
  s: EqpropDemoSettings,
): Promise<number[]> {
  const params: Eqprop.TensorParams = {
    weights: network.weights.map((w, l) => tf.tensor2d(w, [network.sizes[l], network.sizes[l + 1]])),
    biases: network.biases.map((b) => tf.tensor1d(b)),
  };
  const x = tf.tensor2d(pixels, [1, 784]);
  const out = outputs(eqprop, tf, params, x, s);
  const v = Array.from(await out.data());
  tf.dispose([params.weights, params.biases, x, out]);
  return v;
}
