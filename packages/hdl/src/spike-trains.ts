import { HdlError } from './hdl-error.js';

/**
 * Binary spike trains for a batch: `data[(s · steps + t) · size + j]` ∈ {0, 1} is input j of
 * sample s at step t.
 */
export interface SpikeTrains {
  /** Number of samples (inferences). */
  samples: number;
  /** Time steps per sample. */
  steps: number;
  /** Inputs per step. */
  size: number;
  /** The spikes, 0 or 1, `samples × steps × size` in the order above. */
  data: Uint8Array;
}

/**
 * Deterministic rate code (an integrate-and-fire encoder with no randomness): each input keeps an
 * accumulator a, starting at 0; every step a += x, and when a ≥ 1 the input spikes and a −= 1. An
 * intensity x ∈ [0, 1] gives ⌊(t + 1)·x⌋ spikes in the first t + 1 steps (within float rounding).
 * `values` is row-major [samples][size].
 */
export function encodeRate(values: ArrayLike<number>, samples: number, size: number, steps: number): SpikeTrains {
  if (!Number.isInteger(steps) || steps < 1)
    throw new HdlError('steps', `must be an integer ≥ 1, got ${steps}`, { code: 'ERR_OUT_OF_RANGE' });
  if (values.length < samples * size)
    throw new HdlError('values', `holds ${values.length} values, fewer than ${samples} × ${size}`, { code: 'ERR_SHAPE' });
  const data = new Uint8Array(samples * steps * size);
  const acc = new Float64Array(size);
  for (let s = 0; s < samples; s++) {
    acc.fill(0);
    for (let t = 0; t < steps; t++) {
      const base = (s * steps + t) * size;
      for (let j = 0; j < size; j++) {
        acc[j] += values[s * size + j];
        if (acc[j] >= 1) {
          data[base + j] = 1;
          acc[j] -= 1;
        }
      }
    }
  }
  return { samples, steps, size, data };
}
