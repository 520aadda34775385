import type { Suite } from '../suite.js';
import { tensorSuite } from './tensor.js';

/** Every suite, in the order `neurite-bench` runs them. Packages add theirs here. */
export const suites: Suite[] = [tensorSuite];
