import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { compile, ConvertError, listBackends, loihiBias, LoihiModel, SpikingNetwork, spikingMlp } from '../src/index.js';
import type { Network } from '../src/index.js';
import { size } from '../src/network.js';
import { disposeParams, makeParams } from '../src/params.js';
import { simulate } from '../src/simulate.js';

beforeAll(async () => {
  await setBackend('wasm');
});

function mlp(theta: number, v0: number, w1: Float32Array, nIn: number, nHid: number): SpikingNetwork {
  const w2 = Float32Array.from({ length: nHid * 3 }, (_, k) => Math.sin(k * 1.7) * 0.5);
  const net: Network = {
    output: 3,
    nodes: [
      { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [nIn] }, inputs: [], shape: [nIn] },
      {
        name: 'fc1',
        className: 'Dense',
        op: { kind: 'dense', w: w1, b: new Float32Array(nHid), inUnits: nIn, units: nHid },
        inputs: [0],
        shape: [nHid],
      },
      { name: 'if1', className: 'IF', op: { kind: 'if', theta: new Float32Array([theta]), v0 }, inputs: [1], shape: [nHid] },
      {
        name: 'fc2',
        className: 'Dense',
        op: { kind: 'dense', w: w2, b: new Float32Array(3), inUnits: nHid, units: 3 },
        inputs: [2],
        shape: [3],
      },
    ],
  };
  return new SpikingNetwork(net);
}

