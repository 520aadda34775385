/**
 * decodeNir / encodeNir and the executor in headless Debian Chromium (SwiftShader: no GPU
 * needed). The page (test/browser/page-entry.ts, bundled from source with esbuild) fetches
 * fixture bytes from a localhost server, decodes them with h5wasm in memory, re-encodes and
 * decodes again, runs the paper's lif_norse graph on webgl and on webgpu, and runs every
 * Simulator method that touches tensors (step, stepAll, run, runAll, recording,
 * clearRecording, reset, dispose; test/browser/exercise-simulator.ts) on graphs covering
 * every node type the executor implements, comparing with the same calls in Node (wasm).
 *
 * Without /usr/bin/chromium the suite is skipped with a message, except when
 * process.env.CI is set: then it fails (CI must run it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setBackend } from '@neurite/tensor';
import { readNir } from '../src/node.js';
import type { CompileOptions, NirGraph } from '../src/index.js';
import { F32_U, FIXTURES, fixtureFiles, lifTraceBound, loadJson, paperCsv, runTrace, seededRandom } from './helpers.js';
import { describeInChromium, openTestPage, type TestPage } from '../../../test-utils/browser.js';
import type { NirPageApi } from './browser/page-entry.js';
import { exerciseSimulator, type DenseInput, type ExerciseResult } from './browser/exercise-simulator.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));

const withJson = fixtureFiles().filter((f) => f.json !== null);
const served = (nir: string) => `/fixtures/${path.basename(path.dirname(nir))}/${path.basename(nir)}`;
const csv = paperCsv('lif_norse.csv');
const DT = 1e-4;

/** Graphs for exerciseSimulator: together they hold every node type the executor runs. */
const EXERCISE: { file: string; opts: Omit<CompileOptions, 'record'>; T: number; B: number; spikes: number | null }[] = [
  { file: 'paper/lif_norse.nir', opts: { dt: 1e-4, integration: 'euler', reset: 'to_v_reset' }, T: 0, B: 1, spikes: null }, // input: lif_norse.csv
  { file: 'reference/mlp_lif.nir', opts: { dt: 1e-4 }, T: 30, B: 2, spikes: 0.5 },                       // Affine, LIF, Linear, LI
  { file: 'reference/recurrent_cuba.nir', opts: { dt: 1e-3, integration: 'exact', reset: 'subtract' }, T: 30, B: 2, spikes: 0.5 }, // CubaLIF, back edge
  { file: 'reference/nested_misc.nir', opts: { dt: 1e-4, integration: 'exact' }, T: 30, B: 2, spikes: null }, // I, Threshold, nested Delay/Scale, CubaLI
  { file: 'reference/conv1d_avgpool.nir', opts: { dt: 1e-3 }, T: 6, B: 2, spikes: null },                // Conv1d 'same', AvgPool2d
  { file: 'reference/conv_if.nir', opts: { dt: 1, reset: 'zero' }, T: 6, B: 2, spikes: 0.3 },          // Conv2d, IF, SumPool2d, Flatten
  { file: 'paper/braille_noDelay_bias_zero.nir', opts: { dt: 1e-4, reset: 'zero' }, T: 30, B: 2, spikes: 0.3 }, // the paper's RNN
];

/** Seeded inputs [T, B, ...shape] for every Input node of `g` (0/1 spikes with probability p, or uniform(−1, 1)). */
function inputsFor(g: NirGraph, T: number, B: number, spikes: number | null, seed: number): Record<string, DenseInput> {
  const rand = seededRandom(seed);
  const out: Record<string, DenseInput> = {};
  for (const [name, n] of Object.entries(g.nodes)) {
    if (n.type !== 'Input') continue;
    const shape = [T, B, ...Array.from(n.shape.data)];
    const size = shape.reduce((a, b) => a * b, 1);
    out[name] = { shape, data: Array.from({ length: size }, () => (spikes === null ? 2 * rand() - 1 : rand() < spikes ? 1 : 0)) };
  }
  return out;
}

