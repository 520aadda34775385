import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, expectNoLeaks, setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { ConvertError, convert } from '../src/index.js';
import type { LabelledData } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

/** Two Gaussian blobs per class in 6-D, 3 classes, seeded. */
function blobs(n: number, seed: number): LabelledData {
  const rng = createRng(seed);
  const images = new Float32Array(n * 6);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    for (let j = 0; j < 6; j++) images[i * 6 + j] = Math.max(0, rng.normal(j === 2 * c || j === 2 * c + 1 ? 1 : 0.1, 0.2));
  }
  return { images, labels };
}

function mlp(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({
        inputShape: [6],
        units: 8,
        activation: 'relu',
        name: 'h',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }),
      }),
      tfl.layers.dense({ units: 3, kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
}

async function errorOf(p: Promise<unknown>): Promise<ConvertError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConvertError);
  return e as ConvertError;
}

describe('convert', () => {
  it('runs every stage and reports per-step accuracy, thresholds and timings', async () => {
    const model = mlp();
    const train = blobs(300, 1);
    const test = blobs(90, 2);
    const { snn, stats } = await convert(model, train, { testData: test, T: 6, L: 4, qcfsEpochs: 1, ifEpochs: 1, batchSize: 32, seed: 3 });
    expect(stats.strategy).toBe('qcfs_if_ft');
    expect(stats.accuracyPerStep).toHaveLength(6);
    expect(stats.snnAccuracy).toBe(stats.accuracyPerStep[5]);
    expect(Object.keys(stats.thresholds)).toEqual(['h/relu']);
    expect(stats.thresholds['h/relu']).toHaveLength(8); // channel-wise λ
    expect(stats.evaluation?.perStep).toEqual(stats.accuracyPerStep);
    expect(stats.evaluation?.samples).toBe(90);
    expect(stats.evaluation?.spikes['h/relu']).toBeGreaterThan(0);
    for (const k of ['read', 'fold', 'calibrate', 'qcfs', 'finetune', 'evaluate']) expect(stats.timings[k]).toBeGreaterThanOrEqual(0);
    const x = tf.tensor(test.images.subarray(0, 12), [2, 6]);
    await expectNoLeaks(
      () => {
        snn.run(x, { T: 3 }).dispose();
      },
      { iterations: 20 },
    );
    x.dispose();
    model.dispose();
  });

  it('rejects empty data, T < 1, unknown strategies and mismatched shapes', async () => {
    const model = mlp();
    const train = blobs(30, 1);
    expect((await errorOf(convert(model, { images: new Float32Array(0), labels: [] }))).code).toBe('ERR_OUT_OF_RANGE');
    expect((await errorOf(convert(model, train, { T: 0 }))).argument).toBe('T');
    expect((await errorOf(convert(model, train, { strategy: 'magic' as 'auto' }))).argument).toBe('strategy');
    expect((await errorOf(convert(model, { images: new Float32Array(50), labels: new Uint8Array(10) }))).code).toBe('ERR_SHAPE');
    expect((await errorOf(convert(model, { images: new Float32Array(60), labels: new Uint8Array(10).fill(7) }))).code).toBe(
      'ERR_OUT_OF_RANGE',
    );
    model.dispose();
  });
});
