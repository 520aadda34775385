// The HRR MNIST demo's computation (guide/hrr.md): the torchhd MNIST encoding of @neurite/hrr — a
// record Σ_f key_f ⊙ level(x_f) of the 784 pixels in the MAP model (RecordEmbedding, 256 levels),
// made bipolar by hardQuantize — and a CentroidClassifier (one class vector W_c = Σ of its training
// encodings, score cos(x, W_c)). Encoding and training run on typed arrays; scoring the test digits
// against the ten class vectors is one matmul on the selected tfjs backend. Every entry of that matmul
// is an integer: x ∈ {−1, +1}^D and W_c holds integer counts, so each product and every partial sum
// is an integer of magnitude ≤ Σ_j |W_cj| < 2^24 (checked), which float32 represents exactly whatever
// the summation order: the dot products, hence the cosines and predictions, are the same on every
// backend.
import type { DemoContext } from '../../demo-kit/index.js';

export { decodeDigits, type DigitSet } from '../mnist-digits.js';
import type { DigitSet } from '../mnist-digits.js';

export interface HrrMnistOptions {
  /** Dimension D of the MAP hypervectors. */
  dim: number;
  /** Seed of the record embedding (keys, then levels). */
  seed: number;
  /** Value levels L of the pixel intensities. */
  levels: number;
}

export interface HrrMnistResult {
  dim: number;
  seed: number;
  levels: number;
  train: number;
  test: number;
  /** Correct test predictions / test digits. */
  accuracy: number;
  correct: number;
  /** Test labels and predicted classes, in file order. */
  labels: number[];
  predictions: number[];
  /** [test][10] cos(x, W_c), rounded to float32 (the classifier's `scores`). */
  similarities: number[][];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
}

export async function runHrrMnist(
  ctx: DemoContext,
  data: { train: DigitSet; test: DigitSet },
  o: HrrMnistOptions,
): Promise<HrrMnistResult> {
  const { tf } = ctx;
  const hrr = await import('@neurite/hrr');
  const D = o.dim,
    C = 10;
  const enc = new hrr.RecordEmbedding(hrr.createVsa({ model: 'map', dim: D }), 784, o.levels, { seed: o.seed });
  ctx.progress(`encoding ${data.train.n} training digits…`);
  await new Promise((r) => setTimeout(r, 0)); // let the progress line paint
  const xtr = hrr.hardQuantize(enc.encode(data.train.x));
  ctx.progress(`training the centroid classifier, encoding ${data.test.n} test digits…`);
  await new Promise((r) => setTimeout(r, 0));
  const clf = new hrr.CentroidClassifier(D, C).fit(xtr, data.train.labels);
  const xte = hrr.hardQuantize(enc.encode(data.test.x));

  // the exactness condition of the backend matmul: every partial sum of x·W_c is an integer ≤ Σ_j |W_cj|
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let j = 0; j < D; j++) s += Math.abs(clf.weight[c * D + j]);
    if (s >= 2 ** 24) throw new Error(`class ${c}: Σ|W| = ${s} is not below 2^24; the float32 dot products would round`);
  }
  const norm = (a: Float32Array, o: number): number => {
    let s = 0;
    for (let j = 0; j < D; j++) s += a[o + j] * a[o + j];
    return Math.sqrt(s);
  };
  const wn = Array.from({ length: C }, (_, c) => norm(clf.weight, c * D) || 1);

  ctx.progress(`scoring ${data.test.n} test digits on ${ctx.backend}…`);
  const n = data.test.n;
  const dots = await ctx.time(n, async () => {
    const s = tf.tidy(() => tf.matMul(tf.tensor2d(xte, [n, D]), tf.tensor2d(clf.weight, [C, D]), false, true));
    const d = (await s.data()) as Float32Array;
    s.dispose();
    return d;
  });
  const similarities: number[][] = [],
    predictions: number[] = [];
  const confusion = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const xn = norm(xte, r * D) || 1;
    const row = Array.from({ length: C }, (_, c) => Math.fround(dots[r * C + c] / (xn * wn[c])));
    let best = 0;
    for (let c = 1; c < C; c++) if (row[c] > row[best]) best = c;
    similarities.push(row);
    predictions.push(best);
    confusion[data.test.labels[r]][best]++;
    if (best === data.test.labels[r]) correct++;
  }
  return {
    dim: D,
    seed: o.seed,
    levels: o.levels,
    train: data.train.n,
    test: n,
    accuracy: correct / n,
    correct,
    labels: Array.from(data.test.labels),
    predictions,
    similarities,
    confusion,
  };
}

/** A 28×28 digit as an SVG string (one grey square per non-zero pixel). */
export function digitSvg(x: Float32Array, index: number, size = 112): string {
  const cells: string[] = [];
  for (let p = 0; p < 784; p++) {
    const v = x[index * 784 + p];
    if (v > 0) {
      const g = Math.round(255 * (1 - v));
      cells.push(`<rect x="${p % 28}" y="${Math.floor(p / 28)}" width="1" height="1" fill="rgb(${g},${g},${g})"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28" width="${size}" height="${size}" shape-rendering="crispEdges"><rect width="28" height="28" fill="#fff"/>${cells.join('')}</svg>`;
}
