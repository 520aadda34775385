import * as tf from '@tensorflow/tfjs-core';
import { TensorError } from './tensor-error.js';

/** Run `fn` in a tfjs scope: every tensor it makes and does not return is disposed. */
export function scope<T extends tf.TensorContainer>(fn: () => T): T {
  return tf.tidy(fn);
}

/** Tensor count and bytes now held by the engine. */
export interface MemorySnapshot {
  /** Live tensors (tf.memory().numTensors). */
  tensors: number;
  /** Bytes of tensor data held (tf.memory().numBytes). */
  bytes: number;
}

/**
 * The tensor count and bytes held by the tfjs engine now (of the active backend).
 * @example
 * ```ts
 * import { memorySnapshot, tf } from '@neurite/tensor';
 * const before = memorySnapshot();
 * tf.tidy(() => tf.sum(tf.ones([4])));
 * console.log(memorySnapshot().tensors - before.tensors); // 0
 * ```
 */
export function memorySnapshot(): MemorySnapshot {
  const m = tf.memory();
  return { tensors: m.numTensors, bytes: m.numBytes };
}

/**
 * Call `fn` `iterations` times (after `warmup` calls that may allocate caches)
 * and throw a TensorError if the tensor count or bytes grew. Returns the
 * before/after snapshots. Use it in tests: `await expectNoLeaks(() => step(x), { iterations: 10_000 })`.
 */
export async function expectNoLeaks(
  fn: () => unknown | Promise<unknown>,
  opts: { iterations?: number; warmup?: number } = {},
): Promise<{ before: MemorySnapshot; after: MemorySnapshot }> {
  const iterations = opts.iterations ?? 100;
  const warmup = opts.warmup ?? 2;
  for (let i = 0; i < warmup; i++) await fn();
  const before = memorySnapshot();
  for (let i = 0; i < iterations; i++) await fn();
  const after = memorySnapshot();
  if (after.tensors !== before.tensors || after.bytes !== before.bytes) {
    throw new TensorError(
      'fn',
      `expectNoLeaks: ${iterations} calls leaked ${after.tensors - before.tensors} tensors / ${after.bytes - before.bytes} bytes`,
    );
  }
  return { before, after };
}
