// MNIST (the project's fixed 7996/2004 split) with the HD classifiers of @neurite/hrr.
// node packages/hrr/scripts/mnist-classifiers.mjs [--dim 10000] [--only onlinehd,centroid] [--json out.json] [--export mnist.bin]
//   [--lehdc 'epochs:dropout:weightDecay:patience[:trainDigits];…'] [--record-cache /tmp/records-10000.i8]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRng, setBackend, tf } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import * as hrr from '@neurite/hrr';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const D = Number(opt('dim', '10000'));
const only = opt('only', '') ? new Set(opt('only', '').split(',')) : null;
await setBackend(opt('backend', 'wasm'));
const loaded = await loadMnist();
let { train, test } = loaded;
// --validate: hold out every 5th training digit as the test set (for choosing the kernel scale
// without looking at the test split)
if (args.includes('--validate')) {
  const pick = (keep) => {
    const idx = [...Array(loaded.train.n).keys()].filter((i) => (i % 5 === 4) !== keep);
    const images = new Float32Array(idx.length * 784),
      labels = new Uint8Array(idx.length);
    idx.forEach((i, k) => {
      images.set(loaded.train.images.subarray(i * 784, (i + 1) * 784), k * 784);
      labels[k] = loaded.train.labels[i];
    });
    return { images, labels, n: idx.length };
  };
  train = pick(true);
  test = pick(false);
}
const scale = Number(opt('scale', '1'));
if (opt('export', '')) {
  // float32 images then uint8 labels, train then test (for the torchhd reference script)
  const parts = [train.images, train.labels, test.images, test.labels].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  writeFileSync(opt('export', ''), Buffer.concat(parts));
}
const F = 784;
const t0 = () => performance.now();

async function encodeBatched(enc, x, n) {
  const out = new Float32Array(n * D);
  for (let s = 0; s < n; s += 256) {
    const e = Math.min(n, s + 256);
    const xt = tf.tensor2d(x.subarray(s * F, e * F), [e - s, F]);
    const y = enc.encodeTensor(xt);
    out.set(await y.data(), s * D);
    tf.dispose([xt, y]);
  }
  return out;
}

const rows = [];
const report = (name, encoding, acc, trainS, extra = {}) => {
  rows.push({ classifier: name, encoding, accuracy: acc, trainSeconds: trainS, ...extra });
  process.stderr.write(
    `${name} (${encoding}): ${(100 * acc).toFixed(2)}% train ${trainS.toFixed(1)} s${Object.keys(extra).length ? ` ${JSON.stringify(extra)}` : ''}\n`,
  );
};
const acc = (p, y) => p.reduce((s, v, i) => s + (v === y[i] ? 1 : 0), 0) / p.length;
const want = (k) => !only || only.has(k);

