/**
 * `@neurite/tensor/register`: registers the cpu and wasm backends, Neurite's
 * kernels for them and the tfjs gradients when imported, and selects cpu
 * (synchronously) unless a backend is already selected, so a program can run
 * tf ops without awaiting anything. `await setBackend('wasm')` switches to wasm.
 */
import * as tf from '@tensorflow/tfjs-core';
import './register/cpu.js';
import './register/wasm.js';

// tfjs's engine would otherwise pick wasm (the higher priority) and refuse sync
// ops until its asynchronous start; cpu starts synchronously inside setBackend.
if (tf.getBackend() == null) void tf.setBackend('cpu');
