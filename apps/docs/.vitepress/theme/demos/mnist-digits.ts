// MNIST digits served to the demos (written at build time by scripts/mnist-digits.mjs for the eqprop
// and HRR demos): (train + test)×784 uint8 pixels (round(255·value) of @neurite/datasets' fixed split),
// training rows first, then the (train + test) uint8 labels in the same order.

/** A set of digits decoded for a demo. */
export interface DigitSet {
  /** [n, 784] pixels in [0, 1] (byte / 255). */
  x: Float32Array;
  /** The n labels, 0–9. */
  labels: Int32Array;
  /** The number of digits. */
  n: number;
}

/** Split a digits file of `train + test` digits into its training and test sets. */
export function decodeDigits(bytes: Uint8Array, train: number, test: number): { train: DigitSet; test: DigitSet } {
  const n = train + test;
  if (bytes.length !== n * 785) throw new Error(`the digits file has ${bytes.length} bytes, expected ${n * 785} for ${n} digits`);
  const part = (from: number, count: number): DigitSet => {
    const x = new Float32Array(count * 784);
    for (let i = 0; i < count * 784; i++) x[i] = bytes[from * 784 + i] / 255;
    return { x, labels: Int32Array.from(bytes.subarray(n * 784 + from, n * 784 + from + count)), n: count };
  };
  return { train: part(0, train), test: part(train, test) };
}
