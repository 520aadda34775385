// The HRR demo (guide/hrr.md) on cpu, wasm, webgl and webgpu in Chromium: the page unbinds on the
// backend (unbindTensor) and takes the similarities there (one matmul in Vocabulary.similarities);
// this test recomputes everything in Node on typed arrays only (Vsa.unbind, Vsa.similarity), from
// the seed and the parameters the page returns, and asserts the similarities agree within a float32
// bound; no console error, no request leaves localhost.
import { expect } from 'vitest';
import { createRng } from '@neurite/tensor';
import { createVsa, encodeRecord, Vocabulary, type Vsa } from '@neurite/hrr';
import type { HrrDemoResult as HrrResult } from '../.vitepress/theme/demos/hrr/run-hrr.js';
import { describeDemo } from './site.js';

// the names the guide's demo states, in the order it creates them
const ROLES = ['name', 'colour', 'shape', 'size'];
const FILLERS = ['Ada', 'Bob', 'red', 'blue', 'circle', 'square', 'small', 'large'];

/**
 * float32 bound for one similarity: the page rounds in float32 where Node's typed-array path is
 * exact to float32 storage. A dot product of n terms in float32 has |error| ≤ γ_n Σ|x_i y_i| with
 * γ_n ≈ n·2^-24 (Higham, Accuracy and Stability, §3.1), and Σ|x_i y_i| ≤ ‖x‖‖y‖, i.e. ≤ n·2^-24 on a
 * cosine. The page has three such stages of D terms each (the FFT's forward and inverse transform
 * of the unbinding, ≤ log2 D rounded butterflies per output, and the similarity matmul), so
 * |Δsim| ≤ (2·log2 D + D)·2^-24 + the storage rounding of the query (2^-24), doubled for the
 * normalisation of both operands.
 */
function tolerance(D: number): number {
  return 2 * (2 * Math.log2(D) + D + 1) * 2 ** -24;
}

/** The same computation in Node, typed arrays only. */
function nodeRun(r: HrrResult): { similarities: number[]; cosines: number[][]; solved: number[]; ambiguous: number[] } {
  const vsa: Vsa = createVsa({ model: r.model, dim: r.dim });
  const D = r.dim;
  const vocab = new Vocabulary(vsa, r.seed);
  vocab.create([...ROLES, ...FILLERS]);
  const record = encodeRecord(vocab, r.record);
  const q = vsa.unbind(record, vocab.get(r.query));
  const similarities = FILLERS.map((f) => vsa.similarity(q, vocab.get(f)));

  const { ks, trials, items } = r.capacity;
  const memory = new Vocabulary(vsa, r.seed + 1, { maxSimilarity: 1 });
  const fillers = memory.create(Array.from({ length: items }, (_, i) => `f${i}`));
  const row = (m: number) => fillers.subarray(m * D, (m + 1) * D);
  const rng = createRng(r.seed + 2);
  const tol = tolerance(D);
  const cosines: number[][] = [],
    solved: number[] = [],
    ambiguous: number[] = [];
  for (const k of ks) {
    const cos: number[] = [];
    let ok = 0,
      amb = 0;
    for (let t = 0; t < trials; t++) {
      const keys = vsa.random(rng, k);
      const parts: Float32Array[] = [];
      let target = 0;
      for (let j = 0; j < k; j++) {
        const f = Math.floor(rng.uniform() * items);
        if (j === 0) target = f;
        parts.push(vsa.bind(keys.subarray(j * D, (j + 1) * D), row(f)));
      }
      const unbound = vsa.unbind(vsa.bundle(parts), keys.subarray(0, D));
      const sims = Array.from({ length: items }, (_, m) => vsa.similarity(unbound, row(m)));
      cos.push(sims[target]);
      const best = sims.indexOf(Math.max(...sims));
      if (best === target) ok++;
      // a trial whose best and runner-up lie within 2·tol may be decided either way in float32
      const sorted = [...sims].sort((a, b) => b - a);
      if (sorted[0] - sorted[1] <= 2 * tol) amb++;
    }
    cosines.push(cos);
    solved.push(ok);
    ambiguous.push(amb);
  }
  return { similarities, cosines, solved, ambiguous };
}

describeDemo<HrrResult>({
  title: 'docs: HRR demo',
  page: 'guide/hrr',
  demo: 'hrr',
  test: (backend) => `hrr, D = 512 on ${backend}: the page's similarities equal the Node computation`,
  check({ result }) {
    expect(result.model).toBe('hrr');
    expect(result.dim).toBe(512);
    const ref = nodeRun(result);
    const tol = tolerance(result.dim);
    result.similarities.forEach((s, i) => expect(Math.abs(s - ref.similarities[i]), `sim to ${FILLERS[i]}`).toBeLessThanOrEqual(tol));
    // the record's colour is recovered: red wins the cleanup (its cosine ≈ 1/√(k+1) = 0.5, the others ≈ 0 ± 0.044)
    expect(result.best).toBe(result.record[result.query]);
    result.capacity.cosines.forEach((c, ki) =>
      c.forEach((v, t) => expect(Math.abs(v - ref.cosines[ki][t]), `k = ${result.capacity.ks[ki]}, trial ${t}`).toBeLessThanOrEqual(tol)),
    );
    result.capacity.solved.forEach((s, ki) => expect(Math.abs(s - ref.solved[ki])).toBeLessThanOrEqual(ref.ambiguous[ki]));
    // the theory the page draws is the package's (first-order moments, cleanup probability)
    expect(result.capacity.theoryMean.every((m) => typeof m === 'number')).toBe(true);
  },
});
