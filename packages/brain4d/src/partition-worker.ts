// One partition of a worker_threads run (see run-partitioned.ts); started by runPartitioned and measureExchange.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Simulator } from './simulator.js';
import { barrier, spikeExchange, type PartitionData } from './spike-exchange.js';

const d = workerData as PartitionData;
const { exchange, budget } = spikeExchange(d);
if (d.exchanges !== undefined) {
  // The exchange alone, one spike per worker each time (measureExchange).
  const local = Int32Array.of(d.index);
  const out = new Int32Array(d.workers);
  barrier(d)();
  const t0 = performance.now();
  for (let e = 0; e < d.exchanges; e++) exchange(local, 1, out);
  parentPort!.postMessage({ wall: (performance.now() - t0) / 1000, blocked: budget.blocked });
} else {
  // Only the first partition keeps the recorded spikes (every partition sees all of them).
  const sim = new Simulator(d.spec, { partition: { lo: d.lo, hi: d.hi, exchange, record: d.index === 0, every: d.every } });
  // Every partition built: the simulation starts together (the run's wall clock excludes the builds).
  barrier(d)();
  const cpu0 = threadCpuSeconds();
  const r = sim.run(d.duration);
  const cpu1 = threadCpuSeconds();
  const s = d.index === 0 ? sim.spikes() : null;
  parentPort!.postMessage({
    rates: r.rates,
    spikes: r.spikes,
    wall: r.wall,
    cpu: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
    blocked: budget.blocked,
    engine: sim.engine,
    steps: s?.steps,
    ids: s?.ids,
    t: sim.t,
  });
}

/** CPU seconds (user + system) of this thread, from Linux's /proc/thread-self/stat (clock ticks of 1/100 s); null elsewhere. */
function threadCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5) are utime and stime; f starts at field 3.
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}
