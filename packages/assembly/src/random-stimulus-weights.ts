import type { Rng } from '@neurite/tensor';
import { GrowableFloat32 } from './growable-float32.js';

/**
 * Weights from a stimulus of `size` neurons into `w` known neurons: each
 * Binomial(size, p), the number of its synapses from the stimulus (kept as
 * one weight, since the stimulus fires as a whole). O(w) draws, whatever the size.
 */
export function randomStimulusWeights(size: number, p: number, w: number, rng: Rng): GrowableFloat32 {
  const v = new GrowableFloat32(Math.max(16, w));
  for (let i = 0; i < w; i++) v.push(rng.binomial(size, p));
  return v;
}
