// `npm start`: install if needed, build every package, run the quick benchmark tour.
import { ensureInstall, run } from './ensure-install.mjs';

ensureInstall();
if (run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']) !== 0) process.exit(1);
process.exit(run('node', ['packages/bench/dist/cli.js', '--quick', ...process.argv.slice(2)]));
