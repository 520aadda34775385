// The NIR demo's computation: decode a .nir file's bytes, compile it on the selected backend,
// feed it a seeded input spike train, and return what the page draws and the browser test checks.
import type { DemoContext } from '../../demo-kit/index.js';
import { inputSpikes } from './input-spikes.js';
import type { NirPreset } from './presets.js';

const NEURONS = new Set(['I', 'LI', 'IF', 'LIF', 'CubaLI', 'CubaLIF']);
const SPIKING = new Set(['IF', 'LIF', 'CubaLIF']);
/** At most this many spikes are listed in the result (the raster of a large layer is cut). */
const MAX_SPIKES = 5000;

export interface NirRunOptions extends NirPreset {
  file: string;
  seed: number;
}

export interface NirRunResult {
  file: string;
  dt: number;
  steps: number;
  rate: number;
  seed: number;
  reset: string;
  integration: string;
  /** The repair applied on load, if any. */
  repair: string | null;
  nodes: number;
  edges: number;
  input: { name: string; shape: number[] };
  /** The first Output node over time, [steps, 1, ...shape] row-major. */
  output: { name: string; shape: number[]; data: number[] };
  /** Spikes [step, neuron] of the last spiking node (neurons flattened), at most MAX_SPIKES. */
  raster: { node: string; neurons: number; count: number; spikes: [number, number][] } | null;
  /** Membrane voltage of neuron 0 of the first neuron node, one value per step. */
  trace: { node: string; v: number[] } | null;
}

export async function runNir(ctx: DemoContext, bytes: Uint8Array, opts: NirRunOptions): Promise<NirRunResult> {
  const { tf, tensor } = ctx;
  const nir = await import('@neurite/nir');
  ctx.progress(`decoding ${opts.file}…`);
  const { graph } = await nir.decodeNir(bytes, { file: opts.file, repair: opts.repair });
  const base = { dt: opts.dt, reset: opts.reset, integration: opts.integration } as const;
  const probe = nir.compile(graph, base);
  const inputName = probe.inputs[0];
  const shape = probe.inputShape(inputName);
  const neurons = probe.nodes.filter((n) => NEURONS.has(probe.nodeType(n)));
  const rasterNode = neurons.filter((n) => SPIKING.has(probe.nodeType(n))).at(-1);
  probe.dispose();
  const traceNode = neurons[0];
  const record = [...new Set([rasterNode, traceNode].filter((n): n is string => n !== undefined))];
  const sim = nir.compile(graph, { ...base, record });
  const xs = tf.tensor(inputSpikes(tensor.createRng(opts.seed), shape, opts.steps, opts.rate), [opts.steps, 1, ...shape]);
  try {
    ctx.progress(`running ${opts.steps} steps…`);
    const outName = sim.outputs[0];
    const { data, outShape } = await ctx.time(opts.steps, async () => {
      const outs = sim.runAll(xs);
      const y = outs[outName];
      const d = await y.data();
      const s = y.shape;
      tf.dispose(Object.values(outs));
      return { data: Array.from(d), outShape: s };
    });
    let raster: NirRunResult['raster'] = null;
    if (rasterNode) {
      const z = sim.recording(rasterNode);
      const n = z.output.size / opts.steps;
      const d = await z.output.data();
      tf.dispose([z.output, z.v, z.i].filter((t) => t !== undefined));
      const spikes: [number, number][] = [];
      let count = 0;
      for (let k = 0; k < d.length; k++) {
        if (d[k] === 0) continue;
        count++;
        if (spikes.length < MAX_SPIKES) spikes.push([Math.floor(k / n), k % n]);
      }
      raster = { node: rasterNode, neurons: n, count, spikes };
    }
    let trace: NirRunResult['trace'] = null;
    if (traceNode) {
      const r = sim.recording(traceNode);
      if (r.v) {
        const n = r.v.size / opts.steps;
        const d = await r.v.data();
        trace = { node: traceNode, v: Array.from({ length: opts.steps }, (_, t) => d[t * n]) };
      }
      tf.dispose([r.output, r.v, r.i].filter((t) => t !== undefined));
    }
    return {
      file: opts.file,
      dt: opts.dt,
      steps: opts.steps,
      rate: opts.rate,
      seed: opts.seed,
      reset: opts.reset,
      integration: opts.integration,
      repair: opts.repair ?? null,
      nodes: Object.keys(graph.nodes).length,
      edges: graph.edges.length,
      input: { name: inputName, shape },
      output: { name: outName, shape: outShape, data },
      raster,
      trace,
    };
  } finally {
    xs.dispose();
    sim.dispose();
  }
}
