#!/usr/bin/env node
// Means ± standard errors of the lazy Brain's statistics over many seeds, per sampler
// (the README's table): support after 20 rounds and round-2/round-1 overlap of a
// projection (n = 1e5, k = 317, p = 0.01, β = 0.01, 0.05, 0.1) and the association
// overlap (p = 0.05, β = 0.1).
// usage: npx tsc -p packages/assembly/tsconfig.json && node packages/assembly/scripts/lazy-statistics.mjs [projectionSeeds=200] [associationSeeds=40]
import { simulateProjection, simulateAssociation } from '../dist/index.js';

const seedsP = Number(process.argv[2] ?? 200),
  seedsA = Number(process.argv[3] ?? 40);
const stats = (a) => {
  const m = a.reduce((s, x) => s + x, 0) / a.length;
  const v = a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1);
  return { mean: +m.toFixed(4), se: +Math.sqrt(v / a.length).toFixed(4) };
};
const out = { seedsProjection: seedsP, seedsAssociation: seedsA, rows: [] };
for (const sampler of ['reference', 'exact']) {
  for (const beta of [0.01, 0.05, 0.1]) {
    const s20 = [],
      ov = [];
    for (let seed = 0; seed < seedsP; seed++) {
      const r = simulateProjection({ n: 100000, k: 317, p: 0.01, beta, rounds: 20, seed, sampler });
      s20.push(r.support[19]);
      ov.push(r.overlap21);
    }
    out.rows.push({ sampler, beta, support20: stats(s20), overlap21: stats(ov) });
    console.error(JSON.stringify(out.rows.at(-1)));
  }
  const as = [];
  for (let seed = 0; seed < seedsA; seed++)
    as.push(simulateAssociation({ n: 100000, k: 317, p: 0.05, beta: 0.1, seed, sampler }).after / 317);
  out.rows.push({ sampler, association: stats(as) });
  console.error(JSON.stringify(out.rows.at(-1)));
}
console.log(JSON.stringify(out));
