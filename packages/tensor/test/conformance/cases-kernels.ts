import type { ConformanceCase } from './types.js';

export const cases: ConformanceCase[] = [];
