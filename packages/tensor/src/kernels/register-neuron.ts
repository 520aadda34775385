// The fused neuron-update kernel (NeuronStep) for the cpu and wasm backends (typed-array JS loops).
// webgl/webgpu have no NeuronStep kernel: neuronStep() composes tfjs ops there.
import { registerKernel } from '@tensorflow/tfjs-core';
import { neuronStepCpuConfig } from './cpu/NeuronStep.js';
import { neuronStepWasmConfig } from './wasm/NeuronStep.js';

for (const config of [neuronStepCpuConfig, neuronStepWasmConfig]) {
  registerKernel(config);
}
