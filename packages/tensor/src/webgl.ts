/**
 * `@neurite/tensor/webgl`: registers the webgl backend (needs the optional peer
 * package @tensorflow/tfjs-backend-webgl), Neurite's webgl kernels and the tfjs
 * gradients. Import it in a browser app before `setBackend('webgl')`.
 */
import './register/webgl.js';
