/**
 * The directly trained LIF CartPole policy committed in examples/cartpole-lif.nir (written by
 * scripts/cartpole-lif.mjs: REINFORCE by surrogate BPTT on a 4-64-2 LIF network, β = 0.9, T = 8)
 * read back through NIR solves CartPole-v0 on fresh episodes: mean return ≥ 195 over 100 episodes
 * (the task's own criterion, on episode starts it was not trained or selected on). Training itself is
 * checked for its bookkeeping and tensor hygiene over a few updates (solving takes about a minute:
 * the script's results are in the README).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { decodeNir } from '@neurite/nir';
import { ConvertError, evaluateCartPolePolicy, fromNir, spikingMlp, trainCartPolePolicy } from '../src/index.js';

beforeAll(async () => {
  await setBackend('cpu');
});

describe('CartPole LIF policy', () => {
  it('the committed trained LIF policy solves CartPole-v0 on 100 fresh episodes', async () => {
    const bytes = readFileSync(fileURLToPath(new URL('../examples/cartpole-lif.nir', import.meta.url)));
    const snn = fromNir((await decodeNir(new Uint8Array(bytes))).graph);
    expect(snn.network.nodes.filter((n) => n.className === 'LIF').length).toBe(1);
    const before = tf.memory().numTensors;
    const mean = await evaluateCartPolePolicy(snn, { episodes: 100, T: 8, seed: 424242 });
    expect(tf.memory().numTensors).toBe(before);
    expect(mean).toBeGreaterThanOrEqual(195);
  });

  it('trains for the given updates, reports every one, and keeps tensors flat', async () => {
    const seen: number[] = [];
    const before = tf.memory().numTensors;
    const r = await trainCartPolePolicy(spikingMlp([4, 16, 2], { seed: 1 }), {
      updates: 3,
      episodesPerUpdate: 4,
      evalEvery: 2,
      evalEpisodes: 3,
      T: 4,
      seed: 5,
      onUpdate: (u) => seen.push(u.update),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual([1, 2, 3]);
    expect(r.updates).toBe(3);
    expect(r.episodes).toBe(12);
    expect(r.meanReturns).toHaveLength(3);
    for (const m of r.meanReturns) expect(m >= 8 && m <= 200).toBe(true); // loose: from |θ|, |θ̇| ≤ 0.05 the pole needs ~20 steps to reach 12° at |θ̈| ≲ 18 rad/s²
    expect(Number.isFinite(r.lastEval)).toBe(true);
    await expect(trainCartPolePolicy(spikingMlp([3, 8, 2]))).rejects.toThrow(ConvertError);
    await expect(evaluateCartPolePolicy(spikingMlp([4, 8, 3]))).rejects.toThrow(/4 inputs and gives 2 outputs/);
  });
});
