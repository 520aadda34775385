export { NeuriteError } from './neurite-error.js';
export type { NeuriteErrorCode, NeuriteErrorOptions, NeuriteErrorClass } from './neurite-error.js';
export { TensorError } from './tensor-error.js';
export { createValidators } from './validators.js';
export type { Validators } from './validators.js';
export { tf } from './tf.js';
export type { Tensor, Tensor1D, Tensor2D, Tensor3D, Tensor4D, Rank, DataType, TensorLike } from './tf.js';
export { setBackend, backendInfo } from './backend.js';
export type { BackendName, BackendChoice, BackendInfo, SetBackendOptions, WasmBinaryName } from './backend.js';
export { scope, memorySnapshot, expectNoLeaks } from './memory.js';
export type { MemorySnapshot } from './memory.js';
export type { Rng } from './rng/rng.js';
export { createRng } from './rng/create-rng.js';
export { toRng, isRng } from './rng/to-rng.js';
export type { SeedOrRng } from './rng/to-rng.js';
export { randomTensor } from './rng/random-tensor.js';
export { detLog, detLog1p, detExp, detExpm1 } from './rng/det-math.js';
export { logFactorial } from './rng/log-factorial.js';
export { logFactorialRatio } from './rng/log-factorial-ratio.js';
export type { RandomDistribution, RandomTensorOptions } from './rng/random-tensor.js';
export type { CSR, DenseMatrix } from './sparse/csr.js';
export { csrFromCOO } from './sparse/csr-from-coo.js';
export { randomCSR } from './sparse/random-csr.js';
export type { RandomCSROptions } from './sparse/random-csr.js';
export { gatherRowsSum } from './sparse/gather-rows-sum.js';
export { propagateSpikes } from './sparse/propagate-spikes.js';
export { spmv } from './sparse/spmv.js';
export { csrToTensors } from './sparse/csr-tensors.js';
export type { CSRTensors } from './sparse/csr-tensors.js';
export { gatherRowsSumTensor } from './sparse/gather-rows-sum-tensor.js';
export { propagateSpikesTensor } from './sparse/propagate-spikes-tensor.js';
export { spmvTensor } from './sparse/spmv-tensor.js';
export { GatherRowsSum, SparseGatherRowsSum, SparseMatVec } from './sparse/kernel-names.js';
export type {
  GatherRowsSumInputs,
  SparseGatherRowsSumInputs,
  SparseGatherRowsSumAttrs,
  SparseMatVecInputs,
} from './sparse/kernel-names.js';
export { realFftPlan } from './fft/real-fft-plan.js';
export type { RealFftPlan } from './fft/real-fft-plan.js';
export { complexFftPlan } from './fft/complex-fft-plan.js';
export type { ComplexFftPlan } from './fft/complex-fft-plan.js';
export { rfft } from './fft/rfft.js';
export { irfft } from './fft/irfft.js';
export { topK } from './topk.js';
export { neuronStep } from './neuron/neuron-step.js';
export type { NeuronStepParams, NeuronStepState, NeuronStepResult } from './neuron/neuron-step.js';
export { NeuronStep } from './neuron/kernel-names.js';
export type { NeuronStepInputs, NeuronStepAttrs, NeuronReset } from './neuron/kernel-names.js';
export { startProfiling, profile, profileRegion, isProfiling } from './profiler.js';
export type { ProfilingOptions, Profiling } from './profiler.js';
export type { ProfileReport, ProfileRegion, ProfileTotal, ProfileKernel, ProfileMemory, ProfileSample } from './profile-report.js';
export { formatProfileTable } from './profile-table.js';
export type { ProfileTableOptions } from './profile-table.js';
export { benchmarkOperations } from './profile-benchmark.js';
export type { BenchmarkOptions, OperationTiming } from './profile-benchmark.js';
