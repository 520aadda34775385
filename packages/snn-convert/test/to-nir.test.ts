/**
 * toNir → @neurite/nir's executor (dt = 1, reset 'subtract') gives the same spikes as the SpikingNetwork,
 * and fromNir(toNir(snn)) runs the same. Networks use v0 = 0 (NIR's IF starts at rest).
 * Exact equality holds because both sides compute the same float32 products (w·θ) and sums in the same order
 * on the same backend; a spike could only differ at an exact tie of v with θ (`≥` here, `>` in NIR).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { tfl } from '@neurite/tensor/layers';
import { compile, decodeNir, encodeNir } from '@neurite/nir';
import { ConvertError, foldBatchNorm, fromLayersModel, fromNir, spikingMlp, toNir, toQcfs, toSpiking } from '../src/index.js';
import type { SpikingNetwork } from '../src/index.js';
import { makeParams, disposeParams } from '../src/params.js';
import { simulate } from '../src/simulate.js';

beforeAll(async () => {
  await setBackend('wasm');
});

async function spikingFrom(model: tfl.LayersModel, inShape: number[], seed: number): Promise<SpikingNetwork> {
  const n = 64;
  const size = inShape.reduce((a, b) => a * b, 1);
  const images = (await tf.randomUniform([n * size], 0, 1, 'float32', seed).data()) as Float32Array;
  const net = foldBatchNorm(await fromLayersModel(model));
  const q = await toQcfs(net, { images, labels: new Uint8Array(n) }, { calibration: 'p99.9', L: 4 });
  return toSpiking(q, { v0: 0 });
}

/** Spikes of every IF layer of `snn` per step, in NIR's channel-first order, as one flat array per layer. */
async function ourSpikes(snn: SpikingNetwork, x: tf.Tensor, T: number): Promise<Map<string, number[]>> {
  const net = snn.network;
  const p = makeParams(net);
  const rec = new Map<string, tf.Tensor[]>();
  tf.tidy(() => {
    simulate(net, p, x, {
      T,
      onSpikes: (_t, sp) => {
        for (const [i, s] of sp) {
          const name = net.nodes[i].name.replace(/[^A-Za-z0-9_]/g, '_');
          const chw = s.rank === 4 ? tf.transpose(s, [0, 3, 1, 2]) : s;
          if (!rec.has(name)) rec.set(name, []);
          rec.get(name)!.push(tf.keep(chw));
        }
      },
    });
  });
  disposeParams(p);
  const out = new Map<string, number[]>();
  for (const [k, ts] of rec) {
    const st = tf.stack(ts);
    out.set(k, Array.from(await st.data()));
    tf.dispose([st, ...ts]);
  }
  return out;
}

