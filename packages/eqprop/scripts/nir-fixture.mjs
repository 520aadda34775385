// Writes test/fixtures/eqprop-small.nir: toNir of a small seeded kernel (784-free sizes 6-5-4-3, seed 1),
// which scripts/check-nir.py then reads with Python nir. Run from the repo root after building:
//   node packages/eqprop/scripts/nir-fixture.mjs && /usr/bin/python3 packages/eqprop/scripts/check-nir.py
import { EqPropKernel, toNir } from '@neurite/eqprop';
import { writeNir } from '@neurite/nir/node';

const k = new EqPropKernel({ inputDim: 6, hiddenDims: [5, 4], outputDim: 3, seed: 1, dynamics: 'async', gamma: 0.6, maxSteps: 25 });
await writeNir(new URL('../test/fixtures/eqprop-small.nir', import.meta.url).pathname, toNir(k));
