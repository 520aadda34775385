/**
 * Registers the tfjs webgpu backend (optional peer dependency
 * @tensorflow/tfjs-backend-webgpu), Neurite's webgpu kernels (GatherRowsSum,
 * SparseGatherRowsSum, SparseMatVec) and the tfjs gradients.
 */
import '@tensorflow/tfjs-backend-webgpu';
import '../generated/register-gradients.js';
import '../kernels/register-sparse-webgpu.js';
import { guardBackendInit } from './guard-backend-init.js';
import { markRegistered } from './registered-backends.js';

/** tfjs-backend-webgpu 4.22 registers 'webgpu' with priority 3. */
guardBackendInit('webgpu', 3);
markRegistered('webgpu');
