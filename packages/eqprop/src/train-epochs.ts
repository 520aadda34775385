import { toRng, type SeedOrRng } from '@neurite/tensor';
import type { EqPropKernel } from './eqprop-kernel.js';
import { checkInt, EqPropError } from './eqprop-error.js';
import { setCompletedEpochs } from './optimizer-state.js';

/** A labelled data set as flat arrays: images [n, inputDim] row-major, labels [n]. */
export interface LabelledData {
  /** Images [n, inputDim] row-major, values in [0, 1]. */
  images: Float32Array;
  /** Class indices [n]. */
  labels: ArrayLike<number>;
  /** Number of examples. */
  n: number;
}

/** Options of {@link trainEpochs}. */
export interface TrainEpochsOptions {
  /** Passes over the training set: the length of the schedule (and of the run unless `firstEpoch`/`lastEpoch` cut it). */
  epochs: number;
  /**
   * First epoch to run, from 1 (default 1). Earlier epochs are skipped but their shuffles are drawn, so that
   * training a kernel loaded from `save()` with `firstEpoch: completedEpochs(kernel) + 1` and the same other
   * options continues the interrupted run exactly (same minibatches, same point of the schedule).
   */
  firstEpoch?: number;
  /** Last epoch to run (default `epochs`): stop part-way through a schedule, e.g. to save and resume later. */
  lastEpoch?: number;
  /** Minibatch size (default 20). */
  batch?: number;
  /** Seed of the per-epoch shuffles (default 0). */
  seed?: SeedOrRng;
  /** Evaluated after every epoch (test error in the curve). */
  test?: LabelledData;
  /** Also evaluate the whole training set after every epoch (default false: the running training error is reported). */
  evaluateTrain?: boolean;
  /**
   * Learning-rate schedule over the epochs: 'constant' (default), or 'cosine' annealing
   * (Loshchilov & Hutter 2017, as Laborieux et al. 2021 train EP): epoch e of E runs with
   * kernel.lrScale = ½(1 + cos(π(e − 1)/E)) (restored to its value before when training ends).
   */
  schedule?: 'constant' | 'cosine';
  /** Called after every minibatch. */
  onBatch?: (info: { epoch: number; done: number; total: number; loss: number; accuracy: number; samplesPerSecond: number }) => void;
}

/** One point of a learning curve (errors are fractions in [0, 1]). */
export interface EpochRecord {
  /** Epoch number, from 1. */
  epoch: number;
  /** Mean training cost over the epoch's minibatches (at their free fixed points, before each update). */
  loss: number;
  /** Training error: of the whole set after the epoch with `evaluateTrain`, else running over the epoch. */
  trainError: number;
  /** Error on `test` after the epoch (when given). */
  testError?: number;
  /** Training throughput of the epoch (samples per second, wall clock). */
  samplesPerSecond: number;
}

/**
 * Train for a number of epochs with seeded reshuffling (Fisher–Yates from
 * `toRng(seed)`), example indices as persistent-particle ids, and a full
 * minibatch only (the tail of fewer than `batch` examples is skipped each epoch).
 */
export function trainEpochs(kernel: EqPropKernel, train: LabelledData, options: TrainEpochsOptions): EpochRecord[] {
  const fn = 'trainEpochs';
  const epochs = checkInt(fn, 'epochs', options.epochs, 0);
  const B = checkInt(fn, 'batch', options.batch ?? 20, 1, Math.max(1, train.n));
  const rng = toRng(options.seed ?? 0);
  const d = kernel.sizes[0];
  const order = Int32Array.from({ length: train.n }, (_, i) => i);
  const x = new Float32Array(B * d);
  const y = new Int32Array(B);
  const ids = new Int32Array(B);
  const curve: EpochRecord[] = [];
  const batches = Math.floor(train.n / B);
  const schedule = options.schedule ?? 'constant';
  if (schedule !== 'constant' && schedule !== 'cosine')
    throw new EqPropError('schedule', `${fn}: schedule must be 'constant' or 'cosine', got ${String(schedule)}`);
  const first = checkInt(fn, 'firstEpoch', options.firstEpoch ?? 1, 1);
  const last = checkInt(fn, 'lastEpoch', options.lastEpoch ?? epochs, 0, epochs);
  const scale0 = kernel.lrScale;
  try {
    for (let epoch = 1; epoch <= last; epoch++) {
      shuffle();
      if (epoch < first) continue;
      if (schedule === 'cosine') kernel.lrScale = scale0 * 0.5 * (1 + Math.cos((Math.PI * (epoch - 1)) / epochs));
      curve.push(runEpoch(epoch));
      setCompletedEpochs(kernel, epoch);
    }
  } finally {
    kernel.lrScale = scale0;
  }
  return curve;

  /** This epoch's order: a Fisher–Yates shuffle of the previous one. */
  function shuffle(): void {
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.uniformInt(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  function runEpoch(epoch: number): EpochRecord {
    const t0 = performance.now();
    let loss = 0;
    let correct = 0;
    for (let k = 0; k < batches; k++) {
      for (let b = 0; b < B; b++) {
        const i = order[k * B + b];
        x.set(train.images.subarray(i * d, (i + 1) * d), b * d);
        y[b] = train.labels[i];
        ids[b] = i;
      }
      const r = kernel.trainBatch(x, y, { ids });
      loss += r.loss;
      correct += r.accuracy * B;
      options.onBatch?.({
        epoch,
        done: (k + 1) * B,
        total: batches * B,
        loss: r.loss,
        accuracy: r.accuracy,
        samplesPerSecond: ((k + 1) * B) / ((performance.now() - t0) / 1000),
      });
    }
    const seconds = (performance.now() - t0) / 1000;
    const rec: EpochRecord = {
      epoch,
      loss: loss / Math.max(1, batches),
      trainError: 1 - correct / Math.max(1, batches * B),
      samplesPerSecond: (batches * B) / seconds,
    };
    if (options.evaluateTrain) rec.trainError = 1 - kernel.evaluateArray(train.images.subarray(0, train.n * d), train.labels).accuracy;
    if (options.test)
      rec.testError = 1 - kernel.evaluateArray(options.test.images.subarray(0, options.test.n * d), options.test.labels).accuracy;
    return rec;
  }
}
