/**
 * The browser side of test/browser.test.ts, bundled from source with esbuild:
 * @neurite/nir (src) with h5wasm (its ESM build embeds the wasm binary, so
 * nothing is fetched but the fixtures this page is asked to read) and
 * @neurite/tensor with its GPU backends. It exposes `globalThis.__nir`.
 */
import '@neurite/tensor/webgl';
import '@neurite/tensor/webgpu';
import { setBackend, backendInfo, tf } from '@neurite/tensor';
import { compile, decodeNir, encodeNir, graphToJson, NirError } from '../../src/index.js';
import type { CompileOptions } from '../../src/index.js';
import { exerciseSimulator } from './exercise-simulator.js';
import type { DenseInput, ExerciseResult } from './exercise-simulator.js';

export interface DecodeResult {
  /** The JSON form of the decoded file, and of our re-encoding of it decoded again. */
  json: string;
  again: string;
  /** Size of our encoding in bytes. */
  encodedBytes: number;
}

export interface RunResult {
  backend: string;
  /** Membrane voltage and output spikes of node '1', one per step (batch 1, one neuron). */
  v: number[];
  z: number[];
  /** Tensors left behind by the run (must be 0). */
  leaked: number;
}

export interface NirPageApi {
  decode(url: string): Promise<DecodeResult | { error: string }>;
  /** Decode bytes that are not HDF5; returns the error's class name and message. */
  decodeGarbage(): Promise<{ name: string; message: string }>;
  runLif(url: string, backend: 'webgl' | 'webgpu', input: number[], dt: number): Promise<RunResult | { error: string }>;
  /** exerciseSimulator on the graph at `url` (every Simulator method that touches tensors) on `backend`. */
  exercise(
    url: string,
    backend: 'webgl' | 'webgpu',
    opts: Omit<CompileOptions, 'record'>,
    inputs: Record<string, DenseInput>,
  ): Promise<(ExerciseResult & { backend: string }) | { error: string }>;
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`GET ${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

const message = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

const api: NirPageApi = {
  async decode(url) {
    try {
      const { graph } = await decodeNir(await fetchBytes(url), { file: url });
      const bytes = await encodeNir(graph);
      const back = await decodeNir(bytes, { file: 're-encoded' });
      return { json: graphToJson(graph, 1), again: graphToJson(back.graph, 1), encodedBytes: bytes.length };
    } catch (e) {
      return { error: message(e) };
    }
  },
  async decodeGarbage() {
    try {
      await decodeNir(new TextEncoder().encode('not an HDF5 file'), { file: 'garbage.nir' });
      return { name: 'none', message: 'decoded without error' };
    } catch (e) {
      return {
        name: e instanceof NirError ? 'NirError' : e instanceof Error ? e.name : typeof e,
        message: e instanceof Error ? e.message : String(e),
      };
    }
  },
  async runLif(url, backend, input, dt) {
    try {
      await setBackend(backend);
      const active = backendInfo().name;
      const before = tf.memory().numTensors;
      const { graph } = await decodeNir(await fetchBytes(url), { file: url });
      const sim = compile(graph, { dt, integration: 'euler', reset: 'to_v_reset', record: ['1'] });
      const xs = tf.tensor3d(input.map((x) => [[x]]));
      const z = sim.run(xs);
      const rec = sim.recording('1');
      const out = { backend: active, v: Array.from(await rec.v!.data()), z: Array.from(await z.data()) };
      tf.dispose([xs, z, rec.output, rec.v!]);
      sim.dispose();
      return { ...out, leaked: tf.memory().numTensors - before };
    } catch (e) {
      return { error: message(e) };
    }
  },
  async exercise(url, backend, opts, inputs) {
    try {
      await setBackend(backend);
      const { graph } = await decodeNir(await fetchBytes(url), { file: url });
      return { ...(await exerciseSimulator(graph, opts, inputs)), backend: backendInfo().name };
    } catch (e) {
      return { error: message(e) };
    }
  },
};

(globalThis as unknown as { __nir: NirPageApi }).__nir = api;
