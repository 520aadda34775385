import type { Rng } from '@neurite/tensor';
import { detExp } from '@neurite/tensor';
import type { Distribution } from './network-spec.js';

/**
 * A sampler of one number or distribution: constant, uniform [low, high), normal
 * truncated to [low, high] by redrawing (Robert 1995 via `Rng.truncatedNormal`),
 * lognormal exp(N(mu, sigma²)). Engine-independent arithmetic (detExp), so a seed gives
 * the same values in every JavaScript engine.
 */
export function sampler(d: number | Distribution): { constant: boolean; value: number; draw: (rng: Rng) => number } {
  if (typeof d === 'number') return { constant: true, value: d, draw: () => d };
  switch (d.dist) {
    case 'constant':
      return { constant: true, value: d.value, draw: () => d.value };
    case 'uniform': {
      const { low, high } = d;
      return { constant: low === high, value: low, draw: (r) => low + (high - low) * r.uniform() };
    }
    case 'normal': {
      const lo = d.low ?? -Infinity;
      const hi = d.high ?? Infinity;
      const { mean, std } = d;
      if (std === 0) return { constant: true, value: mean, draw: () => mean };
      if (lo === -Infinity && hi === Infinity) return { constant: false, value: mean, draw: (r) => r.normal(mean, std) };
      return { constant: false, value: mean, draw: (r) => r.truncatedNormal(lo, hi, mean, std) };
    }
    case 'lognormal': {
      const { mu, sigma } = d;
      return { constant: sigma === 0, value: detExp(mu), draw: (r) => detExp(r.normal(mu, sigma)) };
    }
  }
}