/** Largest fan-in of one output element (Affine/Linear: inputs; Conv: C_in/groups · kernel; pools: kernel) and the number of leaf nodes. */
function fanInAndDepth(g: NirGraph): { fanIn: number; nodes: number } {
  let fanIn = 1; let nodes = 0;
  const visit = (h: NirGraph) => {
    for (const n of Object.values(h.nodes)) {
      if (n.type === 'NIRGraph') { visit(n); continue; }
      nodes++;
      if (n.type === 'Affine' || n.type === 'Linear') fanIn = Math.max(fanIn, n.weight.shape[1]);
      if (n.type === 'Conv1d' || n.type === 'Conv2d') fanIn = Math.max(fanIn, n.weight.shape.slice(1).reduce((a, b) => a * b, 1));
      if (n.type === 'SumPool2d' || n.type === 'AvgPool2d') fanIn = Math.max(fanIn, 4);
    }
  };
  visit(g);
  return { fanIn, nodes };
}

/**
 * Tolerance between two backends (first-order float32 rounding model): every node rounds
 * its result with a relative error of at most (fanIn + 3)·u of the magnitude of its terms
 * (Higham's γ_n for an n-term dot product, plus the neuron update's 3 roundings), the errors
 * of the `nodes` nodes add up along the graph and over T steps (|a| ≤ 1: nothing grows),
 * and two backends each make them: 2·nodes·(fanIn + 3)·u·T·max|value|.
 */
function crossBackendBound(g: NirGraph, T: number, maxAbs: number): number {
  const { fanIn, nodes } = fanInAndDepth(g);
  return 2 * nodes * (fanIn + 3) * F32_U * T * maxAbs;
}

