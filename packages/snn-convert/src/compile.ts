import { gatherRowsSumTensor, setBackend, tf } from '@neurite/tensor';
import type { BackendName } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import { evalNode } from './forward.js';
import { fromNir } from './from-nir.js';
import { ifStep } from './if-step.js';
import { LoihiModel } from './loihi-model.js';
import type { LoihiOptions } from './loihi-model.js';
import type { Network } from './network.js';
import { disposeParams, makeParams } from './params.js';
import type { SpikingNetwork } from './spiking-network.js';
import { toNir } from './to-nir.js';

export type Target = 'cpu' | 'wasm' | 'webgl' | 'webgpu' | 'loihi';

export interface CompileOptions extends LoihiOptions {
  /**
   * 'dense' (default): every layer as a dense tfjs op on the batch.
   * 'event': per sample, a Dense layer fed by spikes sums only the weight rows
   * of the neurons that spiked (@neurite/tensor's GatherRowsSum kernel on the
   * target backend); other layers stay dense.
   */
  mode?: 'dense' | 'event';
}

export interface CompiledSnn {
  target: Target;
  mode: 'dense' | 'event' | 'fixed-point';
  /** Readout [B, classes] (mean output over T), row-major. */
  run(x: tf.Tensor, opts: { T: number }): Promise<Float32Array>;
}

/**
 * Compile for a target. tfjs targets switch the active backend
 * (`setBackend`), so compile before creating the input tensors. 'loihi' is the
 * fixed-point model of Loihi 2's CUBA LIF ({@link LoihiModel}; it runs on
 * whatever backend is active).
 * @throws ConvertError ERR_BACKEND-like (code ERR_UNSUPPORTED) when the backend cannot start here.
 */
export async function compile(snn: SpikingNetwork, target: Target, opts: CompileOptions = {}): Promise<CompiledSnn> {
  if (target === 'loihi') {
    const m = new LoihiModel(snn, opts);
    return { target, mode: 'fixed-point', run: (x, o) => m.run(x, o.T) };
  }
  if (!['cpu', 'wasm', 'webgl', 'webgpu'].includes(target))
    throw new ConvertError('target', `compile: target must be cpu, wasm, webgl, webgpu or loihi, got '${String(target)}'`);
  try {
    await setBackend(target);
  } catch (e) {
    throw new ConvertError('target', `compile: backend '${target}' cannot start here: ${(e as Error).message}`, {
      code: 'ERR_UNSUPPORTED',
      cause: e,
    });
  }
  const mode = opts.mode ?? 'dense';
  if (mode === 'dense')
    return {
      target,
      mode,
      run: async (x, o) => {
        const y = snn.run(x, o);
        const d = (await y.data()) as Float32Array;
        y.dispose();
        return d;
      },
    };
  if (mode !== 'event') throw new ConvertError('mode', `compile: mode must be 'dense' or 'event', got '${String(mode)}'`);
  const net = fromNir(toNir(snn)).network; // binary spikes, θ in the weights
  return { target, mode, run: (x, o) => runEvent(net, x, o.T) };
}

/** Event-driven simulation, one sample at a time. */
async function runEvent(net: Network, x: tf.Tensor, T: number): Promise<Float32Array> {
  checkInt('run', 'T', T, 1, 1 << 20);
  const B = x.shape[0];
  const params = makeParams(net);
  const classes = net.nodes[net.output].shape[0];
  const out = new Float32Array(B * classes);
  const spikeFed = net.nodes.map((n) => n.op.kind === 'dense' && net.nodes[n.inputs[0]].op.kind === 'if');
  try {
    for (let b = 0; b < B; b++) {
      const xb = tf.slice(x, b, 1);
      const states = new Map<number, tf.Tensor>();
      let acc: tf.Tensor | null = null;
      for (let t = 0; t < T; t++) {
        const vals: tf.Tensor[] = [];
        const temps: tf.Tensor[] = [];
        for (let i = 0; i < net.nodes.length; i++) {
          const n = net.nodes[i];
          const op = n.op;
          const p = params[i];
          let y: tf.Tensor;
          if (op.kind === 'if') {
            const a = vals[n.inputs[0]];
            const v = states.get(i) ?? tf.tidy(() => tf.mul(tf.onesLike(a), tf.mul(p.t!, op.v0)));
            const r = ifStep(v, a, p.t!);
            if (states.has(i)) v.dispose();
            else temps.push(v);
            states.set(i, r.v);
            r.out.dispose();
            y = r.s;
          } else if (spikeFed[i] && op.kind === 'dense') {
            const s = (await vals[n.inputs[0]].data()) as Float32Array;
            const rows: number[] = [];
            for (let k = 0; k < s.length; k++) if (s[k] !== 0) rows.push(k);
            const g = gatherRowsSumTensor(p.w as tf.Tensor2D, rows);
            y = tf.tidy(() => tf.reshape(tf.add(g, p.b!), [1, op.units]));
            g.dispose();
          } else y = tf.tidy(() => evalNode(n, p, vals, xb));
          vals[i] = y;
        }
        const sum: tf.Tensor = acc === null ? tf.clone(vals[net.output]) : tf.add(acc, vals[net.output]);
        acc?.dispose();
        acc = sum;
        for (const v of vals) if (v !== xb) v.dispose();
        tf.dispose(temps);
      }
      const d = await acc!.data();
      for (let k = 0; k < classes; k++) out[b * classes + k] = d[k] / T;
      acc!.dispose();
      for (const v of states.values()) v.dispose();
      xb.dispose();
    }
  } finally {
    disposeParams(params);
  }
  return out;
}

/**
 * The targets that work here: every tfjs backend that starts (tried in turn;
 * the previous backend is restored) and 'loihi' (a model; always available).
 */
export async function listBackends(): Promise<{ target: Target; available: boolean; note: string }[]> {
  const prev = tf.getBackend() as BackendName | undefined;
  const out: { target: Target; available: boolean; note: string }[] = [];
  for (const b of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) {
    try {
      await setBackend(b);
      out.push({ target: b, available: true, note: 'tfjs backend; dense and event-driven modes' });
    } catch (e) {
      out.push({ target: b, available: false, note: (e as Error).message.split('\n')[0] });
    }
  }
  if (prev) await setBackend(prev);
  out.push({ target: 'loihi', available: true, note: 'fixed-point model of the Loihi 2 CUBA LIF equations (not Lava, not silicon)' });
  return out;
}
