import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { compile, ConvertError, listBackends, loihiBias, SpikingNetwork } from '../src/index.js';
import type { Network } from '../src/index.js';

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
