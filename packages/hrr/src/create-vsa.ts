import { checkDim } from './check.js';
import { bsbcModel } from './bsbc-model.js';
import { bscModel } from './bsc-model.js';
import { cyclicModel } from './cyclic-model.js';
import { fhrrModel } from './fhrr-model.js';
import { ghrrModel } from './ghrr-model.js';
import { HrrError } from './hrr-error.js';
import { hrrModel } from './hrr-model.js';
import { mapModel } from './map-model.js';
import { checkDivisor } from './model-parts.js';
import { vtbModel } from './vtb-model.js';
import type { Vsa, VsaModel, VsaOptions } from './vsa.js';

/** Every model `createVsa` accepts. */
export const VSA_MODELS: readonly VsaModel[] = ['hrr', 'fhrr', 'map', 'bsc', 'bsbc', 'cgr', 'mcr', 'vtb', 'tvtb', 'ghrr'];

/**
 * A VSA model at dimension D: `createVsa({ model, dim, blockSize?, levels? })` with model one of
 * `VSA_MODELS` (see `Vsa` for each model's operations). Switching the `model` option is the only
 * change needed to run the same code (vocabularies, structures, cleanup) on another model.
 *
 * @example
 * ```ts
 * import { createVsa } from '@neurite/hrr';
 * const vsa = createVsa({ model: 'hrr', dim: 1024 });
 * const [a, b] = [vsa.random('a'), vsa.random('b')];
 * const c = vsa.bind(a, b);                  // dissimilar to a and to b
 * console.log(vsa.similarity(vsa.unbind(c, a), b)); // ≈ 0.7 (1/√2 for a random HRR key; 1 for fhrr and map)
 * ```
 */
export function createVsa(opts: VsaOptions): Vsa {
  if (opts == null || typeof opts !== 'object') throw new HrrError('opts', 'createVsa: expected { model, dim }');
  const dim = checkDim('createVsa', opts.dim);
  const model = opts.model ?? 'hrr';
  switch (model) {
    case 'hrr':
      return hrrModel(dim);
    case 'fhrr':
      return fhrrModel(dim);
    case 'map':
      return mapModel(dim);
    case 'bsc':
      return bscModel(dim);
    case 'bsbc':
      return bsbcModel(dim, checkDivisor('createVsa', 'blockSize', opts.blockSize ?? 16, dim));
    case 'cgr':
    case 'mcr': {
      const q = opts.levels ?? 16;
      if (!Number.isSafeInteger(q) || q < 2)
        throw new HrrError('levels', `createVsa: levels must be an integer ≥ 2, got ${q}`, { code: 'ERR_OUT_OF_RANGE' });
      return cyclicModel(model, dim, q);
    }
    case 'vtb':
    case 'tvtb':
      return vtbModel(model, dim);
    case 'ghrr': {
      const m = opts.blockSize ?? 2;
      checkDivisor('createVsa', 'blockSize', m, dim);
      checkDivisor('createVsa', '2·blockSize²', 2 * m * m, dim);
      return ghrrModel(dim, m);
    }
    default:
      throw new HrrError('model', `createVsa: model must be one of ${VSA_MODELS.join(', ')}, got ${JSON.stringify(model)}`);
  }
}
