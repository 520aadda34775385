// Trains a 784-128-10 ReLU MLP on @neurite/datasets' MNIST train split (7,996 digits) with tfjs
// (through @neurite/tensor, seeded; random ±2-pixel shifts, cosine learning-rate decay), converts it to a LIF spiking network by data-based weight
// normalisation (Diehl et al., IJCNN 2015: each layer scaled by the 99.9th percentile of its ReLU
// activations on the training digits, threshold 1, reset by subtraction) and writes
// examples/mnist-784-128-10-lif.nir plus examples/mnist-784-128-10-lif.json (training record).
// Run after building hdl: `nice -n 10 node packages/hdl/scripts/train-mnist.mjs [epochs]`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { tf, setBackend, createRng } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { createGraph, createNode, nirArray, writeNir } from '@neurite/nir/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const EPOCHS = Number(process.argv[2] ?? 40);
const HIDDEN = 128;
const SEED = 14;
// Leak: τ = 64 steps (dt = 1), so the leak factor 1 − dt/τ = 1 − 2^−6 is a shift in hardware; r = τ makes R·dt/τ = 1.
const TAU = 64;

await setBackend('wasm');
const { train, test } = await loadMnist();
const rng = createRng(SEED);
const init = (fanIn, n) => {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal(0, Math.sqrt(2 / fanIn));
  return a;
};
const w1 = tf.variable(tf.tensor2d(init(784, 784 * HIDDEN), [784, HIDDEN]));
const b1 = tf.variable(tf.zeros([HIDDEN]));
const w2 = tf.variable(tf.tensor2d(init(HIDDEN, HIDDEN * 10), [HIDDEN, 10]));
const b2 = tf.variable(tf.zeros([10]));
const opt = tf.train.adam(1e-3, 0.9, 0.999, 1e-7);
const xTrain = tf.tensor2d(train.images, [train.n, 784]);
const yTrain = tf.oneHot(tf.tensor1d(Int32Array.from(train.labels), 'int32'), 10);
const BATCH = 64;
const order = Int32Array.from({ length: train.n }, (_, i) => i);
for (let e = 0; e < EPOCHS; e++) {
  rng.shuffle(order);
  let total = 0;
  for (let s = 0; s + BATCH <= train.n; s += BATCH) {
    const idx = tf.tensor1d(order.slice(s, s + BATCH), 'int32');
    // Augmentation: each digit shifted by a seeded random (dy, dx) in [−2, 2]² (zeros shifted in).
    const xb = new Float32Array(BATCH * 784);
    for (let k = 0; k < BATCH; k++) {
      const src = order[s + k] * 784;
      const dy = rng.uniformInt(5) - 2;
      const dx = rng.uniformInt(5) - 2;
      for (let r = 0; r < 28; r++)
        for (let c = 0; c < 28; c++) {
          const rr = r - dy;
          const cc = c - dx;
          if (rr >= 0 && rr < 28 && cc >= 0 && cc < 28) xb[k * 784 + r * 28 + c] = train.images[src + rr * 28 + cc];
        }
    }
    const xt = tf.tensor2d(xb, [BATCH, 784]);
    opt.learningRate = 1e-3 * 0.5 * (1 + Math.cos((Math.PI * e) / EPOCHS));
    const loss = opt.minimize(() => {
      const x = xt;
      const y = tf.gather(yTrain, idx);
      const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
      const logits = tf.add(tf.matMul(h, w2), b2);
      return tf.losses.softmaxCrossEntropy(y, logits);
    }, true);
    total += (await loss.data())[0];
    tf.dispose([idx, loss, xt]);
  }
  console.log(`epoch ${e + 1}: mean loss ${(total / Math.floor(train.n / BATCH)).toFixed(4)}`);
}
const annAcc = tf.tidy(() => {
  const x = tf.tensor2d(test.images, [test.n, 784]);
  const logits = tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2);
  return tf.argMax(logits, 1);
});
const pred = await annAcc.data();
let ok = 0;
for (let i = 0; i < test.n; i++) if (pred[i] === test.labels[i]) ok++;
annAcc.dispose();
console.log(`ANN test accuracy: ${((100 * ok) / test.n).toFixed(2)}% (${ok}/${test.n})`);

