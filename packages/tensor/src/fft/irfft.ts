import { TensorError } from '../tensor-error.js';
import { checkLength } from './check-length.js';
import { realFftPlan } from './real-fft-plan.js';

/**
 * Batched inverse real FFT: `spec` holds batch spectra of bins = floor(n/2)+1
 * interleaved complex numbers each; the result holds batch signals of n reals
 * x[t] = (1/n) sum_k X[k] e^{+2 pi i k t / n} (Hermitian symmetry for k >= bins).
 * @throws TensorError when n is not an integer >= 1 or spec.length is not a multiple of 2*bins.
 */
export function irfft(spec: ArrayLike<number>, n: number): Float64Array {
  checkLength('irfft', n);
  if (spec == null || typeof spec.length !== 'number') throw new TensorError('spec', 'irfft: spec must be an array of numbers');
  const plan = realFftPlan(n);
  const w = 2 * plan.bins;
  if (spec.length % w !== 0) {
    throw new TensorError('spec', `irfft: spec.length must be a multiple of 2*bins=${w} (n=${n}), got ${spec.length}`);
  }
  const batch = spec.length / w;
  const out = new Float64Array(batch * n);
  for (let b = 0; b < batch; b++) plan.inverse(spec, out, b * w, b * n);
  return out;
}
