/**
 * complex64 and FFT kernels for tfjs-backend-wasm 4.22, which has none
 * (`tf.complex`, `tf.spectral.*` fail there). complex64 tensors live in the
 * wasm heap as interleaved float32 pairs (see kernels/wasm/wasm-heap.ts).
 *
 * New kernels: Complex, Real, Imag, ComplexAbs, FFT, IFFT.
 * complex64 paths added in front of the existing wasm kernels: Add, Sub,
 * Multiply, Neg, Cast, Identity, ZerosLike, OnesLike. BackendWasm.readSync
 * learns to read complex64. (tfjs-core 4.22 has no RFFT / IRFFT kernels:
 * tf.spectral.rfft / irfft are composites of the kernels above plus
 * Reshape, Slice, Concat, Reverse, Split on float32.)
 */
import '@tensorflow/tfjs-backend-wasm';
import { installComplexReadSync } from './wasm/complex-read-sync.js';
import { overrideWasmKernel } from './wasm/override-wasm-kernel.js';
import { registerKernels } from './register-kernels.js';
import { complexWasmConfig } from './wasm/Complex.js';
import { realWasmConfig } from './wasm/Real.js';
import { imagWasmConfig } from './wasm/Imag.js';
import { complexAbsWasmConfig } from './wasm/ComplexAbs.js';
import { fftWasmConfig } from './wasm/FFT.js';
import { ifftWasmConfig } from './wasm/IFFT.js';
import { addKernelName, addComplexWrap } from './wasm/Add.js';
import { subKernelName, subComplexWrap } from './wasm/Sub.js';
import { multiplyKernelName, multiplyComplexWrap } from './wasm/Multiply.js';
import { negKernelName, negComplexWrap } from './wasm/Neg.js';
import { castKernelName, castComplexWrap } from './wasm/Cast.js';
import { identityKernelName, identityComplexWrap } from './wasm/Identity.js';
import { zerosLikeKernelName, zerosLikeComplexWrap } from './wasm/ZerosLike.js';
import { onesLikeKernelName, onesLikeComplexWrap } from './wasm/OnesLike.js';

installComplexReadSync();
registerKernels([complexWasmConfig, realWasmConfig, imagWasmConfig, complexAbsWasmConfig, fftWasmConfig, ifftWasmConfig]);
overrideWasmKernel(addKernelName, addComplexWrap);
overrideWasmKernel(subKernelName, subComplexWrap);
overrideWasmKernel(multiplyKernelName, multiplyComplexWrap);
overrideWasmKernel(negKernelName, negComplexWrap);
overrideWasmKernel(castKernelName, castComplexWrap);
overrideWasmKernel(identityKernelName, identityComplexWrap);
overrideWasmKernel(zerosLikeKernelName, zerosLikeComplexWrap);
overrideWasmKernel(onesLikeKernelName, onesLikeComplexWrap);
