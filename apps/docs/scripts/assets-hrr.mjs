// The HRR MNIST demo's digits → public/hrr/mnist-digits.bin and mnist-index.json (500 training, 200 test
// digits; format in mnist-digits.mjs).
import { writeMnistDigits } from './mnist-digits.mjs';

await writeMnistDigits({ folder: 'hrr', file: 'mnist-digits.bin', index: 'mnist-index.json', train: 500, test: 200 });
