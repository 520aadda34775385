// The HRR MNIST demo's digits → public/hrr/ (generated at build time; not committed):
// - mnist-digits.bin: 500 training digits of @neurite/datasets' fixed split (indices ⌊k·7996/500⌋, every class) and
//   200 test digits (⌊k·2004/200⌋), 784 uint8 pixels each (round(255·value)), training rows first, then 700 uint8
//   labels in the same order;
// - mnist-index.json: what the file holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@neurite/datasets';

const docs = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(docs, 'public', 'hrr');
mkdirSync(out, { recursive: true });

const TRAIN = 500;
const TEST = 200;
const { train, test } = await loadMnist();
const n = TRAIN + TEST;
const bytes = new Uint8Array(n * 785);
const pick = (set, count) => Array.from({ length: count }, (_, k) => Math.floor((k * set.n) / count));
const rows = [...pick(train, TRAIN).map((i) => [train, i]), ...pick(test, TEST).map((i) => [test, i])];
rows.forEach(([set, i], k) => {
  for (let p = 0; p < 784; p++) bytes[k * 784 + p] = Math.round(255 * set.images[i * 784 + p]);
  bytes[n * 784 + k] = set.labels[i];
});
writeFileSync(path.join(out, 'mnist-digits.bin'), bytes);
writeFileSync(
  path.join(out, 'mnist-index.json'),
  JSON.stringify(
    {
      digits: {
        file: 'mnist-digits.bin',
        train: TRAIN,
        test: TEST,
        layout: '(train + test)×784 uint8 pixels, then (train + test) uint8 labels',
        split: 'training rows from the train split (⌊k·7996/500⌋), then test rows from the test split (⌊k·2004/200⌋)',
      },
    },
    null,
    1,
  ) + '\n',
);
console.log(`[docs] public/hrr: ${TRAIN} training and ${TEST} test digits`);
