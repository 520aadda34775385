import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { setBackend } from '../../src/backend.js';
import { expectNoLeaks } from '../../src/memory.js';
import { TensorError } from '../../src/tensor-error.js';
import { createRng } from '../../src/rng/create-rng.js';
import { neuronStep } from '../../src/neuron/neuron-step.js';
import type { NeuronStepParams } from '../../src/neuron/neuron-step.js';
import { NeuronStep } from '../../src/neuron/kernel-names.js';
import type { NeuronReset } from '../../src/neuron/kernel-names.js';
import { neuronStepModuleBytes, neuronStepSimd } from '../../src/kernels/wasm/neuron-step-simd.js';

afterAll(async () => {
  await setBackend('wasm');
});

type Coef = 'aV' | 'bV' | 'cV' | 'kV' | 'aI' | 'bI' | 'threshold' | 'vReset';

/**
 * The reference: the equations of neuronStep as separate tfjs ops, each op
 * rounded to float32 by the backend, in the order of the documentation:
 * i' = aI·i + bI·x; v' = aV·v + bV·x + cV·i + kV; z = v' > θ; v = reset(v', z).
 */
function composedReference(
  x: tf.Tensor,
  v: tf.Tensor,
  i: tf.Tensor | null,
  p: Partial<Record<Coef, tf.Tensor>>,
  reset: NeuronReset,
): tf.Tensor[] {
  return tf.tidy(() => {
    let nv = p.aV ? tf.mul(v, p.aV) : v;
    nv = tf.add(nv, p.bV ? tf.mul(x, p.bV) : x);
    if (p.cV) nv = tf.add(nv, tf.mul(i!, p.cV));
    if (p.kV) nv = tf.add(nv, p.kV);
    const out: tf.Tensor[] = [];
    if (p.threshold) {
      const z = tf.cast(tf.greater(nv, p.threshold), 'float32');
      out.push(z);
      if (reset === 'subtract') nv = tf.sub(nv, tf.mul(z, p.threshold));
      else if (reset === 'to_v_reset' && p.vReset) nv = tf.add(nv, tf.mul(z, tf.sub(p.vReset, nv)));
      else nv = tf.sub(nv, tf.mul(z, nv));
    }
    out.push(nv);
    if (p.aI) out.push(tf.add(tf.mul(i!, p.aI), p.bI ? tf.mul(x, p.bI) : x));
    return out;
  });
}

interface Config {
  shape: number[];
  coefShape: number[];
  current: boolean;
  spiking: boolean;
  reset: NeuronReset;
  scalars: boolean;
  leak: boolean;
  vReset: boolean;
}

const configs: Config[] = [];
// [64, 500]: the SIMD loop as is; [6, 10]: coefficients tiled to 20; [5, 7]: the JS loop; [3, 2, 4]: rank 3.
for (const [shape, coefShape] of [
  [[64, 500], [500]],
  [[6, 10], [10]],
  [[5, 7], [7]],
  [
    [3, 2, 4],
    [2, 4],
  ],
  [
    [4, 6],
    [1, 6],
  ],
] as const) {
  for (const reset of ['subtract', 'zero', 'to_v_reset'] as const) {
    for (const current of [false, true]) {
      configs.push({
        shape: [...shape],
        coefShape: [...coefShape],
        current,
        spiking: true,
        reset,
        scalars: false,
        leak: true,
        vReset: reset === 'to_v_reset',
      });
    }
  }
  configs.push({
    shape: [...shape],
    coefShape: [...coefShape],
    current: true,
    spiking: false,
    reset: 'zero',
    scalars: false,
    leak: true,
    vReset: false,
  });
  configs.push({
    shape: [...shape],
    coefShape: [...coefShape],
    current: false,
    spiking: true,
    reset: 'to_v_reset',
    scalars: true,
    leak: false,
    vReset: false,
  });
  configs.push({
    shape: [...shape],
    coefShape: [...coefShape],
    current: true,
    spiking: true,
    reset: 'to_v_reset',
    scalars: true,
    leak: true,
    vReset: true,
  });
}

function label(c: Config): string {
  return `[${c.shape}] ${c.spiking ? `reset ${c.reset}${c.vReset ? ' (v_reset ≠ 0)' : ''}` : 'no threshold'}${c.current ? ', current' : ''}${c.scalars ? ', some scalar coefficients' : ''}${c.leak ? '' : ', no kV'}`;
}

