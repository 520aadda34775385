// Tour step: holographic reduced representations (Plate 1995). Bind fields into
// one vector, unbind one, clean it up; then measure how many bound pairs one
// vector holds against the theory (cleanupProbability).
import { setBackend, createRng } from '@neurite/tensor';
import { createVsa, Vocabulary, encodeRecord, unbind, cleanupProbability, unbindCosineMoments, resonator, VSA_MODELS } from '@neurite/hrr';
import { linePlot } from '@neurite/plot';

export const title = 'HRR: bind a record into one vector, unbind a field, clean it up';

export async function run(ctx) {
  await setBackend('wasm'); // cleanup is a matmul + top-k on tfjs
  const dim = 1024;
  const vsa = createVsa({ model: 'hrr', dim });
  const vocab = new Vocabulary(vsa, 42);
  vocab.create(['name', 'colour', 'shape', 'Ada', 'Bob', 'red', 'blue', 'circle', 'square']);
  const record = encodeRecord(vocab, { name: 'Ada', colour: 'red', shape: 'circle' });
  const noisy = unbind(record, vocab.get('colour'));
  const sim = vsa.similarity(noisy, vocab.get('red'));
  const [[best]] = await vocab.cleanup(noisy, { k: 1 });
  vocab.dispose();
  ctx.say(
    `r = name⊛Ada + colour⊛red + shape⊛circle is one ${dim}-d vector; colour⁻¹⊛r is red plus noise,`,
    `and cleanup (nearest item in the vocabulary) turns it back into "${best.name}" (score ${best.score.toFixed(2)}).`,
  );
  const { std } = unbindCosineMoments(dim, 3);
  ctx.figure(
    `similarity of the unbound field to red = ${sim.toFixed(3)} (theory 1/√(k+1) = ${(1 / Math.sqrt(4)).toFixed(3)} ± ${std.toFixed(3)} (1σ) for k = 3 pairs, D = ${dim})`,
  );

  // Capacity: a trace of k key⊛filler pairs (random keys, fillers from m items), unbind the first
  // key, clean up among the m items; fraction right over `trials` traces vs cleanupProbability.
  const D = 256;
  const m = 100;
  const trials = 200;
  const ks = [1, 2, 4, 8, 12, 16, 24, 32, 48, 64];
  const cv = createVsa({ model: 'hrr', dim: D });
  const items = new Vocabulary(cv, 7, { maxSimilarity: 1 }); // independent random items, as the theory assumes
  items.create(Array.from({ length: m }, (_, i) => `item${i}`));
  const rng = createRng(11);
  const measured = [];
  const theory = [];
  const se = [];
  for (const k of ks) {
    const queries = new Float32Array(trials * D);
    const targets = [];
    for (let t = 0; t < trials; t++) {
      const keys = cv.random(rng, k);
      const fill = rng.sampleWithoutReplacement(m, k);
      const trace = new Float32Array(D);
      for (let j = 0; j < k; j++) {
        const b = cv.bind(keys.subarray(j * D, (j + 1) * D), items.get(`item${fill[j]}`));
        for (let i = 0; i < D; i++) trace[i] += b[i];
      }
      queries.set(cv.unbind(trace, keys.subarray(0, D)), t * D);
      targets.push(`item${fill[0]}`);
    }
    const got = await items.cleanup(queries, { k: 1 });
    const acc = got.filter((g, t) => g[0].name === targets[t]).length / trials;
    const p = cleanupProbability({ dim: D, items: m, bundle: k });
    measured.push(acc);
    theory.push(p);
    se.push(Math.sqrt((p * (1 - p)) / trials));
  }
  items.dispose();
  const z = measured.map((a, i) => (se[i] > 0 ? Math.abs(a - theory[i]) / se[i] : a === theory[i] ? 0 : Infinity));
  const worst = z.indexOf(Math.max(...z));
  const k50 = ks.find((k, i) => measured[i] < 0.5);
  ctx.say(
    `Capacity at D = ${D} with ${m} items, ${trials} traces per k: the fraction cleaned up right falls below 1/2 at k = ${k50 ?? '> ' + ks[ks.length - 1]} bound pairs.`,
  );
  ctx.figure(
    `measured vs cleanupProbability: largest gap ${Math.abs(measured[worst] - theory[worst]).toFixed(3)} at k = ${ks[worst]} ` +
      `(${z[worst].toFixed(1)} binomial standard errors; measured ${measured[worst].toFixed(3)}, theory ${theory[worst].toFixed(3)})`,
  );
  await ctx.writePlot(
    'hrr-capacity.svg',
    await linePlot(
      {
        series: [
          { name: `measured (${trials} traces per k)`, x: ks, y: measured },
          { name: 'theory: cleanupProbability', x: ks, y: theory, dashed: true },
        ],
      },
      {
        title: `HRR capacity: cleanup accuracy vs bound pairs (D = ${D}, ${m} items)`,
        xLabel: 'bound pairs k',
        yLabel: 'P(cleanup right)',
        xScale: 'log',
        points: true,
      },
    ),
  );

  // The same resonator network on every model: factorise x ⊛ y ⊛ z (3 codebooks of 10 items, D ≈ 1024).
  const solved = [];
  for (const model of VSA_MODELS) {
    const rv = createVsa({ model, dim: 1024, ...(model === 'bsbc' ? { blockSize: 8 } : {}) });
    const books = [rv.random('x', 10), rv.random('y', 10), rv.random('z', 10)];
    const pick = (b, i) => b.subarray(i * 1024, (i + 1) * 1024);
    const s3 = rv.bind(rv.bind(pick(books[0], 3), pick(books[1], 7)), pick(books[2], 1));
    const r = resonator(rv, s3, books, { maxIterations: 50 });
    solved.push(`${model} ${r.indices.join(',') === '3,7,1' ? 'ok' : 'wrong'} (${r.iterations} it)`);
  }
  ctx.figure(`resonator, 3 factors × 10 items, truth (3, 7, 1): ${solved.join('; ')}`);

  // One problem at the bench's size: MAP, D = 2000, 3 codebooks of 100 items (10⁶ combinations).
  const mv = createVsa({ model: 'map', dim: 2000 });
  const big = [mv.random('bx', 100), mv.random('by', 100), mv.random('bz', 100)];
  const at = (b, i) => b.subarray(i * 2000, (i + 1) * 2000);
  const t0 = performance.now();
  const rb = resonator(mv, mv.bind(mv.bind(at(big[0], 12), at(big[1], 34)), at(big[2], 56)), big, { maxIterations: 1000 });
  ctx.figure(
    `resonator, MAP, D = 2000, 3 × 100 items: decoded (${rb.indices.join(', ')}) for truth (12, 34, 56) in ${rb.iterations} iterations, ` +
      `${(performance.now() - t0).toFixed(0)} ms`,
  );
}
