import type { NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * Kernel `NeuronStep`: one time step of a layer of linear (current-based)
 * neurons with an optional threshold and reset, fused into one pass:
 *
 *   i'     = aI·i + bI·x                          (when `aI` is given; bI defaults to 1)
 *   v'     = aV·v + bV·x + cV·i + kV              (absent aV, bV → 1; absent cV, kV → no term)
 *   z      = 1 if v' > threshold else 0           (when `threshold` is given)
 *   v_next = reset(v', z):
 *     'subtract'   v' − z·threshold
 *     'zero'       v' − z·v'
 *     'to_v_reset' v' + z·(vReset − v')           (absent vReset → as 'zero')
 *
 * Inputs (float32): x, v and (with aI) i of one shape [B, ...S]; coefficients
 * aV, bV, cV, kV, aI, bI, threshold, vReset of size 1 or of shape S (leading
 * ones allowed), broadcast over the leading (batch) dimensions.
 * Attr `reset`. Outputs, all float32 [B, ...S]: [z, v_next, i'] with a
 * threshold, [v_next, i'] without (v_next = v'); i' only when aI is given.
 * Each operation is rounded to float32 in the order written, so the result is
 * bitwise that of the same tfjs ops composed on cpu/wasm.
 */
export const NeuronStep = 'NeuronStep';

/** Inputs of the `NeuronStep` kernel: the input x, state v (and i), and the coefficients as tensors broadcast over the batch. */
export type NeuronStepInputs = {
  x: TensorInfo;
  v: TensorInfo;
  i?: TensorInfo;
  aV?: TensorInfo;
  bV?: TensorInfo;
  cV?: TensorInfo;
  kV?: TensorInfo;
  aI?: TensorInfo;
  bI?: TensorInfo;
  threshold?: TensorInfo;
  vReset?: TensorInfo;
} & NamedTensorInfoMap;

/** What a spiking neuron does to v after a spike z. */
export type NeuronReset = 'subtract' | 'zero' | 'to_v_reset';

/** Attributes of the `NeuronStep` kernel. */
export interface NeuronStepAttrs {
  /** What a spike does to v. */
  reset: NeuronReset;
}
