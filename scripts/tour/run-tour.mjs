// The `npm start` tour: one short step per package, each printing what it does,
// its key figure, and the plot it wrote. Run after the packages are built:
//   node scripts/tour/run-tour.mjs [--out DIR] [--only nir,assembly,hrr,mnist,…]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { createTourContext } from './tour-context.mjs';

// Every `<name>-step.mjs` beside this file is a step; these come first, in this order,
// then the others alphabetically. A step exports `title` and `run(ctx)`.
const FIRST = ['nir', 'assembly', 'hrr', 'mnist'];
const here = path.dirname(fileURLToPath(import.meta.url));
const found = readdirSync(here)
  .filter((f) => f.endsWith('-step.mjs'))
  .map((f) => f.slice(0, -'-step.mjs'.length));
const order = [...FIRST.filter((n) => found.includes(n)), ...found.filter((n) => !FIRST.includes(n)).sort()];
const STEPS = Object.fromEntries(order.map((n) => [n, `./${n}-step.mjs`]));

export async function runTour(argv = process.argv.slice(2)) {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string', default: 'neurite-tour' }, only: { type: 'string' } } });
  const names = values.only ? values.only.split(',') : Object.keys(STEPS);
  for (const n of names) if (!(n in STEPS)) throw new Error(`unknown tour step "${n}" (steps: ${Object.keys(STEPS).join(', ')})`);
  const outDir = path.resolve(values.out);
  const ctx = createTourContext(outDir);
  console.log(
    `Neurite tour: ${names.length} steps; plots go to ${path.relative(process.cwd(), outDir) || '.'}/ (open the .svg files in a browser).`,
  );
  const t0 = performance.now();
  for (const [i, n] of names.entries()) {
    const step = await import(STEPS[n]);
    ctx.heading(i + 1, names.length, step.title);
    const t = performance.now();
    await step.run(ctx);
    ctx.say(`(${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  console.log(`\nTour done in ${((performance.now() - t0) / 1000).toFixed(1)} s. Timings of every package: npm run bench.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await runTour();
  } catch (e) {
    console.error(`tour: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
