#!/usr/bin/env node
// Per-round time of a lazy projection driven by a large stimulus.
// usage: node packages/assembly/scripts/stimulus-round-time.mjs <stimulus size> [rounds=5] [timeLimitS=60] [beta=0]
// Brain(p = 0.01, seed 0), area A: n = 1e5, k = 317, β (default 0, so every round recruits); round 1 stimulus only,
// then stimulus + A → A. Prints one JSON line: build time and each round's milliseconds.
import { performance } from 'node:perf_hooks';
import { Brain } from '../dist/index.js';

const size = Number(process.argv[2] ?? 1e5);
const rounds = Number(process.argv[3] ?? 5);
const limit = Number(process.argv[4] ?? 60) * 1000;
const beta = Number(process.argv[5] ?? 0);
const t0 = performance.now();
const b = new Brain(0.01, 0);
b.addStimulus('s', size).addArea('A', 100000, 317, beta);
const build = performance.now() - t0;
const ms = [];
const start = performance.now();
for (let t = 0; t < rounds && performance.now() - start < limit; t++) {
  const r0 = performance.now();
  if (t === 0) b.project({ s: ['A'] }, {});
  else b.project({ s: ['A'] }, { A: ['A'] });
  ms.push(+(performance.now() - r0).toFixed(2));
}
const sorted = [...ms].sort((a, c) => a - c);
console.log(
  JSON.stringify({
    stimulus: size,
    buildMs: +build.toFixed(2),
    roundMs: ms,
    medianMs: sorted[sorted.length >> 1],
    support: b.support('A'),
  }),
);