/** Random state/input and coefficients for one configuration (values near the threshold included). */
function setup(c: Config, seed: string) {
  const rng = createRng(seed);
  const n = c.shape.reduce((a, b) => a * b, 1);
  const m = c.coefShape.reduce((a, b) => a * b, 1);
  const arr = (len: number, lo: number, hi: number) => Float32Array.from({ length: len }, () => lo + (hi - lo) * rng.uniform());
  const x = tf.tensor(arr(n, -0.5, 1.5), c.shape);
  const v = tf.tensor(arr(n, -0.2, 1.2), c.shape);
  const i = c.current ? tf.tensor(arr(n, -1, 1), c.shape) : null;
  const coef = (lo: number, hi: number, scalar: boolean) =>
    scalar ? tf.scalar(lo + (hi - lo) * rng.uniform()) : tf.tensor(arr(m, lo, hi), c.coefShape);
  const p: Partial<Record<Coef, tf.Tensor>> = { aV: coef(0.8, 1, c.scalars), bV: coef(0.05, 0.5, false) };
  if (c.leak) p.kV = coef(-0.05, 0.05, c.scalars);
  if (c.current) {
    p.aI = coef(0.5, 1, false);
    p.bI = coef(0.5, 2, c.scalars);
    p.cV = coef(0.01, 0.2, false);
  }
  if (c.spiking) p.threshold = coef(0.6, 1, c.scalars);
  if (c.vReset) p.vReset = coef(-0.3, 0.2, false);
  return { x, v, i, p, all: [x, v, ...(i ? [i] : []), ...Object.values(p)] as tf.Tensor[] };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`neuronStep on ${backend}: the NeuronStep kernel against the composed tfjs ops`, () => {
    it('the kernel is registered for the backend', async () => {
      await setBackend(backend);
      expect(tf.getKernel(NeuronStep, backend)).toBeDefined();
    });

    for (const c of configs) {
      it(`${label(c)}: identical spikes, v and i over 5 steps`, async () => {
        await setBackend(backend);
        const { x, v, i, p, all } = setup(c, `neuron-${backend}-${label(c)}`);
        let state = { v, i };
        let ref = { v, i };
        const params: NeuronStepParams = { ...p, reset: c.reset };
        for (let t = 0; t < 5; t++) {
          const got = neuronStep(x, { v: state.v, ...(state.i ? { i: state.i } : {}) }, params);
          const want = composedReference(x, ref.v, ref.i, p, c.reset);
          const wantZ = c.spiking ? want[0] : null;
          const wantV = want[c.spiking ? 1 : 0];
          const wantI = c.current ? want[c.spiking ? 2 : 1] : null;
          if (c.spiking) {
            const z = got.spikes!.dataSync();
            expect(Array.from(z)).toEqual(Array.from(wantZ!.dataSync()));
            if (t === 0) {
              const s = Array.from(z).reduce((a, b) => a + b, 0);
              expect(s).toBeGreaterThan(0);
              expect(s).toBeLessThan(z.length);
            }
          } else expect(got.spikes).toBeUndefined();
          expect(got.v.shape).toEqual(c.shape);
          expect(Array.from(got.v.dataSync())).toEqual(Array.from(wantV.dataSync()));
          if (c.current) expect(Array.from(got.i!.dataSync())).toEqual(Array.from(wantI!.dataSync()));
          else expect(got.i).toBeUndefined();
          if (t > 0) tf.dispose([state.v, ...(state.i ? [state.i] : []), ref.v, ...(ref.i ? [ref.i] : [])]);
          got.spikes?.dispose();
          wantZ?.dispose();
          state = { v: got.v, i: got.i ?? null };
          ref = { v: wantV, i: wantI };
        }
        tf.dispose([state.v, ...(state.i ? [state.i] : []), ref.v, ...(ref.i ? [ref.i] : []), ...all]);
      });
    }

    it('integrate-and-fire with constant input follows theory: x = 0.3, θ = 1, subtract → spikes at steps 4, 7, 10 (1-based), v = 0.3·t − #spikes', async () => {
      await setBackend(backend);
      const x = tf.fill([1, 4], 0.25); // 0.25 is exact: v hits 1 exactly at step 4, and 1 > 1 is false
      const x3 = tf.fill([1, 4], 0.3);
      for (const [inp, expected] of [
        [x, [5, 9]],
        [x3, [4, 7, 10]],
      ] as const) {
        let v: tf.Tensor | undefined;
        const steps: number[] = [];
        for (let t = 1; t <= 10; t++) {
          const r = neuronStep(inp, v ? { v } : {}, { threshold: 1, reset: 'subtract' });
          if (r.spikes!.dataSync()[0] === 1) steps.push(t);
          v?.dispose();
          r.spikes!.dispose();
          v = r.v;
        }
        expect(steps).toEqual(expected);
        // 10 float32 additions of x and expected.length subtractions of 1: within gamma_k sum |terms| of
        // 10 x - spikes (k = 10 + spikes roundings, float32 u = 2^-24; Higham, Accuracy and Stability, Lemma 3.1)
        const k = 10 + expected.length,
          x32 = inp.dataSync()[0];
        const gammaK = (k * 2 ** -24) / (1 - k * 2 ** -24);
        expect(Math.abs(v!.dataSync()[0] - (x32 * 10 - expected.length))).toBeLessThanOrEqual(gammaK * (10 * x32 + expected.length));
        v!.dispose();
      }
      tf.dispose([x, x3]);
    });

    it('casts non-float32 inputs and accepts number coefficients', async () => {
      await setBackend(backend);
      const x = tf.tensor2d([[1, 2, 3, 4]], [1, 4], 'int32');
      const r = neuronStep(x, {}, { bV: 0.5, kV: 0.25, threshold: 1, reset: 'zero' });
      // v' = 0.5·x + 0.25 = [0.75, 1.25, 1.75, 2.25] (exact in float32)
      expect(Array.from(r.spikes!.dataSync())).toEqual([0, 1, 1, 1]);
      expect(Array.from(r.v.dataSync())).toEqual([0.75, 0, 0, 0]);
      tf.dispose([x, r.spikes!, r.v]);
    });

    it('leaks no tensors (kernel paths with full, tiled and scalar coefficients)', async () => {
      await setBackend(backend);
      for (const shape of [
        [64, 500],
        [6, 10],
        [5, 7],
      ]) {
        const n = shape[1];
        const x = tf.ones(shape);
        const v = tf.zeros(shape);
        const i = tf.zeros(shape);
        const th = tf.fill([n], 0.5);
        const aI = tf.fill([n], 0.9);
        await expectNoLeaks(
          () => {
            const r = neuronStep(x, { v, i }, { aV: 0.9, threshold: th, aI, cV: 0.1, vReset: -0.1, reset: 'to_v_reset' });
            tf.dispose([r.spikes!, r.v, r.i!]);
          },
          { iterations: 50 },
        );
        tf.dispose([x, v, i, th, aI]);
      }
    });

    it('rejects bad arguments with a TensorError naming them', async () => {
      await setBackend(backend);
      const x = tf.zeros([2, 3]);
      const v = tf.zeros([2, 4]);
      const before = tf.memory().numTensors;
      const bad: [() => unknown, string][] = [
        [() => neuronStep(x, { v }, {}), 'state.v'],
        [() => neuronStep(x, {}, { cV: 1 }), 'cV'],
        [() => neuronStep(x, {}, { bI: 1 }), 'bI'],
        [() => neuronStep(x, { i: x }, {}), 'state.i'],
        [() => neuronStep(x, {}, { vReset: 0 }), 'vReset'],
        [() => neuronStep(x, {}, { threshold: 1, reset: 'halve' as NeuronReset }), 'reset'],
        [() => neuronStep(x, {}, { aV: tf.ones([4]) }), 'aV'],
        [() => neuronStep([1, 2] as unknown as tf.Tensor, {}, {}), 'x'],
      ];
      for (const [f, arg] of bad) {
        let err: unknown;
        try {
          f();
        } catch (e) {
          err = e;
        }
        expect(err, arg).toBeInstanceOf(TensorError);
        expect((err as TensorError).argument).toBe(arg);
      }
      // the kernel itself checks its inputs too
      expect(() => tf.engine().runKernel(NeuronStep, { x, v }, { reset: 'zero' })).toThrow(TensorError);
      expect(() => tf.engine().runKernel(NeuronStep, { x, v: x, aV: v }, { reset: 'zero' })).toThrow(
        /aV must have size 1 or the trailing shape/,
      );
      expect(tf.memory().numTensors).toBe(before + 1); // only the aV tensor made inside the list
      tf.dispose([x, v]);
    });
  });
}

describe('the WebAssembly SIMD loop of the wasm kernel', () => {
  it('the assembled module validates for every set of flags and binds to the backend memory in Node', async () => {
    for (let flags = 0; flags < 512; flags++) expect(WebAssembly.validate(neuronStepModuleBytes(flags)), `flags ${flags}`).toBe(true);
    await setBackend('wasm');
    expect(neuronStepSimd(tf.backend() as BackendWasm, 0)).not.toBeNull();
    expect(neuronStepSimd(tf.backend() as BackendWasm, 511)).not.toBeNull();
  });

  it('keeps its results right after the wasm heap grows', async () => {
    await setBackend('wasm');
    const x = tf.fill([8, 12], 0.75);
    const th = tf.fill([12], 0.5);
    const big = tf.zeros([(64 * 1024 * 1024) / 4]); // 64 MB: the heap grows, old views detach
    const r = neuronStep(x, {}, { threshold: th, reset: 'subtract' });
    expect(Array.from(r.spikes!.dataSync())).toEqual(new Array(96).fill(1));
    expect(Array.from(r.v.dataSync())).toEqual(new Array(96).fill(0.25));
    tf.dispose([x, th, big, r.spikes!, r.v]);
  });
});
