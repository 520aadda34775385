// Convert the example MNIST MLP (examples/mnist-mlp.json, 784-128-10) to a spiking
// network with QCFS + IF fine-tuning and write it as NIR: examples/mnist-mlp-if.nir.
// v0 = 0 (membranes start at rest), so the file means the same in any NIR
// simulator (dt = 1, IF reset by subtraction). Prints the accuracy per T on the test split.
// Usage: node packages/snn-convert/scripts/export-example-nir.mjs [--T 16]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBackend } from '@neurite/tensor';
import { loadMnist } from '@neurite/datasets';
import { writeNir } from '@neurite/nir/node';
import { convert, toNir } from '@neurite/snn-convert';
import { loadModelFile } from '@neurite/snn-convert/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf('--T');
const T = i > 0 ? Number(process.argv[i + 1]) : 16;
await setBackend('wasm');
const mnist = await loadMnist();
const model = await loadModelFile(path.join(here, '../examples/mnist-mlp.json'));
const { snn, stats } = await convert(model, mnist.train, { testData: mnist.test, T, L: 8, v0: 0, qcfsEpochs: 3, ifEpochs: 2, seed: 0 });
console.log(`ANN ${stats.annAccuracy}, QCFS ${stats.qcfsAccuracy}, SNN(T=${T}) ${stats.snnAccuracy}`);
console.log('accuracy per t:', stats.accuracyPerStep.map((a) => a.toFixed(4)).join(' '));
const file = path.join(here, '../examples/mnist-mlp-if.nir');
await writeNir(file, toNir(snn));
console.log(`wrote ${file}`);
