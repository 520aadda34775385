/**
 * Registers the tfjs webgl backend (optional peer dependency
 * @tensorflow/tfjs-backend-webgl), Neurite's webgl kernels (GatherRowsSum,
 * SparseGatherRowsSum, SparseMatVec) and the tfjs gradients.
 */
import '@tensorflow/tfjs-backend-webgl';
// tfjs-core's gradients: in Node a build-time ES module bundle of them (scripts/bundle-gradients.mjs);
// for bundlers tfjs-core's own register_all_gradients module (package.json "imports").
import '#register-gradients';
import '../kernels/register-sparse-webgl.js';
import { guardBackendInit } from './guard-backend-init.js';
import { markRegistered } from './registered-backends.js';

guardBackendInit('webgl');
markRegistered('webgl');
