/**
 * `@neurite/tensor/register`: registers the cpu and wasm backends, Neurite's
 * kernels for them and the tfjs gradients when imported, for programs that run
 * tf ops without awaiting setBackend. tf ops then run on cpu until
 * `await setBackend('wasm')`.
 */
import './register/cpu.js';
import './register/wasm.js';
