import { assemblySuite } from './dist/suites/assembly.js';
import { measure } from './dist/measure.js';
import { setBackend } from '@neurite/tensor';
await setBackend('wasm');
const ctx = { quick: false, backend: 'wasm', measure: (fn, opts) => measure(fn, false, opts), pythonReference: () => undefined, progress: (m) => process.stderr.write(`[assembly] ${m}\n`) };
const t0 = Date.now();
const results = await assemblySuite.run(ctx);
console.log(JSON.stringify({ suite: 'assembly', seconds: (Date.now() - t0) / 1000, results }, null, 1));
