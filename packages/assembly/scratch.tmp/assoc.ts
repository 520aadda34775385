import { simulateAssociation } from '../src/index.js';
import { ExplicitReference } from '../test/explicit-reference.js';
const n = +(process.env.N ?? 1e5), k = +(process.env.K ?? 317), p = +(process.env.P ?? 0.05), beta = +(process.env.BETA ?? 0.1);
const seeds = +(process.env.SEEDS ?? 5), seed0 = +(process.env.SEED0 ?? 0);
const modes = (process.env.MODES ?? 'exact,reference,explicit').split(',');
const ov = (a: ArrayLike<number>, b: ArrayLike<number>) => { const s = new Set(Array.from(a)); let c = 0; for (const x of Array.from(b)) if (s.has(x)) c++; return c; };
function explicitAssoc(seed: number) {
  const b = new ExplicitReference(p, 9000 + seed);
  b.addStimulus('stimA', k).addArea('A', n, k, beta).addStimulus('stimB', k).addArea('B', n, k, beta).addArea('C', n, k, beta);
  b.project({ stimA: ['A'], stimB: ['B'] }, {});
  for (let i = 0; i < 9; i++) b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A'], B: ['B'] });
  b.project({ stimA: ['A'] }, { A: ['A', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ['A'] }, { A: ['A', 'C'], C: ['C'] });
  const cA = b.winners('C');
  b.project({ stimB: ['B'] }, { B: ['B', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ['B'] }, { B: ['B', 'C'], C: ['C'] });
  const cB = b.winners('C');
  b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimA: ['A'], stimB: ['B'] }, { A: ['A', 'C'], B: ['B', 'C'], C: ['C'] });
  const cJ = b.winners('C');
  b.project({ stimB: ['B'] }, { B: ['B', 'C'] });
  for (let i = 0; i < 9; i++) b.project({ stimB: ['B'] }, { B: ['B', 'C'], C: ['C'] });
  return { before: ov(cA, cB), jointWithA: ov(cA, cJ), jointWithB: ov(cB, cJ), after: ov(cA, b.winners('C')), supportC: b.support('C') };
}
const out: any[] = [];
for (const mode of modes) for (let seed = seed0; seed < seed0 + seeds; seed++) {
  const t0 = performance.now();
  const r: any = mode === 'explicit' ? explicitAssoc(seed) : simulateAssociation({ n, k, p, beta, seed, sampler: mode as any });
  out.push({ mode, seed, ...r, k: undefined });
  process.stderr.write(`${mode} ${seed} before=${r.before} jA=${r.jointWithA} jB=${r.jointWithB} after=${r.after} (${(r.after / k * 100).toFixed(1)}%) ${(performance.now() - t0).toFixed(0)}ms rss=${(process.memoryUsage().rss/1e6).toFixed(0)}MB\n`);
}
console.log(JSON.stringify(out));
