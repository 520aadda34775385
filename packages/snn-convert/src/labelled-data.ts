import { tf, toRng } from '@neurite/tensor';
import type { SeedOrRng } from '@neurite/tensor';
import { ConvertError } from './convert-error.js';
import { size } from './network.js';

/**
 * Samples with class labels. `images` holds n samples row-major, each with
 * the model's input shape (NHWC for images: a 28×28 MNIST digit is 784 values
 * in either [784] or [28, 28, 1] form); for event data, each sample is
 * T_ev frames of that shape ([n, T_ev, ...shape]) and `frames` = T_ev.
 * `@neurite/datasets` MNIST splits fit as they are.
 */
export interface LabelledData {
  /** Samples row-major, each of the model's input size (times `frames` for event data). */
  images: Float32Array;
  /** Class of each sample, an integer in [0, classes). */
  labels: ArrayLike<number>;
  /** Number of samples (default labels.length). */
  n?: number;
  /** Frames per sample for event data (5-D input: batch, time, H, W, C). */
  frames?: number;
}

/** Check `data` against the per-sample input size; returns n. */
export function checkData(fn: string, name: string, data: LabelledData | undefined, sampleSize: number, classes?: number): number {
  if (data == null || !(data.images instanceof Float32Array) || data.labels == null)
    throw new ConvertError(name, `${fn}: ${name} must be { images: Float32Array, labels, n? }`);
  const n = data.n ?? data.labels.length;
  if (n < 1) throw new ConvertError(name, `${fn}: ${name} is empty (n = 0)`, { code: 'ERR_OUT_OF_RANGE' });
  const per = sampleSize * (data.frames ?? 1);
  if (data.images.length < n * per || data.labels.length < n)
    throw new ConvertError(
      name,
      `${fn}: ${name} has ${data.images.length} values and ${data.labels.length} labels for n = ${n} samples of ${per} values`,
      {
        code: 'ERR_SHAPE',
      },
    );
  if (classes !== undefined)
    for (let i = 0; i < n; i++) {
      const l = data.labels[i];
      if (!Number.isInteger(l) || l < 0 || l >= classes)
        throw new ConvertError(name, `${fn}: ${name}.labels[${i}] = ${l} is not a class in [0, ${classes})`, { code: 'ERR_OUT_OF_RANGE' });
    }
  return n;
}

/** A seeded permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, seed: SeedOrRng): Int32Array {
  const rng = toRng(seed);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.uniformInt(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

/** The samples `idx` as a tensor [k, ...shape] (or [k, frames, ...shape]) and their labels. */
export function gatherBatch(data: LabelledData, idx: ArrayLike<number>, shape: number[]): { x: tf.Tensor; y: Int32Array } {
  const per = size(shape) * (data.frames ?? 1);
  const k = idx.length;
  const buf = new Float32Array(k * per);
  const y = new Int32Array(k);
  for (let j = 0; j < k; j++) {
    const i = idx[j];
    buf.set(data.images.subarray(i * per, (i + 1) * per), j * per);
    y[j] = data.labels[i];
  }
  const full = data.frames ? [k, data.frames, ...shape] : [k, ...shape];
  return { x: tf.tensor(buf, full, 'float32'), y };
}

/** Index ranges [start, end) of consecutive batches. */
export function* batches(n: number, batchSize: number): Generator<[number, number]> {
  for (let s = 0; s < n; s += batchSize) yield [s, Math.min(n, s + batchSize)];
}

/** 0..k-1 offset by start, as an index list. */
export function range(start: number, end: number): Int32Array {
  const r = new Int32Array(end - start);
  for (let i = 0; i < r.length; i++) r[i] = start + i;
  return r;
}
