// `npm start`: install if needed, build every package, then take the tour
// (scripts/tour/): one short step per package, each printing what it shows, its
// key figure and the plot it wrote into ./neurite-tour/. The benchmarks are
// `npm run bench`.
//   npm start -- --out DIR             plots into DIR instead of ./neurite-tour
//   npm start -- --only nir,hrr        some steps only (one per scripts/tour/*-step.mjs)
import { ensureInstall, run } from './ensure-install.mjs';

ensureInstall();
if (run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) process.exit(1);
const { runTour } = await import('./tour/run-tour.mjs');
try {
  await runTour(process.argv.slice(2));
} catch (e) {
  console.error(`npm start: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
