export type { Suite, SuiteContext, BenchResult, BenchDocument, BenchMachine, MeasureOptions } from './suite.js';
export { suites } from './suites/index.js';
export { median } from './measure.js';
