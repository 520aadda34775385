// Tour step: load a .nir file that Python wrote (Norse's LIF export from the
// NIR paper) and run it on tfjs, then compare with Norse's own trace.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readNir, compile } from '@neurite/nir/node';
import { tf, setBackend } from '@neurite/tensor';
import { linePlot } from '@neurite/plot';

// Norse's simulation of the same file (NIR paper, paper/01_lif): input, v, z per step of 0.1 ms.
const NORSE_CSV = fileURLToPath(new URL('../../packages/nir/test/fixtures/paper/lif_norse.csv', import.meta.url));

export const title = 'NIR: run a spiking network written by Python';

export async function run(ctx) {
  await setBackend('wasm');
  const file = fileURLToPath(import.meta.resolve('@neurite/nir/examples/lif_norse.nir'));
  const graph = await readNir(file);
  ctx.say(
    'lif_norse.nir is Affine(1→1) → LIF, exported from Norse (PyTorch) for the NIR paper.',
    '@neurite/nir reads the HDF5 file, compiles the graph and steps it on the wasm backend (dt = 0.1 ms).',
  );
  const rows = readFileSync(NORSE_CSV, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number));
  const input = rows.map((r) => r[0]);
  const norse = { v: rows.map((r) => r[1]), z: rows.map((r) => r[2]) };
  const T = input.length;
  const sim = compile(graph, { dt: 1e-4, integration: 'euler', reset: 'to_v_reset', record: ['1'] });
  const xs = tf.tensor3d(Float32Array.from(input), [T, 1, 1]);
  const spikes = sim.run(xs);
  const { v } = sim.recording('1');
  const z = Array.from(await spikes.data());
  const volts = Array.from(await v.data());
  tf.dispose([xs, spikes, v]);
  sim.dispose();
  const count = z.filter((s) => s !== 0).length;
  const inCount = input.filter((s) => s !== 0).length;
  const norseCount = norse.z.filter((s) => s !== 0).length;
  const sameSteps = z.every((s, t) => (s !== 0) === (norse.z[t] !== 0));
  let maxDv = 0;
  for (let t = 0; t < T; t++) maxDv = Math.max(maxDv, Math.abs(volts[t] - norse.v[t]));
  ctx.figure(
    `${count} output spikes for ${inCount} input spikes in ${T} steps (Norse: ${norseCount}, ${sameSteps ? 'same steps' : 'different steps'}); max |v − v_Norse| = ${maxDv.toExponential(1)} V`,
  );
  const ms = Array.from({ length: T }, (_, t) => t * 0.1);
  const vth = Number((graph.nodes['1']?.v_threshold?.data?.[0] ?? 0.1).toPrecision(6)); // float32 0.1 shown as 0.1
  const series = [
    { name: `input spike (drawn ${vth} V high)`, x: ms, y: input.map((s) => s * vth) },
    { name: 'membrane v, Neurite (V)', x: ms, y: volts },
    { name: 'membrane v, Norse (V)', x: ms, y: norse.v, dashed: true },
  ];
  await ctx.writePlot(
    'nir-lif-trace.svg',
    await linePlot(
      { series },
      { title: 'lif_norse.nir: membrane voltage and input', xLabel: 'time (ms)', yLabel: 'voltage (V)', width: 640 },
    ),
  );
}
