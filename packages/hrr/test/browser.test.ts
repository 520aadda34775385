/**
 * Every public API of @neurite/hrr that touches tfjs tensors (bindTensor and unbindTensor for
 * each model; Vocabulary.cleanup with k and with a threshold; Vocabulary.similarities;
 * decodeRecord, decodeSequence, decodeSet; cleanup with the item matrix split into blocks) run
 * in headless Debian Chromium on webgl and webgpu (SwiftShader: no GPU needed), and on wasm
 * (loaded from the page's own server with `wasmPaths`), compared with the same scenario
 * (test/browser/scenario.ts, same seeds) on the Node cpu backend.
 *
 * Tolerances (u = 2⁻²⁴, the float32 unit roundoff; every backend computes in float32):
 * - Similarity scores are dot products of unit-norm feature rows of width F computed in float32:
 *   each backend is within γ_F = F·u/(1 − F·u) of the exact value (Higham, Accuracy and Stability
 *   of Numerical Algorithms, 2nd ed., §3.1, with Σ|f_i g_i| ≤ 1 by Cauchy–Schwarz), so two
 *   backends differ by at most 2γ_F.
 * - hrr bindTensor / unbindTensor: the GPU backends' FFT kernels evaluate twiddles e^{−2πikn/D}
 *   with the shader's sin and cos, which Vulkan requires to be within 2⁻¹¹ (absolute) of the
 *   exact values (Vulkan 1.3 specification, "Precision and Operation of SPIR-V Instructions";
 *   SwiftShader runs both the webgl and the webgpu path through its Vulkan implementation; the
 *   angles tfjs passes exceed [−π, π], and the bound assumes SwiftShader keeps that precision
 *   after range reduction). A twiddle is then off by |δw| ≤ √2·2⁻¹¹, and by Cauchy–Schwarz a
 *   transform's error E_k = Σ_n a_n δw_kn has ‖E‖₂ ≤ D·√2·2⁻¹¹·‖a‖₂ = √D·√2·2⁻¹¹·‖A‖₂. bind
 *   chains three transforms (two forward, one inverse), so ‖Δc‖₂/‖c‖₂ ≤ 3·√(2D)·2⁻¹¹ (to first
 *   order; float32 rounding, γ_D, is far below). This is a worst case; the measured error is
 *   reported beside it. unbindTensor is applied to the typed-array bind of the same operands,
 *   so it has the same bound. wasm runs Neurite's float64 FFT kernels (twiddle errors near
 *   ε₆₄), far inside the same bound.
 * - fhrr: angle sums wrapped into [−π, π) with a few float32 roundings of values below 4π in
 *   magnitude: each angle is within η = 8·u·4π of the cpu one (or 2π away across the wrap), so
 *   the model's similarity (mean cos of differences) is ≥ 1 − η²/2.
 * - map: products of ±1 are exact in float32: equal.
 * - Names: the best match of each query must agree (the queries are noisy copies of items,
 *   scores ≈ 0.9 against ≈ N(0, 1/D) for the rest); lower ranks must agree wherever the cpu
 *   scores of neighbouring ranks are further apart than the score tolerance.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when process.env.CI
 * is set: then it fails (CI must run it).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { describeInChromium, openTestPage, WASM_PATH, type TestPage } from '../../../test-utils/browser.js';
import type { HrrPageApi } from './browser/page-entry.js';
import { runScenario, type Matches, type ScenarioResult } from './browser/scenario.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));
const U = 2 ** -24;
const gamma = (n: number) => (n * U) / (1 - n * U);

function relL2(x: number[], ref: number[]): number {
  let e = 0,
    r = 0;
  for (let i = 0; i < ref.length; i++) {
    e += (x[i] - ref[i]) ** 2;
    r += ref[i] ** 2;
  }
  return Math.sqrt(e / r);
}

function meanCos(x: number[], ref: number[], dim: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < ref.length; o += dim) {
    let s = 0;
    for (let j = o; j < o + dim; j++) s += Math.cos(x[j] - ref[j]);
    out.push(s / dim);
  }
  return out;
}

/** Compares matches of one query: same length, scores within tol, names where ranks are separated. */
function expectMatches(got: Matches, ref: Matches, tol: number, what: string): void {
  expect(got.length, `${what}: number of matches`).toBe(ref.length);
  for (let j = 0; j < ref.length; j++) {
    expect(Math.abs(got[j].score - ref[j].score), `${what}: score of rank ${j}`).toBeLessThanOrEqual(tol);
    const apart = (i: number) => i < 0 || i >= ref.length || Math.abs(ref[i].score - ref[j].score) > 2 * tol;
    if (j === 0 || (apart(j - 1) && apart(j + 1))) expect(got[j].name, `${what}: name at rank ${j}`).toBe(ref[j].name);
  }
}

