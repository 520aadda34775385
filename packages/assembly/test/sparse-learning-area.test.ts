import { describe, it, expect, beforeAll } from 'vitest';
import { tf, setBackend, createRng, expectNoLeaks } from '@neurite/tensor';
import { LearningArea, SparseLearningArea, AssemblyError, overlap } from '../src/index.js';

/** 0/1 patterns: `patterns` rows of nIn inputs with inK active, and target assemblies of k among n. */
function task(seed: number, patterns: number, nIn: number, inK: number, n: number, k: number) {
  const rng = createRng(seed);
  const xs = new Float32Array(patterns * nIn),
    ts = new Float32Array(patterns * n);
  const targets: Int32Array[] = [];
  for (let i = 0; i < patterns; i++) {
    for (const j of rng.sampleWithoutReplacement(nIn, inK)) xs[i * nIn + j] = 1;
    const t = rng.sampleWithoutReplacement(n, k);
    targets.push(t);
    for (const j of t) ts[i * n + j] = 1;
  }
  return { x: tf.tensor2d(xs, [patterns, nIn]), t: tf.tensor2d(ts, [patterns, n]), targets };
}

describe.each(['cpu', 'wasm'] as const)('SparseLearningArea on %s', (backend) => {
  beforeAll(async () => {
    await setBackend(backend);
  });

  it('has the connectivity, inputs and first gradient of LearningArea for the same seed, exactly', async () => {
    // 0/1 inputs and unit weights: every input is an integer count (exact in float32 in any order of
    // addition), so both areas compute the same loss; with one pattern each weight's gradient is one
    // product x_r · ∂L/∂input_j in both, so the sparse gradient equals the dense one at the synapses, bit for bit.
    const o = { nIn: 120, n: 150, k: 10, p: 0.1, temperature: 0.5, seed: 5 };
    const dense = new LearningArea(o),
      sparse = new SparseLearningArea(o);
    const { x, t } = task(1, 1, o.nIn, 15, o.n, o.k);
    const [a, b] = [dense.inputs(x), sparse.inputs(x)];
    expect(await b.data()).toEqual(await a.data());
    expect(Math.max(...(await a.data()))).toBeGreaterThan(1); // not all zeros or ones
    const gd = tf.variableGrads(() => dense.loss(x, t), [dense.weights]);
    const gs = tf.variableGrads(() => sparse.loss(x, t), [sparse.weights]);
    expect(await gs.value.data()).toEqual(await gd.value.data());
    const G = await gd.grads[dense.weights.name].data();
    const g = await gs.grads[sparse.weights.name].data();
    const [pre, post] = [await sparse.pre.data(), await sparse.post.data()];
    const atSynapses = Float32Array.from(g, (_, e) => G[pre[e] * o.n + post[e]]);
    expect(g).toEqual(atSynapses);
    expect(g.some((v) => v !== 0)).toBe(true);
    // the dense gradient is zero off the synapses (the mask): the sparse area holds every trainable weight
    const onSynapse = new Set(Array.from(pre, (r, e) => r * o.n + post[e]));
    expect(G.every((v, i) => v === 0 || onSynapse.has(i))).toBe(true);
    expect(sparse.synapses).toBe(onSynapse.size);
    // ∂/∂x of Σ inputs: each input neuron's out-degree under unit weights (integers: exact), as the dense area's
    const dxSparse = tf.grad((v: tf.Tensor) => tf.sum(sparse.inputs(v as tf.Tensor2D)))(x);
    const dxDense = tf.grad((v: tf.Tensor) => tf.sum(dense.inputs(v as tf.Tensor2D)))(x);
    expect(await dxSparse.data()).toEqual(await dxDense.data());
    tf.dispose([dxSparse, dxDense]);
    tf.dispose([a, b, gd.value, gs.value, ...Object.values(gd.grads), ...Object.values(gs.grads), x, t]);
    dense.dispose();
    sparse.dispose();
  });

  it('rejects bad options with AssemblyError naming the argument', () => {
    expect(() => new SparseLearningArea({ nIn: 4, n: 10, k: 11, p: 0.5 })).toThrow(AssemblyError);
    expect(() => new SparseLearningArea({ nIn: 0, n: 10, k: 2, p: 0.5 })).toThrow(/nIn/);
  });
});

// Training on one backend (the inputs and gradients are checked on cpu and wasm above).
describe('SparseLearningArea training on wasm', () => {
  beforeAll(async () => {
    await setBackend('wasm');
  });

  it('learns to map input patterns to target assemblies (the LearningArea task)', async () => {
    const { x, t, targets } = task(7, 4, 200, 20, 400, 20);
    const area = new SparseLearningArea({ nIn: 200, n: 400, k: 20, p: 0.2, temperature: 0.5, seed: 3 });
    const before = (await area.winners(x)).map((w, i) => overlap(w, targets[i]) / 20);
    const history = await area.train(x, t, { steps: 60, learningRate: 0.1 });
    const after = (await area.winners(x)).map((w, i) => overlap(w, targets[i]) / 20);
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(history[59]).toBeLessThan(0.5 * history[0]);
    expect(mean(before)).toBeLessThan(0.2); // chance is k/n = 5%
    expect(mean(after)).toBeGreaterThan(0.8);
    await expectNoLeaks(
      async () => {
        await area.train(x, t, { steps: 1 });
        await area.winners(x);
      },
      { iterations: 3 },
    );
    area.dispose();
    tf.dispose([x, t]);
  });
});
