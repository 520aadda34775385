import { describe, expect, it } from 'vitest';
import { createParallelTrainer, EqPropError, EqPropKernel, scellierPreset } from '../src/index.js';
import type { EqPropOptions } from '../src/index.js';

const sizes = { inputDim: 12, hiddenDims: [9], outputDim: 4 };
function batch(B: number, seed: number): { x: Float32Array; y: Int32Array; ids: Int32Array } {
  const x = Float32Array.from({ length: B * sizes.inputDim }, (_, i) => {
    const v = Math.abs(Math.sin(seed * 12.9898 + i * 78.233)) % 1;
    return v > 0.5 ? v : 0; // sparse, like MNIST pixels
  });
  return {
    x,
    y: Int32Array.from({ length: B }, (_, b) => (b + seed) % 4),
    ids: Int32Array.from({ length: B }, (_, b) => (b + 3 * seed) % 11), // ids recur: persistent particles are used
  };
}
const preset = (o: Partial<EqPropOptions> = {}): EqPropOptions => ({ ...scellierPreset(sizes), seed: 5, ...o });
const params = (k: EqPropKernel): number[][] => [...k.net.weights, ...k.net.biases].map((p) => Array.from(p));

async function trainParallel(o: EqPropOptions, workers: number, blockRows: number, B: number, steps: number): Promise<EqPropKernel> {
  const kernel = new EqPropKernel(o);
  const trainer = await createParallelTrainer(kernel, { workers, blockRows });
  try {
    for (let t = 0; t < steps; t++) {
      const { x, y, ids } = batch(B, t);
      kernel.lrScale = 1 - t / (2 * steps); // a schedule (as trainEpochs' cosine) reaches the blocks
      await trainer.trainBatch(x, y, { ids });
    }
  } finally {
    await trainer.close();
  }
  return kernel;
}

function trainPlain(o: EqPropOptions, B: number, steps: number): EqPropKernel {
  const kernel = new EqPropKernel(o);
  for (let t = 0; t < steps; t++) {
    const { x, y, ids } = batch(B, t);
    kernel.lrScale = 1 - t / (2 * steps);
    kernel.trainBatch(x, y, { ids });
  }
  return kernel;
}