// Record (Random position keys ⊛ Level values, MAP), bipolar after hard quantisation: torchhd's MNIST example
const map = hrr.createVsa({ model: 'map', dim: D });
let recTrain, recTest;
if (['centroid', 'adapthd', 'sparsehd', 'quanthd', 'comphd', 'lehdc'].some(want)) {
  // --record-cache file: the bipolar record encodings as int8 (written once, read by later runs at the same D)
  const cache = opt('record-cache', '');
  if (cache && existsSync(cache)) {
    const b = readFileSync(cache);
    const all = Float32Array.from(new Int8Array(b.buffer, b.byteOffset, b.byteLength));
    if (all.length !== (train.n + test.n) * D) throw new Error(`${cache} does not hold ${train.n + test.n} encodings of D=${D}`);
    recTrain = all.subarray(0, train.n * D);
    recTest = all.subarray(train.n * D);
  } else {
    const rec = new hrr.RecordEmbedding(map, F, 256, { seed: 1 });
    let s = t0();
    recTrain = hrr.hardQuantize(rec.encode(train.images));
    const encS = (t0() - s) / 1000;
    recTest = hrr.hardQuantize(rec.encode(test.images));
    process.stderr.write(`record encoding: ${(train.n / encS).toFixed(0)} samples/s\n`);
    if (cache) {
      const i8 = new Int8Array(recTrain.length + recTest.length);
      i8.set(recTrain);
      i8.set(recTest, recTrain.length);
      writeFileSync(cache, i8);
    }
  }
}
const fitEval = async (name, m, xtr, xte, enc, opts) => {
  const s = t0();
  m.fit(xtr, train.labels, opts);
  report(name, enc, acc(await m.predictAsync(xte), test.labels), (t0() - s) / 1000);
  return m;
};
if (want('centroid')) await fitEval('Centroid', new hrr.CentroidClassifier(D, 10), recTrain, recTest, 'record');
if (want('adapthd')) await fitEval('AdaptHD', new hrr.AdaptHDClassifier(D, 10), recTrain, recTest, 'record');
if (want('sparsehd')) await fitEval('SparseHD (50%)', new hrr.SparseHDClassifier(D, 10, 0.5), recTrain, recTest, 'record');
if (want('quanthd')) await fitEval('QuantHD (1 bit)', new hrr.QuantHDClassifier(D, 10, 1), recTrain, recTest, 'record');
if (want('comphd')) {
  const base = await fitEval('AdaptHD (for CompHD)', new hrr.AdaptHDClassifier(D, 10), recTrain, recTest, 'record');
  const comp = new hrr.CompHD(D, 10, 2);
  const cm = comp.compressModel(base);
  report('CompHD (10× fold)', 'record', acc(cm.predict(comp.compress(recTest)), test.labels), 0);
}
if (want('lehdc')) {
  // --lehdc "epochs:dropout:weightDecay:patience[:trainDigits];…" runs each setting (default: the torchhd/paper
  // setting 120:0.3:0.003:2); trainDigits trains on that many training digits drawn without replacement (seed 5;
  // the split is stored class by class, so a prefix would hold only the first classes): a learning curve
  for (const spec of opt('lehdc', '120:0.3:0.003:2').split(';')) {
    const [epochs, dropout, weightDecay, patience, nTrain] = spec.split(':').map(Number);
    const n = nTrain || train.n;
    let xs = recTrain,
      ys = train.labels;
    if (n < train.n) {
      const pick = createRng(5).sampleWithoutReplacement(train.n, n);
      xs = new Float32Array(n * D);
      ys = new Uint8Array(n);
      pick.forEach((r, i) => {
        xs.set(recTrain.subarray(r * D, (r + 1) * D), i * D);
        ys[i] = train.labels[r];
      });
    }
    const s = t0();
    const m = await new hrr.LeHDCClassifier(D, 10).fitAsync(xs, ys, {
      epochs,
      dropout,
      weightDecay,
      patience,
    });
    report('LeHDC', 'record', acc(await m.predictAsync(recTest), test.labels), (t0() - s) / 1000, {
      epochs,
      dropout,
      weightDecay,
      patience,
      train: n,
    });
  }
}
if (want('intrvfl')) {
  // density encoding (keys ⊛ thermometer levels, MAP) at a smaller D: the ridge read-out solves a D×D system
  const Dd = Number(opt('intrvfl-dim', '1000'));
  const dens = new hrr.DensityEmbedding(hrr.createVsa({ model: 'map', dim: Dd }), F, 6);
  const s = t0();
  const m = new hrr.IntRVFLClassifier(Dd, 10, 3, 1).fit(dens.encode(train.images), train.labels);
  report(`IntRVFL (D=${Dd})`, 'density', acc(m.predict(dens.encode(test.images)), test.labels), (t0() - s) / 1000);
}
const unitImages = (x, n) => {
  const o = new Float32Array(x.length);
  for (let r = 0; r < n; r++) {
    let e = 0;
    for (let j = 0; j < F; j++) e += x[r * F + j] ** 2;
    const k = scale / Math.sqrt(e || 1);
    for (let j = 0; j < F; j++) o[r * F + j] = x[r * F + j] * k;
  }
  return o;
};
for (const [key, Cls, label] of [
  ['neuralhd', hrr.NeuralHDClassifier, 'NeuralHD'],
  ['disthd', hrr.DistHDClassifier, 'DistHD'],
]) {
  if (!want(key)) continue;
  const m = new Cls(new hrr.SinusoidEmbedding(F, D, 3), 10);
  const s = t0();
  await m.fitRaw(unitImages(train.images, train.n), train.labels, { epochs: Number(opt('epochs', '20')) });
  report(label, 'sinusoid + regeneration', acc(await m.predictRaw(unitImages(test.images, test.n)), test.labels), (t0() - s) / 1000);
}
if (want('onlinehd')) {
  const sin = new hrr.SinusoidEmbedding(F, D, 3);
  // images scaled to Euclidean norm `--scale` (default 1): xW then has N(0, 1) entries, i.e. the sinusoid features
  // approximate a Gaussian kernel of bandwidth 1 on the unit sphere (raw pixels give projections of
  // σ ≈ 9, a kernel too narrow to generalise)
  const unit = (x, n) => {
    const o = new Float32Array(x.length);
    for (let r = 0; r < n; r++) {
      let e = 0;
      for (let j = 0; j < F; j++) e += x[r * F + j] ** 2;
      const k = scale / Math.sqrt(e || 1);
      for (let j = 0; j < F; j++) o[r * F + j] = x[r * F + j] * k;
    }
    return o;
  };
  let s = t0();
  const xtr = await encodeBatched(sin, unit(train.images, train.n), train.n);
  process.stderr.write(`sinusoid encoding: ${(train.n / ((t0() - s) / 1000)).toFixed(0)} samples/s\n`);
  const xte = await encodeBatched(sin, unit(test.images, test.n), test.n);
  await fitEval('OnlineHD', new hrr.OnlineHDClassifier(D, 10), xtr, xte, 'sinusoid', { epochs: Number(opt('epochs', '20')) });
}
process.stdout.write(JSON.stringify({ dim: D, train: train.n, test: test.n, results: rows }, null, 1) + '\n');
if (opt('json', '')) writeFileSync(opt('json', ''), JSON.stringify(rows, null, 1));
