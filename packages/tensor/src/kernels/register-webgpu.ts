// Kernels for webgpu; loaded by setBackend('webgpu') after @tensorflow/tfjs-backend-webgpu.
import './register-sparse-webgpu.js';
