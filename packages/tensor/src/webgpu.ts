/**
 * `@neurite/tensor/webgpu`: registers the webgpu backend (needs the optional
 * peer package @tensorflow/tfjs-backend-webgpu), Neurite's webgpu kernels and
 * the tfjs gradients. Import it in a browser app before `setBackend('webgpu')`.
 */
import './register/webgpu.js';
