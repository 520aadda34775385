import { compile, type NirGraph, type Integration } from '@neurite/nir';
import { tf } from '@neurite/tensor';
import { HdlError } from './hdl-error.js';
import type { ResetMode } from './lower-graph.js';
import type { SpikeTrains } from './spike-trains.js';

/** Options of {@link runFloatExecutor}: the executor's conventions, batch size and readout. */
export interface FloatRunOptions {
  /** Time step in seconds (default 1: one step per unit of the time constants). */
  dt?: number;
  /** Discretisation of the neuron equations (default 'euler'). */
  integration?: Integration;
  /** Reset after a spike (default 'to_v_reset'). */
  reset?: ResetMode;
  /** Samples per executor batch (default 128). */
  batch?: number;
  /** 'counts': output spikes summed over the steps (default); 'last': the output at the last step (LI readout). */
  readout?: 'counts' | 'last';
}

/**
 * Runs the float graph on @neurite/nir's executor (tfjs; call `setBackend` first) over spike trains
 * and returns per sample the output summed over steps (spike counts) or its last value:
 * row-major [samples][outputs]. The reference the quantised model is compared with.
 */
export async function runFloatExecutor(
  graph: NirGraph,
  input: SpikeTrains,
  options: FloatRunOptions = {},
): Promise<{ outputs: Float64Array; nOut: number }> {
  const sim = compile(graph, { dt: options.dt ?? 1, integration: options.integration ?? 'euler', reset: options.reset ?? 'to_v_reset' });
  const B = options.batch ?? 128;
  const inName = Object.keys(graph.nodes).find((n) => graph.nodes[n].type === 'Input');
  if (inName === undefined) throw new HdlError('graph', 'the graph has no Input node', { code: 'ERR_UNSUPPORTED' });
  const inNode = graph.nodes[inName] as { shape: { data: ArrayLike<number> } };
  const inShape = Array.from(inNode.shape.data);
  let outputs: Float64Array | undefined;
  let nOut = 0;
  try {
    for (let s0 = 0; s0 < input.samples; s0 += B) {
      const b = Math.min(B, input.samples - s0);
      const x = new Float32Array(input.steps * b * input.size);
      for (let t = 0; t < input.steps; t++)
        for (let s = 0; s < b; s++) {
          const src = ((s0 + s) * input.steps + t) * input.size;
          const dst = (t * b + s) * input.size;
          for (let j = 0; j < input.size; j++) x[dst + j] = input.data[src + j];
        }
      sim.reset();
      const xs = tf.tensor(x, [input.steps, b, ...inShape]);
      const ys = sim.run(xs);
      const flat = tf.tidy(() => {
        const y2 = tf.reshape(ys, [input.steps, b, -1]);
        return options.readout === 'last' ? tf.squeeze(tf.slice(y2, [input.steps - 1, 0, 0], [1, b, -1]), [0]) : tf.sum(y2, 0);
      });
      const data = await flat.data();
      tf.dispose([xs, ys, flat]);
      nOut = data.length / b;
      outputs ??= new Float64Array(input.samples * nOut);
      outputs.set(data, s0 * nOut);
    }
  } finally {
    sim.dispose();
  }
  return { outputs: outputs ?? new Float64Array(0), nOut };
}

/** Index of the largest output per sample (the lowest index on ties). */
export function classify(outputs: ArrayLike<number>, nOut: number): Int32Array {
  const n = Math.floor(outputs.length / nOut);
  const out = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let best = 0;
    for (let k = 1; k < nOut; k++) if (outputs[s * nOut + k] > outputs[s * nOut + best]) best = k;
    out[s] = best;
  }
  return out;
}

/** Fraction of predictions equal to the labels. */
export function accuracy(predicted: ArrayLike<number>, labels: ArrayLike<number>): number {
  let ok = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === labels[i]) ok++;
  return predicted.length === 0 ? 0 : ok / predicted.length;
}
