// The eqprop demo's digits → public/eqprop/ (generated at build time; not committed):
// - digits.bin: 400 training digits of @neurite/datasets' fixed split (indices ⌊k·7996/400⌋, every class) and
//   200 test digits (⌊k·2004/200⌋), 784 uint8 pixels each (round(255·value), the mnist package's bytes),
//   training rows first, then 600 uint8 labels in the same order;
// - index.json: what the file holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@neurite/datasets';

const docs = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(docs, 'public', 'eqprop');
mkdirSync(out, { recursive: true });

const TRAIN = 400;
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
writeFileSync(path.join(out, 'digits.bin'), bytes);
writeFileSync(
  path.join(out, 'index.json'),
  JSON.stringify(
    {
      digits: {
        file: 'digits.bin',
        train: TRAIN,
        test: TEST,
        layout: '(train + test)×784 uint8 pixels, then (train + test) uint8 labels',
        split: 'training rows from the train split, then test rows from the test split (7996/2004)',
      },
    },
    null,
    1,
  ) + '\n',
);
console.log(`[docs] public/eqprop: ${TRAIN} training and ${TEST} test digits`);
