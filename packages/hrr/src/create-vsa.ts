import { checkDim } from './check.js';
import { fhrrModel } from './fhrr-model.js';
import { HrrError } from './hrr-error.js';
import { hrrModel } from './hrr-model.js';
import { mapModel } from './map-model.js';
import type { Vsa, VsaOptions } from './vsa.js';

/**
 * A VSA model at dimension D: `createVsa({ model: 'hrr' | 'fhrr' | 'map', dim })`. Switching the
 * `model` option is the only change needed to run the same code (vocabularies, structures,
 * cleanup) on another model.
 */
export function createVsa(opts: VsaOptions): Vsa {
  if (opts == null || typeof opts !== 'object') throw new HrrError('opts', 'createVsa: expected { model, dim }');
  const dim = checkDim('createVsa', opts.dim);
  const model = opts.model ?? 'hrr';
  if (model === 'hrr') return hrrModel(dim);
  if (model === 'fhrr') return fhrrModel(dim);
  if (model === 'map') return mapModel(dim);
  throw new HrrError('model', `createVsa: model must be 'hrr', 'fhrr' or 'map', got ${JSON.stringify(model)}`);
}
