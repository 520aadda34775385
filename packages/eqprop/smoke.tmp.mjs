import { EqPropKernel, scellierPreset } from '@neurite/eqprop';
import { loadMnist } from '@neurite/datasets';
const { train, test } = await loadMnist();
const perm = Array.from({length: train.n}, (_, i) => i);
// deterministic shuffle
let s = 1; for (let i = perm.length - 1; i > 0; i--) { s = (s * 1103515245 + 12345) % 2147483648; const j = s % (i + 1); [perm[i], perm[j]] = [perm[j], perm[i]]; }
const mode = process.argv[2] ?? 'default';
const opts = mode === 'scellier' ? scellierPreset({ inputDim: 784, hiddenDims: [500], outputDim: 10 }) : { inputDim: 784, hiddenDims: [256], outputDim: 10, lr: Number(process.argv[3] ?? 1e-3) };
const k = new EqPropKernel({ ...opts, seed: 1 });
const B = 20; const x = new Float32Array(B * 784); const y = new Int32Array(B); const ids = new Int32Array(B);
for (let epoch = 0; epoch < Number(process.argv[4] ?? 1); epoch++) {
const t0 = performance.now(); let acc = 0, loss = 0, n = 0, fs = 0;
for (let start = 0; start + B <= train.n; start += B) {
  for (let b = 0; b < B; b++) { const i = perm[start + b]; x.set(train.images.subarray(i * 784, (i + 1) * 784), b * 784); y[b] = train.labels[i]; ids[b] = i; }
  const r = k.trainBatch(x, y, { ids }); acc += r.accuracy; loss += r.loss; n++; fs += r.freeSteps;
}
const dt = (performance.now() - t0) / 1000;
const ev = k.evaluateArray(test.images, test.labels);
console.log(`epoch ${epoch}: ${(n * B / dt).toFixed(0)} samples/s, train acc ${(acc / n).toFixed(4)} loss ${(loss / n).toFixed(4)} freeSteps ${(fs/n).toFixed(1)} test acc ${ev.accuracy.toFixed(4)}`);
}
