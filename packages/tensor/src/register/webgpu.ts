/**
 * Registers the tfjs webgpu backend (optional peer dependency
 * @tensorflow/tfjs-backend-webgpu), Neurite's webgpu kernels (GatherRowsSum,
 * SparseGatherRowsSum, SparseMatVec) and the tfjs gradients.
 */
import '@tensorflow/tfjs-backend-webgpu';
// tfjs-core's gradients: in Node a build-time ES module bundle of them (scripts/bundle-gradients.mjs);
// for bundlers tfjs-core's own register_all_gradients module (package.json "imports").
import '#register-gradients';
import '../kernels/register-sparse-webgpu.js';
import { guardBackendInit } from './guard-backend-init.js';
import { markRegistered } from './registered-backends.js';

guardBackendInit('webgpu');
markRegistered('webgpu');
