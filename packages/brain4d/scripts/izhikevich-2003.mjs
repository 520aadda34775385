// Izhikevich (2003) net.m network: mean rates over N seeds × 10 s and the population-rate spectrum peaks.
// Usage (after the build): node packages/brain4d/scripts/izhikevich-2003.mjs [seeds=5]
import { readFileSync } from 'node:fs';
import { Simulator } from '../dist/index.js';
const net = JSON.parse(readFileSync(new URL('../examples/izhikevich-2003.json', import.meta.url), 'utf8'));
const nseeds = Number(process.argv[2] ?? 5);
const T = 10000;
const power = new Float64Array(601);
let re = 0,
  ri = 0;
for (let seed = 1; seed <= nseeds; seed++) {
  net.seed = seed;
  const sim = new Simulator(net);
  const r = sim.run(T);
  re += r.rates.exc;
  ri += r.rates.inh;
  const h = sim.rateHistory().rates;
  const x = new Float64Array(T);
  for (let i = 0; i < T; i++) x[i] = (h.exc[i] * 800 + h.inh[i] * 200) / 1000;
  let m = 0;
  for (const v of x) m += v;
  m /= T;
  for (let k = 10; k <= 600; k++) {
    const f = k / 10;
    let c = 0,
      s = 0;
    for (let i = 0; i < T; i++) {
      const a = (2 * Math.PI * f * i) / 1000;
      c += (x[i] - m) * Math.cos(a);
      s += (x[i] - m) * Math.sin(a);
    }
    power[k] += c * c + s * s;
  }
  console.log(seed, r.rates, r.wall);
}
const peak = (lo, hi) => {
  let best = lo * 10;
  for (let k = lo * 10; k <= hi * 10; k++) if (power[k] > power[best]) best = k;
  return best / 10;
};
// smooth 1 Hz
const sm = new Float64Array(601);
for (let k = 15; k <= 595; k++) {
  for (let j = -5; j <= 5; j++) sm[k] += power[k + j];
}
const speak = (lo, hi) => {
  let best = lo * 10;
  for (let k = lo * 10; k <= hi * 10; k++) if (sm[k] > sm[best]) best = k;
  return best / 10;
};
console.log('mean exc', re / nseeds, 'inh', ri / nseeds, 'peak 2-15', peak(2, 15), speak(2, 15), 'peak 20-59', peak(20, 59), speak(20, 59));
