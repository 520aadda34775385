/**
 * Registers the tfjs wasm backend, Neurite's wasm kernels (sparse, NeuronStep,
 * complex64/FFT, convolution gradients, fast MatMul) and the tfjs gradients.
 * Imported on demand by setBackend('wasm') and by `@neurite/tensor/register`.
 * In Node the `.wasm` files load from the tfjs-backend-wasm package directory;
 * in a browser pass `wasmPaths` to setBackend (see the README).
 */
import '@tensorflow/tfjs-backend-wasm';
// tfjs-core's gradients: in Node a build-time ES module bundle of them (scripts/bundle-gradients.mjs);
// for bundlers tfjs-core's own register_all_gradients module (package.json "imports").
import '#register-gradients';
import '../kernels/register-fft-wasm.js';
import '../kernels/register-conv-wasm.js';
import '../kernels/register-matmul-wasm.js';
import { gatherRowsSumWasmConfig } from '../kernels/wasm/GatherRowsSum.js';
import { sparseGatherRowsSumWasmConfig } from '../kernels/wasm/SparseGatherRowsSum.js';
import { sparseMatVecWasmConfig } from '../kernels/wasm/SparseMatVec.js';
import { neuronStepWasmConfig } from '../kernels/wasm/NeuronStep.js';
import { registerKernels } from '../kernels/register-kernels.js';
import { guardBackendInit } from './guard-backend-init.js';
import { markRegistered } from './registered-backends.js';

registerKernels([gatherRowsSumWasmConfig, sparseGatherRowsSumWasmConfig, sparseMatVecWasmConfig, neuronStepWasmConfig]);
guardBackendInit('wasm');
markRegistered('wasm');
