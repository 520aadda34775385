/**
 * The shift theorem of QCFS (Bu et al., ICLR 2022): a QCFS layer with L levels and its IF replacement
 * (θ = λ, v(0) = θ/2, reset by subtraction) give the same output after T = L steps, for any constant input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { ConvertError, forward, makeParams, disposeParams, qcfsActivation, toSpiking } from '../src/index.js';
import { oneLayer, eye } from './helpers.js';

beforeAll(async () => {
  await setBackend('cpu');
});

describe('toSpiking', () => {
  it('one QCFS layer with T = L has zero conversion error (dyadic values: exact)', async () => {
    const n = 96;
    // per-channel λ (powers of two) and inputs on a 1/64 grid: every product and sum is exact in float32
    const lambda = Float32Array.from({ length: n }, (_, i) => [0.5, 1, 2][i % 3]);
    const x = Float32Array.from({ length: 4 * n }, (_, k) => ((k * 37) % 200) / 64 - 0.5);
    for (const L of [1, 2, 4, 8, 16]) {
      const q = oneLayer(n, eye(n), new Float32Array(n), { kind: 'qcfs', lambda, L });
      const params = makeParams(q);
      const xt = tf.tensor(x, [4, n]);
      const ann = tf.tidy(() => forward(q, params, xt, qcfsActivation));
      disposeParams(params);
      const snn = toSpiking(q);
      const out = snn.run(xt, { T: L });
      const a = await ann.data();
      const s = await out.data();
      for (let i = 0; i < a.length; i++) expect(s[i], `L=${L} i=${i}`).toBe(a[i]);
      tf.dispose([xt, ann, out]);
    }
  });

  it('rejects plain ReLU and T < 1', async () => {
    const n = 3;
    const relu = oneLayer(n, eye(n), new Float32Array(n), { kind: 'act', fn: 'relu' });
    expect(() => toSpiking(relu)).toThrow(ConvertError);
    const snn = toSpiking(oneLayer(n, eye(n), new Float32Array(n), { kind: 'qcfs', lambda: new Float32Array([1]), L: 4 }));
    const x = tf.ones([1, n]);
    expect(() => snn.run(x, { T: 0 })).toThrow(/T must be an integer/);
    expect(() => snn.run(tf.ones([1, n + 1]), { T: 4 })).toThrow(ConvertError);
    x.dispose();
  });
});
