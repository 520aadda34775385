// Sparse / event kernels for webgl (GPGPU fragment programs). Loaded by
// setBackend('webgl') through register/webgl.ts, never at module load in Node.
import { gatherRowsSumWebglConfig } from './webgl/GatherRowsSum.js';
import { sparseGatherRowsSumWebglConfig } from './webgl/SparseGatherRowsSum.js';
import { sparseMatVecWebglConfig } from './webgl/SparseMatVec.js';
import { registerKernels } from './register-kernels.js';

registerKernels([gatherRowsSumWebglConfig, sparseGatherRowsSumWebglConfig, sparseMatVecWebglConfig]);
