// Sparse / event kernels for the cpu and wasm backends (typed-array JS loops).
import { registerKernel } from '@tensorflow/tfjs-core';
import { gatherRowsSumCpuConfig } from './cpu/GatherRowsSum.js';
import { sparseGatherRowsSumCpuConfig } from './cpu/SparseGatherRowsSum.js';
import { sparseMatVecCpuConfig } from './cpu/SparseMatVec.js';
import { gatherRowsSumWasmConfig } from './wasm/GatherRowsSum.js';
import { sparseGatherRowsSumWasmConfig } from './wasm/SparseGatherRowsSum.js';
import { sparseMatVecWasmConfig } from './wasm/SparseMatVec.js';

for (const config of [
  gatherRowsSumCpuConfig, sparseGatherRowsSumCpuConfig, sparseMatVecCpuConfig,
  gatherRowsSumWasmConfig, sparseGatherRowsSumWasmConfig, sparseMatVecWasmConfig,
]) {
  registerKernel(config);
}
