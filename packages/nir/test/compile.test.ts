import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { expectNoLeaks, setBackend, tf } from '@neurite/tensor';
import { compile, createGraph, createNode, NirError, readNir, readNirFile } from '../src/node.js';
import { f32RecurrenceBound, FIXTURES, lifTraceBound, paperCsv, runTrace } from './helpers.js';
import { exerciseSimulator } from './browser/exercise-simulator.js';
import { checkConsistent, compareExercise, EXERCISE, exerciseInputs } from './exercise-cases.js';

beforeAll(async () => {
  await setBackend('wasm');
});

describe('compile: the paper LIF traces', () => {
  it('reproduces lif_norse.csv (euler, reset to v_reset): |Δv| within the float32 bound (~1e-6 V), identical spike steps', async () => {
    const g = await readNir(path.join(FIXTURES, 'paper/lif_norse.nir'));
    const rows = paperCsv('lif_norse.csv');
    const { v, z } = runTrace(
      g,
      rows.map((r) => r[0]),
      { dt: 1e-4, integration: 'euler', reset: 'to_v_reset' },
    );
    const tol = lifTraceBound(rows, false);
    expect(tol).toBeLessThan(2e-6);
    for (let t = 0; t < rows.length; t++) {
      expect(Math.abs(v[t] - rows[t][1])).toBeLessThan(tol);
      expect(z[t]).toBe(rows[t][2]);
    }
  });

  it('reproduces lif_snntorch.csv (euler, reset to zero) in snnTorch units v·τ/(R dt)', async () => {
    const g = await readNir(path.join(FIXTURES, 'paper/lif_norse.nir'));
    const rows = paperCsv('lif_snntorch.csv');
    const { v, z } = runTrace(
      g,
      rows.map((r) => r[0]),
      { dt: 1e-4, reset: 'zero' },
    );
    const scale = 0.0025 / (1 * 1e-4);
    const tol = lifTraceBound(rows, true); // in snnTorch units (max |v| 2.5)
    for (let t = 0; t < rows.length; t++) {
      expect(Math.abs(v[t] * scale - rows[t][1])).toBeLessThan(tol);
      expect(z[t]).toBe(rows[t][2]);
    }
  });

  it("with integration 'exact' (reset by subtraction) gives the spike times of lif_exact.csv within one step", async () => {
    const g = await readNir(path.join(FIXTURES, 'paper/lif_norse.nir'));
    const rows = paperCsv('lif_exact.csv');
    const { z } = runTrace(
      g,
      rows.map((r) => r[0]),
      { dt: 1e-4, integration: 'exact', reset: 'subtract' },
    );
    const mine = [...z].flatMap((s, t) => (s ? [t] : []));
    const ref = rows.flatMap((r, t) => (r[2] ? [t] : []));
    // the reference is event-based (continuous time): a fixed-step run can place a spike up to one step off
    expect(mine.length).toBe(ref.length);
    mine.forEach((t, k) => expect(Math.abs(t - ref[k])).toBeLessThanOrEqual(1));
  });
});

