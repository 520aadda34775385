/**
 * Convolution gradient kernels tfjs-backend-wasm 4.22 lacks, so that conv
 * nets train on wasm: Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropFilter,
 * DepthwiseConv2dNativeBackpropInput (typed-array loops over the wasm heap);
 * and UnsortedSegmentSum, which the gradient of tf.gather needs.
 */
import '@tensorflow/tfjs-backend-wasm';
import { registerKernels } from './register-kernels.js';
import { conv2DBackpropFilterWasmConfig } from './wasm/Conv2DBackpropFilter.js';
import { depthwiseConv2dNativeBackpropFilterWasmConfig } from './wasm/DepthwiseConv2dNativeBackpropFilter.js';
import { depthwiseConv2dNativeBackpropInputWasmConfig } from './wasm/DepthwiseConv2dNativeBackpropInput.js';
import { unsortedSegmentSumWasmConfig } from './wasm/UnsortedSegmentSum.js';

registerKernels([
  conv2DBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropFilterWasmConfig,
  depthwiseConv2dNativeBackpropInputWasmConfig,
  unsortedSegmentSumWasmConfig,
]);
