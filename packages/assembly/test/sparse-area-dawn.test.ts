/**
 * SparseArea with device storage on the webgpu backend in Node (Dawn; SwiftShader's Vulkan
 * without a GPU, see test-utils/dawn.ts) against host storage on cpu for the same seed: the
 * winners of every round and, at the end, every synapse weight and stimulus weight, bit for bit
 * (the input sums are float32 additions in the winners' order on both, and plasticity is one
 * float32 product per synapse: the in-place SparseRowsScale kernel on webgpu, the typed-array
 * loop on the host). Skipped without the webgpu package or a Vulkan driver; fails under CI then.
 */
import { afterAll, expect, it } from 'vitest';
import { setBackend, tf, type BackendName } from '@neurite/tensor';
import { SparseArea, type SparseAreaOptions } from '../src/index.js';
import { describeOnDawn } from '../../../test-utils/dawn.js';

async function run(backend: BackendName, storage: 'host' | 'device', opts: SparseAreaOptions, rounds: number) {
  await setBackend(backend);
  const a = new SparseArea({ ...opts, storage });
  const winners: string[] = [];
  for (let r = 0; r < rounds; r++) winners.push(Array.from(await a.project({ stimulus: true, recurrent: r % 4 !== 3 })).join(','));
  const c = await a.connectome();
  a.dispose();
  return { winners, ...c };
}

describeOnDawn('SparseArea on webgpu in Node (Dawn)', () => {
  afterAll(async () => {
    await setBackend('cpu');
  });

  it('gives the winners and weights of cpu host storage (n = 3000, 2.7e5 synapses, 8 rounds)', async () => {
    const opts = { n: 3000, k: 55, p: 0.03, beta: 0.05, seed: 3 };
    const host = await run('cpu', 'host', opts, 8);
    const before = { tensors: 0 };
    await setBackend('webgpu');
    before.tensors = tf.memory().numTensors;
    const gpu = await run('webgpu', 'device', opts, 8);
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(gpu.winners).toEqual(host.winners);
    expect(new Set(host.winners).size).toBeGreaterThan(4); // the winners move: not a constant output
    expect(gpu.indices).toEqual(host.indices);
    expect(gpu.weights).toEqual(host.weights);
    expect(gpu.stimulus).toEqual(host.stimulus);
    // plasticity reached many synapses, some of them more than once
    const grown = host.weights.filter((w) => w > 1);
    expect(grown.length).toBeGreaterThan(300);
    expect(grown.some((w) => w > Math.fround(1.05))).toBe(true);
  }, 120_000);
});
