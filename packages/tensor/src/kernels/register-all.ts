// Kernels for the cpu and wasm backends (safe to load in Node and the browser).
import './register-sparse.js';
import './register-neuron.js';
import './register-fft-wasm.js';
import './register-conv-wasm.js';
import './register-matmul-wasm.js';
