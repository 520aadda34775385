import { createValidators } from '@neurite/tensor';
import { AssemblyError } from './assembly-error.js';

/** @internal The shared argument checks (createValidators of @neurite/tensor), throwing AssemblyError. */
export const { checkFinite, checkInt, checkProb, checkPositive, checkAllFinite } = createValidators(AssemblyError);