describe('compile: closed-form checks', () => {
  const li = (tau: number) =>
    createGraph({
      nodes: {
        input: createNode('Input', { shape: [1] }),
        li: createNode('LI', { tau: [tau], r: [2], v_leak: [0.5] }),
        output: createNode('Output', { shape: [1] }),
      },
      edges: [
        ['input', 'li'],
        ['li', 'output'],
      ],
    });
  it("'exact' LI under constant input follows v(t) = v_leak + R x + (v0 − v_leak − R x) e^(−t/τ)", () => {
    const sim = compile(li(0.01), { dt: 1e-3, integration: 'exact' });
    const x = tf.ones([1, 1]);
    // float32 against float64: 3 roundings a step and 3 coefficients (aV, bV, kV), |v| ≤ 2.5, a = e^(−0.1)
    const tol = f32RecurrenceBound(2.5, Math.exp(-0.1), 50, 6);
    for (let t = 1; t <= 50; t++) {
      const y = sim.step(x);
      const want = 0.5 + 2 + (0 - 2.5) * Math.exp((-t * 1e-3) / 0.01);
      expect(Math.abs(y.dataSync()[0] - want)).toBeLessThan(tol);
      y.dispose();
    }
    x.dispose();
    sim.dispose();
  });
  it("'euler' LI follows v ← v + dt/τ (v_leak − v + R x)", () => {
    const sim = compile(li(0.01), { dt: 1e-3 });
    const x = tf.ones([1, 1]);
    let v = 0;
    const tol = f32RecurrenceBound(2.5, 0.9, 20, 6); // as above, a = 1 − dt/τ = 0.9
    for (let t = 1; t <= 20; t++) {
      v = v + 0.1 * (0.5 - v + 2);
      const y = sim.step(x);
      expect(Math.abs(y.dataSync()[0] - v)).toBeLessThan(tol);
      y.dispose();
    }
    x.dispose();
    sim.dispose();
  });
  it('sums edges into a node, and a back edge carries the previous step (Delay rounds to steps)', () => {
    // y = delay(x, 3 steps) ; recurrent integrator: v_t = v_{t-1} + dt R (x_t + 0.5·s_{t-1})
    const g = createGraph({
      nodes: {
        input: createNode('Input', { shape: [1] }),
        d: createNode('Delay', { delay: [0.0031] }),
        i: createNode('I', { r: [1000] }),
        s: createNode('Scale', { scale: [0.5] }),
        output: createNode('Output', { shape: [1] }),
      },
      edges: [
        ['input', 'd'],
        ['d', 'i'],
        ['i', 's'],
        ['s', 'i'],
        ['i', 'output'],
      ],
    });
    const sim = compile(g, { dt: 1e-3 });
    const xs = [1, 0, 0, 0, 0, 0, 0];
    let v = 0;
    const hist: number[] = [];
    for (let t = 0; t < xs.length; t++) {
      const xt = t >= 3 ? xs[t - 3] : 0;
      v = v + 1 * (xt + 0.5 * (hist.length ? hist[hist.length - 1] : 0));
      hist.push(v);
      const x = tf.tensor2d([[xs[t]]]);
      const y = sim.step(x);
      // R·dt = 1 and the scale 0.5: every value is a short binary fraction, exact in float32
      expect(y.dataSync()[0]).toBe(v);
      tf.dispose([x, y]);
    }
    sim.dispose();
  });
  it('feeds each Input node its own value (by name), whatever the execution order', () => {
    const g = createGraph({
      nodes: {
        a: createNode('Input', { shape: [2] }),
        b: createNode('Input', { shape: [2] }),
        s: createNode('Scale', { scale: [2, 3] }),
        out: createNode('Output', { shape: [2] }),
        out_b: createNode('Output', { shape: [2] }),
      },
      edges: [
        ['a', 's'],
        ['s', 'out'],
        ['b', 'out_b'],
      ],
    });
    const sim = compile(g, { dt: 1e-3 });
    const a = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[10, 20]]);
    const y = sim.stepAll({ a, b });
    expect(Array.from(y.out.dataSync())).toEqual([2, 6]); // s ⊙ a
    expect(Array.from(y.out_b.dataSync())).toEqual([10, 20]); // b
    const wide = tf.zeros([1, 3]);
    const b2 = tf.zeros([2, 2]);
    expect(() => sim.stepAll({ a: wide, b })).toThrow(NirError);
    expect(() => sim.stepAll({ a: wide, b })).toThrow("node 'a': input of shape [1, 3] does not fit [B, 2]");
    expect(() => sim.stepAll({ a, b: b2 })).toThrow("node 'b': batch size 2 differs from 1 of input 'a'");
    expect(() => sim.stepAll({ a })).toThrow("node 'b': missing input 'b'");
    expect(() => sim.step(a)).toThrow(/needs exactly one Output node/);
    tf.dispose([a, b, wide, b2, y.out, y.out_b]);
    sim.dispose();
  });
  it('rejects a cycle with no node to carry state', () => {
    const g = createGraph({
      nodes: {
        input: createNode('Input', { shape: [1] }),
        a: createNode('Scale', { scale: [1] }),
        b: createNode('Scale', { scale: [1] }),
        output: createNode('Output', { shape: [1] }),
      },
      edges: [
        ['input', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'output'],
      ],
    });
    expect(() => compile(g, { dt: 1e-3 })).toThrow(/no node to carry state/);
  });
});

