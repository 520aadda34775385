// Writes @neurite/datasets' fixed MNIST split as raw little-endian files for the Python references
// (packages/bench/references/eqprop_deep.py reads them):
//   node packages/eqprop/scripts/mnist-export.mjs OUTDIR
// OUTDIR/{train,test}-images.f32 ([n, 784] float32 in [0, 1]) and OUTDIR/{train,test}-labels.u8 ([n] uint8).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMnist } from '@neurite/datasets';

const out = process.argv[2];
if (!out) throw new Error('usage: mnist-export.mjs OUTDIR');
mkdirSync(out, { recursive: true });
const mnist = await loadMnist();
for (const side of ['train', 'test']) {
  const s = mnist[side];
  writeFileSync(join(out, `${side}-images.f32`), Buffer.from(s.images.buffer, s.images.byteOffset, s.images.byteLength));
  writeFileSync(join(out, `${side}-labels.u8`), Buffer.from(s.labels.buffer, s.labels.byteOffset, s.labels.byteLength));
  console.log(side, s.n);
}
