/**
 * Every public assembly API that runs tensors (softKCap, assemblyLoss,
 * LearningArea: inputs, forward, winners, loss, train, dispose), on whatever
 * tf backend is current. Browser-safe: run in Node (cpu) by browser.test.ts and
 * in Chromium (wasm, webgl, webgpu) by browser/page-entry.ts; results are plain
 * arrays so they cross page.evaluate.
 *
 * Inputs are chosen so that everything before the sigmoid is exact in float32
 * on every backend: x holds integers in [0, 2^16), the mask is 0/1 and the
 * initial weights 1, so each input is an integer < 64·2^16 = 2^22 (exact sums in any
 * order); θ is the midpoint of two such integers and τ = 2^14 a power of two, so
 * z = (x − θ)/τ is exact too. Only the sigmoid's exp (and the loss's float32
 * sums) may differ between backends; browser.test.ts bounds that.
 */
import { createRng, tf } from '@neurite/tensor';
import { LearningArea, assemblyLoss, softKCap } from '../../src/index.js';

export const EXERCISE = {
  batch: 4,
  nIn: 64,
  n: 128,
  k: 8,
  p: 0.4,
  temperature: 16384,
  seed: 'assembly browser exercise',
  steps: 10,
  learningRate: 0.05,
};

export interface LearningExercise {
  backend: string;
  /** LearningArea.inputs(x) (batch × n, row-major): exact integers. */
  inputs: number[];
  /** LearningArea.forward(x) = softKCap(inputs, k, τ). */
  forward: number[];
  /** softKCap(inputs, k, τ) called directly. */
  softKCap: number[];
  /** d/dinputs of Σ softKCap(inputs)·c (c = 1, 2, …, n per row). */
  softKCapGrad: number[];
  /** LearningArea.winners(x) before training. */
  winners: number[][];
  /** LearningArea.loss(x, t) and assemblyLoss(forward, t, k) before training. */
  loss: number;
  assemblyLoss: number;
  /** train(x, t, { steps, learningRate }): the loss before each step. */
  trainLosses: number[];
  /** loss(x, t), forward(x) and winners(x) after training. */
  lossAfter: number;
  forwardAfter: number[];
  winnersAfter: number[][];
  /** The backend's epsilon (tfjs: 1e-7 with float32 textures/buffers, 1e-4 otherwise). */
  epsilon: number;
  /** Tensors left behind by all of the above (must be 0). */
  leaked: number;
}

/** The input patterns (integers in [0, 2^16)) and 0/1 target assemblies of k neurons. */
export function exerciseData(): { x: number[]; target: number[] } {
  const { batch, nIn, n, k } = EXERCISE;
  const rng = createRng(EXERCISE.seed);
  const x = Array.from({ length: batch * nIn }, () => rng.uniformInt(65536));
  const target = new Array<number>(batch * n).fill(0);
  for (let b = 0; b < batch; b++) for (const i of rng.sampleWithoutReplacement(n, k)) target[b * n + i] = 1;
  return { x, target };
}

export async function exerciseLearning(backend: string): Promise<LearningExercise> {
  const { batch, nIn, n, k, p, temperature, seed, steps, learningRate } = EXERCISE;
  const data = exerciseData();
  const x = tf.tensor2d(data.x, [batch, nIn]);
  const t = tf.tensor2d(data.target, [batch, n]);
  const area = new LearningArea({ nIn, n, k, p, temperature, seed });
  const read = async (y: tf.Tensor) => {
    try {
      return Array.from(await y.data());
    } finally {
      y.dispose();
    }
  };
  const weights = tf.tensor1d(Array.from({ length: n }, (_, i) => i + 1));
  try {
    const inputs = await read(area.inputs(x));
    const forward = await read(area.forward(x));
    const inp = area.inputs(x);
    const direct = await read(softKCap(inp, k, temperature));
    const grad = await read(tf.grad((z: tf.Tensor) => tf.sum(tf.mul(softKCap(z, k, temperature), weights)))(inp));
    inp.dispose();
    const winners = (await area.winners(x)).map((w) => Array.from(w));
    const loss = await read(area.loss(x, t));
    const act = area.forward(x);
    const manual = await read(assemblyLoss(act, t, k));
    act.dispose();
    const trainLosses = await area.train(x, t, { steps, learningRate });
    const lossAfter = await read(area.loss(x, t));
    const forwardAfter = await read(area.forward(x));
    const winnersAfter = (await area.winners(x)).map((w) => Array.from(w));
    return {
      backend,
      inputs,
      forward,
      softKCap: direct,
      softKCapGrad: grad,
      winners,
      loss: loss[0],
      assemblyLoss: manual[0],
      trainLosses,
      lossAfter: lossAfter[0],
      forwardAfter,
      winnersAfter,
      epsilon: tf.backend().epsilon(),
      leaked: 0,
    };
  } finally {
    area.dispose();
    tf.dispose([x, t, weights]);
  }
}

/** exerciseLearning plus the count of tensors it left behind. */
export async function exerciseLearningChecked(backend: string): Promise<LearningExercise> {
  const before = tf.memory().numTensors;
  const r = await exerciseLearning(backend);
  return { ...r, leaked: tf.memory().numTensors - before };
}
