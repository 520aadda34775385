#!/usr/bin/env node
// Round time and memory of one explicit SparseArea (every neuron and synapse simulated, CSR storage).
// usage: node packages/assembly/scripts/sparse-area-round.mjs [n=1e6] [k=1000] [p=1e-3] [weights=float32] [rounds=12] [backend=wasm]
// β = 0.05, seed 2, host storage on cpu/wasm (device on webgl/webgpu), memory budget 24e9 bytes. The first 2 rounds are
// warm-up (the assembly forms); prints one JSON line: setup (randomCSR) time, each round's wall and CPU ms, the median of the
// rest, the area's own bytes and the process's resident set before and after (peak: run it under /usr/bin/time -v).
import { performance } from 'node:perf_hooks';
import { setBackend } from '@neurite/tensor';
import { SparseArea } from '../dist/index.js';

const [n = 1e6, k = 1000, p = 1e-3] = process.argv.slice(2, 5).map(Number);
const weights = process.argv[5] ?? 'float32';
const rounds = Number(process.argv[6] ?? 12);
const backend = process.argv[7] ?? 'wasm';
await setBackend(backend);
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
const a = new SparseArea({ n, k, p, beta: 0.05, seed: 2, weights, memoryBudget: 24e9 });
const setupS = (performance.now() - t0) / 1000;
const wall = [],
  cpu = [];
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await a.project();
  wall.push(+(performance.now() - w0).toFixed(1));
  const c = process.cpuUsage(c0);
  cpu.push(+((c.user + c.system) / 1000).toFixed(1));
}
const timed = wall.slice(2).sort((x, y) => x - y);
const m = a.memory();
console.log(
  JSON.stringify({
    n,
    k,
    p,
    weights,
    backend,
    storage: a.storage,
    synapses: a.synapses,
    setupS: +setupS.toFixed(1),
    roundWallMs: wall,
    roundCpuMs: cpu,
    medianRoundMs: timed[timed.length >> 1],
    support: a.support,
    hostGB: +(m.hostBytes / 1e9).toFixed(2),
    deviceGB: +(m.deviceBytes / 1e9).toFixed(2),
    rssGB: [+(rss0 / 1e9).toFixed(2), +(process.memoryUsage().rss / 1e9).toFixed(2)],
  }),
);
a.dispose();
