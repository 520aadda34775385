// The brain4d demo's computation (guide/brain4d.md): the 4D lattice network of demo-network.ts
// run live in chunks. The spikes come from @neurite/brain4d's engines (backend cpu: its JavaScript
// loops; wasm and webgl: its WebAssembly SIMD loop, bitwise the same float64 spikes; webgpu: its
// fixed-point webgpu engine, WGSL compute shaders on the page's tfjs GPUDevice, bit for bit the
// spikes of the `fixed` engine in Node), streamed chunk by chunk through a MonitorSink; the activity
// maps (spikes per lattice site, summed over z, one map per w-slice) are computed by tfjs on the
// selected backend.
import type { DemoContext } from '../../demo-kit/index.js';
import { DEMO_LATTICE, demoNetwork } from './demo-network.js';

/** One chunk's spikes and activity, for the live views. */
export interface Brain4dChunk {
  /** Steps of the chunk's spikes and their lattice ids. */
  steps: Int32Array;
  ids: Int32Array;
  /** End of the chunk, ms. */
  ms: number;
  /** Population rates over the chunk, Hz. */
  rates: Record<string, number>;
  /** Spikes of the chunk per lattice site summed over z: [w][y·X + x]. */
  slices: number[][];
}

/** What the demo returns (and the browser test checks against the same run in Node). */
export interface Brain4dDemoResult {
  backend: string;
  /** The engine that ran the neuron updates ('js', 'wasm' or 'webgpu'). */
  engine: string;
  seed: number;
  /** Biological time run, ms. */
  ms: number;
  /** The network description the page ran. */
  network: Record<string, unknown>;
  neurons: number;
  synapses: number;
  /** Spikes per population over the run. */
  counts: Record<string, number>;
  spikes: number;
  /** FNV-1a (32 bit) of the (step, lattice id) pairs of every spike, in order. */
  checksum: number;
  /** Spikes per lattice site summed over z and the whole run: [w][y·X + x] (computed on the backend). */
  slices: number[][];
}

/** FNV-1a over 32-bit words, continued from `h`. */
export function fnv1a(h: number, words: Int32Array): number {
  for (let k = 0; k < words.length; k++) {
    let w = words[k];
    for (let b = 0; b < 4; b++) {
      h ^= w & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
      w >>>= 8;
    }
  }
  return h >>> 0;
}
/** FNV-1a's offset basis. */
export const FNV_START = 0x811c9dc5;

export async function runBrain4d(
  ctx: DemoContext,
  opts: { seed: number; ms: number; chunkMs: number; onChunk: (c: Brain4dChunk) => void | Promise<void> },
): Promise<Brain4dDemoResult> {
  const { Simulator } = await import('@neurite/brain4d');
  const tf = ctx.tf;
  const network = demoNetwork(opts.seed);
  const [X, Y, Z, W] = DEMO_LATTICE;
  const sites = X * Y * Z * W;
  let chunk = { steps: [] as Int32Array[], ids: [] as Int32Array[] };
  const sink = {
    spikes(steps: Int32Array, ids: Int32Array) {
      chunk.steps.push(steps.slice());
      chunk.ids.push(ids.slice());
    },
    state() {},
  };
  ctx.progress('building the network');
  const engine = ctx.backend === 'cpu' ? 'js' : ctx.backend === 'webgpu' ? 'webgpu' : 'wasm';
  const sim = new Simulator(network, { engine, sink });
  let total = tf.zeros([W, Y * X]);
  let checksum = FNV_START;
  let spikes = 0;
  const counts: Record<string, number> = Object.fromEntries(sim.populations.map((p) => [p.name, 0]));
  const popOf = (id: number) => (Math.floor(id / (X * Y * Z)) < W - 1 ? 'exc' : 'inh');
  const chunkSteps = Math.round(opts.chunkMs / sim.dt);
  const allSteps = Math.round(opts.ms / sim.dt);
  try {
    for (let done = 0; done < allSteps; done += chunkSteps) {
      const n = Math.min(chunkSteps, allSteps - done);
      const view = await ctx.time(n, async () => {
        const r = await sim.runAsync(n * sim.dt);
        const steps = concat(chunk.steps);
        const ids = concat(chunk.ids);
        chunk = { steps: [], ids: [] };
        // Activity per site on the backend: segment sums of ones over the lattice ids, summed over z.
        const slice = tf.tidy(() => {
          if (ids.length === 0) return tf.zeros([W, Y * X]);
          const perSite = tf.unsortedSegmentSum(tf.ones([ids.length]), tf.tensor1d(ids, 'int32'), sites);
          return tf.sum(tf.reshape(perSite, [W, Z, Y * X]), 1);
        });
        const next = tf.add(total, slice);
        total.dispose();
        total = next;
        const data = (await slice.data()) as Float32Array;
        slice.dispose();
        return { steps, ids, rates: r.rates, data };
      });
      spikes += view.ids.length;
      for (const id of view.ids) counts[popOf(id)]++;
      const pairs = new Int32Array(2 * view.ids.length);
      view.ids.forEach((id, k) => ((pairs[2 * k] = view.steps[k]), (pairs[2 * k + 1] = id)));
      checksum = fnv1a(checksum, pairs);
      await opts.onChunk({
        steps: view.steps,
        ids: view.ids,
        ms: (done + n) * sim.dt,
        rates: view.rates,
        slices: rows(view.data, W, X * Y),
      });
      ctx.progress(`${((done + n) * sim.dt).toFixed(0)} of ${opts.ms} ms`);
    }
    const slices = rows((await total.data()) as Float32Array, W, X * Y);
    return {
      backend: ctx.backend,
      engine: sim.engine,
      seed: opts.seed,
      ms: opts.ms,
      network,
      neurons: sim.N,
      synapses: sim.synapseCount(),
      counts,
      spikes,
      checksum,
      slices,
    };
  } finally {
    total.dispose();
  }
}

/** Concatenates int32 chunks. */
function concat(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A [rows × cols] float array as rows of plain numbers. */
function rows(data: Float32Array, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from(data.subarray(i * c, (i + 1) * c)));
}
