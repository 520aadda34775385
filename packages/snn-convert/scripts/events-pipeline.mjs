// Event pipeline on SYNTHETIC N-MNIST-style streams (made from MNIST digits by syntheticNmnist:
// three saccades, ON/OFF polarity; not the N-MNIST recordings): train a small CNN on the
// time-averaged event frames (tfjs-layers), convert it with QCFS, run the spiking network on the
// event streams themselves (5-D input: one frame per step), then sparsity, energy and NIR.
// Usage: node packages/snn-convert/scripts/events-pipeline.mjs [--train 4000] [--epochs 4] [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { loadMnist } from '@neurite/datasets';
import { writeNir } from '@neurite/nir/node';
import { convert, energyOf, evaluate, neurobenchMarkdown, neurobenchReport, syntheticNmnist, toNir } from '@neurite/snn-convert';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const nTrain = Number(arg('--train', 4000));
const epochs = Number(arg('--epochs', 4));
const out = path.resolve(arg('--out', 'results'));
mkdirSync(out, { recursive: true });
await setBackend('wasm');
const mnist = await loadMnist();
const every = (split, k) => {
  const idx = Array.from({ length: k }, (_, j) => Math.floor((j * split.n) / k));
  const images = new Float32Array(k * 784);
  idx.forEach((i, j) => images.set(split.images.subarray(i * 784, (i + 1) * 784), j * 784));
  return { images, labels: Uint8Array.from(idx, (i) => split.labels[i]) };
};
const train = every(mnist.train, nTrain);
const test = every(mnist.test, mnist.test.n);
const t0 = Date.now();
const evTrain = syntheticNmnist(train.images, nTrain, { seed: 1, noise: 0.001 });
const evTest = syntheticNmnist(test.images, test.labels.length, { seed: 2, noise: 0.001 });
const F = evTrain.frames;
const per = 34 * 34 * 2;
const meanFrames = (ev, n) => {
  const m = new Float32Array(n * per);
  for (let s = 0; s < n; s++) for (let f = 0; f < F; f++) for (let p = 0; p < per; p++) m[s * per + p] += ev[(s * F + f) * per + p] / F;
  return m;
};
const mTrain = meanFrames(evTrain.events, nTrain);
const mTest = meanFrames(evTest.events, test.labels.length);
let events = 0;
for (const v of evTest.events) events += v;
const eventsPerSample = events / test.labels.length;
console.log(
  `synthetic events: ${F} frames of 34×34×2; ${eventsPerSample.toFixed(0)} events per test sample (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
);
const init = (k) => tfl.initializers.glorotUniform({ seed: k });
const model = tfl.sequential({
  layers: [
    tfl.layers.inputLayer({ inputShape: [34, 34, 2] }),
    tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool0' }),
    tfl.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(1), name: 'conv1' }),
    tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool1' }),
    tfl.layers.flatten(),
    tfl.layers.dense({ units: 10, kernelInitializer: init(2), name: 'fc' }),
  ],
});
model.compile({ optimizer: tf.train.adam(2e-3), loss: tf.losses.softmaxCrossEntropy });
const xs = tf.tensor(mTrain, [nTrain, 34, 34, 2]);
const ys = tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10);
await model.fit(xs, ys, { epochs, batchSize: 64, shuffle: false, verbose: 0 });
tf.dispose([xs, ys]);
const T = F;
const { snn, stats } = await convert(
  model,
  { images: mTrain, labels: train.labels },
  { testData: { images: mTest, labels: test.labels }, T, L: 8, qcfsEpochs: 2, strategy: 'qcfs_direct', seed: 0 },
);
console.log(
  `ANN on mean frames ${(100 * stats.annAccuracy).toFixed(2)} %, QCFS ${(100 * stats.qcfsAccuracy).toFixed(2)} %, SNN on mean frames (T = ${T}) ${(100 * stats.snnAccuracy).toFixed(2)} %`,
);
const ev = await evaluate(snn, { images: evTest.events, labels: test.labels, frames: F }, { T });
console.log(`SNN on the event streams (one frame per step, T = ${T}): ${(100 * ev.accuracy).toFixed(2)} %`);
const nb = neurobenchReport(snn, ev);
const e = energyOf(snn, ev, 'fp32-45nm', eventsPerSample);
console.log(neurobenchMarkdown(nb));
console.log(
  `energy with event input (fp32-45nm, per sample): SNN ${(e.snnJoules * 1e9).toFixed(2)} nJ (${e.sops.toFixed(0)} SOPs incl. input events × fan-out), ANN ${(e.annJoules * 1e9).toFixed(2)} nJ`,
);
const file = path.join(out, 'events-snn.nir');
await writeNir(file, toNir(snn));
writeFileSync(
  path.join(out, 'events-results.json'),
  JSON.stringify(
    {
      synthetic: true,
      eventsPerSample,
      stats: { ...stats, thresholds: undefined },
      eventAccuracy: ev.accuracy,
      perStep: ev.perStep,
      neurobench: nb,
      energyEventInput: e,
    },
    null,
    1,
  ),
);
console.log(`wrote ${file}`);
