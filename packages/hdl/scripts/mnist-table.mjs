// The MNIST table of @neurite/hdl: per weight width (8, 6, 4, 3 bits) quantised accuracy vs float,
// bit-true verification, yosys xc7 / iCE40 resources, nextpnr-ice40 UP5K Fmax, cycles and µs per image.
// Build first (npx tsc -p packages/hdl/tsconfig.json), then:
//   nice -n 10 node packages/hdl/scripts/mnist-table.mjs [out-dir] [widths, e.g. 8,6,4,3] [simulators, e.g. iverilog,verilator,gcc]
// Writes <out-dir>/mnist-table.json and .md and prints the Markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setBackend } from '@neurite/tensor';
import { mnistTable, mnistTableMarkdown } from '@neurite/hdl/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? 'hdl-mnist');
const widths = (process.argv[3] ?? '8,6,4,3').split(',').map(Number);
const simulators = (process.argv[4] ?? 'iverilog,verilator,gcc').split(',');
mkdirSync(out, { recursive: true });
await setBackend('wasm');
const t0 = Date.now();
const rows = await mnistTable({
  file: path.resolve(here, '../examples/mnist-784-128-10-lif.nir'),
  dir: out,
  widths,
  simulators,
  progress: (m) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}\n`),
});
writeFileSync(path.join(out, 'mnist-table.json'), JSON.stringify(rows, null, 2) + '\n');
const md = mnistTableMarkdown(rows);
writeFileSync(path.join(out, 'mnist-table.md'), md);
process.stdout.write(md);
