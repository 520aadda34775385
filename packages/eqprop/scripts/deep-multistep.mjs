// Several training steps of the 784-500-500-10 preset (random sign of β, persistent particles) in EqPropKernel and in
// the numpy version of the published model (packages/bench/references/eqprop_deep.py `steps`), from the same weights,
// minibatches and signs; prints the largest weight difference per coupling and how far the weights moved
// (run from the repo root after building):   node packages/eqprop/scripts/deep-multistep.mjs [steps=30]
// With `--ulp` the numpy model is also run from weights one float32 ulp away, to show how fast rounding differences grow.
import { loadMnist } from '@neurite/datasets';
import { EqPropKernel, scellierPreset } from '@neurite/eqprop';
import { maxDiff, runDeepReference } from './deep-reference.mjs';

const K = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 30);
const preset = scellierPreset({ inputDim: 784, hiddenDims: [500, 500], outputDim: 10 });
const kernel = new EqPropKernel({ ...preset, seed: 3 });
const { train } = await loadMnist();
const N = 60;
const B = 20;
const pick = Array.from({ length: N }, (_, i) => Math.floor((i * train.n) / N) + 3);
const X = new Float32Array(N * 784);
pick.forEach((j, i) => X.set(train.images.subarray(j * 784, (j + 1) * 784), i * 784));
const labels = pick.map((j) => train.labels[j]);
const start = kernel.save();
const batches = Array.from({ length: K }, (_, t) => Array.from({ length: B }, (_, b) => (t * 7 + b * 3) % N));
const signs = [];
for (const ids of batches) {
  const x = new Float32Array(B * 784);
  ids.forEach((i, b) => x.set(X.subarray(i * 784, (i + 1) * 784), b * 784));
  const sign = kernel.drawSign();
  signs.push(sign);
  kernel.trainBatch(
    x,
    ids.map((i) => labels[i]),
    { ids, sign },
  );
}
const run = (weights) => {
  const c = { sizes: [784, 500, 500, 10], weights, biases: start.biases, x: Array.from(X), labels, eps: 0.5, beta: 1 };
  Object.assign(c, { free: 100, nudged: 6, alphas: [0.4, 0.1, 0.01], costFactor: 1, batches, signs });
  return runDeepReference('steps', c).weights;
};
const fmt = (ws, other) => ws.map((w, l) => maxDiff(w, other[l]).toExponential(2)).join(' ');
const numpy = run(start.weights);
console.log(`${K} steps, signs ${signs.map((s) => (s > 0 ? '+' : '−')).join('')}`);
console.log('kernel − numpy  ', fmt(kernel.net.weights, numpy));
console.log('kernel − initial', fmt(kernel.net.weights, start.weights));
if (process.argv.includes('--ulp')) {
  const up = start.weights.map((w) => Array.from(Float32Array.from(w, (v) => v * (1 + 2 ** -23))));
  console.log('numpy − numpy 1 ulp apart', fmt(numpy, run(up)));
}
