// Train the example tfjs-layers models shipped in examples/ on @neurite/datasets'
// fixed MNIST split (train 7996 digits; test 2004), seeded (weights and batch order).
// Usage: node packages/snn-convert/scripts/train-examples.mjs [mlp|cnn|resnet ...] [--epochs N] [--seed S]
// Writes examples/mnist-<name>.json + .weights.bin and prints the test accuracy.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBackend, tf, toRng } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { loadMnist } from '@neurite/datasets';
import { saveModelFiles } from '@neurite/snn-convert/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const epochs = opt('--epochs', 5);
const seed = opt('--seed', 0);
const outDir = path.resolve(here, '../examples');
const which = args.length ? args : ['mlp', 'cnn', 'resnet'];

const init = (k) => tfl.initializers.glorotUniform({ seed: seed * 100 + k });
function build(name) {
  let k = 0;
  if (name === 'mlp') {
    return tfl.sequential({
      name: 'mnist_mlp',
      layers: [
        tfl.layers.dense({ inputShape: [784], units: 128, activation: 'relu', kernelInitializer: init(k++), name: 'fc1' }),
        tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(k++), name: 'fc2' }),
      ],
    });
  }
  const conv = (filters, nm) =>
    tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: init(k++), name: nm });
  if (name === 'cnn') {
    return tfl.sequential({
      name: 'mnist_cnn',
      layers: [
        tfl.layers.inputLayer({ inputShape: [28, 28, 1] }),
        conv(8, 'conv1'),
        tfl.layers.batchNormalization({ name: 'bn1' }),
        tfl.layers.reLU({ name: 'relu1' }),
        tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool1' }),
        conv(16, 'conv2'),
        tfl.layers.batchNormalization({ name: 'bn2' }),
        tfl.layers.reLU({ name: 'relu2' }),
        tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool2' }),
        tfl.layers.flatten({ name: 'flatten' }),
        tfl.layers.dropout({ rate: 0.1, seed, name: 'drop' }),
        tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(k++), name: 'fc' }),
      ],
    });
  }
  // resnet: one residual block (Add)
  const input = tfl.input({ shape: [28, 28, 1] });
  let x = conv(8, 'conv1').apply(input);
  x = tfl.layers.batchNormalization({ name: 'bn1' }).apply(x);
  x = tfl.layers.reLU({ name: 'relu1' }).apply(x);
  x = tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool1' }).apply(x);
  let y = conv(8, 'res_conv1').apply(x);
  y = tfl.layers.batchNormalization({ name: 'res_bn1' }).apply(y);
  y = tfl.layers.reLU({ name: 'res_relu1' }).apply(y);
  y = conv(8, 'res_conv2').apply(y);
  y = tfl.layers.batchNormalization({ name: 'res_bn2' }).apply(y);
  x = tfl.layers.add({ name: 'add' }).apply([x, y]);
  x = tfl.layers.reLU({ name: 'relu_add' }).apply(x);
  x = tfl.layers.averagePooling2d({ poolSize: 2, name: 'pool2' }).apply(x);
  x = tfl.layers.flatten({ name: 'flatten' }).apply(x);
  const out = tfl.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(k++), name: 'fc' }).apply(x);
  return tfl.model({ name: 'mnist_resnet', inputs: input, outputs: out });
}

await setBackend('wasm');
const mnist = await loadMnist();
const shapeOf = (name) => (name === 'mlp' ? [784] : [28, 28, 1]);
for (const name of which) {
  const model = build(name);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const n = mnist.train.n;
  const rng = toRng(seed);
  const t0 = Date.now();
  for (let e = 0; e < epochs; e++) {
    const perm = rng.sampleWithoutReplacement(n, n);
    const xs = new Float32Array(n * 784);
    const ys = new Float32Array(n);
    perm.forEach((i, j) => {
      xs.set(mnist.train.images.subarray(i * 784, (i + 1) * 784), j * 784);
      ys[j] = mnist.train.labels[i];
    });
    const x = tf.tensor(xs, [n, ...shapeOf(name)]);
    const y = tf.tensor(ys, [n, 1]);
    const h = await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    x.dispose();
    y.dispose();
    console.log(`${name} epoch ${e + 1}/${epochs}: loss ${h.history.loss[0].toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  const xt = tf.tensor(mnist.test.images, [mnist.test.n, ...shapeOf(name)]);
  const pred = tf.tidy(() => tf.argMax(model.predict(xt), 1));
  const p = await pred.data();
  let c = 0;
  for (let i = 0; i < p.length; i++) if (p[i] === mnist.test.labels[i]) c++;
  console.log(`${name}: test accuracy ${((100 * c) / mnist.test.n).toFixed(2)}% (${mnist.test.n} digits)`);
  xt.dispose();
  pred.dispose();
  const file = await saveModelFiles(model, outDir, `mnist-${name}`);
  console.log(`wrote ${file}`);
}