describe('compile', () => {
  it('event-driven and dense paths agree within float32 summation rounding', async () => {
    const nIn = 10;
    const nHid = 24;
    const w1 = Float32Array.from({ length: nIn * nHid }, (_, k) => Math.cos(k * 0.37) * 0.6);
    const snn = mlp(0.8, 0.5, w1, nIn, nHid);
    const x = tf.tensor(
      Float32Array.from({ length: 4 * nIn }, (_, k) => (k % 7) / 7),
      [4, nIn],
    );
    const T = 10;
    const dense = await (await compile(snn, 'wasm', { mode: 'dense' })).run(x, { T });
    const event = await (await compile(snn, 'wasm', { mode: 'event' })).run(x, { T });
    // Hidden spikes are computed by the same IF step on the same currents, so they are equal; the output sums the
    // same rows in another order: |diff| ≤ nHid · eps · Σ_j |w2| per step (worst case of a 24-term sum), mean over T.
    const bound = nHid * 2 ** -23 * nHid * 0.5;
    for (let i = 0; i < dense.length; i++) expect(Math.abs(dense[i] - event[i])).toBeLessThanOrEqual(bound);
    x.dispose();
  });

  it('event-driven equals dense exactly on a dyadic CNN (strided same conv, pooling, residual Add, GAP, LIF, frames)', async () => {
    // weights on a 1/64 grid, inputs on 1/8, θ and β powers of two: every sum is exact in float32 in any order,
    // so the event path (scatter order) and the dense tfjs path must give identical spikes and readouts
    const dy = (n: number, seed: number) => Float32Array.from({ length: n }, (_, k) => Math.round(Math.sin(k * 2.3 + seed) * 40) / 64);
    const conv = (name: string, i: number, cin: number, cout: number, k: number, s: number, shape: number[]) => ({
      name,
      className: 'Conv2D',
      op: {
        kind: 'conv2d' as const,
        w: dy(k * k * cin * cout, i),
        b: dy(cout, i + 10),
        kernel: [k, k] as [number, number],
        cin,
        cout,
        strides: [s, s] as [number, number],
        padding: 'same' as const,
        dilation: [1, 1] as [number, number],
      },
      inputs: [i - 1],
      shape,
    });
    const lif = (name: string, i: number, shape: number[], beta?: number) => ({
      name,
      className: 'IF',
      op: { kind: 'if' as const, theta: new Float32Array([0.5, 1, 0.25, 2]), v0: 0.5, ...(beta ? { beta } : {}) },
      inputs: [i],
      shape,
    });
    for (const beta of [undefined, 0.5]) {
      const net: Network = {
        output: 10,
        nodes: [
          { name: 'input', className: 'InputLayer', op: { kind: 'input', shape: [8, 8, 2] }, inputs: [], shape: [8, 8, 2] },
          conv('c1', 1, 2, 4, 3, 1, [8, 8, 4]),
          lif('if1', 1, [8, 8, 4], beta),
          conv('c2', 3, 4, 4, 3, 2, [4, 4, 4]),
          lif('if2', 3, [4, 4, 4], beta),
          conv('c3', 5, 4, 4, 3, 1, [4, 4, 4]),
          { name: 'add', className: 'Add', op: { kind: 'add' }, inputs: [4, 5], shape: [4, 4, 4] },
          lif('if3', 6, [4, 4, 4], beta),
          {
            name: 'pool',
            className: 'AveragePooling2D',
            op: { kind: 'avgpool', pool: [2, 2], strides: [2, 2], padding: 'valid' },
            inputs: [7],
            shape: [2, 2, 4],
          },
          { name: 'gap', className: 'GlobalAveragePooling2D', op: { kind: 'gap' }, inputs: [8], shape: [4] },
          {
            name: 'fc',
            className: 'Dense',
            op: { kind: 'dense', w: dy(12, 3), b: dy(3, 4), inUnits: 4, units: 3 },
            inputs: [9],
            shape: [3],
          },
        ],
      };
      const snn = new SpikingNetwork(net);
      const x = tf.tensor(
        Float32Array.from({ length: 3 * 8 * 8 * 2 }, (_, k) => ((k * 5) % 9) / 8),
        [3, 8, 8, 2],
      );
      const xf = tf.tensor(
        Float32Array.from({ length: 2 * 3 * 8 * 8 * 2 }, (_, k) => ((k * 7) % 5) / 8),
        [2, 3, 8, 8, 2],
      );
      for (const [input, T] of [
        [x, 6],
        [xf, 6],
      ] as const) {
        const dense = await (await compile(snn, 'wasm', { mode: 'dense' })).run(input, { T });
        const event = await (await compile(snn, 'wasm', { mode: 'event' })).run(input, { T });
        expect(Array.from(event), `β=${beta} rank ${input.rank}`).toEqual(Array.from(dense));
      }
      // the layers do spike, and not saturate: the comparison tests something
      const counts: number[] = [];
      tf.tidy(() => {
        const p = makeParams(net);
        simulate(net, p, x, { T: 6, onSpikes: (_t, sp) => sp.forEach((s, i) => (counts[i] = (counts[i] ?? 0) + tf.sum(s).dataSync()[0])) });
        disposeParams(p);
      });
      for (const i of [2, 4, 7]) {
        expect(counts[i], `β=${beta} layer ${i}`).toBeGreaterThan(0);
        expect(counts[i]).toBeLessThan(6 * 3 * size(net.nodes[i].shape));
      }
      tf.dispose([x, xf]);
    }
  });

  it('loihi: an IF layer on bias input fires floor((v0 + t·b − 1)/vth) times (integer IF, strict >, subtract)', async () => {
    // one input, identity-like first layer: current c_j = w_j, θ = 1 → scale 1/4096, vth = 4096 (so vth·64 = 2^18)
    const nHid = 8;
    const w1 = Float32Array.from({ length: nHid }, (_, j) => 0.05 + 0.13 * j);
    const snn = mlp(1, 0.5, w1, 1, nHid);
    const loihi = await compile(snn, 'loihi');
    expect(loihi.mode).toBe('fixed-point');
    const T = 16;
    const x = tf.tensor([[1]]);
    const r = await loihi.run(x, { T });
    // expected readout from the integer formula: spike counts N_j, output = Σ_j w2[j, k]·N_j / T (host float)
    const th = 4096 * 64;
    const v0 = Math.round(0.5 * 4096 * 64);
    const N = Array.from(w1, (c) => {
      const b = loihiBias(c * 4096 * 64);
      return Math.min(T, Math.max(0, Math.floor((v0 + T * b - 1) / th)));
    });
    const w2 = Float32Array.from({ length: nHid * 3 }, (_, k) => Math.sin(k * 1.7) * 0.5);
    for (let k = 0; k < 3; k++) {
      let s = 0;
      for (let j = 0; j < nHid; j++) s += w2[j * 3 + k] * N[j];
      // float32 readout of ≤ 16·8 products: within 1e-5 (≈ 128 terms × eps × max|Σ| ≤ 128 · 1.2e-7 · 8 · 0.5 · 16 / 16)
      expect(Math.abs(r[k] - s / T)).toBeLessThan(1e-4);
    }
    x.dispose();
  });

  it('loihi: a LIF network gets dv = round(4096 (1 − β)); layers with different β need an explicit dv', async () => {
    const lif = spikingMlp([3, 5, 4, 2], { neuron: 'lif', beta: 0.75, seed: 2 });
    expect((await compile(lif, 'loihi')).mode).toBe('fixed-point');
    expect(new LoihiModel(lif).options.dv).toBe(1024);
    expect(new LoihiModel(spikingMlp([3, 5, 2], { neuron: 'if' })).options.dv).toBe(0);
    const mixed = lif.clone();
    const second = mixed.network.nodes.filter((n) => n.op.kind === 'if')[1];
    if (second.op.kind === 'if') second.op.beta = 0.5;
    expect(() => new LoihiModel(mixed)).toThrow(/leak differently/);
    expect(new LoihiModel(mixed, { dv: 100 }).options.dv).toBe(100);
  });

  it('loihiBias keeps 13-bit mantissas with a 3-bit exponent', () => {
    expect(loihiBias(4095)).toBe(4095);
    expect(loihiBias(-4096)).toBe(-4096);
    expect(loihiBias(8191)).toBe(8192); // mantissa 4096 > 4095 at exp 0 → exp 1, round(4095.5) = 4096
    expect(loihiBias(1e9)).toBe(4095 * 128); // saturates at exponent 7
  });

  it('lists backends and refuses unknown targets', async () => {
    const list = await listBackends();
    expect(list.find((b) => b.target === 'wasm')?.available).toBe(true);
    expect(list.find((b) => b.target === 'loihi')?.available).toBe(true);
    const snn = mlp(1, 0.5, new Float32Array(4), 1, 4);
    await expect(compile(snn, 'tpu' as 'cpu')).rejects.toThrow(ConvertError);
  });
});
