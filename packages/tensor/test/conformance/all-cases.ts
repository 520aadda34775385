import type { ConformanceCase } from './types.js';
import { cases as core } from './cases-core.js';
import { cases as rng } from './cases-rng.js';
import { cases as sparse } from './cases-sparse.js';
import { cases as fft } from './cases-fft.js';
import { cases as kernels } from './cases-kernels.js';
import { cases as neuron } from './cases-neuron.js';

/** Every conformance case, run on every backend against the cpu result. */
export const allCases: ConformanceCase[] = [...core, ...rng, ...sparse, ...fft, ...kernels, ...neuron];
