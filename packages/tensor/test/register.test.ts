/**
 * `@neurite/tensor/register` registers cpu and wasm, Neurite's kernels for both
 * and the tfjs gradients at import, so tf ops run without awaiting setBackend.
 * (Its own test file: vitest gives each file a fresh process and tfjs engine.)
 */
import { describe, expect, it } from 'vitest';
import '../src/register.js';
import { tf, setBackend, GatherRowsSum, NeuronStep } from '../src/index.js';

describe('@neurite/tensor/register', () => {
  it('registers cpu and wasm with their Neurite kernels and the gradients, synchronously', () => {
    expect(Object.keys(tf.engine().registryFactory).sort()).toEqual(['cpu', 'wasm']);
    expect(tf.getBackend()).toBe('cpu');
    for (const backend of ['cpu', 'wasm']) {
      expect(tf.getKernel(GatherRowsSum, backend), `${GatherRowsSum} on ${backend}`).toBeDefined();
      expect(tf.getKernel(NeuronStep, backend), `${NeuronStep} on ${backend}`).toBeDefined();
    }
    expect(tf.getKernel('FFT', 'wasm')).toBeDefined();
    expect(tf.getGradient(tf.BatchMatMul)).toBeDefined();
  });

  it('tf ops and gradients run without setBackend, on cpu', async () => {
    const y = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.square(x)))(tf.tensor1d([1, 2, 3])));
    expect(tf.getBackend()).toBe('cpu');
    expect(Array.from(await y.data())).toEqual([2, 4, 6]);
    y.dispose();
  });

  it('setBackend("wasm") then starts wasm', async () => {
    expect((await setBackend('wasm')).name).toBe('wasm');
  });
});
