// Resonator accuracy and iterations vs codebook size (3 factors, MAP, D = 2000), OP and OLS weights.
// node packages/hrr/scripts/resonator-sweep.mjs [--trials 10] [--model map] [--dim 2000] [--sizes 25,50,100] [--max-iterations 200]
import { createVsa, resonator } from '@neurite/hrr';

const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const D = Number(opt('dim', '2000')),
  trials = Number(opt('trials', '10')),
  model = opt('model', 'map'),
  maxIterations = Number(opt('max-iterations', '200'));
const vsa = createVsa({ model, dim: D });
const rows = [];
for (const M of opt('sizes', '25,50,100').split(',').map(Number)) {
  for (const weights of ['op', 'ols']) {
    let ok = 0,
      it = 0,
      ms = 0;
    for (let k = 0; k < trials; k++) {
      const books = [0, 1, 2].map((i) => vsa.random(`sweep${M}-${k}-${i}`, M));
      const truth = [k % M, (7 * k + 3) % M, (11 * k + 5) % M];
      const row = (b, i) => b.subarray(i * D, (i + 1) * D);
      const s = vsa.bind(vsa.bind(row(books[0], truth[0]), row(books[1], truth[1])), row(books[2], truth[2]));
      const t = performance.now();
      const r = resonator(vsa, s, books, { maxIterations, weights });
      ms += performance.now() - t;
      it += r.iterations;
      if (r.indices.every((x, i) => x === truth[i])) ok++;
    }
    rows.push({
      model,
      D,
      maxIterations,
      items: M,
      searchSpace: M ** 3,
      weights,
      accuracy: ok / trials,
      iterations: it / trials,
      ms: ms / trials,
    });
    process.stderr.write(`M=${M} ${weights}: ${(100 * ok) / trials}% in ${(it / trials).toFixed(1)} it, ${(ms / trials).toFixed(0)} ms\n`);
  }
}
process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
