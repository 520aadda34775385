import { createValidators } from '@neurite/tensor';
import { NirError } from './nir-error.js';
import type { NirErrorLocation } from './nir-error.js';

/** Tensor's shared argument checks, throwing NirError (messages `fn: name must be …, got …`). */
export const { checkInt, checkPositive, checkAllFinite } = createValidators(NirError);

/** Run a check, locating a NirError it throws at `where` (file, node, field), code kept. */
export function located<T>(where: NirErrorLocation, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof NirError) throw new NirError(e.reason, { ...where, code: e.code });
    throw e;
  }
}
