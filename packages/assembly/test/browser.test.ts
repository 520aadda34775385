/**
 * @neurite/assembly in headless Debian Chromium (SwiftShader: webgl and webgpu
 * without a GPU). The page (test/browser/page-entry.ts, bundled from source with
 * esbuild like a user's bundle) runs:
 * - the seeded lazy-Brain rounds of test/seeded-rounds.ts, which must give the
 *   winners Node gives, bit for bit (and the committed determinism fixture):
 *   the sampling path uses only engine-independent arithmetic;
 * - every public API that runs tensors (softKCap, assemblyLoss, LearningArea's
 *   inputs/forward/winners/loss/train; test/browser/exercise-learning.ts) on
 *   wasm, webgl and webgpu, compared with the same calls in Node on cpu.
 * Explicit Brain areas use typed arrays only (no tensors): they are part of the
 * seeded rounds.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { describeInChromium, openTestPage, WASM_PATH, type TestPage } from '../../../test-utils/browser.js';
import type { AssemblyPageApi } from './browser/page-entry.js';
import { EXERCISE, exerciseData, exerciseLearningChecked, type LearningExercise } from './browser/exercise-learning.js';
import { seededRounds, type SeededRounds } from './seeded-rounds.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));
const FIXTURE = new URL('./fixtures/seeded-rounds.json', import.meta.url);

/** 1 ulp of a float32 in [1, 2): the unit of the GPU accuracy requirements below. */
const ULP = 2 ** -23;

/**
 * Bound on |a_backend − a_cpu| for a = σ(z) = 1/(1 + e^{−z}) (tfjs's sigmoid on every backend),
 * z exact: GLSL ES 3.00 §4.5.1 and WGSL (f32 accuracy) allow exp(x) an error of (3 + 2|x|) ulp and
 * a division 2.5 ulp (also the z = (x − θ)/τ division: + 2.5|z| ulp on the exp's argument);
 * e^{−z}'s relative error enters σ damped by e^{−z}/(1 + e^{−z}) = 1 − a; then 1 + e (½ ulp), the
 * reciprocal (2.5 ulp) and the cpu reference's own rounding to float32 (½ ulp): 4 ulp relative.
 */
function sigmoidBound(z: number, a: number): number {
  return a * ((3 + 4.5 * Math.abs(z)) * ULP * (1 - a) + 4 * ULP);
}

/** z = (input − θ)/τ per element (θ: midpoint of the k-th and (k+1)-th largest input of the row), from Node's exact inputs. */
function zOf(inputs: number[]): number[] {
  const { batch, n, k, temperature } = EXERCISE;
  const z: number[] = [];
  for (let b = 0; b < batch; b++) {
    const row = inputs.slice(b * n, (b + 1) * n);
    const sorted = [...row].sort((p, q) => q - p);
    const theta = (sorted[k - 1] + sorted[k]) / 2;
    for (const v of row) z.push((v - theta) / temperature);
  }
  return z;
}

