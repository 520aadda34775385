import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf, expectNoLeaks } from '@neurite/tensor';
import { EqPropKernel, EqPropError } from '../src/index.js';
import type { EqPropOptions } from '../src/index.js';
import { base64ToFloat32 } from '../src/optimizer-state.js';

beforeAll(async () => {
  await setBackend('cpu');
});
afterAll(async () => {
  await setBackend('cpu');
});

const small = (o: Partial<EqPropOptions> = {}) =>
  new EqPropKernel({ inputDim: 6, hiddenDims: [7, 5], outputDim: 3, lr: 0.05, seed: 3, ...o });
function batch(B: number, seed: number): { x: Float32Array; y: number[] } {
  const x = Float32Array.from({ length: B * 6 }, (_, i) => Math.abs(Math.sin(seed * 12.9898 + i * 78.233)) % 1);
  return { x, y: Array.from({ length: B }, (_, b) => (b + seed) % 3) };
}

describe('EqPropKernel', () => {
  it('same seed → identical weights after 100 steps on cpu and wasm (tensor inputs)', async () => {
    const run = async (backend: 'cpu' | 'wasm') => {
      await setBackend(backend);
      const k = small({ estimator: 'random-sign', seed: 11 });
      for (let t = 0; t < 100; t++) {
        const { x, y } = batch(4, t);
        const xt = tf.tensor2d(x, [4, 6]);
        const yt = tf.tensor1d(y, 'int32');
        await k.trainStep(xt, yt);
        tf.dispose([xt, yt]);
      }
      return k.net.weights.map((w) => Array.from(w));
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(wasm).toEqual(cpu);
    await setBackend('cpu');
    // and a different seed gives different weights
    const other = small({ estimator: 'random-sign', seed: 12 });
    expect(Array.from(other.net.weights[0])).not.toEqual(cpu[0]);
  });

  it('no tensor leaks over 10k trainStep / predict / evaluate calls', async () => {
    const k = small({ maxSteps: 8, nudgedSteps: 4 });
    const xt = tf.tensor2d(batch(2, 1).x.subarray(0, 12), [2, 6]);
    const yt = tf.tensor1d([0, 2], 'int32');
    await expectNoLeaks(() => k.trainStep(xt, yt), { iterations: 10_000 });
    await expectNoLeaks(
      async () => {
        const p = await k.predict(xt);
        p.dispose();
        await k.evaluate(xt, yt);
      },
      { iterations: 200 },
    );
    tf.dispose([xt, yt]);
  });

  it('memory does not grow with maxSteps (10 → 1000): tensor bytes and the kernel’s own arrays', async () => {
    const bytes: number[] = [];
    const own: number[] = [];
    for (const maxSteps of [10, 100, 1000]) {
      const k = small({ maxSteps, nudgedSteps: maxSteps, epsilon: 0, adaptiveEpsilon: false });
      const { x, y } = batch(8, 2);
      const before = tf.memory().numBytes;
      const xt = tf.tensor2d(x, [8, 6]);
      const r = await k.trainStep(xt, y);
      xt.dispose();
      expect(r.freeSteps).toBe(maxSteps);
      bytes.push(tf.memory().numBytes - before);
      own.push(k.memoryBytes);
    }
    expect(new Set(bytes).size).toBe(1);
    expect(new Set(own).size).toBe(1);
  });

  it('save → JSON → load gives the same predictions and training', async () => {
    const k = small();
    const { x, y } = batch(5, 4);
    k.trainBatch(x, y);
    const copy = EqPropKernel.load(JSON.parse(JSON.stringify(k.save())));
    expect(Array.from(copy.predictArray(x))).toEqual(Array.from(k.predictArray(x)));
    k.trainBatch(x, y);
    copy.trainBatch(x, y);
    expect(copy.net.weights.map((w) => Array.from(w))).toEqual(k.net.weights.map((w) => Array.from(w)));
    const p = await k.predict(tf.tensor2d(x, [5, 6]));
    expect(p.shape).toEqual([5, 3]);
    p.dispose();
  });

  it('learns a separable toy problem (loss falls, accuracy reaches 1) with every dynamics and estimator', () => {
    const cases: Partial<EqPropOptions>[] = [
      {},
      { dynamics: 'async' },
      {
        dynamics: 'scellier',
        epsilon: 0,
        maxSteps: 20,
        nudgedSteps: 4,
        beta: 1,
        estimator: 'random-sign',
        spectralNorm: false,
        persistent: true,
      },
      { estimator: 'one-sided', cost: 'cross-entropy' },
      // (with the hard sigmoid, symmetric + cross-entropy at this lr drives every hidden unit below 0, where
      // the clip stops all learning — a dead-unit failure, not a wrong gradient: see the numpy reference test)
      { estimator: 'symmetric', cost: 'cross-entropy', activation: 'sigmoid' },
      { activation: 'sigmoid', estimator: 'holomorphic', gamma: 0.8 },
      { dtype: 'float16' },
    ];
    for (const c of cases) {
      const k = new EqPropKernel({ inputDim: 4, hiddenDims: [12], outputDim: 2, lr: 0.5, seed: 5, beta: 0.5, ...c });
      // class = which half of the input is on
      const x = new Float32Array([1, 1, 0, 0, 0, 0, 1, 1, 1, 0.8, 0, 0.1, 0.1, 0, 0.9, 1]);
      const y = [0, 1, 0, 1];
      const ids = [0, 1, 2, 3];
      const first = k.trainBatch(x, y, { ids });
      let last = first;
      for (let t = 0; t < 300; t++) last = k.trainBatch(x, y, { ids });
      expect(last.loss, JSON.stringify(c)).toBeLessThan(first.loss);
      expect(k.evaluateArray(x, y).accuracy, JSON.stringify(c)).toBe(1);
      if (c.dtype === 'float16') for (const w of k.net.weights) for (const v of w) expect(Math.fround(v)).toBe(v);
    }
  });

  it('Adam gets the batch mean for every estimator: its first moment after one step is 0.1 · ΣΔW / B', () => {
    // m₁ = 0.1·g with g the update direction; for a batch of B = 2 rows it must be the mean of the estimate
    // (gradient() gives the sum). The holomorphic path once skipped the 1/B under Adam (m₁ twice as large).
    const x = new Float32Array([1, 0.2, 0, 0.7, 0, 0.9, 0.4, 0]);
    const y = [1, 0];
    for (const c of [
      { estimator: 'one-sided' as const },
      { estimator: 'symmetric' as const },
      { estimator: 'holomorphic' as const, activation: 'sigmoid' as const, gamma: 0.8 },
    ]) {
      const make = () =>
        new EqPropKernel({ inputDim: 4, hiddenDims: [6], outputDim: 2, lr: 0.01, seed: 3, beta: 0.5, optimizer: 'adam', ...c });
      const sum = make()
        .gradient(x, y)
        .weights.map((w) => w.slice());
      const k = make();
      k.predictArray(x); // buffers sized for B first, as in every step after the first (where the skip showed)
      k.trainBatch(x, y);
      const m = k
        .save()
        .training!.adam!.m.slice(0, sum.length)
        .map((t, l) => base64ToFloat32(t, sum[l].length, 'm'));
      let worst = 0,
        scale = 0;
      sum.forEach((g, l) =>
        g.forEach((v, i) => {
          worst = Math.max(worst, Math.abs(m[l][i] - (0.1 * v) / 2));
          scale = Math.max(scale, Math.abs(0.1 * v));
        }),
      );
      // float32: the trained path scales each term by 1/B before summing, gradient() sums then the test halves
      // (a few ulps of the largest entry); the missing 1/B would be off by half of each entry
      expect(worst, c.estimator).toBeLessThan(1e-5 * scale);
      expect(scale, c.estimator).toBeGreaterThan(0);
    }
  });

  it('float16 storage keeps every weight a binary16 value', async () => {
    const { roundToF16 } = await import('../src/index.js');
    const k = small({ dtype: 'float16' });
    const { x, y } = batch(4, 1);
    for (let t = 0; t < 5; t++) k.trainBatch(x, y);
    for (const w of k.net.weights) for (const v of w) expect(roundToF16(v)).toBe(v);
  });
});

describe('EqPropKernel bad input → EqPropError', () => {
  it('names the input', async () => {
    const k = small();
    const { x, y } = batch(2, 0);
    const expectErr = (f: () => unknown, code: string, arg: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(EqPropError);
        expect((e as EqPropError).code).toBe(code);
        expect((e as EqPropError).argument).toBe(arg);
        return;
      }
      throw new Error('did not throw');
    };
    expectErr(() => k.trainBatch(x.subarray(0, 7), [0]), 'ERR_SHAPE', 'x');
    expectErr(() => k.trainBatch(x, [0]), 'ERR_SHAPE', 'y');
    expectErr(() => k.trainBatch(x, [0, 3]), 'ERR_OUT_OF_RANGE', 'y');
    expectErr(() => k.trainBatch(x, [0, 1.5]), 'ERR_OUT_OF_RANGE', 'y');
    const nan = x.slice();
    nan[3] = NaN;
    expectErr(() => k.trainBatch(nan, y), 'ERR_NOT_FINITE', 'x');
    expectErr(() => small({ beta: 0 }), 'ERR_OUT_OF_RANGE', 'beta');
    expectErr(() => small({ maxSteps: -3 }), 'ERR_OUT_OF_RANGE', 'maxSteps');
    expectErr(() => small({ nudgedSteps: 0 }), 'ERR_OUT_OF_RANGE', 'nudgedSteps');
    expectErr(() => small({ gamma: 1.5 }), 'ERR_OUT_OF_RANGE', 'gamma');
    expectErr(() => small({ lr: [0.1] }), 'ERR_INVALID_ARGUMENT', 'lr');
    expectErr(() => small({ estimator: 'holomorphic' }), 'ERR_INVALID_ARGUMENT', 'estimator');
    const xt = tf.tensor2d([[1, 2, 3]]);
    await expect(k.trainStep(xt, [0])).rejects.toThrow(/shape \[B, 6\]/);
    xt.dispose();
  });

  it('a diverging relaxation stops with ERR_STATE and leaves the weights unchanged (no NaN)', () => {
    // γ = 1 synchronous updates of two layers coupled by −4 with biases 1 flip between (1, 1) and (0, 0):
    // the residual stays at its first value instead of decreasing.
    const k = new EqPropKernel({ inputDim: 2, hiddenDims: [2], outputDim: 2, gamma: 1, spectralNorm: false, maxSteps: 50, seed: 1 });
    k.net.weights[0].fill(0);
    k.net.weights[1].set([-4, 0, 0, -4]);
    k.net.biases[0].fill(1);
    k.net.biases[1].fill(1);
    const before = k.net.weights.map((w) => Array.from(w));
    expect(() => k.trainBatch(new Float32Array([0.1, 0.2]), [0])).toThrow(/diverging/);
    try {
      k.trainBatch(new Float32Array([0.1, 0.2]), [0]);
    } catch (e) {
      expect((e as EqPropError).code).toBe('ERR_STATE');
      expect((e as EqPropError).argument).toBe('relaxation');
    }
    expect(k.net.weights.map((w) => Array.from(w))).toEqual(before);
  });
});
