import { assemblySuite } from '../bench/dist/suites/assembly.js';
import { measure } from '../bench/dist/measure.js';
import { setBackend } from '@neurite/tensor';
const info = await setBackend('wasm');
const quick = process.argv[2] === 'quick';
const res = await assemblySuite.run({ quick, backend: info.name, measure: (fn, o) => measure(fn, quick, o), pythonReference: () => undefined, progress: (m) => console.error(m) });
for (const r of res) console.log(r.case, JSON.stringify(r.params), r.backend, r.value.toFixed(2), r.unit, r.goal ?? '', r.note ?? '');
