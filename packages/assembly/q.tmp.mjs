import { simulateProjection } from '@neurite/assembly';
const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
for (const sampler of ['exact', 'reference']) for (const beta of [0.01, 0.05, 0.1]) {
  const o = []; for (let seed = 0; seed < 200; seed++) o.push(simulateProjection({ n: 1e5, k: 317, p: 0.01, beta, rounds: 2, seed, sampler }).overlap21);
  console.log(sampler, beta, mean(o).toFixed(4), '±', (Math.sqrt(mean(o.map((x) => (x - mean(o)) ** 2))) / Math.sqrt(o.length)).toFixed(4));
}