describe('toNir / fromNir', () => {
  it('CNN with a residual Add: executor spikes and readout equal snn.run, and the file round-trips', async () => {
    const input = tfl.input({ shape: [8, 8, 1] });
    let x = tfl.layers
      .conv2d({ filters: 4, kernelSize: 3, padding: 'same', name: 'c1', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) })
      .apply(input) as tfl.SymbolicTensor;
    x = tfl.layers.reLU({ name: 'r1' }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.averagePooling2d({ poolSize: 2, name: 'p1' }).apply(x) as tfl.SymbolicTensor;
    let y = tfl.layers
      .conv2d({ filters: 4, kernelSize: 3, padding: 'same', name: 'c2', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) })
      .apply(x) as tfl.SymbolicTensor;
    y = tfl.layers.add({ name: 'add' }).apply([x, y]) as tfl.SymbolicTensor;
    y = tfl.layers.reLU({ name: 'r2' }).apply(y) as tfl.SymbolicTensor;
    y = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(y) as tfl.SymbolicTensor;
    y = tfl.layers
      .dense({ units: 6, activation: 'relu', name: 'd1', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) })
      .apply(y) as tfl.SymbolicTensor;
    const out = tfl.layers
      .dense({ units: 3, name: 'd2', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) })
      .apply(y) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out });
    const snn = await spikingFrom(model, [8, 8, 1], 7);
    const g = toNir(snn);
    expect(Object.values(g.nodes).map((n) => n.type)).toContain('Scale'); // the skip path carries θ-weighted spikes
    const T = 12;
    const xs = tf.randomUniform([5, 8, 8, 1], 0, 1, 'float32', 11);
    const ours = await ourSpikes(snn, xs, T);
    const ifNames = [...ours.keys()];
    expect(ifNames.length).toBe(3);
    let total = 0;
    for (const v of ours.values()) total += v.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const sim = compile(g, { dt: 1, reset: 'subtract', record: ifNames });
    const xsChw = tf.transpose(xs, [0, 3, 1, 2]);
    const seq = tf.stack(Array.from({ length: T }, () => xsChw));
    const res = sim.run(seq);
    for (const name of ifNames) {
      const r = sim.recording(name);
      expect(Array.from(await r.output.data()), name).toEqual(ours.get(name));
      tf.dispose([r.output, r.v ?? [], r.i ?? []] as tf.Tensor[]);
    }
    const mean = tf.mean(res, 0);
    const readout = snn.run(xs, { T });
    // Every spike is equal (above), so each step's output y_t is too; only the mean over T is computed differently
    // (tf.mean vs a running sum / T): the worst-case rounding of a T-term sum, T·eps·max|y_t|, plus one division.
    const a = await mean.data();
    const b = await readout.data();
    const ymax = (await tf.max(tf.abs(res)).data())[0];
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual((T + 1) * 2 ** -23 * ymax);
    // through the file format and back
    const back = fromNir((await decodeNir(await encodeNir(g))).graph);
    const r2 = back.run(xs, { T });
    expect(Array.from(await r2.data())).toEqual(Array.from(b));
    tf.dispose([xs, xsChw, seq, res, mean, readout, r2]);
    sim.dispose();
    model.dispose();
  });

  it('MLP: executor readout equals snn.run exactly', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({
          inputShape: [20],
          units: 16,
          activation: 'relu',
          kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }),
        }),
        tfl.layers.dense({ units: 4, kernelInitializer: tfl.initializers.glorotUniform({ seed: 6 }) }),
      ],
    });
    const snn = await spikingFrom(model, [20], 3);
    const g = toNir(snn);
    const xs = tf.randomUniform([9, 20], 0, 1, 'float32', 4);
    const T = 16;
    const sim = compile(g, { dt: 1, reset: 'subtract' });
    const seq = tf.stack(Array.from({ length: T }, () => xs));
    const res = sim.run(seq);
    const mean = tf.mean(res, 0);
    const readout = fromNir(g).run(xs, { T });
    expect(Array.from(await readout.data())).toEqual(Array.from(await mean.data()));
    tf.dispose([xs, seq, res, mean, readout]);
    sim.dispose();
    model.dispose();
  });

  it('LIF layers (β = 7/8) become NIR LIF nodes (τ = r = 8) that the executor runs with the same spikes and readout', async () => {
    // β = 7/8 and τ = 8 are exact in float32, so NIR's forward Euler (1 − dt/τ) v + (r dt/τ) x is β v + x bit for bit
    const snn = spikingMlp([12, 16, 10, 3], { neuron: 'lif', beta: 0.875, theta: 0.5, seed: 9 });
    const g = toNir(snn);
    const lifs = Object.entries(g.nodes).filter(([, n]) => n.type === 'LIF');
    expect(lifs.length).toBe(2);
    for (const [, n] of lifs) if (n.type === 'LIF') expect([n.tau.data[0], n.r.data[0], n.v_leak.data[0]]).toEqual([8, 8, 0]);
    const xs = tf.randomUniform([7, 12], -1, 2, 'float32', 5);
    const T = 20;
    const ours = await ourSpikes(snn, xs, T);
    let total = 0;
    for (const v of ours.values()) total += v.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    const sim = compile(g, { dt: 1, reset: 'subtract', integration: 'euler', record: [...ours.keys()] });
    const res = sim.run(tf.stack(Array.from({ length: T }, () => xs)));
    for (const name of ours.keys()) {
      const r = sim.recording(name);
      expect(Array.from(await r.output.data()), name).toEqual(ours.get(name));
      tf.dispose([r.output, r.v ?? [], r.i ?? []] as tf.Tensor[]);
    }
    const back = fromNir((await decodeNir(await encodeNir(g))).graph);
    expect(back.network.nodes.filter((n) => n.op.kind === 'if').map((n) => (n.op.kind === 'if' ? n.op.beta : 0))).toEqual([0.875, 0.875]);
    const r1 = snn.run(xs, { T });
    const r2 = back.run(xs, { T });
    expect(Array.from(await r2.data())).toEqual(Array.from(await r1.data()));
    tf.dispose([xs, res, r1, r2]);
    sim.dispose();
  });

  it('refuses what NIR cannot hold', async () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 2, padding: 'same', name: 'even' }),
        tfl.layers.reLU(),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 2 }),
      ],
    });
    const snn = await spikingFrom(model, [6, 6, 1], 1);
    expect(() => toNir(snn)).toThrow(ConvertError);
    expect(() => toNir(snn)).toThrow(/'even'.*asymmetric/);
    model.dispose();
  });
});
