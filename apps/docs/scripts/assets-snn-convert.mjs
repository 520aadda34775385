// The snn-convert demo's files → public/snn-convert/ (copied or generated at build time; not committed):
// - mnist-mlp.json + mnist-mlp.weights.bin: @neurite/snn-convert's example MLP (784-128-10, trained on the
//   fixed MNIST split by packages/snn-convert/scripts/train-examples.mjs);
// - digits.bin: 256 test digits of @neurite/datasets' fixed split (indices ⌊k·2004/256⌋, all classes),
//   784 uint8 pixels each (round(255·value), the mnist package's bytes), then 256 uint8 labels;
// - index.json: what the files are.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@neurite/datasets';

const docs = fileURLToPath(new URL('..', import.meta.url));
const pkg = path.resolve(docs, '../../packages/snn-convert');
const out = path.join(docs, 'public', 'snn-convert');
mkdirSync(out, { recursive: true });
for (const f of ['mnist-mlp.json', 'mnist-mlp.weights.bin']) copyFileSync(path.join(pkg, 'examples', f), path.join(out, f));

const N = 256;
const { test } = await loadMnist();
const bytes = new Uint8Array(N * 785);
const indices = [];
for (let k = 0; k < N; k++) {
  const i = Math.floor((k * test.n) / N);
  indices.push(i);
  for (let p = 0; p < 784; p++) bytes[k * 784 + p] = Math.round(255 * test.images[i * 784 + p]);
  bytes[N * 784 + k] = test.labels[i];
}
writeFileSync(path.join(out, 'digits.bin'), bytes);
writeFileSync(
  path.join(out, 'index.json'),
  JSON.stringify(
    {
      model: { json: 'mnist-mlp.json', weights: 'mnist-mlp.weights.bin', origin: 'packages/snn-convert/examples' },
      digits: { file: 'digits.bin', n: N, layout: 'n×784 uint8 pixels, then n uint8 labels', split: 'test (7996/2004)', indices },
    },
    null,
    1,
  ) + '\n',
);
console.log(`[docs] public/snn-convert: the example MLP and ${N} test digits`);
