/**
 * The fused neuron update `neuronStep` (the NeuronStep kernel on cpu and
 * wasm, composed tfjs ops on webgl and webgpu) over three steps. Every input
 * is a multiple of 1/64 and every coefficient a short dyadic fraction, and
 * the thresholds sit off that grid, so each operation is exact in float32 on
 * every backend and no spike can flip on a rounding difference.
 */
import { neuronStep, tf } from '../../src/index.js';
import type { NeuronReset, NeuronStepParams } from '../../src/index.js';
import type { ConformanceCase } from './types.js';
import { fill } from './case-data.js';

/** n values k/64 with k an integer in [64·lo, 64·hi). */
function grid(n: number, seed: number, lo: number, hi: number): Float32Array {
  return fill(n, seed, lo, hi).map((v) => Math.floor(v * 64) / 64);
}

/** A coefficient of shape `shape`, each entry one of `choices`. */
function pick(shape: number[], seed: number, choices: number[]): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    fill(n, seed, 0, 1).map((u) => choices[Math.min(choices.length - 1, Math.floor(u * choices.length))]),
    shape,
  );
}

interface Spec {
  shape: number[];
  coef: number[];
  reset: NeuronReset;
  current: boolean;
  spiking: boolean;
  vReset: boolean;
  kV: boolean;
  scalars: boolean;
}

function neuronCase(name: string, s: Spec, seed: number): ConformanceCase {
  return {
    name: `neuron/neuronStep ${name}`,
    async run() {
      const n = s.shape.reduce((a, b) => a * b, 1);
      const made: tf.Tensor[] = [];
      const keep = <T extends tf.Tensor>(t: T) => {
        made.push(t);
        return t;
      };
      const p: NeuronStepParams = {
        reset: s.reset,
        aV: s.scalars ? 0.875 : keep(pick(s.coef, seed + 1, [0.5, 0.75, 0.875, 1])),
        bV: keep(pick(s.coef, seed + 2, [0.25, 0.5, 1])),
      };
      if (s.kV) p.kV = keep(pick(s.coef, seed + 3, [-0.0625, 0, 0.125]));
      if (s.current) {
        p.aI = keep(pick(s.coef, seed + 4, [0.5, 0.75]));
        p.bI = s.scalars ? 2 : keep(pick(s.coef, seed + 5, [0.5, 1, 2]));
        p.cV = keep(pick(s.coef, seed + 6, [0.125, 0.25]));
      }
      if (s.spiking)
        p.threshold = s.scalars ? 0.7 + 1 / 1024 : keep(pick(s.coef, seed + 7, [0.6 + 1 / 1024, 0.9 + 1 / 1024, 1 + 1 / 1024]));
      if (s.vReset) p.vReset = keep(pick(s.coef, seed + 8, [-0.25, 0.125]));
      const x = keep(tf.tensor(grid(n, seed + 9, -0.5, 1.5), s.shape));
      let v = tf.tensor(grid(n, seed + 10, -0.25, 1), s.shape);
      let i: tf.Tensor | undefined = s.current ? tf.tensor(grid(n, seed + 11, -1, 1), s.shape) : undefined;
      const outs: Record<string, Float32Array> = {};
      for (let t = 0; t < 3; t++) {
        const r = neuronStep(x, i ? { v, i } : { v }, p);
        if (r.spikes) {
          outs[`spikes${t}`] = (await r.spikes.data()) as Float32Array;
          r.spikes.dispose();
        }
        outs[`v${t}`] = (await r.v.data()) as Float32Array;
        if (r.i) outs[`i${t}`] = (await r.i.data()) as Float32Array;
        v.dispose();
        i?.dispose();
        v = r.v;
        i = r.i;
      }
      v.dispose();
      i?.dispose();
      tf.dispose(made);
      return outs;
    },
  };
}

export const cases: ConformanceCase[] = [
  neuronCase(
    'LIF [8, 36], reset to v_reset',
    { shape: [8, 36], coef: [36], reset: 'to_v_reset', current: false, spiking: true, vReset: true, kV: true, scalars: false },
    101,
  ),
  neuronCase(
    'CubaLIF [6, 10], reset by subtraction, scalar aV/bI/threshold',
    { shape: [6, 10], coef: [10], reset: 'subtract', current: true, spiking: true, vReset: false, kV: false, scalars: true },
    202,
  ),
  neuronCase(
    'LIF [5, 7], reset to zero',
    { shape: [5, 7], coef: [7], reset: 'zero', current: false, spiking: true, vReset: false, kV: true, scalars: false },
    303,
  ),
  neuronCase(
    'CubaLI [3, 2, 4] (no threshold), coefficients [2, 4]',
    { shape: [3, 2, 4], coef: [2, 4], reset: 'zero', current: true, spiking: false, vReset: false, kV: true, scalars: false },
    404,
  ),
];

/**
 * Spikes of a [B, C, H, W] layer read through a transpose to channels-last and
 * a 2x2 average pool and a sum, as a conv-net executor consumes them. On
 * tfjs-backend-webgpu 4.22 spikes made by a bool -> float32 cast came out wrong
 * in exactly this chain (fails here with the cast, as long as the tensors exceed
 * webgpu's CPU hand-off size, WEBGPU_CPU_HANDOFF_SIZE_THRESHOLD = 1000 elements);
 * every value is exact (spikes 0/1, pool averages multiples of 1/4), so the
 * outputs must equal cpu's.
 */
cases.push({
  name: 'neuron/neuronStep spikes [2, 3, 16, 16] through transpose, avgPool 2x2 and sum',
  async run() {
    const shape = [2, 3, 16, 16];
    const n = shape.reduce((a, b) => a * b, 1);
    const [spikes, pooled, summed] = tf.tidy(() => {
      const x = tf.tensor(grid(n, 505, -0.5, 1.5), shape);
      const v = tf.tensor(grid(n, 506, -0.25, 1), shape);
      const th = tf.tensor(
        fill(n / 2, 507, 0, 1).map((u) => [0.5 + 1 / 1024, 0.75 + 1 / 1024, 1 + 1 / 1024][Math.min(2, Math.floor(u * 3))]),
        shape.slice(1),
      );
      const r = neuronStep(x, { v }, { threshold: th, reset: 'zero' });
      const nhwc = tf.transpose(r.spikes!, [0, 2, 3, 1]) as tf.Tensor4D;
      return [r.spikes!, tf.avgPool(nhwc, 2, 2, 'valid'), tf.sum(nhwc, [1, 2])];
    });
    const out = {
      spikes: (await spikes.data()) as Float32Array,
      pooled: (await pooled.data()) as Float32Array,
      summed: (await summed.data()) as Float32Array,
    };
    tf.dispose([spikes, pooled, summed]);
    return out;
  },
});