describeInChromium('@neurite/hrr tensor APIs in headless Chromium (webgl, webgpu, wasm) against Node cpu', () => {
  let browser: TestPage | undefined;
  let cpu: ScenarioResult;

  beforeAll(async () => {
    await setBackend('cpu');
    cpu = await runScenario('cpu');
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite hrr', readyGlobal: '__hrr' });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the cpu reference decodes what was encoded (so the comparison is not between two wrong answers)', () => {
    expect(cpu.leaked).toBe(0);
    for (const c of cpu.cleanup)
      expect(
        c.topK.map((m) => m[0].name),
        c.model,
      ).toEqual(['w3', 'w17', 'w25', 'w39']);
    for (const r of cpu.record)
      expect(
        Object.values(r.fields).map((m) => m[0].name),
        r.model,
      ).toEqual(['w10', 'w11', 'w12']);
    for (const s of cpu.sequence)
      expect(
        s.items.map((m) => m[0].name),
        `${s.model} ${s.position}`,
      ).toEqual(['w5', 'w6', 'w7', 'w5']);
    for (const s of cpu.set) expect(s.members.map((m) => m.name).sort(), s.model).toEqual(['w20', 'w21', 'w22']);
    expect(cpu.blocks.topK.map((m) => m[0].name)).toEqual(['b3', 'b200', 'b519']);
  });

  for (const backend of ['webgl', 'webgpu', 'wasm'] as const) {
    it(`runs every tensor API on ${backend} and matches the cpu results`, async () => {
      const r = await browser!.page.evaluate(([b, w]) => (globalThis as unknown as { __hrr: HrrPageApi }).__hrr.run(b, w), [
        backend,
        WASM_PATH,
      ] as const);
      if ('error' in r) throw browser!.error(`${backend}: ${r.error}`);
      expect(r.backend).toBe(backend);
      expect(r.leaked).toBe(0);

      for (const [i, t] of r.tensor.entries()) {
        const ref = cpu.tensor[i],
          what = `${t.model} D=${t.dim}`;
        expect([t.model, t.dim, t.bind.length]).toEqual([ref.model, ref.dim, ref.bind.length]);
        if (t.model === 'hrr') {
          const bound = 3 * Math.sqrt(2 * t.dim) * 2 ** -11;
          const eb = relL2(t.bind, ref.bind),
            eu = relL2(t.unbind, ref.unbind);
          console.log(
            `${backend} ${what}: relative L2 error bind ${eb.toExponential(2)}, unbind ${eu.toExponential(2)} (bound ${bound.toExponential(2)})`,
          );
          expect(eb, `${what} bind`).toBeLessThanOrEqual(bound);
          expect(eu, `${what} unbind`).toBeLessThanOrEqual(bound);
        } else if (t.model === 'fhrr') {
          const eta = 8 * U * 4 * Math.PI;
          for (const s of meanCos(t.bind, ref.bind, t.dim)) expect(s, `${what} bind`).toBeGreaterThanOrEqual(1 - eta ** 2 / 2);
          for (const s of meanCos(t.unbind, ref.unbind, t.dim)) expect(s, `${what} unbind`).toBeGreaterThanOrEqual(1 - eta ** 2 / 2);
        } else {
          expect(t.bind, `${what} bind`).toEqual(ref.bind);
          expect(t.unbind, `${what} unbind`).toEqual(ref.unbind);
        }
      }

      for (const [i, c] of r.cleanup.entries()) {
        const ref = cpu.cleanup[i],
          tol = 2 * gamma(c.featureDim);
        c.topK.forEach((m, q) => expectMatches(m, ref.topK[q], tol, `${c.model} cleanup k=3 query ${q}`));
        c.thresholded.forEach((m, q) => expectMatches(m, ref.thresholded[q], tol, `${c.model} cleanup threshold query ${q}`));
      }
      const simTol = 2 * gamma(256);
      expect(r.similarities).toHaveLength(cpu.similarities.length);
      r.similarities.forEach((s, j) => expect(Math.abs(s - cpu.similarities[j]), `similarities[${j}]`).toBeLessThanOrEqual(simTol));
      r.blocks.topK.forEach((m, q) => expectMatches(m, cpu.blocks.topK[q], 2 * gamma(r.blocks.dim), `blocks query ${q}`));

      for (const [i, rec] of r.record.entries()) {
        const ref = cpu.record[i],
          tol = 2 * gamma(ref.model === 'fhrr' ? 512 : 256);
        for (const k of Object.keys(ref.fields)) expectMatches(rec.fields[k], ref.fields[k], tol, `${rec.model} decodeRecord ${k}`);
      }
      for (const [i, s] of r.sequence.entries()) {
        const ref = cpu.sequence[i],
          tol = 2 * gamma(ref.model === 'fhrr' ? 512 : 256);
        s.items.forEach((m, p) => expectMatches(m, ref.items[p], tol, `${s.model} ${s.position} decodeSequence position ${p}`));
      }
      for (const [i, s] of r.set.entries()) {
        const ref = cpu.set[i];
        expectMatches(s.members, ref.members, 2 * gamma(ref.model === 'fhrr' ? 512 : 256), `${s.model} decodeSet`);
      }
    }, 240_000);
  }
});
