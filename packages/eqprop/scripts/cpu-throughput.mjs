// CPU-time throughput of the kernel (process.cpuUsage, so other processes on a shared machine do not
// count): training steps of 784-500-10 (batch 20, Scellier & Bengio 2017's 20 + 4 steps, the bench's
// synthetic batches), and the rate of the SIMD product (gemm) at the shapes of one training step.
//   nice -n 10 node packages/eqprop/scripts/cpu-throughput.mjs       (after building the package and packages/bench)
import { EqPropKernel, scellierPreset } from '@neurite/eqprop';
import { createDenseArena } from '../dist/dense-arena.js';
import { gemm } from '../dist/gemm.js';
// the bench's batches (build packages/bench too): one generator, the one the references rebuild
import { syntheticBatch } from '../../bench/dist/suites/eqprop.js';

const cpuSeconds = (c0) => process.cpuUsage(c0).user / 1e6;

const kernel = new EqPropKernel({ ...scellierPreset({ inputDim: 784, hiddenDims: [500], outputDim: 10 }), persistent: false, seed: 0 });
const batches = Array.from({ length: 10 }, (_, j) => syntheticBatch(20, 784, 20 * j));
for (let r = 0; r < 20; r++) for (const { x, y } of batches) kernel.trainBatch(x, y);
let c0 = process.cpuUsage();
for (let r = 0; r < 30; r++) for (const { x, y } of batches) kernel.trainBatch(x, y);
console.log(`train 784-500-10, batch 20, 20 + 4 steps: ${(6000 / cpuSeconds(c0)).toFixed(0)} samples per CPU second`);

// gemm at the shapes of a step (A's zero fraction as measured in training: pixels 81 %, hidden ≈ 60 %, outputs ≈ 80 %)
const arena = createDenseArena(8e6, 1000);
let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const fill = (n, zeros) => {
  const a = arena.alloc(n);
  for (let i = 0; i < n; i++) a[i] = rnd() < zeros ? 0 : rnd();
  return a;
};
const shapes = {
  'drive x·W_0 [20,784]x[784,500]': [20, 784, 500, 0.81, false],
  'hidden→output [20,500]x[500,10]': [20, 500, 10, 0.6, false],
  'output→hidden [20,10]x[10,500]': [20, 10, 500, 0.8, false],
  'update of W_0 xᵀ·d [784,20]x[20,500]': [784, 20, 500, 0.81, true],
};
for (const [name, [M, K, N, zeros, transposed]] of Object.entries(shapes)) {
  const a = fill(M * K, zeros);
  const b = fill(K * N, 0);
  const c = fill(M * N, 0);
  const [sar, sak] = transposed ? [1, M] : [K, 1];
  for (let i = 0; i < 200; i++) gemm(c, a, b, M, K, N, sar, sak, N, N);
  c0 = process.cpuUsage();
  for (let i = 0; i < 2000; i++) gemm(c, a, b, M, K, N, sar, sak, N, N);
  const us = (cpuSeconds(c0) * 1e6) / 2000;
  const nnz = a.reduce((t, v) => t + (v !== 0 ? 1 : 0), 0);
  console.log(`gemm ${name}: ${us.toFixed(1)} µs, ${((nnz * N) / us / 1e3).toFixed(2)} G non-zero multiply-adds/s`);
}
