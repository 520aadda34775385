import { binomialUpperQuantile } from '../src/index.js';
for (const [K, N] of [[317, 100000], [634, 99683], [634, 99000], [634, 98800], [1000, 9990000], [20000, 9990000]]) for (const p of [0.01, 0.05, 0.001]) console.log(K, N, p, binomialUpperQuantile(K, p, 317 / N));
