/**
 * Seeded RNG: tensors filled by `randomTensor` from a seed must hold the same
 * bits on every backend (atol = rtol = 0), and so must the scalar samplers
 * (they run in JavaScript: in the browser this checks that the engine there
 * gives the numbers Node gives). Ops on those tensors are then compared with
 * the default tolerance.
 */
import { createRng, randomTensor, tf } from '../../src/index.js';
import type { ConformanceCase } from './types.js';
import { readOutputs } from './case-data.js';

const EXACT = { atol: 0, rtol: 0 };

export const cases: ConformanceCase[] = [
  {
    name: 'rng: randomTensor uniform / normal / truncatedNormal from seed 2024 are bit-identical',
    ...EXACT,
    async run() {
      const rng = createRng(2024);
      return readOutputs({
        uniform: randomTensor(rng, [37, 29], 'uniform', { lo: -3, hi: 5 }),
        normal: randomTensor(rng, [4, 256, 3], 'normal', { mean: 0.5, std: 2 }),
        truncatedNormal: randomTensor(rng, [500], 'truncatedNormal', { lo: 1.5, hi: Infinity }),
        tfTruncatedLike: randomTensor(rng, [16, 16], 'truncatedNormal'),
      });
    },
  },
  {
    name: 'rng: scalar samplers (binomial, poisson, truncated normal tails, exponential, geometric, hypergeometric, sampling, shuffle) are bit-identical',
    ...EXACT,
    async run() {
      const rng = createRng('conformance');
      const take = (n: number, f: () => number) => Float64Array.from({ length: n }, f);
      return {
        uint32: take(64, () => rng.nextUint32()),
        uniform: take(64, () => rng.uniform()),
        normal: take(256, () => rng.normal()),
        binomialSmall: take(64, () => rng.binomial(20, 0.3)),
        binomialBtpe: take(64, () => rng.binomial(1e9, 0.7)),
        poissonSmall: take(64, () => rng.poisson(3.5)),
        poissonPtrs: take(64, () => rng.poisson(1234.5)),
        tail6: take(64, () => rng.truncatedNormal(6, Infinity)),
        interval: take(64, () => rng.truncatedNormal(-0.3, 0.2, 0.1, 0.5)),
        exponential: take(64, () => rng.exponential(3)),
        geometric: take(64, () => rng.geometric(0.01)),
        sample: rng.sampleWithoutReplacement(1e9, 100),
        shuffle: rng.shuffle(Int32Array.from({ length: 50 }, (_, i) => i)),
        uniformInt: take(64, () => rng.uniformInt(2 ** 40 + 3)),
        hypergeometricSmall: take(64, () => rng.hypergeometric(7, 13, 5)),
        hypergeometricHrua: take(64, () => rng.hypergeometric(4000, 6000, 1500)),
        hypergeometricHuge: take(64, () => rng.hypergeometric(2 ** 52, 2 ** 52 - 1, 1e6)),
      };
    },
  },
  {
    name: 'rng: ops on seeded random tensors (add, mul, exp, sum, moments)',
    async run() {
      const rng = createRng(7);
      const a = randomTensor(rng, [64, 64], 'normal');
      const b = randomTensor(rng, [64, 64], 'uniform', { lo: -1, hi: 1 });
      const outs = tf.tidy(() => {
        const m = tf.moments(a);
        return {
          add: tf.add(a, b),
          mul: tf.mul(a, b),
          exp: tf.exp(b),
          rowSum: tf.sum(a, 1),
          mean: m.mean,
          variance: m.variance,
        };
      });
      a.dispose();
      b.dispose();
      return readOutputs(outs);
    },
  },
];

cases.push(
  {
    name: 'rng: deterministic log / log1p / exp / expm1 are bit-identical on 10^4 arguments',
    ...EXACT,
    async run() {
      const { detLog, detLog1p, detExp, detExpm1 } = await import('../../src/rng/det-math.js');
      const rng = createRng(77);
      // Arguments from + - * / only (Math.pow and ** differ between engines too): 2^e by repeated doubling.
      const pow2 = (e: number) => {
        let v = 1;
        for (let i = 0; i < Math.abs(e); i++) v *= 2;
        return e < 0 ? 1 / v : v;
      };
      const n = 10_000;
      const out = { log: new Float64Array(n), log1p: new Float64Array(n), exp: new Float64Array(n), expm1: new Float64Array(n) };
      for (let i = 0; i < n; i++) {
        out.log[i] = detLog(pow2(rng.uniformInt(200) - 100) * (1 + rng.uniform()));
        out.log1p[i] = detLog1p(rng.uniform() * 4 - 0.999);
        out.exp[i] = detExp((rng.uniform() - 0.5) * 1400);
        out.expm1[i] = detExpm1((rng.uniform() - 0.5) * pow2(rng.uniformInt(20) - 10));
      }
      return out;
    },
  },
  {
    name: 'rng: randomCSR structure from a seed is bit-identical (lookup-table and log sampler paths)',
    ...EXACT,
    async run() {
      const { randomCSR } = await import('../../src/sparse/random-csr.js');
      const dense = randomCSR(300, 400, 0.05, createRng(5), { weight: (r) => r.normal() });
      const sparse = randomCSR(2000, 3000, 2e-4, createRng(6), { pattern: true });
      return {
        indptr: dense.indptr,
        indices: dense.indices,
        data: dense.data!,
        sparseIndptr: sparse.indptr,
        sparseIndices: sparse.indices,
      };
    },
  },
);
