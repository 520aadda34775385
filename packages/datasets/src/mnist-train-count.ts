/** Side of an MNIST image in pixels (images are 28 × 28). */
export const MNIST_SIDE = 28;
/** Pixels per MNIST image, 28 · 28 = 784. */
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

/**
 * The project's one MNIST split: of the `count` images of a class, in the order
 * of the `mnist` package's files, the first `floor(0.8 · count)` are training
 * images and the rest test images. Computed in integers, `floor(4 · count / 5)`,
 * so no rounding of 0.8 can move an image between the sets.
 */
export function mnistTrainCount(count: number): number {
  return Math.floor((4 * count) / 5);
}
