// Sparse / event kernels for webgpu (WGSL compute programs). Loaded by
// setBackend('webgpu') through register/webgpu.ts, never at module load in Node.
import { gatherRowsSumWebgpuConfig } from './webgpu/GatherRowsSum.js';
import { sparseGatherRowsSumWebgpuConfig } from './webgpu/SparseGatherRowsSum.js';
import { sparseMatVecWebgpuConfig } from './webgpu/SparseMatVec.js';
import { registerKernels } from './register-kernels.js';

registerKernels([gatherRowsSumWebgpuConfig, sparseGatherRowsSumWebgpuConfig, sparseMatVecWebgpuConfig]);
