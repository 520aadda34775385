// The brain4d demo (guide/brain4d.md) on cpu, wasm, webgl and webgpu in Chromium: the page runs the
// 4D lattice network it returns (seeded) on @neurite/brain4d's engines (JavaScript loops on cpu,
// WebAssembly SIMD on wasm and webgl, the fixed-point WGSL engine on webgpu) and sums the spikes per
// lattice site on the tfjs backend; this test runs the same network for the same time in Node (the
// float64 engine; on webgpu the `fixed` engine, the same integers in JavaScript) and asserts exactly the same spikes (per
// population, every (step, id) pair through a checksum) and the same activity maps (integer
// counts: exact in float32 below 2^24); no console error, no request leaves localhost.
import { expect } from 'vitest';
import { Simulator, type MonitorSink } from '@neurite/brain4d';
import type { Brain4dDemoResult as Brain4dResult } from '../.vitepress/theme/demos/brain4d/run-brain4d.js';
import { describeDemo } from './site.js';

/** FNV-1a over the 32-bit words, four bytes each, low byte first (the page's checksum of its (step, id) pairs). */
function fnv1a(h: number, words: Int32Array): number {
  for (const word of words) {
    let w = word;
    for (let b = 0; b < 4; b++) {
      h ^= w & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
      w >>>= 8;
    }
  }
  return h >>> 0;
}

/** The same run in Node (float64 engine, or `fixed` for the page's webgpu engine): counts per population, checksum, activity per w-slice summed over z. */
function nodeRun(r: Brain4dResult, engine: 'auto' | 'fixed') {
  const [X, Y, Z, W] = r.network.lattice as number[];
  let checksum = 0x811c9dc5;
  let spikes = 0;
  const slices = Array.from({ length: W }, () => new Array<number>(X * Y).fill(0));
  const counts: Record<string, number> = { exc: 0, inh: 0 };
  const sink: MonitorSink = {
    spikes(steps, ids) {
      const pairs = new Int32Array(2 * ids.length);
      ids.forEach((id, k) => ((pairs[2 * k] = steps[k]), (pairs[2 * k + 1] = id)));
      checksum = fnv1a(checksum, pairs);
      spikes += ids.length;
      for (const id of ids) {
        const w = Math.floor(id / (X * Y * Z));
        slices[w][id % (X * Y)]++;
        const pop = w < W - 1 ? 'exc' : 'inh';
        counts[pop]++;
      }
    },
    state() {},
  };
  const sim = new Simulator(r.network, { sink, engine });
  sim.run(r.ms);
  return { checksum, spikes, slices, counts, synapses: sim.synapseCount(), neurons: sim.N };
}

describeDemo<Brain4dResult>({
  title: 'docs: brain4d demo',
  page: 'guide/brain4d',
  demo: 'brain4d',
  test: (backend) => `4D lattice, 400 ms on ${backend}: the page's spikes and activity maps equal the same run in Node`,
  check({ result }, backend) {
    expect(result.backend).toBe(backend);
    expect(result.engine).toBe(backend === 'cpu' ? 'js' : backend === 'webgpu' ? 'webgpu' : 'wasm');
    expect(result.ms).toBe(400);
    const ref = nodeRun(result, backend === 'webgpu' ? 'fixed' : 'auto');
    expect(result.neurons).toBe(ref.neurons);
    expect(result.synapses).toBe(ref.synapses);
    expect(ref.spikes).toBeGreaterThan(1000);
    expect(result.spikes).toBe(ref.spikes);
    expect(result.counts).toEqual(ref.counts);
    expect(result.checksum).toBe(ref.checksum);
    expect(result.slices).toEqual(ref.slices);
  },
});
