import type { Suite } from '../suite.js';

/** Every suite, in the order `neurite-bench` runs them. Packages add theirs here. */
export const suites: Suite[] = [];
