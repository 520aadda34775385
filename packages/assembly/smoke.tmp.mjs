import { simulateProjection, simulateAssociation } from '@neurite/assembly';
for (const beta of [0.01, 0.05, 0.1]) {
  for (const sampler of ['reference', 'exact']) {
    const t0 = performance.now();
    const sup20 = [], conv = [], ov = [];
    for (let seed = 0; seed < 5; seed++) {
      const r = simulateProjection({ n: 1e5, k: 317, p: 0.01, beta, rounds: 100, seed, sampler });
      sup20.push(r.support[19]); conv.push(r.convergenceRound); ov.push(r.overlap21);
    }
    const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
    console.log(beta, sampler, mean(sup20).toFixed(0), sup20.join(','), 'conv', conv.join(','), 'ov', mean(ov).toFixed(3), ((performance.now() - t0) / 500).toFixed(2), 'ms/round');
  }
}
