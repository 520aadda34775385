import { simulateProjection } from '../src/index.js';
import { ExplicitReference } from '../test/explicit-reference.js';
const n = +(process.env.N ?? 1e5), k = +(process.env.K ?? 317), p = +(process.env.P ?? 0.01), rounds = +(process.env.R ?? 100);
const seeds = +(process.env.SEEDS ?? 10);
const betas = (process.env.BETAS ?? '0.01,0.05,0.1').split(',').map(Number);
const modes = (process.env.MODES ?? 'exact,reference,explicit').split(',');
const out: any[] = [];
for (const beta of betas) for (const mode of modes) for (let seed = 0; seed < seeds; seed++) {
  const t0 = performance.now();
  let support: number[], nw: number[], ov: number;
  if (mode === 'explicit') {
    const b = new ExplicitReference(p, 7000 + seed);
    b.addStimulus('s', k).addArea('A', n, k, beta);
    let w1: Int32Array | null = null; ov = NaN;
    for (let t = 0; t < rounds; t++) {
      if (t === 0) b.project({ s: ['A'] }, {}); else b.project({ s: ['A'] }, { A: ['A'] });
      if (t === 0) w1 = b.winners('A');
      if (t === 1) { const s = new Set(w1); ov = b.winners('A').filter((x) => s.has(x)).length / k; }
    }
    support = b.supportHistory('A'); nw = b.newWinners('A');
  } else {
    const r = simulateProjection({ n, k, p, beta, rounds, seed, sampler: mode as any });
    support = r.support; nw = r.newWinners; ov = r.overlap21;
  }
  out.push({ beta, mode, seed, support20: support[19], overlap21: ov, nw, ms: performance.now() - t0 });
  process.stderr.write(`${beta} ${mode} ${seed} s20=${support[19]} ov=${ov.toFixed(3)} ${(performance.now()-t0).toFixed(0)}ms\n`);
}
console.log(JSON.stringify(out));
