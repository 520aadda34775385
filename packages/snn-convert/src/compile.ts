import { setBackend, tf } from '@neurite/tensor';
import type { BackendName } from '@neurite/tensor';
import { ConvertError, checkInt } from './convert-error.js';
import { EventEngine } from './event-engine.js';
import { LoihiModel } from './loihi-model.js';
import type { LoihiOptions } from './loihi-model.js';
import type { SpikingNetwork } from './spiking-network.js';

/** Where `compile` runs a spiking network: a tfjs backend, or the Loihi 2 fixed-point model. */
export type Target = 'cpu' | 'wasm' | 'webgl' | 'webgpu' | 'loihi';

export interface CompileOptions extends LoihiOptions {
  /**
   * 'dense' (default): every layer as a dense tfjs op on the batch.
   * 'event': the analog first layers run as batched tfjs ops on the target
   * backend; the spiking part runs per sample on typed arrays, every layer fed by
   * spikes computed from its active inputs only (Dense: @neurite/tensor's
   * `gatherRowsSum` of the rows of the neurons that spiked; Conv2D and pooling:
   * each active input scattered to the outputs it reaches). See `EventEngine`.
   */
  mode?: 'dense' | 'event';
}

/** A spiking network compiled for a target (see {@link compile}). */
export interface CompiledSnn {
  /** The target it was compiled for. */
  target: Target;
  /** How it runs: batched tfjs ops, event-driven on typed arrays, or Loihi fixed point. */
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
  const engine = new EventEngine(snn.network);
  return {
    target,
    mode,
    run: (x, o) => {
      const T = checkInt('run', 'T', o?.T, 1, 1 << 20);
      const shape = snn.inputShape;
      const frames = x.rank === shape.length + 2 ? x.shape[1] : undefined;
      if ((x.rank !== shape.length + 1 && frames === undefined) || x.shape.slice(x.rank - shape.length).join() !== shape.join())
        throw new ConvertError('x', `run: x must be [B, ${shape}] or [B, frames, ${shape}], got [${x.shape}]`, { code: 'ERR_SHAPE' });
      return engine.run(x, T, frames);
    },
  };
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
