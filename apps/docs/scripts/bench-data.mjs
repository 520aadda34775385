// Runs `neurite-bench <suite> --json` for each suite named on the command line (niced, one at a
// time) and writes data/bench/<suite>.json: the bench's JSON document plus the command, the date,
// its wall time and the machine (CPU model and count, memory, OS, Node, load average before the
// run). benchmarks.md renders these files. The packages must be built (npm run build).
//
//   node apps/docs/scripts/bench-data.mjs nir hrr          (add --quick to pass it through)
// A suite that runs longer than NEURITE_BENCH_DATA_TIMEOUT_S (default 900) seconds is stopped and
// skipped (its file is left as it was).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(docs, '../..');
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const suites = args.filter((a) => !a.startsWith('--'));
if (suites.length === 0) {
  console.error('usage: node apps/docs/scripts/bench-data.mjs <suite>... [--quick]');
  process.exit(2);
}
const out = path.join(docs, 'data', 'bench');
mkdirSync(out, { recursive: true });

for (const suite of suites) {
  const argv = ['-n', '10', process.execPath, 'packages/bench/dist/cli.js', suite, '--json', ...flags];
  const command = `nice -n 10 node packages/bench/dist/cli.js ${[suite, '--json', ...flags].join(' ')}`;
  const load = os.loadavg();
  const t0 = Date.now();
  console.error(`[bench-data] ${command}`);
  const timeout = Number(process.env.NEURITE_BENCH_DATA_TIMEOUT_S ?? 900) * 1000;
  const r = spawnSync('nice', argv, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28, env: process.env, timeout, killSignal: 'SIGKILL' });
  const wallS = (Date.now() - t0) / 1000;
  if (r.error || r.signal) {
    console.error(`[bench-data] ${suite} stopped after ${wallS.toFixed(0)} s (${r.error?.message ?? r.signal}); skipped`);
    continue;
  }
  if (r.status !== 0) {
    console.error(r.stderr);
    console.error(`[bench-data] ${suite} failed (exit ${r.status})`);
    process.exit(1);
  }
  const cpus = os.cpus();
  const doc = {
    command,
    date: new Date(t0).toISOString(),
    wallSeconds: wallS,
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      loadAverageBefore: load.map((l) => Math.round(l * 100) / 100),
    },
    result: JSON.parse(r.stdout),
  };
  writeFileSync(path.join(out, `${suite}.json`), JSON.stringify(doc, null, 2) + '\n');
  console.error(`[bench-data] ${suite}: ${wallS.toFixed(0)} s → apps/docs/data/bench/${suite}.json`);
}
