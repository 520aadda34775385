// The HRR MNIST demo (guide/hrr.md, <HrrMnistDemo />) on cpu, wasm, webgl and webgpu in Chromium: the
// page encodes 500 training and 200 test digits as MAP records, trains a centroid classifier and scores
// the test digits with one matmul on the backend; this test does the same in Node with @neurite/hrr's
// typed-array path only (RecordEmbedding.encode, hardQuantize, CentroidClassifier.fit, .scores,
// .predict) on the same digits (taken from @neurite/datasets as scripts/assets-hrr.mjs takes them) and
// seed, and asserts the page's similarities, predictions and accuracy EQUAL Node's. No tolerance: every
// entry of the backend matmul is a sum of integers (x ∈ {−1, +1}^D, W_c integer counts) bounded by
// Σ_j |W_cj| < 2^24 (the page checks it), so float32 holds every partial sum exactly in any order and the
// cosines dot / (‖x‖·‖W_c‖) are the same float64 quotient rounded to float32 on both sides.
import { expect } from 'vitest';
import { loadMnist } from '@neurite/datasets';
import { CentroidClassifier, RecordEmbedding, createVsa, hardQuantize } from '@neurite/hrr';
import type { HrrMnistResult as MnistResult } from '../.vitepress/theme/demos/hrr/run-hrr-mnist.js';
import { describeDemo } from './site.js';

interface NodeRun {
  labels: number[];
  predictions: number[];
  similarities: number[][];
  correct: number;
}

const memo = new Map<string, Promise<NodeRun>>();

/** The digits of scripts/assets-hrr.mjs (⌊k·n/count⌋ of each split, bytes round(255·v), then /255 as the page decodes them). */
async function digits(trainN: number, testN: number): Promise<{ xtr: Float32Array; ytr: Int32Array; xte: Float32Array; yte: Int32Array }> {
  const { train, test } = await loadMnist();
  const take = (set: typeof train, count: number) => {
    const x = new Float32Array(count * 784),
      y = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const i = Math.floor((k * set.n) / count);
      for (let p = 0; p < 784; p++) x[k * 784 + p] = Math.round(255 * set.images[i * 784 + p]) / 255;
      y[k] = set.labels[i];
    }
    return { x, y };
  };
  const a = take(train, trainN),
    b = take(test, testN);
  return { xtr: a.x, ytr: a.y, xte: b.x, yte: b.y };
}

function nodeRun(r: MnistResult): Promise<NodeRun> {
  const key = `${r.dim}/${r.seed}/${r.levels}/${r.train}/${r.test}`;
  let p = memo.get(key);
  if (!p) {
    p = (async () => {
      const { xtr, ytr, xte, yte } = await digits(r.train, r.test);
      const enc = new RecordEmbedding(createVsa({ model: 'map', dim: r.dim }), 784, r.levels, { seed: r.seed });
      const clf = new CentroidClassifier(r.dim, 10).fit(hardQuantize(enc.encode(xtr)), ytr);
      const ete = hardQuantize(enc.encode(xte));
      const scores = clf.scores(ete);
      const predictions = Array.from(clf.predict(ete));
      return {
        labels: Array.from(yte),
        predictions,
        similarities: Array.from({ length: r.test }, (_, i) => Array.from(scores.subarray(i * 10, (i + 1) * 10))),
        correct: predictions.filter((c, i) => c === yte[i]).length,
      };
    })();
    memo.set(key, p);
  }
  return p;
}

describeDemo<MnistResult>({
  title: 'docs: HRR MNIST demo',
  page: 'guide/hrr',
  demo: 'hrr-mnist',
  test: (backend) => `MAP record + centroid, D = 2000 on ${backend}: similarities, predictions and accuracy equal Node's`,
  options: () => ({ keepOpen: true }),
  timeout: 60_000,
  async check({ result, sitePage }) {
    expect(result.dim).toBe(2000);
    expect([result.train, result.test]).toEqual([500, 200]);
    const ref = await nodeRun(result);
    expect(result.labels).toEqual(ref.labels);
    expect(result.similarities).toEqual(ref.similarities);
    expect(result.predictions).toEqual(ref.predictions);
    expect(result.correct).toBe(ref.correct);
    expect(result.accuracy).toBe(ref.correct / result.test);
    // confusion counts agree with the predictions; a working classifier, far above chance (10 %)
    result.confusion.forEach((row, t) =>
      row.forEach((v, c) => expect(v).toBe(ref.predictions.filter((p, i) => p === c && ref.labels[i] === t).length)),
    );
    expect(result.accuracy).toBeGreaterThan(0.5);
    // the picked digit's class similarities are drawn: ten bars, the first test digit's values; picking
    // another digit (the first the classifier gets wrong) shows its values
    const bars = sitePage.page.locator('[data-hrr-mnist-bars] .hrr-mnist-value');
    expect(await bars.allTextContents()).toEqual(ref.similarities[0].map((s) => s.toFixed(3)));
    const wrong = ref.predictions.findIndex((p, i) => p !== ref.labels[i]);
    await sitePage.page.locator('[data-hrr-mnist-pick]').fill(String(wrong));
    await expect.poll(() => bars.allTextContents()).toEqual(ref.similarities[wrong].map((s) => s.toFixed(3)));
  },
});
