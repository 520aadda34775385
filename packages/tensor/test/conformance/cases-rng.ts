/**
 * Seeded RNG: tensors filled by `randomTensor` from a seed must hold the same
 * bits on every backend (atol = rtol = 0), and so must the scalar samplers
 * (they run in JavaScript: in the browser this checks that the engine there
 * gives the numbers Node gives). Ops on those tensors are then compared with
 * the default tolerance.
 */
import { createRng, randomTensor, tf } from '../../src/index.js';
import type { CaseOutput, ConformanceCase } from './types.js';

const EXACT = { atol: 0, rtol: 0 };

async function read(outs: Record<string, tf.Tensor>): Promise<CaseOutput> {
  const result: CaseOutput = {};
  for (const [k, v] of Object.entries(outs)) {
    result[k] = await v.data();
    v.dispose();
  }
  return result;
}

export const cases: ConformanceCase[] = [
  {
    name: 'rng: randomTensor uniform / normal / truncatedNormal from seed 2024 are bit-identical',
    ...EXACT,
    async run() {
      const rng = createRng(2024);
      return read({
        uniform: randomTensor(rng, [37, 29], 'uniform', { lo: -3, hi: 5 }),
        normal: randomTensor(rng, [4, 256, 3], 'normal', { mean: 0.5, std: 2 }),
        truncatedNormal: randomTensor(rng, [500], 'truncatedNormal', { lo: 1.5, hi: Infinity }),
        tfTruncatedLike: randomTensor(rng, [16, 16], 'truncatedNormal'),
      });
    },
  },
  {
    name: 'rng: scalar samplers (binomial, poisson, truncated normal tails, exponential, geometric, sampling, shuffle) are bit-identical',
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
      return read(outs);
    },
  },
];
