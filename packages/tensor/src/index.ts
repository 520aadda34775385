export { TensorError } from './errors.js';
export { tf } from './tf.js';
export type { Tensor, Tensor1D, Tensor2D, Tensor3D, Tensor4D, Rank, DataType, TensorLike } from './tf.js';
export { setBackend, backendInfo } from './backend.js';
export type { BackendName, BackendChoice, BackendInfo } from './backend.js';
export { scope, memorySnapshot, expectNoLeaks } from './memory.js';
export type { MemorySnapshot } from './memory.js';