describe('createParallelTrainer', () => {
  it('gives bit-identical weights, particles and random-sign stream for 0, 1, 2 and 3 workers', async () => {
    // B = 7 in blocks of 3: blocks of 3, 3 and 1 rows; SGD (the published preset) and Adam
    for (const optimizer of ['sgd', 'adam'] as const) {
      const o = preset({ optimizer, lr: optimizer === 'adam' ? 1e-3 : preset().lr });
      const runs = [];
      for (const w of [0, 1, 2, 3]) runs.push(await trainParallel(o, w, 3, 7, 6));
      const ref = params(runs[0]);
      for (const k of runs.slice(1)) {
        expect(params(k)).toEqual(ref);
        expect(k.save().training).toEqual(runs[0].save().training);
      }
      expect(runs[0].steps).toBe(6);
      // the weights moved (the test can fail)
      expect(ref).not.toEqual(params(new EqPropKernel(o)));
    }
  }, 60_000);

  it('with one block equals trainBatch: bit for bit with Adam, within float32 rounding of the update with SGD', async () => {
    const adam = preset({ optimizer: 'adam', lr: 1e-3 });
    const pa = await trainParallel(adam, 1, 8, 8, 5);
    const ka = trainPlain(adam, 8, 5);
    expect(params(pa)).toEqual(params(ka));
    expect(pa.save().training).toEqual(ka.save().training);

    // SGD: trainBatch adds the two Hebbian terms p = k·Σ_b a_l a_{l+1}, q = k·Σ_b b_l b_{l+1} (k = α_l·lrScale/(Bβ)) into
    // W one after the other, fl(fl(W + p) − q); the trainer forms fl(p − q) and adds it once, fl(W + fl(p − q)). Each
    // path rounds twice, so after ONE step they differ by at most 4u(|W| + |p| + |q|), u = 2⁻²⁴; the states of the hard
    // sigmoid and the inputs lie in [0, 1], so |p|, |q| ≤ |k|·B = α_l/|β| (lrScale ≤ 1).
    const sgd = preset();
    const before = params(new EqPropKernel(sgd));
    const ps = params(await trainParallel(sgd, 1, 8, 8, 1));
    const ks = params(trainPlain(sgd, 8, 1));
    const L = sgd.hiddenDims!.length + 1;
    const lr = sgd.lr as number[];
    let worst = 0;
    ks.forEach((p, i) =>
      p.forEach((v, j) => {
        const bound = 4 * 2 ** -24 * (Math.abs(before[i][j]) + (2 * lr[i % L]) / Math.abs(sgd.beta!)) + 1e-30;
        worst = Math.max(worst, Math.abs(ps[i][j] - v) / bound);
      }),
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(ps).not.toEqual(before);
    // and over 40 steps the two runs make the same predictions
    const p40 = await trainParallel(sgd, 1, 8, 8, 40);
    const k40 = trainPlain(sgd, 8, 40);
    const { x } = batch(8, 99);
    const arg = (out: Float32Array) =>
      Array.from({ length: 8 }, (_, b) => [0, 1, 2, 3].reduce((m, j) => (out[b * 4 + j] > out[b * 4 + m] ? j : m), 0));
    expect(arg(p40.predictArray(x))).toEqual(arg(k40.predictArray(x)));
  }, 60_000);

  it('several blocks follow the plain kernel within the float32 rounding of the sums', async () => {
    // 4 blocks of 2 rows vs one batch of 8: both form W + Σ_b (Hebbian terms) exactly in real arithmetic, in another
    // order. Each path rounds at most 2B + 4 times (B products and B additions per term, α·, the two terms, + W), each
    // rounding ≤ u·(|W| + |p| + |q|) with |p|, |q| ≤ α_l/|β| (states and inputs in [0, 1]): after ONE step
    // |Δ| ≤ 2(2B + 4)·u·(|W| + 2α_l/|β|), u = 2⁻²⁴.
    const o = preset();
    const B = 8;
    const L = o.hiddenDims!.length + 1;
    const lr = o.lr as number[];
    const init = params(new EqPropKernel(o));
    const p = params(await trainParallel(o, 2, 2, B, 1));
    const k = params(trainPlain(o, B, 1));
    let worst = 0;
    p.forEach((a, i) =>
      a.forEach((v, j) => {
        const bound = 2 * (2 * B + 4) * 2 ** -24 * (Math.abs(init[i][j]) + (2 * lr[i % L]) / Math.abs(o.beta!)) + 1e-30;
        worst = Math.max(worst, Math.abs(v - k[i][j]) / bound);
      }),
    );
    expect(worst).toBeLessThanOrEqual(1);
    expect(p).not.toEqual(init);
  }, 60_000);

  it('rejects bad worker counts, unsupported estimators, bad input and use after close with EqPropError', async () => {
    const k = new EqPropKernel(preset());
    for (const workers of [-1, 1.5, Number.NaN, 1000, '2' as unknown as number])
      await expect(createParallelTrainer(k, { workers })).rejects.toThrow(EqPropError);
    await expect(createParallelTrainer(k, { workers: 0, blockRows: 0 })).rejects.toThrow(EqPropError);
    await expect(createParallelTrainer({} as EqPropKernel, { workers: 0 })).rejects.toThrow(EqPropError);
    const holo = new EqPropKernel({ ...sizes, activation: 'sigmoid', estimator: 'holomorphic' });
    await expect(createParallelTrainer(holo, { workers: 0 })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });

    const trainer = await createParallelTrainer(k, { workers: 2, blockRows: 2 });
    const { x, y } = batch(4, 0);
    await expect(trainer.trainBatch(x.subarray(1), y)).rejects.toMatchObject({ name: 'EqPropError', code: 'ERR_SHAPE' });
    await expect(trainer.trainBatch(x, [0, 1, 2, 4])).rejects.toMatchObject({ name: 'EqPropError', code: 'ERR_OUT_OF_RANGE' });
    const before = params(k);
    const bad = x.slice();
    bad[3 * sizes.inputDim + 2] = Number.NaN; // in the second block: a worker throws
    await expect(trainer.trainBatch(bad, y)).rejects.toThrow(/EqPropError.*x\[1, 2\] is NaN/);
    expect(params(k)).toEqual(before); // weights unchanged
    await trainer.trainBatch(x, y); // and the trainer still works
    expect(params(k)).not.toEqual(before);
    await trainer.close();
    await expect(trainer.trainBatch(x, y)).rejects.toMatchObject({ code: 'ERR_STATE' });
    await trainer.close(); // twice is fine
  }, 60_000);
});
