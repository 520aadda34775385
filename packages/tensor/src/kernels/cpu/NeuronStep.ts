import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { NeuronStep } from '../../neuron/kernel-names.js';
import type { NeuronStepAttrs, NeuronStepInputs } from '../../neuron/kernel-names.js';
import { checkNeuronStepInputs, expandCoefficient, neuronStepImpl } from '../../neuron/neuron-step-impl.js';

/** cpu: the NeuronStep equations as one typed-array loop (see the kernel name's doc). */
export function neuronStepCpu(args: { inputs: NeuronStepInputs; backend: MathBackendCPU; attrs: NeuronStepAttrs }): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const c = checkNeuronStepInputs(inputs, attrs);
  const vals = (t: TensorInfo | null) => (t === null ? null : (backend.data.get(t.dataId).values as Float32Array));
  const coef = (t: TensorInfo | null) => expandCoefficient(vals(t), c.block);
  const z = c.spiking ? new Float32Array(c.size) : null;
  const vOut = new Float32Array(c.size);
  const iOut = c.current ? new Float32Array(c.size) : null;
  neuronStepImpl(
    {
      x: vals(c.x)!,
      v: vals(c.v)!,
      i: vals(c.i),
      aV: coef(c.coef.aV),
      bV: coef(c.coef.bV),
      cV: coef(c.coef.cV),
      kV: coef(c.coef.kV),
      aI: coef(c.coef.aI),
      bI: coef(c.coef.bI),
      threshold: coef(c.coef.threshold),
      vReset: coef(c.coef.vReset),
      z,
      vOut,
      iOut,
    },
    c.size,
    c.block,
    c.reset,
  );
  const shape = c.x.shape.slice();
  const outs: TensorInfo[] = [];
  if (z !== null) outs.push(backend.makeTensorInfo(shape, 'float32', z));
  outs.push(backend.makeTensorInfo(shape, 'float32', vOut));
  if (iOut !== null) outs.push(backend.makeTensorInfo(shape, 'float32', iOut));
  return outs;
}

export const neuronStepCpuConfig: KernelConfig = {
  kernelName: NeuronStep,
  backendName: 'cpu',
  kernelFunc: neuronStepCpu as unknown as KernelFunc,
};
