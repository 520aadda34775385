import { createRng } from '@neurite/tensor';
import { sampleTailReference } from '../src/index.js';
const rng = createRng(5);
for (const [alpha, K, p] of [[9, 317, 0.01], [14, 634, 0.01], [48, 634, 0.05]]) {
  const out = new Float64Array(317); let s = 0, ea = 0, ea1 = 0, c = 0, mx = 0;
  for (let t = 0; t < 1262; t++) { sampleTailReference(rng, K, p, K === 317 ? 100000 : 99683, 317, out); for (const v of out) { s += v; c++; if (v === alpha) ea++; if (v === alpha + 1) ea1++; mx = Math.max(mx, v); } }
  console.log(alpha, K, p, 'mean', s / c, 'P(=alpha)', ea / c, 'P(=alpha+1)', ea1 / c, 'max', mx);
}
