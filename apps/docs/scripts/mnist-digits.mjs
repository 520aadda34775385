// Writes MNIST digits for a demo into public/<folder>/ (generated at build time; not committed):
// - <file>: `train` training digits of @neurite/datasets' fixed split (indices ⌊k·7996/train⌋, every class)
//   and `test` test digits (⌊k·2004/test⌋), 784 uint8 pixels each (round(255·value), the mnist package's
//   bytes), training rows first, then the train + test uint8 labels in the same order
//   (decoded by .vitepress/theme/demos/mnist-digits.ts);
// - <index>: what the file holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@neurite/datasets';

const docs = fileURLToPath(new URL('..', import.meta.url));

/** @param {{ folder: string, file: string, index: string, train: number, test: number }} spec */
export async function writeMnistDigits({ folder, file, index, train: TRAIN, test: TEST }) {
  const out = path.join(docs, 'public', folder);
  mkdirSync(out, { recursive: true });
  const { train, test } = await loadMnist();
  const n = TRAIN + TEST;
  const bytes = new Uint8Array(n * 785);
  const pick = (set, count) => Array.from({ length: count }, (_, k) => Math.floor((k * set.n) / count));
  const rows = [...pick(train, TRAIN).map((i) => [train, i]), ...pick(test, TEST).map((i) => [test, i])];
  rows.forEach(([set, i], k) => {
    for (let p = 0; p < 784; p++) bytes[k * 784 + p] = Math.round(255 * set.images[i * 784 + p]);
    bytes[n * 784 + k] = set.labels[i];
  });
  writeFileSync(path.join(out, file), bytes);
  const layout = '(train + test)×784 uint8 pixels, then (train + test) uint8 labels';
  const split = `training rows from the train split (⌊k·${train.n}/${TRAIN}⌋), then test rows from the test split (⌊k·${test.n}/${TEST}⌋)`;
  writeFileSync(path.join(out, index), JSON.stringify({ digits: { file, train: TRAIN, test: TEST, layout, split } }, null, 1) + '\n');
  console.log(`[docs] public/${folder}: ${TRAIN} training and ${TEST} test digits`);
}