describeInChromium('@neurite/assembly in headless Chromium', () => {
  let browser: TestPage | undefined;
  let node: LearningExercise;
  let nodeRounds: SeededRounds;
  const call = <K extends keyof AssemblyPageApi>(
    method: K,
    ...args: Parameters<AssemblyPageApi[K]>
  ): Promise<Awaited<ReturnType<AssemblyPageApi[K]>>> =>
    browser!.page.evaluate(
      ([m, a]) => {
        const api = (globalThis as unknown as { __assembly: Record<string, (...x: unknown[]) => unknown> }).__assembly;
        return api[m](...a);
      },
      [method, args] as [string, unknown[]],
    ) as Promise<Awaited<ReturnType<AssemblyPageApi[K]>>>;

  beforeAll(async () => {
    await setBackend('cpu');
    node = await exerciseLearningChecked('cpu');
    nodeRounds = seededRounds();
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite assembly', readyGlobal: '__assembly' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("seeded lazy-Brain rounds: the winners in Chromium equal Node's bit for bit (and the committed fixture)", async () => {
    const page = await call('seededRounds');
    expect(page).toEqual(nodeRounds);
    expect(page).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  }, 120_000);

  it('the Node (cpu) reference is exact where it must be: integer inputs, a strict gap at the k-cap boundary, no leaks', () => {
    expect(node.inputs.every((v) => Number.isInteger(v) && v < 2 ** 24)).toBe(true);
    const { batch, n, k } = EXERCISE;
    for (let b = 0; b < batch; b++) {
      const sorted = node.inputs.slice(b * n, (b + 1) * n).sort((p, q) => q - p);
      // precondition of the exact winner comparison below: no tie between the k-th and (k+1)-th input
      expect(sorted[k - 1], `row ${b}`).toBeGreaterThan(sorted[k]);
    }
    expect(node.leaked).toBe(0);
    expect(exerciseData().target.filter((v) => v === 1).length).toBe(batch * k);
  });

  for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
    it(`softKCap, assemblyLoss and LearningArea on ${backend} equal Node (cpu) within the float32 bounds`, async () => {
      const r = await call('exercise', backend, WASM_PATH);
      if ('error' in r) throw browser!.error(`${backend}: ${r.error}`);
      expect(r.backend).toBe(backend);
      expect(r.leaked).toBe(0);
      const { batch, n, k, temperature } = EXERCISE;

      // inputs: integer sums < 2^24, exact in float32 in any order
      expect(r.inputs).toEqual(node.inputs);
      // hard k-cap winners (as sets: the order among equal inputs is a tie-break): exact, given the strict gap
      const asSets = (w: number[][]) => w.map((row) => [...row].sort((p, q) => p - q));
      expect(asSets(r.winners)).toEqual(asSets(node.winners));

      // soft k-cap values and gradient: the sigmoid bound per element
      const z = zOf(node.inputs);
      const bad: string[] = [];
      for (let i = 0; i < batch * n; i++) {
        const a = node.forward[i],
          tol = sigmoidBound(z[i], a);
        if (!(Math.abs(r.forward[i] - a) <= tol)) bad.push(`forward[${i}] ${r.forward[i]} vs ${a} (tol ${tol})`);
        if (!(Math.abs(r.softKCap[i] - a) <= tol)) bad.push(`softKCap[${i}] ${r.softKCap[i]} vs ${a} (tol ${tol})`);
        // d/dx Σ c·σ((x − θ)/τ) = c·a(1 − a)/τ: |Δ(a(1 − a))| <= |1 − 2a|·|Δa| + 8 ulp relative (products, 1 − a, c·, /τ)
        const c = (i % n) + 1;
        const gTol = (c / temperature) * (Math.abs(1 - 2 * a) * tol + 8 * ULP * a * (1 - a)) + 1e-30;
        if (!(Math.abs(r.softKCapGrad[i] - node.softKCapGrad[i]) <= gTol))
          bad.push(`grad[${i}] ${r.softKCapGrad[i]} vs ${node.softKCapGrad[i]} (tol ${gTol})`);
      }
      expect(bad.slice(0, 10)).toEqual([]);

      // loss = Σ (a − t)² / (2k·batch): first-order propagation of the sigmoid bound, plus float32
      // rounding of the squares and of sums of n and batch terms in any order ((n + batch + 4) ulp relative)
      const t = exerciseData().target;
      let prop = 0;
      for (let i = 0; i < batch * n; i++) prop += Math.abs(node.forward[i] - t[i]) * sigmoidBound(z[i], node.forward[i]);
      const lossTol = prop / (k * batch) + (n + batch + 4) * ULP * node.loss;
      expect(Math.abs(r.loss - node.loss)).toBeLessThanOrEqual(lossTol);
      expect(Math.abs(r.assemblyLoss - node.assemblyLoss)).toBeLessThanOrEqual(lossTol);
      expect(Math.abs(r.trainLosses[0] - node.trainLosses[0])).toBeLessThanOrEqual(lossTol);

      // After Adam steps there is no rounding bound: Adam divides each gradient by its own running
      // magnitude (m/√v), so rounding-level differences in near-zero gradients become steps of size
      // ~learningRate. Checked instead: training lowers the loss on every backend, and the trajectory
      // matches Node's to 5% — a gross-error check (a wrong gradient or optimizer state changes it by O(1)).
      expect(r.trainLosses).toHaveLength(EXERCISE.steps);
      expect(r.lossAfter).toBeLessThan(r.trainLosses[0]);
      for (let s = 0; s < EXERCISE.steps; s++)
        expect(Math.abs(r.trainLosses[s] - node.trainLosses[s]), `step ${s}`).toBeLessThan(0.05 * node.trainLosses[s]);
      expect(Math.abs(r.lossAfter - node.lossAfter)).toBeLessThan(0.05 * node.lossAfter);
    }, 240_000);
  }
});