describeInChromium('@neurite/nir in headless Chromium', () => {
  let browser: TestPage | undefined;
  const nodeRun = { v: [] as number[], z: [] as number[] };
  /** Call a method of the page's `__nir` API with JSON-serialisable arguments. */
  const call = <K extends keyof NirPageApi>(method: K, ...args: Parameters<NirPageApi[K]>): ReturnType<NirPageApi[K]> =>
    browser!.page.evaluate(([m, a]) => {
      const nir = (globalThis as unknown as { __nir: Record<string, (...x: unknown[]) => unknown> }).__nir;
      return nir[m](...a);
    }, [method, args] as [string, unknown[]]) as ReturnType<NirPageApi[K]>;

  const nodeExercise: Record<string, { graph: NirGraph; inputs: Record<string, DenseInput>; result: ExerciseResult }> = {};

  beforeAll(async () => {
    // The Node result for the same graph and input (wasm backend).
    await setBackend('wasm');
    for (const [k, e] of EXERCISE.entries()) {
      const graph = await readNir(path.join(FIXTURES, e.file));
      const inputs = e.T === 0 ? { input: { shape: [200, 1, 1], data: csv.slice(0, 200).map((r) => r[0]) } } : inputsFor(graph, e.T, e.B, e.spikes, 100 + k);
      nodeExercise[e.file] = { graph, inputs, result: await exerciseSimulator(graph, e.opts, inputs) };
    }
    const { v, z } = runTrace(await readNir(path.join(FIXTURES, 'paper/lif_norse.nir')), csv.map((r) => r[0]), { dt: DT, integration: 'euler', reset: 'to_v_reset' });
    nodeRun.v = Array.from(v); nodeRun.z = Array.from(z);

    const files: Record<string, Uint8Array> = {};
    for (const f of withJson) files[served(f.nir)] = new Uint8Array(readFileSync(f.nir));
    for (const e of EXERCISE) files[served(path.join(FIXTURES, e.file))] = new Uint8Array(readFileSync(path.join(FIXTURES, e.file)));
    browser = await openTestPage({ entry: PAGE_ENTRY, title: 'neurite nir', readyGlobal: '__nir', files });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('decodes every fixture from its bytes to exactly its .json, and our re-encoding decodes to the same', async () => {
    for (const f of withJson) {
      const r = await call('decode', served(f.nir));
      if ('error' in r) throw browser!.error(`${f.nir}: ${r.error}`);
      const expected = loadJson(f.json!);
      expect(JSON.parse(r.json), f.nir).toEqual(expected);
      expect(JSON.parse(r.again), f.nir).toEqual(expected);
      expect(r.encodedBytes).toBeGreaterThan(0);
    }
  }, 120_000);

  it('gives a NirError naming the bytes for non-HDF5 input', async () => {
    const r = await call('decodeGarbage');
    expect(r.name).toBe('NirError');
    expect(r.message).toMatch(/^garbage\.nir: not a readable NIR\/HDF5 file/);
  });

  it('in Node (wasm), the Simulator calls agree with each other: step = run = run after reset, extended runs repeat the last frame', () => {
    for (const e of EXERCISE) checkConsistent(e.file, nodeExercise[e.file].inputs, nodeExercise[e.file].result);
  });

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`every Simulator method on ${backend}: consistent, and equal to Node (wasm) within the float32 rounding bound (spikes exactly)`, async () => {
      const mismatches: string[] = [];
      for (const e of EXERCISE) {
        const { graph, inputs, result: ref } = nodeExercise[e.file];
        const r = await call('exercise', served(path.join(FIXTURES, e.file)), backend, e.opts, inputs);
        if ('error' in r) throw browser!.error(`${e.file}: ${r.error}`);
        expect(r.backend).toBe(backend);
        checkConsistent(`${e.file} on ${backend}`, inputs, r);
        const T = inputs[Object.keys(inputs)[0]].shape[0];
        const pairs: [string, number[], number[]][] = [];
        for (const o of Object.keys(ref.run)) pairs.push([`output ${o}`, r.run[o], ref.run[o]]);
        for (const [n, rec] of Object.entries(ref.recorded)) for (const [k, v] of Object.entries(rec)) pairs.push([`recording('${n}').${k}`, r.recorded[n][k], v]);
        const maxAbs = Math.max(1e-30, ...pairs.flatMap(([, , v]) => v.map(Math.abs)));
        const tol = crossBackendBound(graph, T, maxAbs);
        for (const [what, got, want] of pairs) {
          if (got.length !== want.length) { mismatches.push(`${e.file} ${what}: ${got.length} values, Node ${want.length}`); continue; }
          const spikes = (v: number[]) => v.every((x) => x === 0 || x === 1);
          if (spikes(want) && spikes(got)) {
            const flips = got.filter((v, i) => v !== want[i]).length;
            if (flips > 0) mismatches.push(`${e.file} ${what}: ${flips} spikes differ`);
            continue;
          }
          const worst = Math.max(0, ...got.map((v, i) => Math.abs(v - want[i])));
          if (!(worst <= tol)) mismatches.push(`${e.file} ${what}: worst |Δ| ${worst} > bound ${tol}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 240_000);

    it(`runs lif_norse.nir on ${backend}: the Node (wasm) result and paper/lif_norse.csv within the float32 bound (~1e-6 V), same spike steps`, async () => {
      const r = await call('runLif', served(path.join(FIXTURES, 'paper/lif_norse.nir')), backend, csv.map((row) => row[0]), DT);
      if ('error' in r) throw browser!.error(r.error);
      expect(r.backend).toBe(backend);
      expect(r.leaked).toBe(0);
      expect(r.v).toHaveLength(csv.length);
      expect(r.z).toEqual(nodeRun.z);
      expect(r.z).toEqual(csv.map((row) => row[2]));
      const worst = (ref: number[]) => Math.max(...r.v.map((v, t) => Math.abs(v - ref[t])));
      // both runs are float32 recurrences like the CSV's (see lifTraceBound)
      const tol = lifTraceBound(csv, false);
      expect(worst(nodeRun.v)).toBeLessThan(tol);
      expect(worst(csv.map((row) => row[1]))).toBeLessThan(tol);
      expect(nodeRun.z.filter((s) => s === 1).length).toBeGreaterThan(0);
    }, 240_000);
  }
});

/** Exact agreements among the calls of one exerciseSimulator run (one backend: the same ops in the same order). */
function checkConsistent(what: string, inputs: Record<string, DenseInput>, r: ExerciseResult): void {
  const T = inputs[Object.keys(inputs)[0]].shape[0];
  expect(Object.keys(r.run).length, what).toBeGreaterThan(0);
  for (const o of Object.keys(r.run)) {
    expect(r.stepped[o], `${what}: step()/stepAll() vs runAll() of '${o}'`).toEqual(r.run[o]);
    expect(r.again[o], `${what}: run after reset() of '${o}'`).toEqual(r.run[o]);
    expect(r.recorded[o].output, `${what}: recording('${o}').output`).toEqual(r.run[o]);
    const frame = r.run[o].length / T;
    expect(r.extended[o], `${what}: runAll(xs, T + 2) of '${o}'`).toHaveLength(frame * (T + 2));
    expect(r.extended[o].slice(0, frame * T), `${what}: first T frames of runAll(xs, T + 2)`).toEqual(r.run[o]);
  }
  expect([r.cleared, r.disposed, r.leaked], `${what}: recording() after clearRecording(), stepAll() after dispose(), tensors leaked`).toEqual(['ERR_STATE', 'ERR_STATE', 0]);
}
