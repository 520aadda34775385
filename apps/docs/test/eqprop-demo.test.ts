// The eqprop demo (guide/eqprop.md) on cpu, wasm, webgl and webgpu in Chromium: the page trains a
// 784-32-10 energy network by equilibrium propagation on 60 digits (3 minibatches, tfjs ops on the
// page's backend through @neurite/eqprop's tensorTrainStep). The test trains the same network in Node
// with the other implementation, EqPropKernel.trainBatch (fused WebAssembly loops on typed arrays),
// from the same seed and the same digits the page fetched, and requires the same batch costs, weights
// and test accuracy within float32 rounding. Also: no console error, no request leaves localhost.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EqPropKernel } from '@neurite/eqprop';
import { decodeDigits, type EqpropDemoResult } from '../.vitepress/theme/demos/eqprop/train-demo.js';
import { DIST, describeDemo } from './site.js';

const QUERY = { 'eqprop-digits': '60', 'eqprop-epochs': '1', 'eqprop-hidden': '32' };

// float32: a state is a sum of ≤ 785 products (the drive x·W_0, |x| ≤ 1, |W| ≤ 0.09, ≈ 150 non-zero
// pixels: Σ|terms| ≤ 14) summed in another order by the GPU: |error| ≤ 785 · 2⁻²⁴ · 14 ≈ 7e-4 in the
// worst case; the Euler steps average it (ε = 0.5) and the updates scale it by α ≤ 0.1. 1e-3 bounds
// costs and weights; an equation wrong by a sign, a β or a bias moves them by ≥ 1e-2 after 3 batches.
const TOL = 1e-3;

interface Reference {
  losses: number[];
  w1: Float32Array;
  b0: Float32Array;
  b1: Float32Array;
  w0: Float32Array;
  accuracy: number;
}

function reference(settings: EqpropDemoResult['settings']): Reference {
  const { train, test } = decodeDigits(new Uint8Array(readFileSync(path.join(DIST, 'eqprop', 'digits.bin'))), 400, 200);
  const k = new EqPropKernel({
    inputDim: 784,
    hiddenDims: [settings.hidden],
    outputDim: 10,
    dynamics: 'scellier',
    activation: 'hard-sigmoid',
    cost: 'mse',
    stepSize: 0.5,
    maxSteps: settings.freeSteps,
    nudgedSteps: settings.nudgedSteps,
    epsilon: 0,
    adaptiveEpsilon: false,
    beta: settings.beta,
    estimator: 'one-sided',
    lr: settings.lr,
    spectralNorm: false,
    persistent: false,
    seed: settings.seed,
  });
  const losses: number[] = [];
  const B = settings.batch;
  for (let epoch = 0; epoch < settings.epochs; epoch++)
    for (let b = 0; b + B <= settings.digits; b += B)
      losses.push(k.trainBatch(train.x.slice(b * 784, (b + B) * 784), train.labels.subarray(b, b + B)).loss);
  const accuracy = k.evaluateArray(test.x, test.labels).accuracy;
  return { losses, w0: k.net.weights[0], w1: k.net.weights[1], b0: k.net.biases[0], b1: k.net.biases[1], accuracy };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describeDemo<EqpropDemoResult>({
  title: 'docs: eqprop demo',
  page: 'guide/eqprop',
  demo: 'eqprop',
  test: (backend) => `on ${backend}: batch costs, weights and test accuracy equal EqPropKernel's in Node`,
  options: (backend) => ({ query: QUERY, timeout: 55_000, keepOpen: backend === 'cpu' }),
  timeout: 60_000,
  async check({ result, sitePage }, backend) {
    if (backend === 'cpu') {
      // draw a stroke on the pad: the trained network's free phase classifies it (10 output states in [0, 1])
      const { page } = sitePage;
      const box = (await page.locator('.eqprop-pad').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 8 });
      await page.mouse.up();
      const bars = page.locator('[data-eqprop-outputs] li');
      await bars.nth(9).waitFor({ timeout: 10_000 });
      expect(await bars.count()).toBe(10);
      expect(await page.locator('[data-eqprop-outputs] li.best').count()).toBe(1);
      sitePage.assertClean();
      await sitePage.close();
    }
    expect(result.settings).toMatchObject({ digits: 60, epochs: 1, hidden: 32 });
    const ref = reference(result.settings);
    expect(result.losses).toHaveLength(3);
    expect(maxDiff(result.losses, ref.losses)).toBeLessThan(TOL);
    expect(maxDiff(result.w1, ref.w1)).toBeLessThan(TOL);
    expect(maxDiff(result.b0, ref.b0)).toBeLessThan(TOL);
    expect(maxDiff(result.b1, ref.b1)).toBeLessThan(TOL);
    const w0 = Array.from({ length: result.w0Sample.length }, (_, i) => ref.w0[97 * i]);
    expect(maxDiff(result.w0Sample, w0)).toBeLessThan(TOL);
    // the weights moved (the comparison is not of two untouched initialisations): by ≫ TOL
    expect(maxDiff(result.b1, new Float32Array(10))).toBeGreaterThan(20 * TOL);
    // accuracy over 200 test digits: a digit whose two largest outputs lie within float32 rounding
    // of each other may flip; allow 2 of 200
    expect(Math.abs(result.testAccuracy[0] - ref.accuracy)).toBeLessThanOrEqual(2 / 200 + 1e-9);
  },
});