describe('compile: paper networks', () => {
  it('Braille CubaLIF graphs and cnn_sinabs run on random input', async () => {
    for (const f of ['braille_noDelay_bias_zero.nir', 'braille_noDelay_noBias_subtract.nir']) {
      const g = await readNir(path.join(FIXTURES, 'paper', f));
      const sim = compile(g, { dt: 1e-3, reset: f.includes('subtract') ? 'subtract' : 'zero' });
      const xs = tf.tidy(() => tf.cast(tf.less(tf.randomUniform([20, 4, 12], 0, 1, 'float32', 1), 0.3), 'float32'));
      const out = sim.run(xs);
      expect(out.shape).toEqual([20, 4, 7]);
      tf.dispose([xs, out]);
      sim.dispose();
    }
    const cnn = await readNir(path.join(FIXTURES, 'paper/cnn_sinabs.nir'));
    const sim = compile(cnn, { dt: 1 });
    const xs = tf.tidy(() => tf.cast(tf.less(tf.randomUniform([3, 2, 2, 34, 34], 0, 1, 'float32', 2), 0.2), 'float32'));
    const out = sim.run(xs);
    expect(out.shape).toEqual([3, 2, 10]);
    tf.dispose([xs, out]);
    sim.dispose();
  });

  it('the _subgraph Braille file: NirError naming the subgraph and the dangling edge; repaired it matches the flat file', async () => {
    const sub = path.join(FIXTURES, 'paper/braille_noDelay_noBias_subtract_subgraph.nir');
    const err = await readNir(sub).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NirError);
    expect((err as NirError).message).toBe(
      `${sub}: node 'lif1' edge 'input' -> 'lif': dangling edge: no node 'lif' in graph 'lif1' (nodes: input, lif1, lin, output)`,
    );
    const { graph, repairs } = await readNirFile(sub, { repair: 'rename-dangling' });
    expect(repairs).toEqual([{ graph: 'lif1', from: 'lif', to: 'lif1' }]);
    const flat = await readNir(path.join(FIXTURES, 'paper/braille_noDelay_noBias_subtract.nir'));
    const a = compile(graph, { dt: 1e-3, reset: 'subtract', record: ['lif1.lif1'] });
    const b = compile(flat, { dt: 1e-3, reset: 'subtract', record: ['lif1.lif'] });
    const xs = tf.tidy(() => tf.cast(tf.less(tf.randomUniform([100, 8, 12], 0, 1, 'float32', 3), 0.5), 'float32'));
    const ya = a.run(xs);
    const yb = b.run(xs);
    const ra = a.recording('lif1.lif1');
    const rb = b.recording('lif1.lif');
    expect(Array.from(ra.output.dataSync()).reduce((s, v) => s + v, 0)).toBeGreaterThan(0); // the hidden layer spikes
    expect(Array.from(ya.dataSync())).toEqual(Array.from(yb.dataSync()));
    expect(Array.from(ra.v!.dataSync())).toEqual(Array.from(rb.v!.dataSync()));
    tf.dispose([xs, ya, yb, ra.output, ra.v!, ra.i!, rb.output, rb.v!, rb.i!]);
    a.dispose();
    b.dispose();
  });

  it('steps without leaking tensors', async () => {
    const g = await readNir(path.join(FIXTURES, 'reference/recurrent_cuba.nir'));
    const sim = compile(g, { dt: 1e-3 });
    const x = tf.ones([2, 3]);
    await expectNoLeaks(
      () => {
        sim.step(x).dispose();
      },
      { iterations: 500 },
    );
    const nested = compile(await readNir(path.join(FIXTURES, 'reference/nested_misc.nir')), { dt: 1e-4, integration: 'exact' });
    const x2 = tf.ones([2, 2]);
    await expectNoLeaks(
      () => {
        nested.stepAll(x2).output.dispose();
      },
      { iterations: 300, warmup: 30 },
    );
    const before = tf.memory().numTensors;
    sim.dispose();
    nested.dispose();
    x.dispose();
    x2.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});

describe('compile: errors carry a code and the argument', () => {
  const g = () =>
    createGraph({
      nodes: {
        input: createNode('Input', { shape: [1] }),
        s: createNode('Scale', { scale: [2] }),
        output: createNode('Output', { shape: [1] }),
      },
      edges: [
        ['input', 's'],
        ['s', 'output'],
      ],
    });
  const caught = (f: () => unknown): NirError => {
    try {
      f();
    } catch (e) {
      if (e instanceof NirError) return e;
      throw e;
    }
    throw new Error('did not throw');
  };
  it('dt is checked by the shared validators', () => {
    const nan = caught(() => compile(g(), { dt: NaN }));
    expect([nan.code, nan.argument, nan.message]).toEqual([
      'ERR_NOT_FINITE',
      'dt',
      "field 'dt': compile: dt must be a finite number > 0, got NaN",
    ]);
    expect(caught(() => compile(g(), { dt: 0 })).code).toBe('ERR_OUT_OF_RANGE');
  });
  it('run/runAll call onStep after every step with (done, total)', () => {
    const sim = compile(g(), { dt: 1e-3 });
    const xs = tf.ones([3, 1, 1]);
    const calls: [number, number][] = [];
    const y = sim.run(xs, 5, { onStep: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ]);
    expect(y.shape).toEqual([5, 1, 1]);
    tf.dispose([xs, y]);
    sim.dispose();
  });
  it('a wrong input shape is ERR_SHAPE, a disposed simulator ERR_STATE', () => {
    const sim = compile(g(), { dt: 1e-3 });
    const x = tf.zeros([1, 2]);
    const e = caught(() => sim.step(x));
    expect([e.code, e.node]).toEqual(['ERR_SHAPE', 'input']);
    sim.dispose();
    const one = tf.zeros([1, 1]);
    expect(caught(() => sim.step(one)).code).toBe('ERR_STATE');
    tf.dispose([x, one]);
  });
});

describe('compile: every Simulator method on cpu and on wasm (test/exercise-cases.ts)', () => {
  it('step = run = run after reset, extended runs, state errors, no leaks; cpu equals wasm (spikes exactly, values within the float32 bound)', async () => {
    const mismatches: string[] = [];
    for (const [k, e] of EXERCISE.entries()) {
      const graph = await readNir(path.join(FIXTURES, e.file));
      const inputs = exerciseInputs(graph, e, k);
      await setBackend('wasm');
      const wasm = await exerciseSimulator(graph, e.opts, inputs);
      checkConsistent(`${e.file} on wasm`, inputs, wasm);
      await setBackend('cpu');
      const cpu = await exerciseSimulator(graph, e.opts, inputs);
      checkConsistent(`${e.file} on cpu`, inputs, cpu);
      mismatches.push(...compareExercise(e.file, graph, inputs, cpu, wasm));
    }
    await setBackend('wasm');
    expect(mismatches).toEqual([]);
  }, 120_000);
});
