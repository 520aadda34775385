// One partition of a worker_threads run (see run-partitioned.ts); started by runPartitioned.
import { parentPort, workerData } from 'node:worker_threads';
import { Simulator } from './simulator.js';
import { barrier, spikeExchange, type PartitionData } from './spike-exchange.js';

const d = workerData as PartitionData;
const sim = new Simulator(d.spec, { partition: { lo: d.lo, hi: d.hi, exchange: spikeExchange(d) } });
// Every partition built: the simulation starts together (the run's wall clock excludes the builds).
barrier(d)();
const r = sim.run(d.duration);
const s = d.index === 0 ? sim.spikes() : null;
parentPort!.postMessage({ index: d.index, rates: r.rates, spikes: r.spikes, wall: r.wall, steps: s?.steps, ids: s?.ids, t: sim.t });
