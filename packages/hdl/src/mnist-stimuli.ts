import { loadMnist } from '@neurite/datasets';
import { createRng } from '@neurite/tensor';
import { encodeRate, type SpikeTrains } from './spike-trains.js';

/** What {@link mnistStimuli} returns: calibration, test and testbench spike trains of MNIST digits. */
export interface MnistStimuli {
  /** Every 16th training digit (500), rate-coded: the calibration set of `quantize`. */
  calibration: SpikeTrains;
  /** All 2,004 test digits, rate-coded, with their labels. */
  test: SpikeTrains;
  /** The digit of each test sample. */
  labels: Uint8Array;
  /** `samples` test digits drawn with a seeded shuffle (the test split is stored class by class), for RTL simulation. */
  stimulus: SpikeTrains;
  /** The digit of each `stimulus` sample. */
  stimulusLabels: Uint8Array;
}

function pick(images: Float32Array, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * 784);
  for (let n = 0; n < rows.length; n++) out.set(images.subarray(rows[n] * 784, rows[n] * 784 + 784), n * 784);
  return out;
}

/** MNIST of @neurite/datasets (the fixed 7,996 / 2,004 split) as deterministic rate-coded spike trains (`encodeRate`). */
export async function mnistStimuli(steps: number, samples: number, seed = 0): Promise<MnistStimuli> {
  const { train, test } = await loadMnist();
  const cal: number[] = [];
  for (let i = 0; i < train.n; i += 16) cal.push(i);
  const order = createRng(seed).shuffle(Int32Array.from({ length: test.n }, (_, i) => i));
  const chosen = order.subarray(0, samples);
  return {
    calibration: encodeRate(pick(train.images, cal), cal.length, 784, steps),
    test: encodeRate(test.images, test.n, 784, steps),
    labels: test.labels,
    stimulus: encodeRate(pick(test.images, chosen), chosen.length, 784, steps),
    stimulusLabels: Uint8Array.from(chosen, (i) => test.labels[i]),
  };
}
