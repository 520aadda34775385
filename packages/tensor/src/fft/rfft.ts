import { TensorError } from '../tensor-error.js';
import { checkLength } from './check-length.js';
import { realFftPlan } from './real-fft-plan.js';

/**
 * Batched real FFT: `x` holds batch = x.length / n signals of length n back to
 * back; the result holds, per signal, bins = floor(n/2)+1 complex numbers
 * X[k] = sum_t x[t] e^{-2 pi i k t / n}, interleaved [re, im] (batch*2*bins numbers).
 * @throws TensorError when n is not an integer >= 1 or x.length is not a multiple of n.
 */
export function rfft(x: ArrayLike<number>, n: number): Float64Array {
  checkLength('rfft', n);
  if (x == null || typeof x.length !== 'number') throw new TensorError('x', 'rfft: x must be an array of numbers');
  if (x.length % n !== 0) {
    throw new TensorError('x', `rfft: x.length must be a multiple of n=${n}, got ${x.length}`);
  }
  const plan = realFftPlan(n);
  const batch = x.length / n;
  const w = 2 * plan.bins;
  const out = new Float64Array(batch * w);
  for (let b = 0; b < batch; b++) plan.forward(x, out, b * n, b * w);
  return out;
}
