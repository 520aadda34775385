// Step-by-step check of EqPropKernel's multi-layer path against the independent numpy reference
// packages/bench/references/eqprop_deep.py on one MNIST minibatch (run from the repo root after building):
//   node packages/eqprop/scripts/deep-compare.mjs [hidden=500,500] [seed=0] [--published]
// --published runs the reference in the published code's units (C = ‖s_L − y‖², β and α as in Scellier & Bengio
// 2017) instead of the kernel's (C = ½‖s_L − y‖², the preset's β' = 2β, α' = 2α): the same dynamics.
// Builds a kernel with scellierPreset (one-sided β, fresh particles), writes its initial weights and a batch of 20
// training digits to a case file, runs the reference's `step` on it (/usr/bin/python3), and prints the largest
// difference of the states after every free and nudged step (relaxPhase on the kernel's network), of the kernel's
// free fixed point (EqPropKernel.gradient) and of the weights after one EqPropKernel.trainBatch.
import { loadMnist } from '@neurite/datasets';
import { EqPropKernel, createScratch, relaxPhase, scellierPreset } from '@neurite/eqprop';
import { maxDiff, runDeepReference } from './deep-reference.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const published = process.argv.includes('--published');
const hidden = (args[0] ?? '500,500').split(',').map(Number);
const seed = Number(args[1] ?? 0);
const sizes = [784, ...hidden, 10];
const options = { ...scellierPreset({ inputDim: 784, hiddenDims: hidden, outputDim: 10 }), estimator: 'one-sided', persistent: false };
const kernel = new EqPropKernel({ ...options, seed });
const { train } = await loadMnist();
const B = 20;
// 20 digits spread over the classes (the split is stored by class)
const idx = Array.from({ length: B }, (_, b) => Math.floor((b * train.n) / B) + 7);
const x = new Float32Array(B * 784);
idx.forEach((i, b) => x.set(train.images.subarray(i * 784, (i + 1) * 784), b * 784));
const labels = idx.map((i) => train.labels[i]);
const snap = kernel.save();
const beta = options.beta;
const out = runDeepReference('step', {
  sizes,
  weights: snap.weights,
  biases: snap.biases,
  x: Array.from(x),
  labels,
  particles: sizes.slice(1).map((n) => new Array(B * n).fill(0)),
  eps: options.stepSize,
  beta: published ? beta / 2 : beta,
  free: options.maxSteps,
  nudged: options.nudgedSteps,
  alphas: published ? options.lr.map((a) => a / 2) : options.lr,
  // the kernel's MSE cost is ½‖s_L − y‖², the published code's ‖s_L − y‖²
  costFactor: published ? 1 : 0.5,
});

// per-step states through relaxPhase on the kernel's network (JavaScript path: ordinary arrays)
const net = { sizes, weights: kernel.net.weights.map((w) => w.slice()), biases: kernel.net.biases.map((b) => b.slice()) };
const drive = new Float32Array(B * sizes[1]);
for (let b = 0; b < B; b++)
  for (let j = 0; j < sizes[1]; j++) {
    let acc = net.biases[0][j];
    for (let i = 0; i < 784; i++) acc += x[b * 784 + i] * net.weights[0][i * sizes[1] + j];
    drive[b * sizes[1] + j] = acc;
  }
const target = new Float32Array(B * 10);
labels.forEach((y, b) => (target[b * 10 + y] = 1));
const phase = (maxSteps) => ({
  dynamics: 'scellier',
  activation: 'hard-sigmoid',
  cost: 'mse',
  gamma: 0.5,
  stepSize: options.stepSize,
  maxSteps,
  epsilon: 0,
  adaptiveEpsilon: false,
  f16: false,
});
const scratch = createScratch(sizes, B);
const states = sizes.slice(1).map((n) => new Float32Array(B * n));
const report = (name, got, want) => {
  const d = got.map((s, l) => maxDiff(s, want[l]));
  console.log(name.padEnd(14), d.map((v) => v.toExponential(2)).join('  '));
  return Math.max(...d);
};
let worst = 0;
out.free.forEach((want, t) => {
  relaxPhase(net, states, drive, null, 0, phase(1), scratch);
  if (t < 3 || t % 20 === 19 || t === out.free.length - 1) worst = Math.max(worst, report(`free ${t + 1}`, states, want));
});
out.nudged.forEach((want, t) => {
  relaxPhase(net, states, drive, target, beta, phase(1), scratch);
  worst = Math.max(worst, report(`nudged ${t + 1}`, states, want));
});
const g = kernel.gradient(x, labels);
const lastFree = out.free[out.free.length - 1];
worst = Math.max(worst, report('kernel free', g.free, lastFree));
kernel.trainBatch(x, labels);
const dw = kernel.net.weights.map((w, l) => maxDiff(w, out.weights[l]));
const db = kernel.net.biases.map((b, l) => maxDiff(b, out.biases[l]));
console.log('weights after'.padEnd(14), dw.map((v) => v.toExponential(2)).join('  '));
console.log('biases after'.padEnd(14), db.map((v) => v.toExponential(2)).join('  '));
const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;
console.log('mean free state per layer', lastFree.map((s) => mean(s).toFixed(4)).join(' '));
console.log(JSON.stringify({ worstState: worst, worstWeight: Math.max(...dw), worstBias: Math.max(...db) }));
