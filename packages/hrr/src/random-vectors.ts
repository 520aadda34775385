import { checkDim, checkInt } from './check.js';
import { HrrError } from './hrr-error.js';
import { toRng, type SeedOrRng } from '@neurite/tensor';
import type { VsaModel } from './vsa.js';

/**
 * `count` random vectors of dimension D ([count, D] row-major) from a seed or Rng, generated on
 * the CPU in a fixed order so the same seed gives bit-identical vectors on every backend:
 * - hrr: elements i.i.d. N(0, 1/D) (so E||v||² = 1 and a·b has mean 0, variance 1/D);
 * - fhrr: angles i.i.d. uniform on [−π, π);
 * - map: elements i.i.d. uniform on {−1, +1}.
 */
export function randomVectors(model: VsaModel, dim: number, seed: SeedOrRng, count = 1): Float32Array {
  checkDim('randomVectors', dim);
  checkInt('randomVectors', 'count', count, 0);
  const rng = toRng(seed, 'seed', HrrError);
  const n = dim * count;
  if (model === 'hrr') return rng.normalArray(new Float32Array(n), 0, 1 / Math.sqrt(dim)) as Float32Array;
  if (model === 'fhrr') return rng.uniformArray(new Float32Array(n), -Math.PI, Math.PI) as Float32Array;
  if (model === 'map') {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i += 32) {
      const bits = rng.nextUint32();
      for (let j = 0; j < 32 && i + j < n; j++) out[i + j] = (bits >>> j) & 1 ? 1 : -1;
    }
    return out;
  }
  throw new HrrError('model', `randomVectors: model must be 'hrr', 'fhrr' or 'map', got ${JSON.stringify(model)}`);
}