// Data-based normalisation: λ_l = 99.9th percentile of layer l's ReLU activations on the training digits.
const percentile = (a, p) => {
  const s = Float32Array.from(a).sort();
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const h = tf.tidy(() => tf.relu(tf.add(tf.matMul(xTrain, w1), b1)));
const hData = await h.data();
const o = tf.tidy(() => tf.relu(tf.add(tf.matMul(h, w2), b2)));
const oData = await o.data();
tf.dispose([h, o]);
const lam1 = percentile(hData, 0.999);
const lam2 = percentile(oData, 0.999);
const [W1, B1, W2, B2] = await Promise.all([w1, b1, w2, b2].map((v) => v.data()));
// NIR Affine weights are (out, in).
const A1 = new Float32Array(HIDDEN * 784);
for (let i = 0; i < HIDDEN; i++) for (let j = 0; j < 784; j++) A1[i * 784 + j] = W1[j * HIDDEN + i] / lam1;
const A2 = new Float32Array(10 * HIDDEN);
for (let i = 0; i < 10; i++) for (let j = 0; j < HIDDEN; j++) A2[i * HIDDEN + j] = (W2[j * 10 + i] * lam1) / lam2;
const bias1 = Float32Array.from(B1, (b) => b / lam1);
const bias2 = Float32Array.from(B2, (b) => b / lam2);
const lif = (n) =>
  createNode('LIF', {
    tau: new Float32Array(n).fill(TAU),
    r: new Float32Array(n).fill(TAU),
    v_leak: new Float32Array(n),
    v_threshold: new Float32Array(n).fill(1),
    v_reset: new Float32Array(n),
    metadata: { reset_mode: 'subtract' },
  });
const graph = createGraph({
  nodes: {
    input: createNode('Input', { shape: [784] }),
    fc1: createNode('Affine', { weight: nirArray(A1, [HIDDEN, 784]), bias: nirArray(bias1, [HIDDEN]) }),
    lif1: lif(HIDDEN),
    fc2: createNode('Affine', { weight: nirArray(A2, [10, HIDDEN]), bias: nirArray(bias2, [10]) }),
    lif2: lif(10),
    output: createNode('Output', { shape: [10] }),
  },
  edges: [
    ['input', 'fc1'],
    ['fc1', 'lif1'],
    ['lif1', 'fc2'],
    ['fc2', 'lif2'],
    ['lif2', 'output'],
  ],
});
const out = path.resolve(here, '../examples/mnist-784-128-10-lif.nir');
await writeNir(out, graph);
const record = {
  network: '784-128-10 LIF (tau 64 steps, dt 1, threshold 1, reset by subtraction)',
  training: {
    epochs: EPOCHS,
    batch: BATCH,
    optimiser: 'adam 1e-3, cosine decay',
    augmentation: 'random shifts of ±2 pixels',
    seed: SEED,
    split: '@neurite/datasets loadMnist (7996 train / 2004 test)',
  },
  annTestAccuracy: ok / test.n,
  normalisation: { lambda1: lam1, lambda2: lam2, percentile: 0.999 },
  simulation: { dt: 1, integration: 'euler', reset: 'subtract', encoding: 'encodeRate (deterministic rate code)' },
};
writeFileSync(out.replace(/\.nir$/, '.json'), JSON.stringify(record, null, 2) + '\n');
console.log(`wrote ${out} (λ1 = ${lam1.toFixed(3)}, λ2 = ${lam2.toFixed(3)})`);
tf.dispose([w1, b1, w2, b2, xTrain, yTrain]);
