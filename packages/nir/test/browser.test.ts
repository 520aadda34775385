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
import type { NirGraph } from '../src/index.js';
import { FIXTURES, fixtureFiles, lifTraceBound, loadJson, paperCsv, runTrace } from './helpers.js';
import { checkConsistent, compareExercise, EXERCISE, exerciseInputs } from './exercise-cases.js';
import { describeInChromium, openTestPage, type TestPage } from '../../../test-utils/browser.js';
import type { NirPageApi } from './browser/page-entry.js';
import { exerciseSimulator, type DenseInput, type ExerciseResult } from './browser/exercise-simulator.js';

const PAGE_ENTRY = fileURLToPath(new URL('./browser/page-entry.ts', import.meta.url));

const withJson = fixtureFiles().filter((f) => f.json !== null);
const served = (nir: string) => `/fixtures/${path.basename(path.dirname(nir))}/${path.basename(nir)}`;
const csv = paperCsv('lif_norse.csv');
const DT = 1e-4;

describeInChromium('@neurite/nir in headless Chromium', () => {
  let browser: TestPage | undefined;
  const nodeRun = { v: [] as number[], z: [] as number[] };
  /** Call a method of the page's `__nir` API with JSON-serialisable arguments. */
  const call = <K extends keyof NirPageApi>(method: K, ...args: Parameters<NirPageApi[K]>): ReturnType<NirPageApi[K]> =>
    browser!.page.evaluate(
      ([m, a]) => {
        const nir = (globalThis as unknown as { __nir: Record<string, (...x: unknown[]) => unknown> }).__nir;
        return nir[m](...a);
      },
      [method, args] as [string, unknown[]],
    ) as ReturnType<NirPageApi[K]>;

  const nodeExercise: Record<string, { graph: NirGraph; inputs: Record<string, DenseInput>; result: ExerciseResult }> = {};

  beforeAll(async () => {
    // The Node result for the same graph and input (wasm backend).
    await setBackend('wasm');
    for (const [k, e] of EXERCISE.entries()) {
      const graph = await readNir(path.join(FIXTURES, e.file));
      const inputs = exerciseInputs(graph, e, k);
      nodeExercise[e.file] = { graph, inputs, result: await exerciseSimulator(graph, e.opts, inputs) };
    }
    const { v, z } = runTrace(
      await readNir(path.join(FIXTURES, 'paper/lif_norse.nir')),
      csv.map((r) => r[0]),
      { dt: DT, integration: 'euler', reset: 'to_v_reset' },
    );
    nodeRun.v = Array.from(v);
    nodeRun.z = Array.from(z);

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

  for (const backend of ['webgl', 'webgpu'] as const) {
    it(`every Simulator method on ${backend}: consistent, and equal to Node (wasm) within the float32 rounding bound (spikes exactly)`, async () => {
      const mismatches: string[] = [];
      for (const e of EXERCISE) {
        const { graph, inputs, result: ref } = nodeExercise[e.file];
        const r = await call('exercise', served(path.join(FIXTURES, e.file)), backend, e.opts, inputs);
        if ('error' in r) throw browser!.error(`${e.file}: ${r.error}`);
        expect(r.backend).toBe(backend);
        checkConsistent(`${e.file} on ${backend}`, inputs, r);
        mismatches.push(...compareExercise(e.file, graph, inputs, r, ref));
      }
      expect(mismatches).toEqual([]);
    }, 240_000);

    it(`runs lif_norse.nir on ${backend}: the Node (wasm) result and paper/lif_norse.csv within the float32 bound (~1e-6 V), same spike steps`, async () => {
      const r = await call(
        'runLif',
        served(path.join(FIXTURES, 'paper/lif_norse.nir')),
        backend,
        csv.map((row) => row[0]),
        DT,
      );
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
