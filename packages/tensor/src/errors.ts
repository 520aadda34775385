// @neurite/tensor/errors: the shared error classes and argument validators alone, for packages and
// apps that need nothing else from @neurite/tensor (no tfjs in their module graph, even with bundler
// code splitting, which can hoist modules shared with setBackend's lazily loaded backends).
export { NeuriteError } from './neurite-error.js';
export type { NeuriteErrorCode, NeuriteErrorOptions, NeuriteErrorClass } from './neurite-error.js';
export { TensorError } from './tensor-error.js';
export { createValidators } from './validators.js';
export type { Validators } from './validators.js';
