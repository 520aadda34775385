// The eqprop demo's digits → public/eqprop/digits.bin and index.json (400 training, 200 test digits;
// format in mnist-digits.mjs).
import { writeMnistDigits } from './mnist-digits.mjs';

await writeMnistDigits({ folder: 'eqprop', file: 'digits.bin', index: 'index.json', train: 400, test: 200 });
