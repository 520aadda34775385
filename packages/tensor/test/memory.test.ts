import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeaks, memorySnapshot, scope, setBackend, tf, TensorError } from '../src/index.js';

beforeAll(async () => {
  await setBackend('wasm');
});

describe('memorySnapshot', () => {
  it('reports the engine tensor count and bytes', () => {
    const before = memorySnapshot();
    const t = tf.zeros([10, 3], 'float32');
    const after = memorySnapshot();
    expect(after.tensors - before.tensors).toBe(1);
    expect(after.bytes - before.bytes).toBe(10 * 3 * 4);
    t.dispose();
    expect(memorySnapshot()).toEqual(before);
  });
});

describe('scope', () => {
  it('disposes intermediates and keeps the result', () => {
    const before = memorySnapshot();
    const y = scope(() => tf.sum(tf.mul(tf.ones([4, 4]), tf.scalar(2))));
    expect(memorySnapshot().tensors - before.tensors).toBe(1);
    expect(y.dataSync()[0]).toBe(32);
    y.dispose();
    expect(memorySnapshot()).toEqual(before);
  });
});

describe('expectNoLeaks', () => {
  it('passes on tidy code over many calls', async () => {
    const x = tf.ones([8, 8]);
    const { before, after } = await expectNoLeaks(
      () => {
        const y = tf.tidy(() => tf.relu(tf.matMul(x, x)));
        y.dispose();
      },
      { iterations: 1000 },
    );
    expect(after).toEqual(before);
    x.dispose();
  });

  it('passes on async code that disposes what it reads', async () => {
    await expectNoLeaks(
      async () => {
        const y = tf.range(0, 16);
        await y.data();
        y.dispose();
      },
      { iterations: 50 },
    );
  });

  it('detects a tensor leak and reports how many tensors leaked', async () => {
    const leaked: tf.Tensor[] = [];
    const err = await expectNoLeaks(
      () => {
        leaked.push(tf.ones([3]));
      },
      { iterations: 7, warmup: 1 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).message).toMatch(/leaked 7 tensors \/ 84 bytes/);
    expect(leaked.length).toBe(8);
    tf.dispose(leaked);
  });

  it('detects growing bytes even when the tensor count stays flat', async () => {
    let held = tf.zeros([1]);
    let size = 1;
    const err = await expectNoLeaks(
      () => {
        held.dispose();
        held = tf.zeros([++size]);
      },
      { iterations: 5 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TensorError);
    expect((err as TensorError).message).toMatch(/leaked 0 tensors \/ 20 bytes/);
    held.dispose();
  });
});
