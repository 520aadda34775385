import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/rng/create-rng.js';
import { TensorError } from '../../src/tensor-error.js';
import { ALPHA, chiSquareDiscrete, logGamma, mean, pmfByRecurrence, variance } from './stats.js';

/** ln k! from the test's own ln Γ (stats.ts: recurrence + Stirling, written from the textbook formula). */
const lnFact = (k: number): number => (k < 2 ? 0 : logGamma(k + 1));

/**
 * Exact Hypergeometric(good, bad, sample) pmf in float64 from log-factorials:
 * P(x) = exp(ln C(good, x) + ln C(bad, sample − x) − ln C(N, sample)) on the whole support.
 */
function hypergeometricPmf(good: number, bad: number, sample: number): { k0: number; pmf: Float64Array } {
  const lnC = (n: number, k: number) => lnFact(n) - lnFact(k) - lnFact(n - k);
  const lo = Math.max(0, sample - bad),
    hi = Math.min(sample, good);
  const pmf = new Float64Array(hi - lo + 1);
  const norm = lnC(good + bad, sample);
  for (let x = lo; x <= hi; x++) pmf[x - lo] = Math.exp(lnC(good, x) + lnC(bad, sample - x) - norm);
  return { k0: lo, pmf };
}

/**
 * The same pmf by the exact ratio P(x+1)/P(x) = (good − x)(sample − x)/((x + 1)(bad − sample + x + 1)) from
 * the mode, cut where it falls below 1e-16 of the mode (stats.ts pmfByRecurrence): for populations where
 * ln k! ~ N ln N has too few digits left for the log-factorial form (N >= 1e9: ulp(ln N!) > 1e-6).
 */
function hypergeometricPmfByRatio(good: number, bad: number, sample: number): { k0: number; pmf: Float64Array } {
  const mode = Math.floor(((sample + 1) * (good + 1)) / (good + bad + 2));
  return pmfByRecurrence(
    mode,
    Math.max(0, sample - bad),
    Math.min(sample, good),
    (x) => ((good - x) * (sample - x)) / ((x + 1) * (bad - sample + x + 1)),
  );
}

function draw(seed: number | string, good: number, bad: number, sample: number, count: number): Float64Array {
  const rng = createRng(seed);
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = rng.hypergeometric(good, bad, sample);
  return xs;
}

describe('hypergeometric: chi-square against the exact pmf', () => {
  // [good, bad, sample, path]: item-by-item draws when sample < 10 or sample > N − 10, HRUA otherwise;
  // HRUA's reflections: good > bad (K counts bad items), sample > N/2 (K counts the items left).
  const cases: Array<[number, number, number, string]> = [
    [30, 70, 5, 'simulation'],
    [3, 47, 12, 'HRUA, good < sample'],
    [80, 120, 60, 'HRUA'],
    [150, 50, 40, 'HRUA, good > bad'],
    [80, 120, 150, 'HRUA, sample > N/2'],
    [60, 40, 95, 'simulation of the 5 items left, sample > N − 10'],
    [5000, 15000, 2000, 'HRUA, logFactorialRatio by Stirling'],
    [1e9, 3e9, 10_000, 'HRUA, N = 4e9'],
    [2e7, 1e12, 5e8, 'HRUA, N ≈ 1e12, mode by BigInt ((n + 1)(M + 1) > 2^53)'],
    [2 ** 52, 2 ** 52 - 1, 1e6, 'HRUA, N = 2^53 − 1 (ln k! ~ 3e17: only the ln(a!/b!) differences keep T accurate)'],
  ];
  for (const [good, bad, sample, path] of cases) {
    it(`good = ${good}, bad = ${bad}, sample = ${sample} (${path})`, () => {
      const xs = draw(`hypergeometric ${good} ${bad} ${sample}`, good, bad, sample, 200_000);
      const { k0, pmf } = good + bad < 1e6 ? hypergeometricPmf(good, bad, sample) : hypergeometricPmfByRatio(good, bad, sample);
      const r = chiSquareDiscrete(xs, k0, pmf);
      expect(r.p, `chi2 = ${r.stat.toFixed(1)}, df = ${r.df}`).toBeGreaterThan(ALPHA);
      const lo = Math.max(0, sample - bad),
        hi = Math.min(sample, good);
      expect(xs.every((x) => Number.isInteger(x) && x >= lo && x <= hi)).toBe(true);
    });
  }
});

