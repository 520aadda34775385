/**
 * Registers the tfjs cpu backend, Neurite's cpu kernels (GatherRowsSum,
 * SparseGatherRowsSum, SparseMatVec, NeuronStep) and the tfjs gradients.
 * Imported on demand by setBackend('cpu') and by `@neurite/tensor/register`.
 */
import type { KernelBackend } from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's gradients: in Node a build-time ES module bundle of them (scripts/bundle-gradients.mjs);
// for bundlers tfjs-core's own register_all_gradients module (package.json "imports").
import '#register-gradients';
import { gatherRowsSumCpuConfig } from '../kernels/cpu/GatherRowsSum.js';
import { sparseGatherRowsSumCpuConfig } from '../kernels/cpu/SparseGatherRowsSum.js';
import { sparseMatVecCpuConfig } from '../kernels/cpu/SparseMatVec.js';
import { neuronStepCpuConfig } from '../kernels/cpu/NeuronStep.js';
import { registerKernels } from '../kernels/register-kernels.js';
import { guardBackendInit } from './guard-backend-init.js';
import { markRegistered } from './registered-backends.js';

registerKernels([gatherRowsSumCpuConfig, sparseGatherRowsSumCpuConfig, sparseMatVecCpuConfig, neuronStepCpuConfig]);

// tfjs-backend-cpu advertises tfjs-node on its first write in Node; Neurite never uses tfjs-node.
guardBackendInit('cpu', (backend) => {
  (backend as KernelBackend & { firstUse?: boolean }).firstUse = false;
});
markRegistered('cpu');
