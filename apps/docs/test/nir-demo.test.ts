// The NIR demo (guide/nir.md) on cpu, wasm, webgl and webgpu in Chromium: the page's output spikes
// equal the same run in Node (@neurite/nir on the cpu backend, input drawn by the rule the page
// states: one createRng(seed).uniform() draw per element, spike when below the rate), the membrane
// trace agrees within float32 rounding, no console error, no request leaves localhost. Also: the
// site's local search finds a word of the NIR guide.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createRng, setBackend, tf } from '@neurite/tensor';
import { compile, decodeNir } from '@neurite/nir';
import { DIST, DOCS, describeDemo } from './site.js';

interface NirResult {
  file: string;
  dt: number;
  steps: number;
  rate: number;
  seed: number;
  reset: 'subtract' | 'zero' | 'to_v_reset';
  integration: 'euler' | 'exact';
  repair: 'rename-dangling' | null;
  input: { name: string; shape: number[] };
  output: { name: string; shape: number[]; data: number[] };
  raster: { node: string; neurons: number; count: number; spikes: [number, number][] } | null;
  trace: { node: string; v: number[] } | null;
}

const NIR = path.resolve(DOCS, '../../packages/nir');

/** The same run in Node on the cpu backend. */
async function nodeRun(r: NirResult): Promise<{ output: number[]; v: number[] | undefined }> {
  await setBackend('cpu');
  const bytes = readFileSync(path.join(NIR, r.file === 'lif_norse.nir' ? 'examples' : 'test/fixtures/paper', r.file));
  const { graph } = await decodeNir(new Uint8Array(bytes), { file: r.file, repair: r.repair ?? undefined });
  const sim = compile(graph, { dt: r.dt, reset: r.reset, integration: r.integration, record: r.trace ? [r.trace.node] : [] });
  const rng = createRng(r.seed);
  const n = r.steps * r.input.shape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(n);
  for (let k = 0; k < n; k++) x[k] = rng.uniform() < r.rate ? 1 : 0;
  const xs = tf.tensor(x, [r.steps, 1, ...r.input.shape]);
  const y = sim.run(xs);
  const output = Array.from(await y.data());
  let v: number[] | undefined;
  if (r.trace) {
    const rec = sim.recording(r.trace.node);
    const d = await rec.v!.data();
    const per = d.length / r.steps;
    v = Array.from({ length: r.steps }, (_, t) => d[t * per]);
    tf.dispose([rec.output, rec.v, rec.i].filter((t) => t !== undefined));
  }
  tf.dispose([xs, y]);
  sim.dispose();
  return { output, v };
}

describeDemo<NirResult>({
  title: 'docs: NIR demo',
  page: 'guide/nir',
  demo: 'nir',
  test: (backend) => `lif_norse.nir on ${backend}: the page's spikes equal the Node run`,
  async check({ result }) {
    expect(result.file).toBe('lif_norse.nir');
    const ref = await nodeRun(result);
    // Spikes are 0/1: equal exactly (the nir package's browser tests hold webgl/webgpu to the same).
    expect(result.output.data).toEqual(ref.output);
    expect(result.output.data.some((s) => s !== 0)).toBe(true);
    // v: float32 Euler updates, a few roundings (≤ 2^-24 relative each) per step, accumulated over
    // at most `steps` steps with a decay factor < 1: |Δv| ≤ steps · 4 · 2^-24 · (1 + max|v|).
    const vmax = Math.max(...ref.v!.map(Math.abs));
    const tol = result.steps * 4 * 2 ** -24 * (1 + vmax);
    result.trace!.v.forEach((v, t) => expect(Math.abs(v - ref.v![t]), `v at step ${t}`).toBeLessThanOrEqual(tol));
  },
  setup(site) {
    for (const backend of ['wasm', 'webgpu'] as const) {
      it(`the paper's braille subgraph file (repaired on load, recurrent) on ${backend}: same spikes as Node`, async () => {
        const file = 'braille_noDelay_noBias_subtract_subgraph.nir';
        const { result } = await site().openDemo<NirResult>('guide/nir', backend, { demo: 'nir', query: { nir: file } });
        expect(result.file).toBe(file);
        expect(result.repair).toBe('rename-dangling');
        const ref = await nodeRun(result);
        expect(result.output.data).toEqual(ref.output);
        expect(result.raster!.count).toBeGreaterThan(0);
      });
    }

    it('local search finds decodeNir: its API page when the API is built, else the NIR guide', async () => {
      const titles = await site().search('decodeNir');
      const want = existsSync(path.join(DIST, 'api', 'nir')) ? /decodeNir/ : /nir/i;
      expect(
        titles.some((t) => want.test(t)),
        titles.join(' / '),
      ).toBe(true);
    });
  },
});