describe('hypergeometric: moments', () => {
  it('mean n·g/N and variance n·(g/N)(b/N)(N − n)/(N − 1) within 5 standard errors, up to N = 2^53 − 1', () => {
    const cases: Array<[number, number, number]> = [
      [400, 600, 300],
      [2 ** 52, 2 ** 52 - 1, 2 ** 40],
      [1e15, 3e15, 1e6],
    ];
    for (const [good, bad, sample] of cases) {
      const count = 100_000;
      const xs = draw(11, good, bad, sample, count);
      const N = good + bad,
        q = good / N;
      const mu = sample * q,
        v = (sample * q * (1 - q) * (N - sample)) / (N - 1);
      expect(Math.abs(mean(xs) - mu), `mean, ${good} ${bad} ${sample}`).toBeLessThan(5 * Math.sqrt(v / count));
      // standard error of the sample variance √(2/(count − 1))·v (the law is near normal here: |skewness| < 0.05, excess kurtosis < 0.01)
      expect(Math.abs(variance(xs) - v), `variance, ${good} ${bad} ${sample}`).toBeLessThan(5 * Math.sqrt(2 / (count - 1)) * v);
    }
  });

  it('the two reference pmfs agree where both are accurate (N = 20000)', () => {
    const a = hypergeometricPmf(5000, 15000, 2000),
      b = hypergeometricPmfByRatio(5000, 15000, 2000);
    for (let i = 0; i < b.pmf.length; i++) {
      // both relative errors ~1e-10 or better (ln k! ~ 1.8e5 from ln Γ to ~1e-15 relative)
      if (b.pmf[i] > 1e-12) expect(Math.abs(a.pmf[b.k0 + i - a.k0] - b.pmf[i])).toBeLessThan(1e-8 * b.pmf[i]);
    }
  });
});

describe('hypergeometric: edge cases', () => {
  it('sample 0, good 0, bad 0, sample = good + bad', () => {
    const rng = createRng(1);
    expect(rng.hypergeometric(5, 5, 0)).toBe(0);
    expect(rng.hypergeometric(0, 10, 7)).toBe(0);
    expect(rng.hypergeometric(10, 0, 7)).toBe(7);
    expect(rng.hypergeometric(4, 6, 10)).toBe(4);
    expect(rng.hypergeometric(0, 0, 0)).toBe(0);
    expect(rng.hypergeometric(2 ** 52, 2 ** 52 - 1, 2 ** 53 - 1)).toBe(2 ** 52);
    // sample = N − 1: one item left behind, good with probability good/N
    const xs = draw(2, 9, 1, 9, 2000);
    expect(xs.every((x) => x === 8 || x === 9)).toBe(true);
  });

  it('the same seed gives the same stream; a different seed a different one', () => {
    const a = draw('stream', 1000, 3000, 500, 1000),
      b = draw('stream', 1000, 3000, 500, 1000);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(draw('other', 1000, 3000, 500, 1000))).not.toEqual(Array.from(a));
    // interleaving with other draws: clone() continues identically
    const r1 = createRng(5);
    r1.hypergeometric(50, 50, 20);
    const r2 = r1.clone();
    for (let i = 0; i < 100; i++) expect(r2.hypergeometric(70, 30, 40)).toBe(r1.hypergeometric(70, 30, 40));
  });

  it('rejects bad arguments with TensorError codes', () => {
    const rng = createRng(1);
    const expectError = (f: () => unknown, argument: string, code: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(TensorError);
        expect((e as TensorError).argument).toBe(argument);
        expect((e as TensorError).code).toBe(code);
        return;
      }
      throw new Error('expected a TensorError');
    };
    expectError(() => rng.hypergeometric(-1, 5, 2), 'good', 'ERR_OUT_OF_RANGE');
    expectError(() => rng.hypergeometric(1.5, 5, 2), 'good', 'ERR_INVALID_ARGUMENT');
    expectError(() => rng.hypergeometric(5, NaN, 2), 'bad', 'ERR_NOT_FINITE');
    expectError(() => rng.hypergeometric(5, 5, 11), 'sample', 'ERR_OUT_OF_RANGE');
    expectError(() => rng.hypergeometric(2 ** 52, 2 ** 52, 1), 'bad', 'ERR_OUT_OF_RANGE');
    expectError(() => rng.hypergeometric('5' as unknown as number, 5, 1), 'good', 'ERR_INVALID_ARGUMENT');
  });
});

describe('hypergeometric: engine independence', () => {
  it('is covered by the neurite/no-engine-math lint rule and passes it (det-math only)', async () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    const file = fileURLToPath(new URL('../../src/rng/hypergeometric.ts', import.meta.url));
    const eslint = new ESLint({ cwd: root });
    const config = (await eslint.calculateConfigForFile(file)) as { rules: Record<string, unknown> };
    expect(config.rules['neurite/no-engine-math']).toEqual([2]);
    const { default: neurite } = (await import(new URL('eslint-rules/index.js', `file://${root}`).href)) as { default: ESLint.Plugin };
    const { default: tsParser } = await import('@typescript-eslint/parser');
    const lint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { neurite }, rules: { 'neurite/no-engine-math': 'error' } },
      ],
    });
    const [result] = await lint.lintFiles([file]);
    expect(result.messages.map((m) => `${m.line}: ${m.message}`)).toEqual([]);
    // the rule does fire on engine math (the check can fail)
    const [bad] = await lint.lintText('export const f = (x: number) => Math.log(x);', { filePath: file });
    expect(bad.messages.length).toBe(1);
  });
});
