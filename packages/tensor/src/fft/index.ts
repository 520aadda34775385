export { realFftPlan } from './real-fft-plan.js';
export type { RealFftPlan } from './real-fft-plan.js';
export { complexFftPlan } from './complex-fft-plan.js';
export type { ComplexFftPlan } from './complex-fft-plan.js';
export { rfft } from './rfft.js';
export { irfft } from './irfft.js';
