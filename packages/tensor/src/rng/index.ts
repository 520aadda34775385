export type { Rng } from './rng.js';
export { createRng } from './create-rng.js';
export { randomTensor } from './random-tensor.js';
export type { RandomDistribution, RandomTensorOptions } from './random-tensor.js';
