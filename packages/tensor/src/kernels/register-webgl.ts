// Kernels for webgl; loaded by setBackend('webgl') after @tensorflow/tfjs-backend-webgl.
import './register-sparse-webgl.js';
