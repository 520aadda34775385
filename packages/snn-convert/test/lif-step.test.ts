/**
 * The LIF step against its closed form. With constant input x, no spike yet and v(0) = 0,
 * v_t = x (1 − β^t) / (1 − β) (geometric sum); the first spike comes at the first t with v_t ≥ θ,
 * and a neuron whose steady state x / (1 − β) stays below θ never fires. Values are dyadic
 * (β = 0.5, 0.75, x on a 1/16 grid) so float32 computes every step exactly for the steps checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { setBackend, tf } from '@neurite/tensor';
import { ConvertError, lifStep, spikingMlp, toSpiking } from '../src/index.js';
import { oneLayer, eye } from './helpers.js';

beforeAll(async () => {
  await setBackend('cpu');
});

/** First step (1-based) at which x(1 − β^t)/(1 − β) ≥ θ, computed in float64; Infinity if never within `max`. */
function firstSpike(x: number, beta: number, theta: number, max: number): number {
  let v = 0;
  for (let t = 1; t <= max; t++) {
    v = beta * v + x;
    if (v >= theta) return t;
  }
  return Infinity;
}

describe('lifStep', () => {
  it('follows v_t = x(1 − β^t)/(1 − β) until the first spike, at the closed-form step', async () => {
    const xs = [0.0625, 0.25, 0.3125, 0.5, 0.5625, 1.0625];
    for (const beta of [0.5, 0.75]) {
      const theta = tf.tensor1d([1]);
      const x = tf.tensor2d([xs]);
      let v: tf.Tensor = tf.zeros([1, xs.length]);
      const first = xs.map(() => Infinity);
      for (let t = 1; t <= 10; t++) {
        const r = lifStep(v, x, theta, beta);
        const s = await r.s.data();
        const vd = await r.v.data();
        xs.forEach((xi, k) => {
          if (first[k] === Infinity && s[k] === 1) first[k] = t;
          // before any spike: the geometric sum (exact on these dyadic values for t ≤ 10, β ≤ 3/4)
          if (first[k] === Infinity) expect(vd[k], `β=${beta} x=${xi} t=${t}`).toBe((xi * (1 - beta ** t)) / (1 - beta));
        });
        tf.dispose([v, r.out, r.s]);
        v = r.v;
      }
      xs.forEach((xi, k) => expect(first[k], `β=${beta} x=${xi}`).toBe(firstSpike(xi, beta, 1, 10)));
      // 0.0625/(1 − β) < 1: never fires; 1.0625 ≥ θ fires at once
      expect(first[0]).toBe(Infinity);
      expect(first[5]).toBe(1);
      tf.dispose([v, theta, x]);
    }
  });

  it('β = 1 is the IF neuron: the rate on constant input is ⌊x T/θ + v0/θ⌋/T', async () => {
    const n = 8;
    const lambda = new Float32Array([1]);
    const q = oneLayer(n, eye(n), new Float32Array(n), { kind: 'qcfs', lambda, L: 8 });
    const lif1 = toSpiking(q, { neuron: 'lif', beta: 1, v0: 0 });
    const ifn = toSpiking(q, { v0: 0 });
    const x = tf.tensor2d([Array.from({ length: n }, (_, i) => i / 8)]);
    const a = lif1.run(x, { T: 16 });
    const b = ifn.run(x, { T: 16 });
    const ad = await a.data();
    expect(Array.from(ad)).toEqual(Array.from(await b.data()));
    for (let i = 0; i < n; i++) expect(ad[i]).toBe(Math.floor((i / 8) * 16) / 16);
    tf.dispose([x, a, b]);
  });

  it('a leaky layer fires less than IF on the same input, and bad β is refused', async () => {
    const n = 8;
    const q = oneLayer(n, eye(n), new Float32Array(n), { kind: 'qcfs', lambda: new Float32Array([1]), L: 8 });
    const x = tf.tensor2d([Array.from({ length: n }, (_, i) => 0.2 + i / 10)]);
    const lif = await toSpiking(q, { neuron: 'lif', beta: 0.75, v0: 0 }).run(x, { T: 32 }).data();
    const ifr = await toSpiking(q, { v0: 0 }).run(x, { T: 32 }).data();
    for (let i = 0; i < n; i++) expect(lif[i]).toBeLessThan(ifr[i]);
    expect(() => toSpiking(q, { neuron: 'lif', beta: 1.5 })).toThrow(ConvertError);
    expect(() => toSpiking(q, { neuron: 'lif', beta: 0 })).toThrow(/beta/);
    expect(() => spikingMlp([4, 2])).toThrow(ConvertError);
    x.dispose();
  });
});
