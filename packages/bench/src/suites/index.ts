import type { Suite } from '../suite.js';
import { tensorSuite } from './tensor.js';
import { nirSuite } from './nir.js';
import { hrrSuite } from './hrr.js';
import { assemblySuite } from './assembly.js';
import { eqpropSuite } from './eqprop.js';
import { snnConvertSuite } from './snn-convert.js';
import { brain4dSuite } from './brain4d.js';
import { hdlSuite } from './hdl.js';

/** Every suite, in the order `neurite-bench` runs them. Packages add theirs here. */
export const suites: Suite[] = [tensorSuite, nirSuite, hrrSuite, assemblySuite, eqpropSuite, snnConvertSuite, brain4dSuite, hdlSuite];
