// Potjans–Diesmann microcircuit: build (time, memory), 200 ms transient, then rates and RTF over MS ms.
// Usage (after the build; about 3 GB of memory): node --max-old-space-size=8192 packages/brain4d/scripts/microcircuit.mjs [ms=1000]
import { readFileSync } from 'node:fs';
import { Simulator } from '../dist/index.js';
const net = JSON.parse(readFileSync(new URL('../examples/microcircuit.json', import.meta.url), 'utf8'));
const ms = Number(process.argv[2] ?? 1000);
let t = performance.now();
const c0 = process.cpuUsage();
const sim = new Simulator(net);
const b = process.cpuUsage(c0);
console.log(
  'build wall',
  ((performance.now() - t) / 1000).toFixed(1),
  's cpu',
  (b.user / 1e6).toFixed(1),
  's synapses',
  sim.synapseCount(),
  'rss MiB',
  (process.memoryUsage().rss / 2 ** 20).toFixed(0),
  'synapse store MiB',
  (sim.synapseBytes() / 2 ** 20).toFixed(0),
);
sim.run(200); // transient
const c1 = process.cpuUsage();
const r = sim.run(ms);
const c = process.cpuUsage(c1);
console.log(
  JSON.stringify({
    rates_after_200ms_transient: Object.fromEntries(Object.entries(r.rates).map(([k, v]) => [k, +v.toFixed(2)])),
    rtf_wall: +r.rtf.toFixed(2),
    rtf_cpu: +((c.user + c.system) / 1e6 / (ms / 1000)).toFixed(2),
    rss_MiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(0),
  }),
);
