// Runs the eqprop bench suite alone (until the lead registers it in neurite-bench):
//   nice -n 10 node packages/eqprop/scripts/run-bench.mjs [--quick]   (after building bench and eqprop)
import { setBackend } from '@neurite/tensor';
import { eqpropSuite } from '../../bench/dist/suites/eqprop.js';
import { measure } from '../../bench/dist/measure.js';
import { pythonReference } from '../../bench/dist/python.js';
const quick = process.argv.includes('--quick');
await setBackend('wasm');
const rows = await eqpropSuite.run({
  quick,
  backend: 'wasm',
  measure: (fn, o) => measure(fn, quick, o),
  pythonReference,
  progress: (m) => process.stderr.write(m + '\n'),
});
console.log(JSON.stringify(rows, null, 1));
