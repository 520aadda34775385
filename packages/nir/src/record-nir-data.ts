import { tf } from '@neurite/tensor';
import type { Tensor } from '@neurite/tensor';
import type { Simulator } from './compile.js';
import type { NirGraphData, NirNodeData, TimeGriddedData } from './nir-data.js';
import { NirError } from './nir-error.js';

const SPIKING = new Set(['IF', 'LIF', 'CubaLIF', 'Threshold']);

/**
 * A tensor [T, B, ...shape] as NIR time-gridded data [samples = B, steps = T, neurons = numel(shape)]
 * (float32; `boolean` for spikes). Reads with `await t.data()`; does not dispose `t`.
 */
export async function griddedFromTensor(t: Tensor, dt: number, boolean = false): Promise<TimeGriddedData> {
  if (t.rank < 2) throw new NirError(`expected a tensor [T, B, ...], got shape [${t.shape.join(', ')}]`, { code: 'ERR_SHAPE' });
  const [T, B] = t.shape;
  const N = t.size / (T * B || 1);
  const moved = tf.tidy(() => tf.transpose(tf.reshape(t, [T, B, N]), [1, 0, 2]));
  const data = Float32Array.from((await moved.data()) as Float32Array);
  moved.dispose();
  return { type: 'TimeGriddedData', data: { shape: [B, T, N], dtype: 'float32', data }, dt, boolean };
}

/**
 * What a simulator recorded (compile with `record`), as NIR data: per recorded node (names as in
 * `sim.nodes`, nested ones `sub.node`), observables `output` (spikes as boolean data for spiking
 * nodes and Threshold), `v` and `i` (neuron states), each time-gridded [B, T, neurons] with `dt`.
 */
export async function recordNirData(sim: Simulator, dt: number): Promise<NirGraphData> {
  const nodes = Object.create(null) as Record<string, NirNodeData>;
  for (const name of sim.recorded) {
    const rec = sim.recording(name);
    try {
      const observables: NirNodeData['observables'] = {
        output: await griddedFromTensor(rec.output, dt, SPIKING.has(sim.nodeType(name))),
      };
      if (rec.v) observables.v = await griddedFromTensor(rec.v, dt);
      if (rec.i) observables.i = await griddedFromTensor(rec.i, dt);
      nodes[name] = { type: 'NIRNodeData', observables };
    } finally {
      tf.dispose([rec.output, rec.v, rec.i].filter((x): x is Tensor => x !== undefined));
    }
  }
  return { type: 'NIRGraphData', nodes };
}
