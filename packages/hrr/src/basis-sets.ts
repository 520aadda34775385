import { toRng, type SeedOrRng } from '@neurite/tensor';
import { checkInt, checkFinite } from './check.js';
import { HrrError } from './hrr-error.js';
import type { Vsa } from './vsa.js';

/** Options of the level-type basis sets. */
export interface BasisOptions {
  /**
   * Randomness r ∈ [0, 1] of `levelBasis` (torchhd's `randomness`): 0 gives the linear similarity
   * profile, 1 makes every level an independent random element. Default 0.
   */
  randomness?: number;
}

/** `count` independent random elements ([count, D]); `vsa.random` under the basis-set name. */
export function randomBasis(vsa: Vsa, count: number, seed: SeedOrRng): Float32Array {
  checkInt('randomBasis', 'count', count, 1);
  return vsa.random(seed, count);
}

/**
 * Level basis (Rahimi et al. 2016; torchhd `level`): `count` elements whose similarity decays
 * linearly with the level distance. Two random endpoints A, B and a threshold t_e ~ U[0, 1) per
 * element e (elements of `vsa.elementSize` floats move together); level ℓ takes element e from B
 * when t_e < ℓ/(count − 1), else from A. So levels ℓ, k share a fraction 1 − |ℓ − k|/(count − 1) of
 * their elements, and sim(ℓ, k) = (1 − |ℓ − k|/(count − 1))·(1 − s₀) + s₀ in expectation, with s₀
 * the random-pair similarity mean (0 for most models). With `randomness` r the thresholds are
 * mixed with per-level noise: t_e is replaced by (1 − r)·t_e + r·u_{ℓ,e}.
 */
export function levelBasis(vsa: Vsa, count: number, seed: SeedOrRng, opts: BasisOptions = {}): Float32Array {
  return interpolated('levelBasis', vsa, count, seed, opts.randomness ?? 0, (t, phase) => t < phase, false);
}

/**
 * Thermometer basis (torchhd `thermometer`): like `levelBasis` with the deterministic threshold
 * t_e = e/E (E elements), so level ℓ takes its first ℓ/(count − 1) of the elements from B. For map
 * (A = −1…, B = +1…) and bsc (0…, 1…) the endpoints are constant as in torchhd; other models use
 * random endpoints.
 */
export function thermometerBasis(vsa: Vsa, count: number, seed: SeedOrRng): Float32Array {
  return interpolated('thermometerBasis', vsa, count, seed, 0, (t, phase) => t < phase, true);
}

/**
 * Circular basis (torchhd `circular`): `count` elements on a circle, level ℓ at phase φ = ℓ/count;
 * element e comes from B when t_e < 2φ (φ ≤ ½) or when t_e ≥ 2φ − 1 (φ > ½). The fraction of
 * shared elements is 1 − 2·d_c with d_c the circular distance min(|φ − φ'|, 1 − |φ − φ'|),
 * so sim(ℓ, k) = 1 − 2·d_c(ℓ, k) for zero-mean models (level 0 and level count/2 are unrelated).
 */
export function circularBasis(vsa: Vsa, count: number, seed: SeedOrRng): Float32Array {
  return interpolated('circularBasis', vsa, count, seed, 0, (t, phase) => (phase <= 0.5 ? t < 2 * phase : t >= 2 * phase - 1), false, true);
}

function interpolated(
  fn: string,
  vsa: Vsa,
  count: number,
  seed: SeedOrRng,
  randomness: number,
  fromB: (t: number, phase: number) => boolean,
  thermometer: boolean,
  circular = false,
): Float32Array {
  checkInt(fn, 'count', count, 1);
  checkFinite(fn, 'randomness', randomness);
  if (randomness < 0 || randomness > 1)
    throw new HrrError('randomness', `${fn}: randomness must be in [0, 1], got ${randomness}`, { code: 'ERR_OUT_OF_RANGE' });
  const rng = toRng(seed, 'seed', HrrError);
  const D = vsa.dim,
    es = vsa.elementSize,
    E = D / es;
  let a: Float32Array, b: Float32Array;
  if (thermometer && (vsa.model === 'map' || vsa.model === 'bsc')) {
    a = new Float32Array(D).fill(vsa.model === 'map' ? -1 : 0);
    b = new Float32Array(D).fill(1);
  } else {
    const ab = vsa.random(rng, 2);
    a = ab.subarray(0, D);
    b = ab.subarray(D, 2 * D);
  }
  const t = new Float64Array(E);
  for (let e = 0; e < E; e++) t[e] = thermometer ? e / E : rng.uniform();
  const out = new Float32Array(count * D);
  for (let l = 0; l < count; l++) {
    const phase = circular ? l / count : count === 1 ? 0 : l / (count - 1);
    for (let e = 0; e < E; e++) {
      const te = randomness > 0 ? (1 - randomness) * t[e] + randomness * rng.uniform() : t[e];
      const src = fromB(te, phase) ? b : a;
      for (let k = 0; k < es; k++) out[l * D + e * es + k] = src[e * es + k];
    }
  }
  return out;
}
