/**
 * REINFORCE on a spiking policy. The output layer's gradient has a closed form that does not pass
 * through any spike: with readout z = h̄ W + b (h̄ the hidden layer's mean weighted spikes over T),
 *   ∂loss/∂W_jk = −(1/n) Σ_i A_i (1[a_i = k] − π_ik) h̄_ij,
 * and Adam's first step moves every parameter by −lr · g/(|g| + ε), i.e. by lr against the sign of its
 * gradient. The test checks the sign of every output weight's step against that closed form (skipping
 * |g| below the float32 rounding of the sum, n·eps·Σ|terms|), then that the policy learns a contextual
 * bandit through its hidden spiking layer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { ConvertError, PolicyGradient, spikingMlp } from '../src/index.js';
import { makeParams, disposeParams } from '../src/params.js';
import { simulate } from '../src/simulate.js';

beforeAll(async () => {
  await setBackend('cpu');
});

describe('PolicyGradient', () => {
  it('first Adam step on the output weights follows the closed-form REINFORCE gradient', async () => {
    const snn = spikingMlp([4, 12, 3], { beta: 0.875, theta: 0.5, seed: 3 });
    const T = 6;
    const n = 10;
    const states = Float32Array.from({ length: n * 4 }, (_, k) => Math.sin(k * 1.7) * 1.5);
    const actions = Array.from({ length: n }, (_, i) => (i * 7) % 3);
    const adv = Array.from({ length: n }, (_, i) => Math.cos(i) * 2);
    // h̄: mean weighted hidden spikes over T, recorded with the same simulation
    const net = snn.network;
    const p = makeParams(net);
    const x = tf.tensor2d(states, [n, 4]);
    const hid: tf.Tensor[] = [];
    const z = tf.tidy(() => simulate(net, p, x, { T, onSpikes: (_t, sp) => sp.forEach((s) => hid.push(tf.keep(tf.mul(s, 0.5)))) }));
    const hbar = (await tf.tidy(() => tf.div(tf.addN(hid), T)).data()) as Float32Array;
    const probs = (await tf.tidy(() => tf.softmax(z)).data()) as Float32Array;
    tf.dispose([x, z, ...hid]);
    disposeParams(p);
    const H = 12;
    const K = 3;
    const lr = 0.01;
    const pg = new PolicyGradient(snn, { T, lr, seed: 1 });
    expect(Array.from(await pg.probabilities(states)).map((v) => v.toFixed(6))).toEqual(Array.from(probs).map((v) => v.toFixed(6)));
    await pg.update(states, actions, adv);
    const after = await pg.network();
    pg.dispose();
    const w0 = (net.nodes[3].op as { w: Float32Array }).w;
    const w1 = (after.network.nodes[3].op as { w: Float32Array }).w;
    let checked = 0;
    for (let j = 0; j < H; j++)
      for (let k = 0; k < K; k++) {
        let g = 0;
        let mag = 0;
        for (let i = 0; i < n; i++) {
          const term = (-adv[i] * ((actions[i] === k ? 1 : 0) - probs[i * K + k]) * hbar[i * H + j]) / n;
          g += term;
          mag += Math.abs(term);
        }
        const step = w1[j * K + k] - w0[j * K + k];
        if (Math.abs(g) <= n * 2 ** -23 * mag || mag === 0) continue;
        expect(Math.sign(step), `W[${j},${k}] g=${g}`).toBe(-Math.sign(g));
        // |step| = lr·|g|/(|g| + 1e-7) (tfjs Adam, ε = 1e-7), stored in float32 next to |w| ≤ 1
        expect(Math.abs(Math.abs(step) - (lr * Math.abs(g)) / (Math.abs(g) + 1e-7))).toBeLessThan(2 * 2 ** -23 + lr * 1e-4);
        checked++;
      }
    expect(checked).toBeGreaterThan(10);
  });

  it('learns a contextual bandit through the hidden LIF layer, without leaking tensors', async () => {
    // 4 one-hot contexts, the rewarded action is context % 2: no output bias alone can do it
    const pg = new PolicyGradient(spikingMlp([4, 16, 2], { beta: 0.9, seed: 0 }), { T: 8, lr: 0.03, seed: 2 });
    const ctx = Float32Array.from({ length: 32 * 4 }, (_, k) => (k % 4 === Math.floor(k / 4) % 4 ? 1.5 : 0));
    const best = (i: number) => (i % 4) % 2;
    let before = 0;
    for (let u = 0; u < 40; u++) {
      if (u === 1) before = tf.memory().numTensors; // after Adam has made its moment accumulators
      const a = await pg.act(ctx);
      await pg.update(
        ctx,
        a,
        Array.from(a, (ai, i) => (ai === best(i) ? 0.5 : -0.5)),
      );
    }
    expect(tf.memory().numTensors).toBe(before);
    const p = await pg.probabilities(ctx.subarray(0, 16));
    for (let c = 0; c < 4; c++) expect(p[c * 2 + best(c)], `context ${c}`).toBeGreaterThan(0.9);
    expect(Array.from(await pg.act(ctx.subarray(0, 16), { greedy: true }))).toEqual([0, 1, 0, 1]);
    await expect(pg.update(ctx.subarray(0, 8), [0, 2], [1, 1])).rejects.toThrow(ConvertError);
    await expect(pg.update(ctx.subarray(0, 8), [0], [1, 1])).rejects.toThrow(/2 states need 2 actions/);
    pg.dispose();
    await expect(pg.act(ctx)).rejects.toThrow(/after dispose/);
  });
});
